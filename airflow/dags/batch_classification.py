"""Daily classification of transaction CSVs with txclass-batch.

One mapped task per S3 object (dynamic task mapping), so Airflow workers
share a large day. Each task runs the batch CLI:

* in production, in the batch image (the ``batch`` target of the
  repository's ``Dockerfile``) through ``DockerOperator``;
* on hosts without Docker (CI, a laptop), the same command through
  ``BashOperator`` with the ``txclass-batch`` binary.

``TXCLASS_EXECUTION_MODE`` (Airflow Variable or environment variable,
``docker`` or ``local``) chooses. Settings come from Airflow Connections:
``txclass_s3`` (AWS: login/password = access key/secret, extra
``endpoint_url``, ``region_name``, ``bucket``), ``txclass_postgres`` and
``txclass_ml_api`` (HTTP: host and port, password = API key). Airflow's
``run_id`` becomes the CLI's ``--run-id``; each object's map index its
``--batch-id``. Variables ``TXCLASS_KAFKA_BROKERS``, ``TXCLASS_DLQ_TOPIC``
and ``TXCLASS_PUSHGATEWAY_URL`` (where each task pushes its run metrics;
empty: none) complete them.
"""

from __future__ import annotations

import json
import os
import shlex
from datetime import datetime, timedelta

from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG, Param, Variable, get_current_context, task

DAG_ID = "batch_classification"


def setting(name: str, default: str) -> str:
    """An Airflow Variable, else the environment, else the default."""
    try:
        value = Variable.get(name, default=None)
    except Exception:  # noqa: BLE001 - no metadata database while parsing (e.g. in tests)
        value = None
    return value or os.environ.get(name, default)


MODE = setting("TXCLASS_EXECUTION_MODE", "docker")
BATCH_BIN = setting("TXCLASS_BATCH_BIN", "txclass-batch")
IMAGE = setting("TXCLASS_BATCH_IMAGE", "txclass/batch:latest")

# Rendered at run time from the Connections: nothing secret is in this file.
ENVIRONMENT = {
    "S3_ENDPOINT": "{{ conn.txclass_s3.extra_dejson.get('endpoint_url', '') }}",
    "AWS_ACCESS_KEY_ID": "{{ conn.txclass_s3.login }}",
    "AWS_SECRET_ACCESS_KEY": "{{ conn.txclass_s3.password }}",
    "AWS_REGION": "{{ conn.txclass_s3.extra_dejson.get('region_name', 'us-east-1') }}",
    "DATABASE_URL": (
        "postgres://{{ conn.txclass_postgres.login }}"
        "{{ ':' ~ conn.txclass_postgres.password if conn.txclass_postgres.password else '' }}"
        "@{{ conn.txclass_postgres.host }}:{{ conn.txclass_postgres.port or 5432 }}"
        "/{{ conn.txclass_postgres.schema }}"
    ),
    "ML_API_URL": "http://{{ conn.txclass_ml_api.host }}:{{ conn.txclass_ml_api.port or 8000 }}",
    "ML_API_KEY": "{{ conn.txclass_ml_api.password or '' }}",
    "KAFKA_BROKERS": "{{ var.value.get('TXCLASS_KAFKA_BROKERS', '127.0.0.1:9092') }}",
    "KAFKA_DLQ_TOPIC": "{{ var.value.get('TXCLASS_DLQ_TOPIC', 'failed-transactions') }}",
    "S3_BUCKET": "{{ params.bucket or conn.txclass_s3.extra_dejson.get('bucket', 'txclass') }}",
    "PUSHGATEWAY_URL": "{{ var.value.get('TXCLASS_PUSHGATEWAY_URL', '') }}",
    "RUST_LOG": "info",
}

PREFIX = "{{ params.prefix or ('incoming/' ~ (params.date or ds) ~ '/') }}"


def docker_operator(**kwargs):
    from airflow.providers.docker.operators.docker import DockerOperator

    return DockerOperator.partial(
        image=IMAGE,
        environment=ENVIRONMENT,
        docker_url=os.environ.get("DOCKER_HOST", "unix://var/run/docker.sock"),
        network_mode=setting("TXCLASS_DOCKER_NETWORK", "bridge"),
        auto_remove="success",
        mount_tmp_dir=False,
        **kwargs,
    )


def local_operator(**kwargs):
    return BashOperator.partial(env=ENVIRONMENT, append_env=True, **kwargs)


def as_bash(arguments: list[str]) -> str:
    """A CLI call as a bash line; Jinja expressions are left for Airflow."""
    quoted = [a if "{{" in a else shlex.quote(a) for a in arguments]
    return " ".join([shlex.quote(BATCH_BIN), *quoted])


with DAG(
    dag_id=DAG_ID,
    description="Classify a day of transaction CSVs from S3 into PostgreSQL",
    schedule="@daily",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={
        "owner": "data-platform",
        "retries": 3,
        "retry_delay": timedelta(minutes=2),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=30),
    },
    params={
        "bucket": Param("", type="string", description="S3 bucket; default the txclass_s3 connection's bucket"),
        "prefix": Param("", type="string", description="Key prefix; default incoming/<date>/"),
        "date": Param("", type="string", description="Day to classify (YYYY-MM-DD); default the logical date"),
    },
    tags=["txclass", "batch"],
) as dag:
    listing = ["list", "--s3-prefix", PREFIX, "--json"]
    if MODE == "docker":
        list_objects = docker_operator(task_id="list_objects", do_xcom_push=True).expand(command=[listing])
    else:
        list_objects = local_operator(task_id="list_objects", do_xcom_push=True).expand(bash_command=[as_bash(listing)])

    @task
    def shard(listings: list[str]) -> list:
        """One entry per object: the classify call of that object."""
        context = get_current_context()
        run_id = context["run_id"]
        last_line = (listings[0] or "[]").strip().splitlines()[-1]
        calls = []
        for index, key in enumerate(json.loads(last_line)):
            arguments = [
                "classify",
                "--s3-key",
                key,
                "--run-id",
                run_id,
                "--batch-id",
                f"{run_id}-{index:05d}",
                "--no-progress",
            ]
            calls.append(arguments if MODE == "docker" else as_bash(arguments))
        return calls

    calls = shard(list_objects.output)
    if MODE == "docker":
        classify = docker_operator(task_id="classify").expand(command=calls)
    else:
        classify = local_operator(task_id="classify").expand(bash_command=calls)

    list_objects >> calls >> classify
