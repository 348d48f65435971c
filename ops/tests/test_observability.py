"""The observability configuration under ops/: the Grafana dashboard, the
Prometheus configurations and alert rules, checked against the metrics the
txclass binaries register (ops/checks/check_observability.py does the work).

The tests that run the binaries' --print-metrics skip when they are not
built (TXCLASS_BIN_DIR, else $CARGO_TARGET_DIR/debug), and fail instead when
TXCLASS_E2E=1. The promtool tests skip when promtool is not installed
(Debian package `prometheus`), and fail instead when TXCLASS_REQUIRE_PROMTOOL=1."""

from __future__ import annotations

import os

import check_observability as obs
import pytest


def _lines(problems: list[str]) -> str:
    return "\n".join(f"  {problem}" for problem in problems)


# --- the files themselves --------------------------------------------------


def test_dashboard_parses_with_unique_panel_ids_and_the_prometheus_datasource():
    dashboard = obs.load_dashboard()
    problems = obs.dashboard_problems(dashboard)
    assert not problems, "dashboard problems:\n" + _lines(problems)
    assert dashboard["uid"] == "txclass"
    assert len(obs.all_panels(dashboard)) > 10


def test_prometheus_configurations_scrape_the_same_jobs():
    compose, local = (obs.load_yaml(path) for path in obs.PROMETHEUS_CONFIGS)
    problems = obs.prometheus_config_problems(compose, local)
    assert not problems, "\n" + _lines(problems)


def test_every_alert_has_for_a_severity_and_annotations():
    problems = obs.alert_rule_problems(obs.load_yaml(obs.ALERT_RULES))
    assert not problems, "\n" + _lines(problems)


def test_every_alert_is_tested_firing_and_staying_quiet():
    rules = obs.load_yaml(obs.ALERT_RULES)
    problems = obs.alert_tests_cover(rules, obs.load_yaml(obs.ALERT_TESTS))
    assert not problems, "\n" + _lines(problems)


# --- metric names against what the binaries register -----------------------

SAMPLE = """\
# HELP txclass_records_ingested Records read from the source.
# TYPE txclass_records_ingested counter
txclass_records_ingested_total{pipeline="batch"} 3
# HELP txclass_retries Retries of a failed call.
# TYPE txclass_retries counter
# HELP txclass_consumer_lag Records behind the end of the partition.
# TYPE txclass_consumer_lag gauge
txclass_consumer_lag{partition="0"} 12
# HELP txclass_ml_request_duration_seconds Time to answer a request.
# TYPE txclass_ml_request_duration_seconds histogram
# UNIT txclass_ml_request_duration_seconds seconds
txclass_ml_request_duration_seconds_sum 0.5
txclass_ml_request_duration_seconds_count 2
txclass_ml_request_duration_seconds_bucket{le="0.1"} 1
txclass_ml_request_duration_seconds_bucket{le="+Inf"} 2
# HELP txclass_ml_model The model served.
# TYPE txclass_ml_model info
txclass_ml_model_info{version="3"} 1
# EOF
"""


def test_the_catalogue_is_read_from_the_type_lines_with_the_suffixes_of_each_type():
    families = obs.parse_openmetrics(SAMPLE)
    assert families == {
        "txclass_records_ingested": "counter",
        # Registered, nothing counted yet: no sample line, still exposed.
        "txclass_retries": "counter",
        "txclass_consumer_lag": "gauge",
        "txclass_ml_request_duration_seconds": "histogram",
        "txclass_ml_model": "info",
    }
    assert obs.exposed_names(families) == {
        "txclass_records_ingested_total",
        "txclass_retries_total",
        "txclass_consumer_lag",
        "txclass_ml_request_duration_seconds_bucket",
        "txclass_ml_request_duration_seconds_sum",
        "txclass_ml_request_duration_seconds_count",
        "txclass_ml_model_info",
    }


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("Usage: txclass-batch <COMMAND>\n", "does not end with `# EOF`"),
        (SAMPLE.replace("# EOF\n", ""), "does not end with `# EOF`"),
        ("# TYPE txclass_x countre\n# EOF\n", "unexpected TYPE line"),
    ],
)
def test_text_that_is_not_openmetrics_is_refused(text, error):
    with pytest.raises(obs.CheckError, match=error):
        obs.parse_openmetrics(text)


def _catalogue(batch: str, consumer: str = SAMPLE) -> dict[str, dict[str, str]]:
    texts = {"txclass-batch": batch, "txclass-consumer": consumer}
    return {binary: obs.parse_openmetrics(texts.get(binary, "# EOF\n")) for binary in obs.BINARIES}


def test_the_shared_pipeline_metrics_must_be_exposed_by_batch_and_consumer():
    shared = "".join(f"# TYPE {name.removesuffix('_total')} counter\n" for name in obs.SHARED_PIPELINE_METRICS)
    catalogue = _catalogue(shared + "# EOF\n")
    assert obs.shared_metrics_problems(catalogue) == [
        "txclass-consumer --print-metrics does not expose "
        + ", ".join(n for n in obs.SHARED_PIPELINE_METRICS if n not in obs.exposed_names(catalogue["txclass-consumer"]))
    ]
    assert obs.all_exposed(catalogue) >= set(obs.SHARED_PIPELINE_METRICS) | {"txclass_ml_model_info"}
    used = {"txclass_consumer_lag": {"dashboard"}, "txclass_consumer_lagg": {"alerts.yml X"}}
    assert obs.unknown_metrics(used, obs.all_exposed(catalogue)) == [
        "txclass_consumer_lagg (used in alerts.yml X) is exposed by no txclass program"
    ]


def test_the_catalogue_runs_every_binary_and_says_to_build_a_missing_one(tmp_path, capsys):
    for binary in obs.BINARIES:
        (tmp_path / binary).write_text("")
    calls = []

    def runner(argv):
        calls.append(argv)
        return SAMPLE

    catalogue = obs.load_catalogue(tmp_path, runner)
    assert calls == [[str(tmp_path / binary), "--print-metrics"] for binary in obs.BINARIES]
    assert set(catalogue) == set(obs.BINARIES)
    with pytest.raises(obs.CheckError, match="txclass-ml-api --print-metrics: not OpenMetrics"):
        obs.load_catalogue(tmp_path, lambda argv: SAMPLE if "ml-api" not in argv[0] else "")

    assert obs.main(["--bin-dir", str(tmp_path / "nothing")]) == 1
    out = capsys.readouterr().out
    assert "FAIL metric catalogue" in out
    assert "txclass-batch is not built" in out and "cargo build --workspace --bins" in out


def test_the_dashboard_alerts_and_alert_tests_use_txclass_metrics():
    origins = {where.split(" ")[0] for places in obs.used_metrics().values() for where in places}
    assert origins == {"dashboard", "alerts.yml", "alerts_test.yml"}


def test_the_binaries_expose_every_metric_used_and_the_shared_ones():
    bin_dir = obs.bin_dir_from(None)
    missing = [binary for binary in obs.BINARIES if not (bin_dir / binary).is_file()]
    if missing and os.environ.get("TXCLASS_E2E") != "1":
        pytest.skip(f"not built in {bin_dir}: {', '.join(missing)} (cargo build --workspace --bins)")
    try:
        catalogue = obs.load_catalogue(bin_dir)
    except obs.CheckError as error:
        problems = [str(error)]
    else:
        problems = obs.shared_metrics_problems(catalogue)
        used = {n: w for n, w in obs.used_metrics().items() if n not in obs.NON_SERVICE_SERIES}
        problems += obs.unknown_metrics(used, obs.all_exposed(catalogue))
    assert not problems, "\n" + _lines(problems)


# --- promtool ----------------------------------------------------------------


@pytest.fixture
def promtool():
    if obs.promtool() is None:
        message = "promtool not found (Debian package: prometheus)"
        if obs.promtool_required():
            pytest.fail(f"{message}, and {obs.REQUIRE_PROMTOOL_ENV}=1 requires it")
        pytest.skip(message)


PROMTOOL_CHECKS = dict(obs.promtool_checks())


@pytest.mark.parametrize("args", PROMTOOL_CHECKS.values(), ids=PROMTOOL_CHECKS.keys())
def test_promtool(promtool, args):
    ok, output = obs.run_promtool(args)
    assert ok, f"promtool {' '.join(args)}:\n{output}"


def test_promtool_accepts_every_dashboard_query(promtool):
    ok, output = obs.check_dashboard_queries()
    assert ok, output
