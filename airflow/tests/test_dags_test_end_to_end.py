"""`airflow dags test batch_classification` in local mode against the real
stack: S3 (s3s-fs), PostgreSQL, Kafka and the ML API. Needs the txclass
binaries (TXCLASS_BATCH_BIN, TXCLASS_ML_API_BIN) and the stack running;
scripts/test.sh provides both."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path

from txclass_stack import (
    ACCESS_KEY,
    BATCH_BIN,
    BUCKET,
    ML_API_BIN,
    S3_ENDPOINT,
    SECRET_KEY,
    end_to_end,
    psql,
    upload_generated,
)

ROOT = Path(__file__).resolve().parents[2]
pytestmark = end_to_end


def test_a_manual_run_classifies_every_object_of_the_day_into_postgres(tmp_path, database, ml_api):
    assert BATCH_BIN and ML_API_BIN, "TXCLASS_BATCH_BIN and TXCLASS_ML_API_BIN must point at built binaries"
    server, db = database
    prefix = f"airflow-e2e/{uuid.uuid4().hex}/"
    upload_generated(tmp_path, prefix, files=2, rows=300)

    home = tmp_path / "airflow-home"
    home.mkdir()
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(ROOT / "airflow" / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        "AIRFLOW_VAR_TXCLASS_EXECUTION_MODE": "local",
        "AIRFLOW_VAR_TXCLASS_BATCH_BIN": BATCH_BIN,
        "TXCLASS_EXECUTION_MODE": "local",
        "TXCLASS_BATCH_BIN": BATCH_BIN,
        "AIRFLOW_CONN_TXCLASS_S3": json.dumps(
            {
                "conn_type": "aws",
                "login": ACCESS_KEY,
                "password": SECRET_KEY,
                "extra": {"endpoint_url": S3_ENDPOINT, "bucket": BUCKET, "region_name": "us-east-1"},
            }
        ),
        "AIRFLOW_CONN_TXCLASS_POSTGRES": json.dumps(
            {"conn_type": "postgres", "host": "127.0.0.1", "port": 5432, "login": "postgres", "schema": db}
        ),
        "AIRFLOW_CONN_TXCLASS_ML_API": json.dumps({"conn_type": "http", "host": "127.0.0.1", "port": ml_api}),
    }
    airflow = shutil.which("airflow", path=str(Path(os.sys.executable).parent)) or "airflow"
    subprocess.run([airflow, "db", "migrate"], check=True, env=env, capture_output=True)
    run = subprocess.run(
        [airflow, "dags", "test", "batch_classification", "2024-06-01", "-c", json.dumps({"prefix": prefix})],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]

    url = f"{server}/{db}"
    predictions = int(psql(url, "select count(*) from predictions"))
    runs = psql(
        url,
        "select count(distinct run_id) || '/' || count(*), sum(records_in), sum(written) + sum(dead_lettered) from runs",
    ).split("|")
    assert predictions > 500, predictions
    assert runs[0] == "1/2", runs  # one run, one row per mapped task
    assert runs[1] == runs[2] == "600", runs  # counts reconcile over both objects
    batches = psql(url, "select string_agg(distinct batch_id, ',' order by batch_id) from predictions")
    assert batches.count(",") == 1, batches  # one mapped task (batch id) per object
    assert psql(url, "select distinct run_id from predictions").startswith("manual__")
