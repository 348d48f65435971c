#!/usr/bin/env python3
"""Checks the observability configuration under ops/ against the metrics the
txclass programs really register.

- the Grafana dashboard parses, every panel has a unique id and the datasource
  uid ``prometheus``;
- both Prometheus configurations scrape the same jobs (that the compose
  targets are services listening on those ports is check_compose.py's
  ``prometheus targets`` check);
- every alert rule has ``for``, a severity label and summary/description
  annotations, and is unit-tested both firing and staying quiet;
- every ``txclass_*`` metric name used by the dashboard, the alert rules and
  their unit tests is one a program exposes, and the shared pipeline metrics
  are exposed by both txclass-batch and txclass-consumer. The catalogue is
  what the four binaries print with ``--print-metrics``: their Prometheus
  registry as OpenMetrics text, every family they can expose registered
  (txclass-batch's includes the run metrics it pushes to the Pushgateway).
  The binaries are found as check_compose.py finds them (``--bin-dir``, else
  ``$TXCLASS_BIN_DIR``, else ``$CARGO_TARGET_DIR/debug``); the check fails
  when they are not built (``cargo build --workspace --bins``);
- when ``promtool`` is on PATH: ``promtool check config``, ``check rules``,
  ``test rules``, and a syntax check of every dashboard query. Without
  promtool these are skipped, or fail when TXCLASS_REQUIRE_PROMTOOL=1.

Usage: python3 ops/checks/check_observability.py [--bin-dir DIR] [--catalogue]
Needs Python 3.11 and PyYAML.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

import yaml
from check_compose import CheckError, Runner, bin_dir_from, binary_path, run_binary

ROOT = Path(__file__).resolve().parents[2]
OPS = ROOT / "ops"
DASHBOARD = OPS / "grafana" / "dashboards" / "txclass.json"
PROMETHEUS_CONFIGS = [
    OPS / "prometheus" / "prometheus.yml",
    OPS / "prometheus" / "prometheus.local.yml",
]
ALERT_RULES = OPS / "prometheus" / "alerts.yml"
ALERT_TESTS = OPS / "prometheus" / "tests" / "alerts_test.yml"
DATASOURCE_UID = "prometheus"

BINARIES = ("txclass-batch", "txclass-consumer", "txclass-producer", "txclass-ml-api")
PRINT_METRICS = "--print-metrics"
# The shared pipeline metrics (pipeline="batch" and "streaming"): both
# pipelines expose them.
SHARED_BY = ("txclass-batch", "txclass-consumer")
SHARED_PIPELINE_METRICS = (
    "txclass_records_ingested_total",
    "txclass_records_written_total",
    "txclass_validation_failures_total",
    "txclass_processing_errors_total",
    "txclass_records_dead_lettered_total",
    "txclass_predictions_total",
    "txclass_retries_total",
)

# Series that Prometheus or the Pushgateway adds, not the services.
NON_SERVICE_SERIES = {"up", "push_time_seconds", "push_failure_time_seconds"}
METRIC_NAME = re.compile(r"(?<![A-Za-z0-9_:])txclass_[A-Za-z0-9_]+")
SEVERITIES = {"critical", "warning", "info"}
REQUIRE_PROMTOOL_ENV = "TXCLASS_REQUIRE_PROMTOOL"


# --- what the programs register ----------------------------------------------

# The sample names a family of each OpenMetrics type exposes. A counter's
# TYPE line carries its name without `_total`.
SUFFIXES = {
    "counter": ("_total",),
    "gauge": ("",),
    "histogram": ("_bucket", "_sum", "_count"),
    "info": ("_info",),
    "summary": ("", "_sum", "_count"),
    "gaugehistogram": ("_bucket", "_gsum", "_gcount"),
    "stateset": ("",),
    "unknown": ("",),
}
TYPE_LINE = re.compile(r"# TYPE ([A-Za-z_:][A-Za-z0-9_:]*) (\w+)")

# binary -> {family name: type}
Catalogue = Mapping[str, Mapping[str, str]]


def parse_openmetrics(text: str) -> dict[str, str]:
    """{family name: type} of an OpenMetrics exposition, from its TYPE lines:
    a labelled family nothing has counted in yet has no sample lines."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or lines[-1] != "# EOF":
        raise CheckError("not OpenMetrics text: it does not end with `# EOF`")
    families = {}
    for line in lines:
        if line.startswith("# TYPE "):
            match = TYPE_LINE.fullmatch(line)
            if match is None or match.group(2) not in SUFFIXES:
                raise CheckError(f"unexpected TYPE line {line!r}")
            families[match.group(1)] = match.group(2)
    return families


def exposed_names(families: Mapping[str, str]) -> set[str]:
    """The sample names the families expose (`_total` for a counter, ...)."""
    return {name + suffix for name, kind in families.items() for suffix in SUFFIXES[kind]}


def load_catalogue(bin_dir: Path, runner: Runner = run_binary) -> dict[str, dict[str, str]]:
    """What each of the txclass binaries prints with --print-metrics."""
    catalogue = {}
    for binary in BINARIES:
        text = runner([str(binary_path(bin_dir, binary)), PRINT_METRICS])
        try:
            catalogue[binary] = parse_openmetrics(text)
        except CheckError as error:
            raise CheckError(f"{binary} {PRINT_METRICS}: {error}") from error
    return catalogue


def all_exposed(catalogue: Catalogue) -> set[str]:
    return set().union(*(exposed_names(families) for families in catalogue.values()))


def shared_metrics_problems(catalogue: Catalogue) -> list[str]:
    problems = []
    for binary in SHARED_BY:
        missing = [name for name in SHARED_PIPELINE_METRICS if name not in exposed_names(catalogue[binary])]
        if missing:
            problems.append(f"{binary} {PRINT_METRICS} does not expose {', '.join(missing)}")
    return problems


# --- configuration files ----------------------------------------------------


def load_dashboard(path: Path = DASHBOARD) -> dict:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def all_panels(dashboard: dict) -> list[dict]:
    panels = []
    for panel in dashboard.get("panels", []):
        panels.append(panel)
        panels.extend(panel.get("panels", []))
    return panels


def dashboard_queries(dashboard: dict) -> list[tuple[str, str]]:
    """(where, PromQL) for every panel target and query variable."""
    queries = []
    for panel in all_panels(dashboard):
        for target in panel.get("targets", []):
            if target.get("expr"):
                where = f"panel {panel.get('id')} {panel.get('title')!r} {target.get('refId')}"
                queries.append((where, target["expr"]))
    for variable in dashboard.get("templating", {}).get("list", []):
        query = variable.get("query")
        if isinstance(query, dict):
            query = query.get("query")
        if variable.get("type") == "query" and query:
            queries.append((f"variable {variable.get('name')}", query))
    return queries


def dashboard_problems(dashboard: dict) -> list[str]:
    problems = []
    if dashboard.get("uid") != "txclass":
        problems.append(f"dashboard uid is {dashboard.get('uid')!r}, expected 'txclass'")
    if not isinstance(dashboard.get("schemaVersion"), int):
        problems.append("dashboard has no integer schemaVersion")
    variables = {v.get("name") for v in dashboard.get("templating", {}).get("list", [])}
    if "pipeline" not in variables:
        problems.append("dashboard has no 'pipeline' template variable")
    seen: dict[object, str] = {}
    for panel in all_panels(dashboard):
        title = panel.get("title", "?")
        pid = panel.get("id")
        if not isinstance(pid, int):
            problems.append(f"panel {title!r} has no integer id")
        elif pid in seen:
            problems.append(f"panel id {pid} used by {seen[pid]!r} and {title!r}")
        else:
            seen[pid] = title
        uid = (panel.get("datasource") or {}).get("uid")
        if uid != DATASOURCE_UID:
            problems.append(f"panel {pid} {title!r}: datasource uid {uid!r}, expected 'prometheus'")
        refs = set()
        for target in panel.get("targets", []):
            ds = target.get("datasource")
            if ds is not None and ds.get("uid") != DATASOURCE_UID:
                problems.append(f"panel {pid} {title!r}: a target uses datasource {ds!r}")
            if not target.get("expr", "").strip():
                problems.append(f"panel {pid} {title!r}: a target has no expr")
            if target.get("refId") in refs:
                problems.append(f"panel {pid} {title!r}: refId {target.get('refId')} repeated")
            refs.add(target.get("refId"))
        if panel.get("type") != "row" and not panel.get("targets"):
            problems.append(f"panel {pid} {title!r} has no queries")
    for variable in dashboard.get("templating", {}).get("list", []):
        if variable.get("type") == "query":
            uid = (variable.get("datasource") or {}).get("uid")
            if uid != DATASOURCE_UID:
                problems.append(f"variable {variable.get('name')!r}: datasource uid {uid!r}")
    problems.extend(_overlaps(all_panels(dashboard)))
    return problems


def _overlaps(panels: list[dict]) -> list[str]:
    boxes = []
    for panel in panels:
        g = panel.get("gridPos") or {}
        if {"x", "y", "w", "h"} <= g.keys():
            boxes.append((panel.get("id"), g["x"], g["y"], g["x"] + g["w"], g["y"] + g["h"]))
    problems = []
    for i, (a, ax0, ay0, ax1, ay1) in enumerate(boxes):
        if ax1 > 24:
            problems.append(f"panel {a} is wider than the 24-column grid")
        for b, bx0, by0, bx1, by1 in boxes[i + 1 :]:
            if ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1:
                problems.append(f"panels {a} and {b} overlap")
    return problems


def load_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


EXPECTED_JOBS = {"txclass-consumer", "txclass-ml-api", "txclass-producer", "pushgateway"}


def _jobs(config: dict) -> dict[str, dict]:
    return {job.get("job_name"): job for job in config.get("scrape_configs", [])}


def _targets(job: dict) -> list[str]:
    return [t for static in job.get("static_configs", []) for t in static.get("targets", [])]


def prometheus_config_problems(compose: dict, local: dict) -> list[str]:
    """The compose and host configurations scrape the same jobs, the host one on loopback."""
    problems = []
    for name, config in (("prometheus.yml", compose), ("prometheus.local.yml", local)):
        if (config.get("global") or {}).get("scrape_interval") != "15s":
            problems.append(f"{name}: scrape_interval is not 15s")
        if config.get("rule_files") != ["alerts.yml"]:
            problems.append(f"{name}: rule_files is not [alerts.yml]")
        jobs = _jobs(config)
        if missing := EXPECTED_JOBS - jobs.keys():
            problems.append(f"{name}: no job {', '.join(sorted(missing))}")
        if "pushgateway" in jobs and jobs["pushgateway"].get("honor_labels") is not True:
            problems.append(f"{name}: the pushgateway job needs honor_labels: true")
    if _jobs(compose).keys() != _jobs(local).keys():
        problems.append("prometheus.yml and prometheus.local.yml scrape different jobs")
    for job_name, job in _jobs(local).items():
        for target in _targets(job):
            if not target.startswith(("127.0.0.1:", "localhost:")):
                problems.append(f"prometheus.local.yml: {job_name} target {target} is not loopback")
    for job_name, job in _jobs(compose).items():
        for target in _targets(job):
            if target.startswith("127.0.0.1:"):
                problems.append(f"prometheus.yml: {job_name} target {target} is loopback")
    return problems


def alert_rules(rules: dict) -> list[dict]:
    return [rule for group in rules.get("groups", []) for rule in group.get("rules", [])]


def alert_rule_problems(rules: dict) -> list[str]:
    problems = []
    names = set()
    found = alert_rules(rules)
    if not found:
        problems.append("no alert rules found")
    for rule in found:
        name = rule.get("alert") or rule.get("record") or "?"
        if "alert" not in rule:
            continue
        if name in names:
            problems.append(f"alert {name} defined twice")
        names.add(name)
        if not rule.get("for"):
            problems.append(f"alert {name} has no 'for'")
        severity = (rule.get("labels") or {}).get("severity")
        if severity not in SEVERITIES:
            problems.append(f"alert {name}: severity {severity!r} not in {sorted(SEVERITIES)}")
        annotations = rule.get("annotations") or {}
        for key in ("summary", "description"):
            if not str(annotations.get(key, "")).strip():
                problems.append(f"alert {name} has no {key} annotation")
    return problems


def alert_tests_cover(rules: dict, tests: dict) -> list[str]:
    """Alerts without a test where they fire and one where they stay quiet."""
    fired: set[str] = set()
    quiet: set[str] = set()
    for case in tests.get("tests", []):
        for check in case.get("alert_rule_test", []):
            (fired if check.get("exp_alerts") else quiet).add(check.get("alertname"))
    problems = []
    for rule in alert_rules(rules):
        name = rule.get("alert")
        if name and name not in fired:
            problems.append(f"alert {name} is never tested firing")
        if name and name not in quiet:
            problems.append(f"alert {name} is never tested staying quiet")
    return problems


def metric_names(text: str) -> set[str]:
    return set(METRIC_NAME.findall(text))


def used_metrics() -> dict[str, set[str]]:
    """txclass_* names used, with where: dashboard, alert rules, alert tests."""
    used: dict[str, set[str]] = {}

    def add(where: str, text: str) -> None:
        for name in metric_names(text):
            used.setdefault(name, set()).add(where)

    for where, expr in dashboard_queries(load_dashboard()):
        add(f"dashboard {where}", expr)
    for rule in alert_rules(load_yaml(ALERT_RULES)):
        add(f"alerts.yml {rule.get('alert') or rule.get('record')}", rule.get("expr", ""))
    for case in load_yaml(ALERT_TESTS).get("tests", []):
        for series in case.get("input_series", []):
            add(f"alerts_test.yml {case.get('name')!r}", series.get("series", ""))
        for check in case.get("promql_expr_test", []):
            add(f"alerts_test.yml {case.get('name')!r}", check.get("expr", ""))
    return used


def unknown_metrics(used: dict[str, set[str]], exposed: set[str]) -> list[str]:
    return [
        f"{name} (used in {', '.join(sorted(where))}) is exposed by no txclass program"
        for name, where in sorted(used.items())
        if name not in exposed
    ]


# --- promtool ----------------------------------------------------------------


def promtool() -> str | None:
    return shutil.which("promtool")


def promtool_required() -> bool:
    return os.environ.get(REQUIRE_PROMTOOL_ENV) == "1"


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


def promtool_checks() -> list[tuple[str, list[str]]]:
    """(name, arguments) of each promtool run; paths relative to the repository."""
    checks = []
    for path in PROMETHEUS_CONFIGS:
        checks.append((f"check config {path.name}", ["check", "config", _relative(path)]))
    checks.append(("check rules", ["check", "rules", _relative(ALERT_RULES)]))
    checks.append(("test rules", ["test", "rules", _relative(ALERT_TESTS)]))
    return checks


def run_promtool(args: list[str]) -> tuple[bool, str]:
    result = subprocess.run(
        [promtool() or "promtool", *args],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result.returncode == 0, (result.stdout + result.stderr).strip()


def grafana_to_promql(expr: str) -> str:
    """A dashboard query with Grafana's variables replaced by plain values."""
    expr = expr.replace("$__rate_interval", "1m").replace("$__interval", "15s")
    expr = expr.replace("$__range", "1h")
    return re.sub(r"\$\{?\w+\}?", ".*", expr)


def check_dashboard_queries() -> tuple[bool, str]:
    """promtool check rules on the dashboard queries, each as a recording rule."""
    queries = [(w, q) for w, q in dashboard_queries(load_dashboard()) if "label_values(" not in q]
    rules = {
        "groups": [
            {
                "name": "dashboard",
                "rules": [
                    {"record": f"dashboard:query_{i}", "expr": grafana_to_promql(query)}
                    for i, (_, query) in enumerate(queries)
                ],
            }
        ]
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dashboard_queries.yml"
        path.write_text(yaml.safe_dump(rules, sort_keys=False), encoding="utf-8")
        ok, output = run_promtool(["check", "rules", str(path)])
    if not ok:
        index = {f"dashboard:query_{i}": where for i, (where, _) in enumerate(queries)}
        for record, where in index.items():
            output = output.replace(record, f"{record} ({where})")
    return ok, output


# --- command line ------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bin-dir",
        help="folder of the built txclass binaries (default: $TXCLASS_BIN_DIR, else $CARGO_TARGET_DIR/debug)",
    )
    parser.add_argument("--catalogue", action="store_true", help="print what the binaries register")
    options = parser.parse_args(argv)

    bin_dir = bin_dir_from(options.bin_dir)
    try:
        catalogue, catalogue_problems = load_catalogue(bin_dir), []
    except CheckError as error:
        catalogue, catalogue_problems = None, [str(error)]
    if options.catalogue:
        if catalogue is None:
            print(catalogue_problems[0], file=sys.stderr)
            return 1
        for name in sorted({name for families in catalogue.values() for name in families}):
            kind = next(families[name] for families in catalogue.values() if name in families)
            exposed = ", ".join(sorted(exposed_names({name: kind})))
            binaries = ", ".join(binary for binary, families in catalogue.items() if name in families)
            print(f"{kind:9} {exposed:60} {binaries}")
        return 0

    failed = False

    def report(name: str, problems: list[str]) -> None:
        nonlocal failed
        failed |= bool(problems)
        print(f"{'FAIL' if problems else 'ok  '} {name}")
        for problem in problems:
            print(f"       {problem}")

    try:
        dashboard = load_dashboard()
    except (OSError, json.JSONDecodeError) as error:
        report("dashboard parses", [str(error)])
        dashboard = None
    if dashboard is not None:
        report("dashboard panels", dashboard_problems(dashboard))
    compose, local = (load_yaml(path) for path in PROMETHEUS_CONFIGS)
    report("prometheus configurations", prometheus_config_problems(compose, local))
    rules = load_yaml(ALERT_RULES)
    report("alert rules", alert_rule_problems(rules))
    report("alert tests cover every alert", alert_tests_cover(rules, load_yaml(ALERT_TESTS)))
    report(f"metric catalogue ({PRINT_METRICS} of the binaries in {bin_dir})", catalogue_problems)
    if catalogue is not None:
        report("shared pipeline metrics", shared_metrics_problems(catalogue))
        used = {n: w for n, w in used_metrics().items() if n not in NON_SERVICE_SERIES}
        report("metric names in the catalogue", unknown_metrics(used, all_exposed(catalogue)))

    if promtool() is None:
        message = "promtool not found (Debian package: prometheus)"
        if promtool_required():
            report("promtool", [f"{message}; {REQUIRE_PROMTOOL_ENV}=1 requires it"])
        else:
            print(f"skip {message}")
    else:
        for name, args in promtool_checks():
            ok, output = run_promtool(args)
            report(f"promtool {name}", [] if ok else [output])
        ok, output = check_dashboard_queries()
        report("promtool check of the dashboard queries", [] if ok else [output])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
