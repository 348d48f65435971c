#!/usr/bin/env python3
"""Checks the observability configuration under ops/ against the Rust sources.

- the Grafana dashboard parses, every panel has a unique id and the datasource
  uid ``prometheus``;
- both Prometheus configurations scrape the same jobs, and every compose
  target is a docker-compose.yml service that listens on that port;
- every alert rule has ``for``, a severity label and summary/description
  annotations, and is unit-tested both firing and staying quiet;
- every ``txclass_*`` metric name used by the dashboard, the alert rules and
  their unit tests is one the services expose. The catalogue is derived from
  the Rust sources: ``.register(...)`` / ``.register_with_unit(...)`` calls
  (literal names, or literal names passed to a helper in the same file), with
  the prefix of the registry they are made on (``Registry::with_prefix``,
  ``sub_registry_with_prefix``, followed through functions that return or
  receive the registry, across files) and the suffixes prometheus_client adds
  (``_total`` for counters; ``_bucket``, ``_sum``, ``_count`` for histograms);
- when ``promtool`` is on PATH: ``promtool check config``, ``check rules``,
  ``test rules``, and a syntax check of every dashboard query. Without
  promtool these are skipped, or fail when TXCLASS_REQUIRE_PROMTOOL=1.

Usage: python3 ops/checks/check_observability.py [--catalogue]
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
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
OPS = ROOT / "ops"
DASHBOARD = OPS / "grafana" / "dashboards" / "txclass.json"
PROMETHEUS_CONFIGS = [
    OPS / "prometheus" / "prometheus.yml",
    OPS / "prometheus" / "prometheus.local.yml",
]
ALERT_RULES = OPS / "prometheus" / "alerts.yml"
COMPOSE_FILE = ROOT / "docker-compose.yml"
ALERT_TESTS = OPS / "prometheus" / "tests" / "alerts_test.yml"
DATASOURCE_UID = "prometheus"

# The shared pipeline metrics (pipeline="batch" and "streaming") are
# registered by txclass-adapters for both pipelines.
SHARED_METRICS_FILE = Path("library") / "adapters" / "src" / "metrics.rs"
SHARED_PIPELINE_METRICS = (
    "txclass_records_ingested_total",
    "txclass_records_written_total",
    "txclass_validation_failures_total",
    "txclass_processing_errors_total",
    "txclass_records_dead_lettered_total",
    "txclass_predictions_total",
    "txclass_retries_total",
)
# Prefix assumed for a registry whose origin cannot be followed.
DEFAULT_PREFIX = "txclass"

# Series that Prometheus or the Pushgateway adds, not the services.
NON_SERVICE_SERIES = {"up", "push_time_seconds", "push_failure_time_seconds"}
METRIC_NAME = re.compile(r"(?<![A-Za-z0-9_:])txclass_[A-Za-z0-9_]+")
SEVERITIES = {"critical", "warning", "info"}
LITERAL = re.compile(r'\s*"((?:[^"\\]|\\.)*)"\s*(?:\.(?:into|to_string|to_owned)\(\))?\s*')
WITH_PREFIX = re.compile(r'Registry::with_prefix(?:_and_labels)?\(\s*"([^"]*)"')
REQUIRE_PROMTOOL_ENV = "TXCLASS_REQUIRE_PROMTOOL"

SUFFIXES = {
    "counter": ("_total",),
    "gauge": ("",),
    "histogram": ("_bucket", "_sum", "_count"),
    "info": ("_info",),
    # Type not resolved from the source: accept every form of the name.
    "unknown": ("", "_total", "_bucket", "_sum", "_count", "_info"),
}
TYPE_KINDS = [
    (re.compile(r"\bHistogram(?:WithExemplars)?\b"), "histogram"),
    (re.compile(r"\b(?:Const)?Counter(?:WithExemplar)?\b"), "counter"),
    (re.compile(r"\b(?:Const)?Gauge\b"), "gauge"),
    (re.compile(r"\bInfo\b"), "info"),
]
UNITS = {
    "Amperes": "amperes",
    "Bytes": "bytes",
    "Joules": "joules",
    "Meters": "meters",
    "Ratios": "ratios",
    "Seconds": "seconds",
    "Volts": "volts",
}


# --- Rust source scanning ---------------------------------------------------


@dataclass(frozen=True)
class Metric:
    """One registered metric: its base name (prefix, name, unit) and type."""

    base: str
    kind: str
    source: str

    def exposed(self) -> list[str]:
        return [self.base + suffix for suffix in SUFFIXES[self.kind]]


def rust_files(root: Path) -> list[Path]:
    """The *.rs files of the workspace, without build output, tests or examples."""
    skip = {"target", "tests", "benches", "examples", "node_modules"}
    files = []
    for path in sorted(root.rglob("*.rs")):
        parts = path.relative_to(root).parts[:-1]
        if any(part in skip or part.startswith(".") for part in parts):
            continue
        files.append(path)
    return files


def _skip_string(src: str, i: int) -> int:
    """Index just past the string literal (plain, byte or raw) starting at i."""
    j = i
    if src[j] == "b":
        j += 1
    if src[j] == "r":
        j += 1
        hashes = 0
        while src[j] == "#":
            hashes += 1
            j += 1
        end = src.find('"' + "#" * hashes, j + 1)
        return len(src) if end < 0 else end + 1 + hashes
    j += 1
    while j < len(src):
        if src[j] == "\\":
            j += 2
            continue
        if src[j] == '"':
            return j + 1
        j += 1
    return j


def _string_start(src: str, i: int) -> bool:
    if src[i] == '"':
        return True
    if i > 0 and (src[i - 1].isalnum() or src[i - 1] == "_"):
        return False
    return bool(re.match(r'(?:b?r#*"|b")', src[i : i + 4]))


def strip_comments(src: str) -> str:
    """The source with comments blanked out (strings kept, offsets unchanged)."""
    out = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if _string_start(src, i):
            j = _skip_string(src, i)
            out.append(src[i:j])
            i = j
        elif c == "'" and re.match(r"'(?:\\.[^']*|[^\\'])'", src[i : i + 12]):
            j = src.index("'", i + 2 if src[i + 1] != "\\" else i + 3) + 1
            out.append(src[i:j])
            i = j
        elif src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif src.startswith("/*", i):
            depth = 0
            j = i
            while j < n:
                if src.startswith("/*", j):
                    depth += 1
                    j += 2
                elif src.startswith("*/", j):
                    depth -= 1
                    j += 2
                    if depth == 0:
                        break
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _matching(src: str, open_at: int) -> int:
    """Index of the bracket closing the one at open_at (strings skipped)."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    stack = [pairs[src[open_at]]]
    i = open_at + 1
    while i < len(src):
        c = src[i]
        if _string_start(src, i):
            i = _skip_string(src, i)
            continue
        if c in pairs:
            stack.append(pairs[c])
        elif c in ")]}":
            if not stack or stack.pop() != c:
                return -1
            if not stack:
                return i
        i += 1
    return -1


def strip_test_modules(src: str) -> str:
    """The source without `#[cfg(test)] mod ... { ... }` blocks."""
    pattern = re.compile(r"#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{")
    while match := pattern.search(src):
        end = _matching(src, match.end() - 1)
        if end < 0:
            break
        blank = re.sub(r"[^\n]", " ", src[match.start() : end + 1])
        src = src[: match.start()] + blank + src[end + 1 :]
    return src


def split_args(text: str) -> list[str]:
    """Top-level comma-separated arguments (generic angle brackets respected)."""
    args = []
    depth = 0
    angle = 0
    start = 0
    i = 0
    while i < len(text):
        c = text[i]
        if _string_start(text, i):
            i = _skip_string(text, i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "<" and i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_:"):
            angle += 1
        elif c == ">" and angle > 0 and text[i - 1] not in "-=":
            angle -= 1
        elif c == "," and depth == 0 and angle == 0:
            args.append(text[start:i].strip())
            start = i + 1
        i += 1
    last = text[start:].strip()
    if last:
        args.append(last)
    return args


def _call_args(src: str, open_paren: int) -> tuple[list[str], int] | None:
    close = _matching(src, open_paren)
    if close < 0:
        return None
    return split_args(src[open_paren + 1 : close]), close


def _literal(expr: str) -> str | None:
    match = LITERAL.fullmatch(expr)
    return match.group(1) if match else None


def _kind_of_text(text: str) -> str | None:
    found = [(m.start(), kind) for rx, kind in TYPE_KINDS if (m := rx.search(text))]
    return min(found)[1] if found else None


@dataclass
class _Function:
    name: str
    owner: str | None
    params: list[str]
    ret: str
    body_start: int
    body_end: int

    @property
    def is_method(self) -> bool:
        return bool(self.params) and re.search(r"\bself\b", self.params[0]) is not None

    def param_index(self, name: str) -> int | None:
        """Position of a parameter among the arguments of a method-style call."""
        params = self.params[1:] if self.is_method else self.params
        for index, param in enumerate(params):
            if re.match(rf"(?:mut\s+)?{re.escape(name)}\s*:", param):
                return index
        return None

    def param_type(self, name: str) -> str | None:
        for param in self.params:
            match = re.match(rf"(?:mut\s+)?{re.escape(name)}\s*:(.*)", param, re.DOTALL)
            if match:
                return match.group(1)
        return None


def _impl_blocks(src: str) -> list[tuple[int, int, str]]:
    blocks = []
    pattern = re.compile(r"\bimpl\b\s*(?:<[^{]*?>)?\s*([^{]*?)\s*\{")
    for match in pattern.finditer(src):
        header = match.group(1)
        header = header.split(" for ", 1)[1] if " for " in header else header
        name = re.match(r"\s*(?:[\w:]+::)?(\w+)", header)
        end = _matching(src, match.end() - 1)
        if name and end > 0:
            blocks.append((match.end() - 1, end, name.group(1)))
    return blocks


def _functions(src: str) -> list[_Function]:
    impls = _impl_blocks(src)
    functions = []
    for match in re.finditer(r"\bfn\s+(\w+)\s*(?:<[^(]*?>)?\s*\(", src):
        close = _matching(src, match.end() - 1)
        if close < 0:
            continue
        brace = src.find("{", close)
        semicolon = src.find(";", close)
        if brace < 0 or (0 <= semicolon < brace):
            continue
        end = _matching(src, brace)
        ret = src[close + 1 : brace]
        ret = ret.split("->", 1)[1].split(" where ")[0].strip() if "->" in ret else ""
        params = split_args(src[match.end() : close])
        owners = [(a, name) for a, b, name in impls if a < match.start() < b]
        owner = max(owners)[1] if owners else None
        functions.append(_Function(match.group(1), owner, params, ret, brace, end))
    return functions


def _enclosing(functions: list[_Function], pos: int) -> _Function | None:
    inside = [f for f in functions if f.body_start < pos < f.body_end]
    return max(inside, key=lambda f: f.body_start) if inside else None


def _resolve_kind(src: str, expr: str, functions: list[_Function], depth: int = 0) -> str:
    """The metric type of a Rust expression, from constructors or declarations."""
    kind = _kind_of_text(expr)
    if kind or depth > 3:
        return kind or "unknown"
    for called in re.findall(r"\b(\w+)\s*\(", expr):
        for function in functions:
            if function.name == called and (kind := _kind_of_text(function.ret)):
                return kind
    ident = re.sub(r"\.clone\(\)|\.into\(\)|[&*]|\bmut\b|\bBox::new\b|[()]", "", expr).strip()
    ident = ident.split(".")[-1].strip()
    if not re.fullmatch(r"\w+", ident):
        return "unknown"
    kinds = set()
    declaration = rf"(?<![\w.])(?:let\s+(?:mut\s+)?)?{re.escape(ident)}\s*(?::(?!:)|=(?!=))"
    for match in re.finditer(declaration, src):
        rest = src[match.end() :]
        end = re.search(r"[;,\n]\s*(?:\w+\s*:|let\b|\}|$)", rest)
        text = rest[: end.start() if end else 200]
        if found := _kind_of_text(text):
            kinds.add(found)
        elif depth < 3 and "=" in src[match.start() : match.end()]:
            found = _resolve_kind(src, text, functions, depth + 1)
            if found != "unknown":
                kinds.add(found)
    return kinds.pop() if len(kinds) == 1 else "unknown"


def _unit(expr: str | None) -> str:
    if not expr:
        return ""
    if match := re.search(r"Unit::(\w+)", expr):
        if match.group(1) == "Other":
            literal = re.search(r'"([^"]*)"', expr)
            return literal.group(1) if literal else ""
        return UNITS.get(match.group(1), match.group(1).lower())
    return ""


def _join(*parts: str) -> str:
    return "_".join(part for part in parts if part)


def _statement(src: str, start: int) -> str:
    """The text from start to the end of its statement (the next top-level `;`)."""
    depth = 0
    i = start
    while i < len(src):
        c = src[i]
        if _string_start(src, i):
            i = _skip_string(src, i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth < 0:
                break
        elif c == ";" and depth == 0:
            break
        i += 1
    return src[start:i]


@dataclass
class _Source:
    path: str
    src: str
    functions: list[_Function]


class Workspace:
    """The Rust sources, scanned for metric registrations.

    A metric's prefix comes from the registry it is registered in, followed
    through `let` bindings, `sub_registry_with_prefix`, functions that return
    `Registry::with_prefix(..)`, and functions that take the registry as a
    parameter (their callers, in any file).
    """

    def __init__(self, sources: dict[str, str]):
        self.sources = []
        for path, raw in sources.items():
            text = strip_test_modules(strip_comments(raw))
            self.sources.append(_Source(path, text, _functions(text)))

    def _registry_functions(self, name: str) -> set[str]:
        """Prefixes of the registries returned by functions called `name`."""
        found = set()
        for source in self.sources:
            for function in source.functions:
                if function.name == name and "Registry" in (function.ret or "Registry"):
                    body = source.src[function.body_start : function.body_end]
                    found.update(m.group(1) for m in WITH_PREFIX.finditer(body))
        return found

    def _from_expression(self, source: _Source, expr: str, at: int, depth: int) -> set[str] | None:
        if match := WITH_PREFIX.search(expr):
            return {match.group(1)}
        if match := re.search(r'([\w.]+)\s*\.\s*sub_registry_with_prefix\(\s*"([^"]*)"', expr):
            parents = self.prefixes(source, match.group(1), at, depth + 1) or {DEFAULT_PREFIX}
            return {_join(parent, match.group(2)) for parent in parents}
        if re.search(r"Registry::(?:default|new)\s*\(", expr):
            return {""}
        for called in re.findall(r"(\w+)\s*\(", expr):
            if found := self._registry_functions(called):
                return found
        return None

    def prefixes(self, source: _Source, receiver: str, at: int, depth: int = 0) -> set[str] | None:
        """Prefixes the registry named `receiver` at offset `at` can carry; None if unknown."""
        if depth > 6:
            return None
        name = receiver.replace("&", "").replace("mut ", "").strip().split(".")[-1].strip()
        if not re.fullmatch(r"\w+", name) or name == "self":
            return None
        binding = re.compile(rf"\blet\s+(?:mut\s+)?{re.escape(name)}\s*(?::[^=;]*)?=(?!=)")
        bindings = [m for m in binding.finditer(source.src) if m.start() < at]
        function = _enclosing(source.functions, at)
        if function is not None:
            bindings = [m for m in bindings if m.start() > function.body_start]
        if bindings:
            match = bindings[-1]
            expr = _statement(source.src, match.end())
            return self._from_expression(source, expr, match.start(), depth)
        if function is not None and (index := function.param_index(name)) is not None:
            found: set[str] = set()
            for call_source, args, call_at in self.calls(function):
                if index < len(args) and _literal(args[index]) is None:
                    found |= self.prefixes(call_source, args[index], call_at, depth + 1) or set()
            return found or None
        return None

    def calls(self, function: _Function) -> list[tuple[_Source, list[str], int]]:
        """(file, arguments in method-call order, offset) of every call of a function."""
        pattern = re.compile(
            rf"(?:(?<![\w])(\w+)\s*::\s*|(\.)\s*|(?<![\w.:])){re.escape(function.name)}"
            rf"\s*(?:::\s*<[^()]*>)?\s*\("
        )
        expected = len(function.params) - (1 if function.is_method else 0)
        found = []
        for source in self.sources:
            for match in pattern.finditer(source.src):
                if source.src[max(0, match.start() - 3) : match.start()].endswith("fn "):
                    continue
                qualifier, dot = match.group(1), match.group(2)
                if dot and not function.is_method:
                    continue
                if qualifier and function.owner and qualifier not in (function.owner, "Self"):
                    continue
                if not qualifier and not dot and function.owner:
                    continue
                parsed = _call_args(source.src, match.end() - 1)
                if parsed is None:
                    continue
                args = parsed[0]
                if qualifier and function.is_method:
                    args = args[1:]
                if len(args) != expected:
                    continue
                found.append((source, args, match.start()))
        return found

    def metrics(self) -> list[Metric]:
        metrics = []
        for source in self.sources:
            metrics.extend(self._metrics_in(source))
        return metrics

    def _metrics_in(self, source: _Source) -> list[Metric]:
        src = source.src
        roots = [(m.start(), m.group(1)) for m in WITH_PREFIX.finditer(src)]
        metrics = []
        for match in re.finditer(r"\.\s*(register(?:_with_unit)?)\s*\(", src):
            parsed = _call_args(src, match.end() - 1)
            if parsed is None:
                continue
            args = parsed[0]
            with_unit = match.group(1) == "register_with_unit"
            if len(args) != (4 if with_unit else 3):
                continue
            receiver = re.search(r"([\w.]+)\s*$", src[: match.start()])
            prefixes = self.prefixes(source, receiver.group(1), match.start()) if receiver else None
            if prefixes is None:
                before = [prefix for at, prefix in roots if at < match.start()]
                prefixes = {before[-1] if before else roots[0][1] if roots else DEFAULT_PREFIX}
            line = src.count("\n", 0, match.start()) + 1
            where = f"{source.path}:{line}"
            unit = _unit(args[2]) if with_unit else ""
            name = _literal(args[0])
            if name is not None:
                kind = _resolve_kind(src, args[-1], source.functions)
                metrics.extend(Metric(_join(p, name, unit), kind, where) for p in sorted(prefixes))
                continue
            for base, kind, at in self._through_helper(source, match.start(), args, with_unit):
                where_via = f"{at} via {where}"
                metrics.extend(Metric(_join(p, base), kind, where_via) for p in sorted(prefixes))
        return metrics

    def _through_helper(self, source: _Source, at: int, args: list[str], with_unit: bool):
        """(name and unit, kind, where) of metrics registered by a helper whose
        callers in the same file pass literal names."""
        src = source.src
        helper = _enclosing(source.functions, at)
        name_param = args[0].strip().lstrip("&").strip()
        if helper is None or not re.fullmatch(r"\w+", name_param):
            return []
        index = helper.param_index(name_param)
        if index is None:
            return []
        unit = _unit(args[2]) if with_unit else ""
        unit_index = helper.param_index(args[2].strip()) if with_unit and not unit else None
        metric_param = args[-1].replace(".clone()", "").strip().lstrip("&")
        metric_index = helper.param_index(metric_param)
        kind = _kind_of_text(helper.param_type(metric_param) or "") or "unknown"
        if kind == "unknown":
            body = src[helper.body_start : helper.body_end]
            kind = _resolve_kind(body, args[-1], source.functions)
        if kind == "unknown" and helper.ret:
            kind = _kind_of_text(helper.ret) or "unknown"
        found = []
        for call_source, call_args, call_at in self.calls(helper):
            if call_source is not source or index >= len(call_args):
                continue
            name = _literal(call_args[index])
            if name is None:
                continue
            call_unit = unit
            if unit_index is not None and unit_index < len(call_args):
                call_unit = _unit(call_args[unit_index])
            call_kind = kind
            passed = call_args[metric_index] if metric_index is not None else None
            if call_kind == "unknown" and passed is not None:
                call_kind = _resolve_kind(src, passed, source.functions)
            if call_kind == "unknown":
                call_kind = _kind_at_call_site(src, call_at)
            line = src.count("\n", 0, call_at) + 1
            found.append((_join(name, call_unit), call_kind, f"{source.path}:{line}"))
        return found


def _kind_at_call_site(src: str, start: int) -> str:
    """The type a helper call is bound to: `let x: T = f(..)`, `f::<T>(..)`, field `x: f(..)`."""
    head = src[max(0, start - 200) : start]
    annotated = re.search(r"let\s+(?:mut\s+)?\w+\s*:\s*([^=]+)=\s*$", head)
    if annotated and (kind := _kind_of_text(annotated.group(1))):
        return kind
    turbofish = re.match(r"[\w.]*\s*::\s*<([^()]*)>", src[start:])
    if turbofish and (kind := _kind_of_text(turbofish.group(1))):
        return kind
    field = re.search(r"(\w+)\s*:\s*$", head)
    if field:
        for declared in re.finditer(rf"\b{re.escape(field.group(1))}\s*:\s*([^,\n]+)", src):
            if kind := _kind_of_text(declared.group(1)):
                return kind
    return "unknown"


def metrics_in_source(src: str, source: str = "lib.rs") -> list[Metric]:
    """The metrics one Rust file registers (for files that stand alone)."""
    return Workspace({source: src}).metrics()


def derive_catalogue(root: Path = ROOT) -> dict[str, Metric]:
    """Every txclass_* metric the Rust sources register, by base name."""
    sources = {}
    for path in rust_files(root):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "regist" in text.lower():
            sources[str(path.relative_to(root))] = text
    catalogue: dict[str, Metric] = {}
    for metric in Workspace(sources).metrics():
        if not metric.base.startswith("txclass_"):
            continue
        known = catalogue.get(metric.base)
        if known is None or known.kind == "unknown":
            catalogue[metric.base] = metric
    return catalogue


def exposed_names(catalogue: dict[str, Metric]) -> set[str]:
    return {name for metric in catalogue.values() for name in metric.exposed()}


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


def _listens_on(service: dict, port: str) -> bool:
    """Whether a compose service publishes, exposes or is told to listen on a port."""
    for mapping in service.get("ports", []):
        text = str(mapping.get("target") if isinstance(mapping, dict) else mapping)
        if text.rsplit(":", 1)[-1].split("/")[0] == port:
            return True
    if port in (str(p) for p in service.get("expose", [])):
        return True
    settings = json.dumps([service.get("environment"), service.get("command")])
    return re.search(rf"(?:0\.0\.0\.0|\[::\]):{port}\b", settings) is not None


def compose_target_problems(config: dict, compose: dict) -> list[str]:
    """Every compose scrape target names a compose service that listens on that port."""
    services = compose.get("services", {})
    problems = []
    for job_name, job in _jobs(config).items():
        for target in _targets(job):
            host, _, port = target.rpartition(":")
            if host == "localhost":
                continue
            if host not in services:
                problems.append(f"{job_name}: {target}: no compose service {host!r}")
            elif not _listens_on(services[host], port):
                problems.append(f"{job_name}: {target}: service {host!r} does not listen on {port}")
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
        f"{name} (used in {', '.join(sorted(where))}) is not registered by any Rust source"
        for name, where in sorted(used.items())
        if name not in exposed
    ]


def shared_metrics_problems(root: Path, catalogue: dict[str, Metric]) -> list[str]:
    path = root / SHARED_METRICS_FILE
    if not path.exists():
        names = ", ".join(SHARED_PIPELINE_METRICS)
        message = f"{SHARED_METRICS_FILE} not found: the shared pipeline metrics ({names})"
        return [message + " are to be registered there"]
    exposed = exposed_names(catalogue)
    missing = [name for name in SHARED_PIPELINE_METRICS if name not in exposed]
    if missing:
        return [f"{SHARED_METRICS_FILE} does not register {', '.join(missing)}"]
    return []


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
    parser.add_argument("--catalogue", action="store_true", help="print the derived catalogue")
    options = parser.parse_args(argv)

    catalogue = derive_catalogue()
    if options.catalogue:
        for name, metric in sorted(catalogue.items()):
            print(f"{metric.kind:9} {', '.join(metric.exposed()):60} {metric.source}")
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
    if COMPOSE_FILE.exists():
        services = load_yaml(COMPOSE_FILE)
        report("compose scrape targets", compose_target_problems(compose, services))
    rules = load_yaml(ALERT_RULES)
    report("alert rules", alert_rule_problems(rules))
    report("alert tests cover every alert", alert_tests_cover(rules, load_yaml(ALERT_TESTS)))
    report("shared pipeline metrics", shared_metrics_problems(ROOT, catalogue))
    used = {n: w for n, w in used_metrics().items() if n not in NON_SERVICE_SERIES}
    report("metric names in the catalogue", unknown_metrics(used, exposed_names(catalogue)))

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
