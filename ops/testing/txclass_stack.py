"""The real local stack for the Python tests (Airflow DAGs, operations): what
scripts/test.sh starts and the txclass binaries it builds. Plain helpers and
the fixtures the root conftest.py exposes."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import uuid

import pytest

BATCH_BIN = os.environ.get("TXCLASS_BATCH_BIN", "")
ML_API_BIN = os.environ.get("TXCLASS_ML_API_BIN", "")
DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/txclass")
S3_ENDPOINT = os.environ.get("S3_ENDPOINT", "http://127.0.0.1:9000")
ACCESS_KEY = os.environ.get("AWS_ACCESS_KEY_ID", "txclass")
SECRET_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY", "txclass-secret")
BUCKET = os.environ.get("S3_BUCKET", "txclass")

end_to_end = pytest.mark.skipif(
    os.environ.get("TXCLASS_E2E") != "1", reason="end-to-end: run through scripts/test.sh (TXCLASS_E2E=1)"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, what: str, seconds: float = 30) -> None:
    deadline = time.time() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            assert time.time() < deadline, f"{what} did not answer on port {port}"
            time.sleep(0.1)


def psql(url: str, sql: str) -> str:
    return subprocess.run(["psql", url, "-qtAc", sql], check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def database():
    """A fresh database on the stack's server: (server URL, name)."""
    server = DATABASE_URL.split("?")[0].rsplit("/", 1)[0]
    name = f"txclass_test_{uuid.uuid4().hex}"
    psql(f"{server}/postgres", f"create database {name}")
    return server, name


@pytest.fixture
def ml_api():
    """A txclass-ml-api process on a free port: the port."""
    assert ML_API_BIN, "TXCLASS_ML_API_BIN must point at a built txclass-ml-api"
    port = free_port()
    process = subprocess.Popen([ML_API_BIN, "serve", "--addr", f"127.0.0.1:{port}"], stderr=subprocess.DEVNULL)
    wait_for_port(port, "ML API")
    yield port
    process.terminate()
    process.wait(timeout=10)


def s3_env() -> dict[str, str]:
    return {
        **os.environ,
        "S3_ENDPOINT": S3_ENDPOINT,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
    }


def upload_generated(tmp_path, prefix: str, files: int, rows: int, invalid_ratio: float = 0.05) -> None:
    """Generates `files` CSVs of `rows` rows with txclass-batch and uploads them under `prefix`."""
    assert BATCH_BIN, "TXCLASS_BATCH_BIN must point at a built txclass-batch"
    for i in range(files):
        csv = tmp_path / f"part-{i}.csv"
        subprocess.run(
            [
                BATCH_BIN,
                "generate",
                "--count",
                str(rows),
                "--seed",
                str(i),
                "--id-prefix",
                f"af{i}",
                "--invalid-ratio",
                str(invalid_ratio),
                "--out",
                str(csv),
            ],
            check=True,
        )
        subprocess.run(
            [BATCH_BIN, "upload", "--s3-bucket", BUCKET, "--s3-prefix", prefix, str(csv)],
            check=True,
            env=s3_env(),
            capture_output=True,
        )
