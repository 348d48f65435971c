"""Adminer, as the local stack serves it (Debian's package under `php -S`),
driven by headless Debian Chromium: an analyst logs in to PostgreSQL through
the form and finds the predictions the batch pipeline wrote, and the
inspection views. Screenshots go to test-output/adminer/."""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlencode

import pytest
from txclass_stack import BATCH_BIN, BUCKET, end_to_end, psql, s3_env, upload_generated

ROOT = Path(__file__).resolve().parents[2]
ADMINER_ADDR = os.environ.get("ADMINER_ADDR", "127.0.0.1:8081")
OUTPUT = ROOT / "test-output" / "adminer"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

pytestmark = end_to_end


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def classified(tmp_path, database, ml_api):
    """A database the batch pipeline wrote into: (server URL, name, run id)."""
    server, db = database
    prefix = f"adminer-e2e/{uuid.uuid4().hex}/"
    upload_generated(tmp_path, prefix, files=1, rows=200)
    run_id = f"adminer-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        [BATCH_BIN, "classify", "--s3-bucket", BUCKET, "--s3-prefix", prefix, "--run-id", run_id, "--no-progress"],
        check=True,
        capture_output=True,
        env={**s3_env(), "DATABASE_URL": f"{server}/{db}", "ML_API_URL": f"http://127.0.0.1:{ml_api}"},
    )
    return server, db, run_id


CATEGORIES = {
    "INCOME",
    "TRANSFER_IN",
    "TRANSFER_OUT",
    "LOAN_PAYMENTS",
    "BANK_FEES",
    "ENTERTAINMENT",
    "FOOD_AND_DRINK",
    "GENERAL_MERCHANDISE",
    "HOME_IMPROVEMENT",
    "MEDICAL",
    "PERSONAL_CARE",
    "GENERAL_SERVICES",
    "GOVERNMENT_AND_NON_PROFIT",
    "TRANSPORTATION",
    "TRAVEL",
    "RENT_AND_UTILITIES",
}


def table_rows(browser) -> list[dict[str, str]]:
    """The rows of Adminer's data table as column -> shown text."""
    from selenium.webdriver.common.by import By

    # Each row starts with a cell for the checkbox and edit link, which has no <th>.
    names = [th.text.strip() for th in browser.find_elements(By.CSS_SELECTOR, "#table thead th")]
    rows = []
    for tr in browser.find_elements(By.CSS_SELECTOR, "#table tbody tr"):
        cells = [td.text.strip() for td in tr.find_elements(By.CSS_SELECTOR, "td")]
        rows.append(dict(zip(names, cells[1:], strict=True)))
    return rows


def pg_host_port(server: str) -> str:
    host = server.split("@")[-1]
    return host if ":" in host else f"{host}:5432"


def test_an_analyst_logs_in_through_the_form_and_sees_the_predictions_the_pipeline_wrote(browser, classified):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    server, db, run_id = classified
    expected = int(psql(f"{server}/{db}", "select count(*) from predictions"))
    assert expected > 150, expected
    OUTPUT.mkdir(parents=True, exist_ok=True)
    wait = WebDriverWait(browser, 20)

    # The login form, filled in as a person would.
    browser.get(f"http://{ADMINER_ADDR}/")
    Select(browser.find_element(By.NAME, "auth[driver]")).select_by_value("pgsql")
    browser.find_element(By.NAME, "auth[server]").clear()
    browser.find_element(By.NAME, "auth[server]").send_keys(pg_host_port(server))
    browser.find_element(By.NAME, "auth[username]").send_keys("postgres")
    # The local server trusts loopback; Adminer itself insists on a password.
    browser.find_element(By.NAME, "auth[password]").send_keys("txclass")
    browser.find_element(By.NAME, "auth[db]").send_keys(db)
    browser.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
    wait.until(ec.presence_of_element_located((By.ID, "tables")))
    tables = browser.find_element(By.ID, "tables").text
    for name in ("predictions", "transactions", "runs", "latest_predictions", "run_reconciliation"):
        assert name in tables, tables
    browser.save_screenshot(str(OUTPUT / "database.png"))

    # The predictions table, through its link in the side menu.
    browser.find_element(By.CSS_SELECTOR, "#tables a[href*='select=predictions']").click()
    wait.until(ec.presence_of_element_located((By.ID, "table")))
    rows = browser.find_elements(By.CSS_SELECTOR, "#table tbody tr")
    assert len(rows) == min(expected, 50), len(rows)  # Adminer's first page holds 50 rows
    first = table_rows(browser)[0]
    assert first["run_id"] == run_id and first["processing_type"] == "batch", first
    assert first["category"] in CATEGORIES, first
    assert 0 <= float(first["confidence"]) <= 1, first
    browser.save_screenshot(str(OUTPUT / "predictions.png"))

    # The reconciliation view says the run's counts add up.
    query = urlencode({"pgsql": pg_host_port(server), "username": "postgres", "db": db, "ns": "public"})
    browser.get(f"http://{ADMINER_ADDR}/?{query}&select=run_reconciliation")
    wait.until(ec.presence_of_element_located((By.ID, "table")))
    (run,) = table_rows(browser)
    assert run["run_id"] == run_id and run["status"] == "succeeded", run
    assert run["reconciles"] == "t", run  # PostgreSQL's true
    assert int(run["records_in"]) == 200 and int(run["written"]) == expected, run
    browser.save_screenshot(str(OUTPUT / "run_reconciliation.png"))
