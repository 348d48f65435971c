import os
import sys
from pathlib import Path

# Airflow reads its settings at import: keep it off the user's files.
HOME = Path(os.environ.setdefault("AIRFLOW_HOME", str(Path(__file__).resolve().parents[2] / ".stack" / "airflow")))
HOME.mkdir(parents=True, exist_ok=True)
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
os.environ.setdefault("AIRFLOW__CORE__UNIT_TEST_MODE", "True")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dags"))
