"""Structure of the batch_classification DAG, loaded as Airflow loads it."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

DAGS = Path(__file__).resolve().parent.parent / "dags"


def load(mode: str):
    os.environ["TXCLASS_EXECUTION_MODE"] = mode
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(DAGS))
    assert bag.import_errors == {}, bag.import_errors
    return bag.dags["batch_classification"]


@pytest.fixture(params=["docker", "local"])
def dag(request):
    return load(request.param), request.param


def test_it_runs_daily_with_manual_params(dag):
    dag, _ = dag
    assert dag.schedule == "@daily" or str(dag.timetable.summary) == "@daily"
    assert set(dag.params.keys()) == {"bucket", "prefix", "date"}
    assert dag.max_active_runs == 1
    assert not dag.catchup


def test_tasks_list_then_shard_then_classify_per_object(dag):
    dag, _ = dag
    assert set(dag.task_ids) == {"list_objects", "shard", "classify"}
    assert dag.get_task("shard").upstream_task_ids == {"list_objects"}
    assert dag.get_task("classify").upstream_task_ids == {"shard"}
    # Dynamic task mapping: one classify task instance per object.
    assert type(dag.get_task("classify")).__name__ == "MappedOperator"
    assert type(dag.get_task("list_objects")).__name__ == "MappedOperator"


def test_every_task_retries_with_backoff(dag):
    dag, _ = dag
    for task in dag.tasks:
        assert task.retries == 3
        assert task.retry_delay == timedelta(minutes=2)
        assert task.retry_exponential_backoff


def test_the_docker_task_runs_the_batch_image_with_settings_from_connections():
    dag = load("docker")
    classify = dag.get_task("classify")
    assert classify.operator_name == "DockerOperator" or classify.task_type == "DockerOperator"
    partial = classify.partial_kwargs
    assert partial["image"] == "txclass/batch:latest"
    env = partial["environment"]
    for name in [
        "S3_ENDPOINT",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "DATABASE_URL",
        "ML_API_URL",
        "ML_API_KEY",
        "KAFKA_BROKERS",
        "S3_BUCKET",
    ]:
        assert name in env, name
    assert "conn.txclass_s3" in env["AWS_SECRET_ACCESS_KEY"]
    assert "conn.txclass_postgres" in env["DATABASE_URL"]
    assert partial["auto_remove"] == "success"


def test_the_shard_task_passes_airflows_run_id_to_the_cli():
    dag = load("local")
    shard = dag.get_task("shard").python_callable
    module_globals = shard.__globals__
    assert module_globals["MODE"] == "local"
    from unittest import mock

    context = {"run_id": "manual__2024-06-01", "params": {}}
    with mock.patch.dict(module_globals, {"get_current_context": lambda: context}):
        out = shard(['noise\n["incoming/2024-06-01/a.csv", "incoming/2024-06-01/b.csv.gz"]'])
    assert len(out) == 2
    assert "--run-id manual__2024-06-01" in out[0]
    assert "--batch-id manual__2024-06-01-00001" in out[1]
    assert "--s3-key incoming/2024-06-01/b.csv.gz" in out[1]
