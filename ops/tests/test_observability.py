"""The observability configuration under ops/: the Grafana dashboard, the
Prometheus configurations and alert rules, checked against the metrics the
Rust sources register (ops/checks/check_observability.py does the work).

The promtool tests skip when promtool is not installed (Debian package
`prometheus`), and fail instead when TXCLASS_REQUIRE_PROMTOOL=1."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest

CHECK = Path(__file__).resolve().parents[1] / "checks" / "check_observability.py"
_spec = importlib.util.spec_from_file_location("check_observability", CHECK)
obs = importlib.util.module_from_spec(_spec)
sys.modules["check_observability"] = obs
_spec.loader.exec_module(obs)


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


def test_compose_scrape_targets_are_services_listening_on_those_ports():
    if not obs.COMPOSE_FILE.exists():
        pytest.skip("no docker-compose.yml")
    config = obs.load_yaml(obs.PROMETHEUS_CONFIGS[0])
    problems = obs.compose_target_problems(config, obs.load_yaml(obs.COMPOSE_FILE))
    assert not problems, "\n" + _lines(problems)


def test_every_alert_has_for_a_severity_and_annotations():
    problems = obs.alert_rule_problems(obs.load_yaml(obs.ALERT_RULES))
    assert not problems, "\n" + _lines(problems)


def test_every_alert_is_tested_firing_and_staying_quiet():
    rules = obs.load_yaml(obs.ALERT_RULES)
    problems = obs.alert_tests_cover(rules, obs.load_yaml(obs.ALERT_TESTS))
    assert not problems, "\n" + _lines(problems)


# --- metric names against the Rust sources ---------------------------------


@pytest.fixture(scope="module")
def catalogue():
    return obs.derive_catalogue()


def test_the_shared_pipeline_metrics_are_registered_by_the_adapters(catalogue):
    problems = obs.shared_metrics_problems(obs.ROOT, catalogue)
    assert not problems, "\n" + _lines(problems)


@pytest.mark.parametrize("origin", ["dashboard", "alerts.yml", "alerts_test.yml"])
def test_every_metric_used_is_registered(catalogue, origin):
    used = {}
    for name, where in obs.used_metrics().items():
        if here := {w for w in where if w.startswith(origin + " ")}:
            used[name] = here
    assert used, f"no txclass_* metric found in {origin}"
    problems = obs.unknown_metrics(used, obs.exposed_names(catalogue))
    if problems and not (obs.ROOT / obs.SHARED_METRICS_FILE).exists():
        problems.insert(0, f"{obs.SHARED_METRICS_FILE} does not exist yet")
    heading = "metrics not in the catalogue the Rust sources register:\n"
    assert not problems, heading + _lines(problems)


# --- how the catalogue is derived -------------------------------------------


def _catalogue(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return {name: metric.kind for name, metric in obs.derive_catalogue(tmp_path).items()}


def test_prefix_types_and_units_are_read_from_the_source(tmp_path):
    found = _catalogue(
        tmp_path,
        {
            "svc/src/metrics.rs": """
                struct M { hits: Family<Labels, Counter>, depth: Gauge }
                fn new() -> M {
                    let mut registry = Registry::with_prefix("txclass_svc");
                    let m = M { hits: Family::default(), depth: Gauge::default() };
                    let latency = Family::<L, Histogram>::new_with_constructor(h);
                    registry.register("hits", "Hits", m.hits.clone());
                    registry.register("depth", "Depth", m.depth.clone());
                    registry.register("latency_seconds", "Latency", latency.clone());
                    registry.register_with_unit("wait", "Wait", Unit::Seconds, Histogram::new(b));
                    let info = Family::<V, Gauge>::default();
                    registry.register("model_info", "Model", info);
                    m
                }
            """,
        },
    )
    assert found == {
        "txclass_svc_hits": "counter",
        "txclass_svc_depth": "gauge",
        "txclass_svc_latency_seconds": "histogram",
        "txclass_svc_wait_seconds": "histogram",
        "txclass_svc_model_info": "gauge",
    }
    exposed = obs.exposed_names(obs.derive_catalogue(tmp_path))
    assert "txclass_svc_hits_total" in exposed
    assert "txclass_svc_hits" not in exposed
    assert {f"txclass_svc_latency_seconds_{s}" for s in ("bucket", "sum", "count")} <= exposed


def test_a_helper_with_literal_names_at_its_callers_is_followed(tmp_path):
    found = _catalogue(
        tmp_path,
        {
            "svc/src/metrics.rs": """
                fn counter(registry: &mut Registry, name: &str, help: &str) -> Counter {
                    let c = Counter::default();
                    registry.register(name, help, c.clone());
                    c
                }
                fn gauge(registry: &mut Registry, name: &str) -> Gauge {
                    let g = Gauge::default();
                    registry.register(name, "help", g.clone());
                    g
                }
                fn new() {
                    let mut registry = Registry::with_prefix("txclass");
                    let a = counter(&mut registry, "commits", "Commits");
                    let b = gauge(&mut registry, "buffer_records");
                }
            """,
        },
    )
    assert found == {"txclass_commits": "counter", "txclass_buffer_records": "gauge"}


def test_a_registry_passed_from_another_file_carries_its_prefix(tmp_path):
    found = _catalogue(
        tmp_path,
        {
            "lib/src/metrics.rs": """
                pub struct Shared { n: Family<L, Counter> }
                impl Shared {
                    pub fn register(registry: &mut Registry, pipeline: &'static str) -> Self {
                        let s = Shared { n: Family::default() };
                        registry.register("records_ingested", "In", s.n.clone());
                        s
                    }
                }
                pub fn registry() -> Registry {
                    Registry::with_prefix("txclass")
                }
            """,
            "app/src/main.rs": """
                fn main() {
                    let mut registry = metrics::registry();
                    let shared = Shared::register(&mut registry, "batch");
                    let own = registry.sub_registry_with_prefix("batch");
                    own.register("run_duration_seconds", "Duration", Gauge::<f64>::default());
                    let mut other = Registry::with_prefix("txclass_producer");
                    deliveries.register(&mut other);
                }
            """,
            "app/src/publish.rs": """
                impl Deliveries {
                    pub fn register(&self, registry: &mut Registry) {
                        registry.register("records_published", "Published", self.family.clone());
                    }
                }
                struct Deliveries { family: Family<O, Counter> }
            """,
        },
    )
    assert found == {
        "txclass_records_ingested": "counter",
        "txclass_batch_run_duration_seconds": "gauge",
        "txclass_producer_records_published": "counter",
    }


def test_comments_tests_and_build_output_are_ignored(tmp_path):
    found = _catalogue(
        tmp_path,
        {
            "svc/src/lib.rs": """
                // registry.register("commented", "x", Counter::default());
                /* registry.register("blocked", "x", Counter::default()); */
                fn new() {
                    let mut registry = Registry::with_prefix("txclass");
                    let url = "http://example.com/x"; // a string with // inside
                    registry.register("kept", "x", Counter::default());
                }
                #[cfg(test)]
                mod tests {
                    fn t() {
                        let mut registry = Registry::with_prefix("txclass");
                        registry.register("in_test_module", "x", Counter::default());
                    }
                }
            """,
            "svc/tests/it.rs": """
                fn t() {
                    let mut r = Registry::with_prefix("txclass");
                    r.register("in_tests_dir", "x", Counter::default());
                }
            """,
            "target/debug/build/gen.rs": """
                fn t() {
                    let mut r = Registry::with_prefix("txclass");
                    r.register("in_target", "x", Counter::default());
                }
            """,
        },
    )
    assert found == {"txclass_kept": "counter"}


def test_the_services_catalogue_is_found(catalogue):
    exposed = obs.exposed_names(catalogue)
    for name in [
        "txclass_ml_requests_total",
        "txclass_ml_request_duration_seconds_bucket",
        "txclass_consumer_lag",
        "txclass_producer_ingest_requests_total",
    ]:
        assert name in exposed, f"{name} not derived from the Rust sources"


def test_metric_names_in_queries_are_whole_identifiers():
    expr = 'sum(rate(txclass_a_total{job="txclass-consumer"}[5m])) / my_txclass_b + txclass_c'
    assert obs.metric_names(expr) == {"txclass_a_total", "txclass_c"}


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
