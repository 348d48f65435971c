#!/usr/bin/env python3
"""Static checks of docker-compose.yml and .env.example.

    python ops/checks/check_compose.py [--bin-dir DIR] [--static]

Checks, each reported on its own line:

* ``services``: the file parses as YAML, has the expected services, and
  every service states its ``restart`` policy;
* ``images``: a service either builds from an existing Dockerfile (and a
  stage of it when it names a build ``target``) or runs an image with an
  explicit tag other than ``latest`` (the txclass images built here
  excepted);
* ``environment``: every variable given to a txclass container, and every
  variable of the ``## txclass programs`` section of .env.example, is one
  the program reads: its ``--help`` lists it (``[env: NAME=...]``) or it is
  in LIBRARY_ENV below;
* ``flags``: every flag in a txclass service's ``command:`` is accepted by
  that (sub)command's ``--help``;
* ``dependencies``: ``depends_on`` names exist, a ``service_healthy``
  dependency has a health check, a ``service_completed_successfully`` one
  runs once, long-running services have a health check, no cycles;
* ``variables``: every ``${VAR}`` of the compose file is in .env.example
  with a default equal to its value there, and every variable of
  .env.example is used;
* ``mounts``: bind-mounted paths of the repository exist, named volumes are
  declared;
* ``ports``: no host port is published twice;
* ``airflow``: the image and network the DAG is told to use are the ones
  this file builds and creates, and its JSON Connections parse;
* ``prometheus targets``: a scrape target that names a compose service
  names a port that service listens on;
* ``docker compose config``: run when the Docker CLI has the Compose plugin
  (it needs no Docker engine), skipped otherwise.

A service that builds takes its ENTRYPOINT, CMD and HEALTHCHECK, where
docker-compose.yml does not set them, from the stage its ``build.target``
names (the last stage without one), including what that stage inherits
through ``FROM <stage>``; a service that only runs an image built by another
service takes them from that service's build.

The environment and flags checks run the built txclass binaries with
``--help``: from ``--bin-dir``, else ``$TXCLASS_BIN_DIR``, else
``$CARGO_TARGET_DIR/debug`` (``~/.cache/txclass/target/debug`` by default).
They fail when the binaries are missing (``cargo build --workspace --bins``
makes them); ``--static`` leaves them out. Exit status: 0 when every check
passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"

EXPECTED_SERVICES = frozenset(
    {
        "kafka",
        "kafka-init",
        "postgres",
        "adminer",
        "minio",
        "minio-init",
        "ml-api",
        "migrate",
        "consumer",
        "producer-steady",
        "producer-bursty",
        "producer-ingest",
        "batch",
        "airflow",
        "prometheus",
        "pushgateway",
        "grafana",
    }
)

# Variables the txclass programs read although their --help does not list
# them: the libraries read them from the environment directly.
LIBRARY_ENV = {
    # tracing-subscriber's EnvFilter (txclass_adapters::telemetry::init_logging).
    "RUST_LOG": "log filter",
    # The Rust standard library and anyhow: backtraces on panics and errors.
    "RUST_BACKTRACE": "panic backtraces",
    "RUST_LIB_BACKTRACE": "error backtraces",
}

# The .env.example section whose variables go to the txclass programs as they are.
TXCLASS_ENV_SECTION = "txclass programs"

# Compose reads these from .env itself; the file need not use them.
COMPOSE_OWN_VARS = re.compile(r"COMPOSE_[A-Z0-9_]+|DOCKER_(?:HOST|CONTEXT|DEFAULT_PLATFORM)")

ONE_SHOT_RESTARTS = {"no", "on-failure"}
LONG_RUNNING_RESTARTS = {"always", "unless-stopped"}
DEPENDENCY_CONDITIONS = {
    "service_started",
    "service_healthy",
    "service_completed_successfully",
}


class CheckError(Exception):
    """A check could not run (e.g. a binary is missing)."""


# ---------------------------------------------------------------------------
# .env files
# ---------------------------------------------------------------------------


@dataclass
class EnvFile:
    values: dict[str, str] = field(default_factory=dict)
    # Section title (a `## Title` comment line) -> the variables under it.
    sections: dict[str, list[str]] = field(default_factory=dict)


def parse_env_file(text: str) -> EnvFile:
    """Reads NAME=value lines; `## Title` lines start a section."""
    env = EnvFile()
    section = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("## "):
            section = line[3:].strip()
            env.sections.setdefault(section, [])
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :].lstrip()
        name, sep, value = line.partition("=")
        name = name.strip()
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ValueError(f"line {number}: not NAME=value: {raw!r}")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        if name in env.values:
            raise ValueError(f"line {number}: {name} is set twice")
        env.values[name] = value
        env.sections.setdefault(section, []).append(name)
    return env


# ---------------------------------------------------------------------------
# Compose interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err},
# ${VAR?err}, ${VAR:+alt}, ${VAR+alt}, $VAR, and $$ for a literal $.
# ---------------------------------------------------------------------------

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_OPERATORS = (":-", ":?", ":+", "-", "?", "+")


@dataclass(frozen=True)
class VarRef:
    name: str
    operator: str = ""  # one of _OPERATORS, or "" for a plain reference
    argument: str | None = None  # the default, error message or alternative (raw)


def parse_interpolation(text: str) -> list[str | VarRef]:
    """Splits a Compose string into literal text and variable references."""
    pieces: list[str | VarRef] = []
    literal: list[str] = []

    def flush() -> None:
        if literal:
            pieces.append("".join(literal))
            literal.clear()

    i = 0
    while i < len(text):
        char = text[i]
        if char != "$":
            literal.append(char)
            i += 1
            continue
        following = text[i + 1 : i + 2]
        if following == "$":
            literal.append("$")
            i += 2
        elif following == "{":
            depth, j = 1, i + 2
            while j < len(text) and depth:
                if text[j] == "{":
                    depth += 1
                elif text[j] == "}":
                    depth -= 1
                j += 1
            if depth:
                raise ValueError(f"unclosed ${{ in {text!r}")
            body = text[i + 2 : j - 1]
            match = _NAME.match(body)
            if not match:
                raise ValueError(f"invalid variable ${{{body}}} in {text!r}")
            rest = body[match.end() :]
            operator = next((op for op in _OPERATORS if rest.startswith(op)), None)
            if rest and operator is None:
                raise ValueError(f"invalid variable ${{{body}}} in {text!r}")
            flush()
            if operator:
                pieces.append(VarRef(match.group(), operator, rest[len(operator) :]))
            else:
                pieces.append(VarRef(match.group()))
            i = j
        elif match := _NAME.match(text, i + 1):
            flush()
            pieces.append(VarRef(match.group()))
            i = match.end()
        else:
            literal.append("$")
            i += 1
    flush()
    return pieces


def variable_refs(text: str) -> list[VarRef]:
    """Every variable a string references, defaults included."""
    refs = []
    for piece in parse_interpolation(text):
        if isinstance(piece, VarRef):
            refs.append(piece)
            if piece.argument:
                refs.extend(variable_refs(piece.argument))
    return refs


def interpolate(text: str, env: Mapping[str, str]) -> str:
    """A string as Compose would see it with these variables set."""
    out = []
    for piece in parse_interpolation(text):
        if isinstance(piece, str):
            out.append(piece)
            continue
        value = env.get(piece.name)
        is_set, non_empty = value is not None, bool(value)
        op, arg = piece.operator, piece.argument or ""
        if op == ":-":
            out.append(value if non_empty else interpolate(arg, env))
        elif op == "-":
            out.append(value if is_set else interpolate(arg, env))
        elif op in (":?", "?"):
            if (op == ":?" and not non_empty) or (op == "?" and not is_set):
                raise ValueError(f"{piece.name} is required: {arg}")
            out.append(value)
        elif op == ":+":
            out.append(interpolate(arg, env) if non_empty else "")
        elif op == "+":
            out.append(interpolate(arg, env) if is_set else "")
        else:
            out.append(value or "")
    return "".join(out)


def iter_strings(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, value) of every string value in a YAML tree."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, Mapping):
        for key, value in node.items():
            yield from iter_strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from iter_strings(value, f"{path}[{index}]")


def resolve(node: Any, env: Mapping[str, str]) -> Any:
    """The YAML tree with every string interpolated."""
    if isinstance(node, str):
        return interpolate(node, env)
    if isinstance(node, Mapping):
        return {key: resolve(value, env) for key, value in node.items()}
    if isinstance(node, list):
        return [resolve(value, env) for value in node]
    return node


# ---------------------------------------------------------------------------
# Compose model helpers
# ---------------------------------------------------------------------------


def load_compose(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    if not isinstance(data, dict) or not isinstance(data.get("services"), dict):
        raise CheckError(f"{path.name}: no `services` mapping")
    return data


def service_environment(service: Mapping[str, Any]) -> dict[str, str | None]:
    """`environment:` as a mapping (both the mapping and the list form)."""
    env = service.get("environment") or {}
    if isinstance(env, Mapping):
        return {str(k): None if v is None else str(v) for k, v in env.items()}
    result: dict[str, str | None] = {}
    for entry in env:
        name, sep, value = str(entry).partition("=")
        result[name] = value if sep else None
    return result


def as_args(value: Any) -> list[str] | None:
    """`command:` / `entrypoint:` as an argument list (a string is shell-split)."""
    if value is None:
        return None
    if isinstance(value, str):
        return shlex.split(value)
    return [str(v) for v in value]


def depends_on(service: Mapping[str, Any]) -> dict[str, str]:
    """`depends_on:` as name -> condition."""
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return {str(name): "service_started" for name in deps}
    return {str(name): (spec or {}).get("condition", "service_started") for name, spec in deps.items()}


def build_paths(service: Mapping[str, Any], base: Path) -> tuple[Path, Path] | None:
    """(context, Dockerfile) of a service that builds, paths resolved."""
    build = service.get("build")
    if build is None:
        return None
    if isinstance(build, str):
        build = {"context": build}
    context = base / str(build.get("context", "."))
    return context, context / str(build.get("dockerfile", "Dockerfile"))


def build_target(service: Mapping[str, Any]) -> str | None:
    """The `build.target` of a service (the stage it builds), if it names one."""
    build = service.get("build")
    if not isinstance(build, Mapping) or build.get("target") is None:
        return None
    return str(build["target"])


def image_reference(image: str) -> tuple[str, str | None, str | None]:
    """(name, tag, digest) of an image reference."""
    name, _, digest = image.partition("@")
    slash = name.rfind("/")
    colon = name.rfind(":")
    tag = None
    if colon > slash:
        name, tag = name[:colon], name[colon + 1 :]
    return name, tag, digest or None


def is_pinned(image: str) -> bool:
    _, tag, digest = image_reference(image)
    return digest is not None or (tag is not None and tag != "latest")


# ---------------------------------------------------------------------------
# Dockerfiles
# ---------------------------------------------------------------------------


@dataclass
class Dockerfile:
    """What the image of one stage runs: its ENTRYPOINT and CMD, and whether
    it has a HEALTHCHECK, with what it inherits through `FROM <stage>`."""

    entrypoint: list[str] | None = None
    cmd: list[str] | None = None
    healthcheck: bool = False
    # The stage's name (`FROM ... AS name`, lower case), None when it has none.
    name: str | None = None


def _instruction_args(rest: str) -> list[str]:
    rest = rest.strip()
    if rest.startswith("["):
        try:
            return [str(a) for a in json.loads(rest)]
        except json.JSONDecodeError:
            pass
    return ["/bin/sh", "-c", rest]


def _instructions(text: str) -> list[tuple[str, str]]:
    """(KEYWORD, arguments) of every instruction, continuation lines joined."""
    instructions: list[tuple[str, str]] = []
    lines = iter(text.splitlines())
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        while stripped.endswith("\\"):
            stripped = stripped[:-1] + " " + next(lines, "").strip()
        keyword, _, rest = stripped.partition(" ")
        instructions.append((keyword.upper(), rest))
        # Skip here-document bodies (COPY <<EOF ... EOF).
        for delimiter in re.findall(r"<<-?['\"]?([A-Za-z_][A-Za-z0-9_]*)['\"]?", rest):
            for body_line in lines:
                if body_line.strip() == delimiter:
                    break
    return instructions


def _from_arguments(rest: str) -> tuple[str, str | None]:
    """(base, stage name) of `FROM [--platform=...] base [AS name]`."""
    words = [w for w in rest.split() if not w.startswith("--")]
    base = words[0] if words else ""
    name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
    return base, name


def dockerfile_stages(text: str) -> list[Dockerfile]:
    """Every stage in order, each with what it inherits from an earlier stage
    it is built `FROM` (stage names are case-insensitive). A stage FROM an
    outside image starts empty: that image's settings are unknown here."""
    stages: list[Dockerfile] = []
    stage: Dockerfile | None = None
    cmd_set = False
    for keyword, rest in _instructions(text):
        if keyword == "FROM":
            base, name = _from_arguments(rest)
            parent = next((s for s in reversed(stages) if s.name == base.lower()), None)
            stage = Dockerfile(name=name.lower() if name else None)
            if parent is not None:
                stage.entrypoint, stage.cmd = parent.entrypoint, parent.cmd
                stage.healthcheck = parent.healthcheck
            stages.append(stage)
            cmd_set = False
        elif stage is None:
            continue  # ARG before the first FROM
        elif keyword == "ENTRYPOINT":
            stage.entrypoint = _instruction_args(rest)
            # Docker resets an inherited CMD when ENTRYPOINT is set, but not
            # one set earlier in the same stage.
            if not cmd_set:
                stage.cmd = None
        elif keyword == "CMD":
            stage.cmd = _instruction_args(rest)
            cmd_set = True
        elif keyword == "HEALTHCHECK":
            stage.healthcheck = rest.strip().upper() != "NONE"
    return stages


def parse_dockerfile(text: str, target: str | None = None) -> Dockerfile:
    """ENTRYPOINT, CMD and HEALTHCHECK of the stage named `target` (what
    `docker build --target` builds), or of the last stage without one.
    A target that names no stage is a ValueError."""
    stages = dockerfile_stages(text)
    if target is None:
        return stages[-1] if stages else Dockerfile()
    for stage in stages:
        if stage.name == target.lower():
            return stage
    names = ", ".join(s.name for s in stages if s.name) or "none"
    raise ValueError(f"no stage named {target!r} (stages: {names})")


# ---------------------------------------------------------------------------
# clap --help output
# ---------------------------------------------------------------------------

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_ENV_MARK = re.compile(r"\[env:\s+([A-Za-z_][A-Za-z0-9_]*)")
# `  -s, --long <VALUE>`, `      --long <VALUE>`, `      --flag`
_LONG_OPTION = re.compile(r"^  (?:-([A-Za-z0-9]), |    )--([A-Za-z0-9][A-Za-z0-9_-]*)(.*)$")
_SHORT_OPTION = re.compile(r"^  -([A-Za-z0-9])(?![A-Za-z0-9-])(.*)$")
_SUBCOMMAND = re.compile(r"^  ([A-Za-z0-9][A-Za-z0-9_-]*)(?:\s{2,}.*)?$")
_SECTION = re.compile(r"^(\S.*):\s*$")


def _takes_value(rest: str) -> bool:
    rest = rest.lstrip()
    return rest.startswith(("<", "[<", "="))


@dataclass
class Help:
    """What one (sub)command's --help says it accepts."""

    env: set[str] = field(default_factory=set)
    # Long flag names (without --) and short ones (without -) -> takes a value.
    flags: dict[str, bool] = field(default_factory=dict)
    shorts: dict[str, bool] = field(default_factory=dict)
    subcommands: list[str] = field(default_factory=list)


def parse_help(text: str) -> Help:
    text = _ANSI.sub("", text)
    help_ = Help(env=set(_ENV_MARK.findall(text)))
    section = ""
    for line in text.splitlines():
        line = line.rstrip()
        if heading := _SECTION.match(line):
            section = heading.group(1).lower()
            continue
        if section == "commands":
            if (match := _SUBCOMMAND.match(line)) and match.group(1) != "help":
                help_.subcommands.append(match.group(1))
            continue
        if match := _LONG_OPTION.match(line):
            short, long, rest = match.groups()
            takes = _takes_value(rest)
            help_.flags[long] = takes
            if short:
                help_.shorts[short] = takes
        elif match := _SHORT_OPTION.match(line):
            help_.shorts[match.group(1)] = _takes_value(match.group(2))
    return help_


@dataclass
class ProgramHelp:
    """A program's --help and that of each of its subcommands."""

    name: str
    top: Help
    subcommands: dict[str, Help] = field(default_factory=dict)

    def all_env(self) -> set[str]:
        env = set(self.top.env)
        for sub in self.subcommands.values():
            env |= sub.env
        return env


Runner = Callable[[list[str]], str]


def run_binary(argv: list[str]) -> str:
    """The standard output of a command that must exit 0, run with a clean
    environment (clap's --help then shows no values from this shell's variables)."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, env=env, check=False)
    except OSError as e:
        raise CheckError(f"cannot run {' '.join(argv)}: {e}") from e
    except subprocess.TimeoutExpired as e:
        raise CheckError(f"{' '.join(argv)} did not answer within 60 s") from e
    if done.returncode != 0:
        raise CheckError(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def default_bin_dir() -> Path:
    target = os.environ.get("CARGO_TARGET_DIR") or str(Path.home() / ".cache/txclass/target")
    return Path(target) / "debug"


def bin_dir_from(argument: str | None) -> Path:
    if argument:
        return Path(argument)
    if os.environ.get("TXCLASS_BIN_DIR"):
        return Path(os.environ["TXCLASS_BIN_DIR"])
    return default_bin_dir()


def binary_path(bin_dir: Path, binary: str) -> Path:
    """The built binary, or a CheckError that says how to build it."""
    path = bin_dir / binary
    if not path.is_file():
        raise CheckError(
            f"{binary} is not built: no {path}. Build the binaries first "
            "(cargo build --workspace --bins), or point --bin-dir or TXCLASS_BIN_DIR "
            "at the folder that holds them."
        )
    return path


def load_program_help(bin_dir: Path, binary: str, runner: Runner = run_binary) -> ProgramHelp:
    path = binary_path(bin_dir, binary)
    top = parse_help(runner([str(path), "--help"]))
    program = ProgramHelp(binary, top)
    for sub in top.subcommands:
        program.subcommands[sub] = parse_help(runner([str(path), sub, "--help"]))
    return program


# ---------------------------------------------------------------------------
# txclass services
# ---------------------------------------------------------------------------


@dataclass
class TxclassService:
    name: str
    binary: str
    args: list[str]  # what follows the binary: the subcommand and its flags
    environment: dict[str, str | None]
    env_files: list[str]


def dockerfile_of(name: str, services: Mapping[str, Any], base: Path) -> tuple[Path | None, Dockerfile | None]:
    """The Dockerfile a service's image comes from (its own build, or that of
    a service building the same image) and the stage that build targets.
    (None, None) when it is not known: no build, no such file, or a target
    that names no stage (check_images reports the last two)."""
    service = services[name]
    builder = service if service.get("build") is not None else None
    if builder is None and service.get("image"):
        builder = next(
            (o for o in services.values() if o.get("image") == service["image"] and o.get("build") is not None),
            None,
        )
    paths = build_paths(builder, base) if builder is not None else None
    if paths is None or not paths[1].is_file():
        return None, None
    try:
        stage = parse_dockerfile(paths[1].read_text(encoding="utf-8"), build_target(builder))
    except ValueError:
        return None, None
    return paths[1], stage


def txclass_services(services: Mapping[str, Any], base: Path) -> list[TxclassService]:
    """Services whose entrypoint is a txclass program (services resolved)."""
    found = []
    for name, service in services.items():
        _, dockerfile = dockerfile_of(name, services, base)
        entrypoint = as_args(service.get("entrypoint"))
        command = as_args(service.get("command"))
        if entrypoint is None and dockerfile is not None:
            entrypoint = dockerfile.entrypoint
            if command is None:
                command = dockerfile.cmd
        if not entrypoint:
            continue
        binary = Path(entrypoint[0]).name
        if not binary.startswith("txclass-"):
            continue
        env_files = service.get("env_file") or []
        if isinstance(env_files, str):
            env_files = [env_files]
        found.append(
            TxclassService(
                name=name,
                binary=binary,
                args=entrypoint[1:] + (command or []),
                environment=service_environment(service),
                env_files=[str(f if isinstance(f, str) else f.get("path")) for f in env_files],
            )
        )
    return found


def split_subcommand(program: ProgramHelp, args: list[str]) -> tuple[str | None, list[str], int]:
    """(subcommand or None, the program's own leading args, index after the subcommand)."""
    for index, arg in enumerate(args):
        if arg in program.subcommands:
            return arg, args[:index], index + 1
        if not arg.startswith("-"):
            break
    return None, [], 0


def unknown_flags(args: list[str], help_: Help) -> list[str]:
    """Flags of an argument list that a (sub)command's --help does not list."""
    problems = []
    skip_value = False
    for arg in args:
        if skip_value:
            skip_value = False
            continue
        if arg == "--":
            break
        if arg.startswith("--"):
            name, has_inline_value, _ = arg[2:].partition("=")
            if name not in help_.flags:
                problems.append(f"--{name}")
            elif help_.flags[name] and not has_inline_value:
                skip_value = True
        elif arg.startswith("-") and len(arg) > 1 and not re.fullmatch(r"-[0-9.]+", arg):
            short = arg[1]
            if short not in help_.shorts:
                problems.append(f"-{short}")
            elif help_.shorts[short] and len(arg) == 2:
                skip_value = True
    return problems


def relevant_help(program: ProgramHelp, args: list[str]) -> tuple[str, set[str]]:
    """(what runs, the variables it reads) for a service's arguments: the
    subcommand's when the arguments name one, else any subcommand's (the
    service may run any of them, e.g. `docker compose run`)."""
    subcommand, _, _ = split_subcommand(program, args)
    if subcommand is not None:
        return f"{program.name} {subcommand}", program.top.env | program.subcommands[subcommand].env
    return program.name, program.all_env()


# ---------------------------------------------------------------------------
# Checks: each returns its problems (empty when it passes)
# ---------------------------------------------------------------------------


@dataclass
class Context:
    compose: dict[str, Any]
    env_file: EnvFile
    base: Path
    # The services as Compose sees them with .env = .env.example.
    services: dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        self.services = resolve(self.compose["services"], self.env_file.values)


def check_services(ctx: Context) -> list[str]:
    problems = []
    missing = EXPECTED_SERVICES - set(ctx.services)
    if missing:
        problems.append(f"missing services: {', '.join(sorted(missing))}")
    for name, service in ctx.services.items():
        if not isinstance(service, Mapping):
            problems.append(f"{name}: not a mapping")
        elif "restart" not in service:
            problems.append(f'{name}: no `restart` policy (say `"no"` for a one-shot)')
    return problems


def check_images(ctx: Context) -> list[str]:
    problems: list[str] = []
    # As Compose resolves them with .env = .env.example, and with no .env at
    # all (the inline defaults).
    for services in (ctx.services, resolve(ctx.compose["services"], {})):
        built = {s["image"] for s in services.values() if s.get("build") is not None and s.get("image")}
        for name, service in services.items():
            paths = build_paths(service, ctx.base)
            if paths is not None:
                context, dockerfile = paths
                if not context.is_dir():
                    problems.append(f"{name}: build context {context} does not exist")
                elif not dockerfile.is_file():
                    problems.append(f"{name}: Dockerfile {dockerfile} does not exist")
                elif (target := build_target(service)) is not None:
                    try:
                        parse_dockerfile(dockerfile.read_text(encoding="utf-8"), target)
                    except ValueError as e:
                        problems.append(f"{name}: build target of {dockerfile}: {e}")
                continue
            image = service.get("image")
            if not image:
                problems.append(f"{name}: neither `build` nor `image`")
            elif image_reference(image)[0].startswith("txclass/"):
                if image not in built:
                    problems.append(f"{name}: {image} is not built by any service")
            elif not is_pinned(image):
                problems.append(f"{name}: image {image!r} has no pinned tag")
    # The same problem found under both resolutions is reported once.
    return list(dict.fromkeys(problems))


def check_environment(
    ctx: Context, programs: Mapping[str, ProgramHelp], allowed: Mapping[str, str] = LIBRARY_ENV
) -> list[str]:
    problems = []
    every_read: set[str] = set(allowed)
    for program in programs.values():
        every_read |= program.all_env()
    for service in txclass_services(ctx.services, ctx.base):
        program = programs[service.binary]
        what, reads = relevant_help(program, service.args)
        for env_file in service.env_files:
            problems.append(
                f"{service.name}: env_file {env_file}: give txclass containers their "
                "variables under `environment:` so that they can be checked"
            )
        for name in service.environment:
            if name not in reads and name not in allowed:
                problems.append(f"{service.name}: {name} is not read by `{what}`")
    for name in ctx.env_file.sections.get(TXCLASS_ENV_SECTION, []):
        if name not in every_read:
            problems.append(f".env.example: {name} (section {TXCLASS_ENV_SECTION!r}) is read by no txclass program")
    return problems


def check_flags(ctx: Context, programs: Mapping[str, ProgramHelp]) -> list[str]:
    problems = []
    for service in txclass_services(ctx.services, ctx.base):
        program = programs[service.binary]
        args = service.args
        subcommand, leading, start = split_subcommand(program, args)
        if subcommand is None:
            first = next((a for a in args if not a.startswith("-")), None)
            if program.subcommands and first is not None:
                problems.append(
                    f"{service.name}: `{first}` is not a subcommand of {program.name} "
                    f"({', '.join(program.subcommands)})"
                )
                continue
            leading = args
        for flag in unknown_flags(leading, program.top):
            problems.append(f"{service.name}: {program.name} does not accept {flag}")
        if subcommand is not None:
            for flag in unknown_flags(args[start:], program.subcommands[subcommand]):
                problems.append(f"{service.name}: {program.name} {subcommand} does not accept {flag}")
    return problems


def has_healthcheck(name: str, ctx: Context) -> bool:
    check = ctx.services[name].get("healthcheck")
    if check is not None:
        test = as_args(check.get("test")) or []
        return not check.get("disable", False) and bool(test) and test[0] != "NONE"
    _, dockerfile = dockerfile_of(name, ctx.services, ctx.base)
    return dockerfile is not None and dockerfile.healthcheck


def check_dependencies(ctx: Context) -> list[str]:
    problems = []
    for name, service in ctx.services.items():
        restart = str(service.get("restart", "no"))
        one_shot = restart.split(":")[0] in ONE_SHOT_RESTARTS
        if restart in LONG_RUNNING_RESTARTS and not has_healthcheck(name, ctx):
            problems.append(f"{name}: long-running (restart: {restart}) but no health check")
        if not one_shot and restart not in LONG_RUNNING_RESTARTS:
            problems.append(f"{name}: unknown restart policy {restart!r}")
        for dep, condition in depends_on(service).items():
            if dep not in ctx.services:
                problems.append(f"{name}: depends on unknown service {dep}")
                continue
            if condition not in DEPENDENCY_CONDITIONS:
                problems.append(f"{name}: unknown condition {condition!r} on {dep}")
            elif condition == "service_healthy" and not has_healthcheck(dep, ctx):
                problems.append(f"{name}: waits for {dep} to be healthy, which has no health check")
            elif condition == "service_completed_successfully":
                dep_restart = str(ctx.services[dep].get("restart", "no")).split(":")[0]
                if dep_restart not in ONE_SHOT_RESTARTS:
                    problems.append(f"{name}: waits for {dep} to complete, but {dep} restarts ({dep_restart})")
    problems.extend(_cycles(ctx.services))
    return problems


def _cycles(services: Mapping[str, Any]) -> list[str]:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    problems = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for dep in depends_on(services[name]):
            if dep not in services:
                continue
            if state.get(dep) == 1:
                cycle = path[path.index(dep) :] + [dep]
                problems.append(f"dependency cycle: {' -> '.join(cycle)}")
            elif dep not in state:
                visit(dep, path + [dep])
        state[name] = 2

    for name in services:
        if name not in state:
            visit(name, [name])
    return problems


def check_variables(ctx: Context) -> list[str]:
    problems = []
    values = ctx.env_file.values
    used: set[str] = set()
    for path, text in iter_strings(ctx.compose):
        try:
            refs = variable_refs(text)
        except ValueError as e:
            problems.append(f"{path}: {e}")
            continue
        for ref in refs:
            used.add(ref.name)
            if ref.name not in values:
                problems.append(f"{path}: ${{{ref.name}}} is not in .env.example")
                continue
            if ref.operator == "":
                problems.append(f"{path}: ${{{ref.name}}} has no default (write ${{{ref.name}:-value}})")
            elif ref.operator in (":-", "-"):
                default = interpolate(ref.argument or "", {})
                if default != values[ref.name]:
                    problems.append(
                        f"{path}: default of {ref.name} is {default!r}, .env.example says {values[ref.name]!r}"
                    )
    for name in values:
        if name not in used and not COMPOSE_OWN_VARS.fullmatch(name):
            problems.append(f".env.example: {name} is not used by docker-compose.yml")
    return problems


def _volume_source(entry: Any) -> tuple[str, str] | None:
    """(type, source) of a `volumes:` entry."""
    if isinstance(entry, Mapping):
        return str(entry.get("type", "volume")), str(entry.get("source", ""))
    parts = str(entry).split(":")
    if len(parts) < 2:
        return None  # an anonymous volume
    source = parts[0]
    kind = "bind" if source.startswith((".", "/", "~")) else "volume"
    return kind, source


def check_mounts(ctx: Context) -> list[str]:
    problems = []
    declared = set((ctx.compose.get("volumes") or {}).keys())
    for name, service in ctx.services.items():
        for entry in service.get("volumes") or []:
            parsed = _volume_source(entry)
            if parsed is None:
                continue
            kind, source = parsed
            if kind == "volume" and source and source not in declared:
                problems.append(f"{name}: volume {source} is not declared under `volumes:`")
            elif kind == "bind" and source.startswith(".") and not (ctx.base / source).exists():
                problems.append(f"{name}: bind-mounted {source} does not exist")
    return problems


def _published(entry: Any) -> tuple[str, str] | None:
    """(host address, host port) of a `ports:` entry, when it publishes one."""
    if isinstance(entry, Mapping):
        published = entry.get("published")
        return (str(entry.get("host_ip", "")), str(published)) if published else None
    parts = str(entry).rsplit(":", 2)
    if len(parts) == 3:
        return parts[0], parts[1]
    if len(parts) == 2:
        return "", parts[0]
    return None


def check_ports(ctx: Context) -> list[str]:
    problems = []
    seen: dict[str, str] = {}
    for name, service in ctx.services.items():
        for entry in service.get("ports") or []:
            published = _published(entry)
            if published is None:
                continue
            port = published[1]
            if port in seen:
                problems.append(f"{name}: host port {port} is also published by {seen[port]}")
            seen[port] = name
    return problems


def check_airflow(ctx: Context) -> list[str]:
    problems = []
    network = ((ctx.compose.get("networks") or {}).get("default") or {}).get("name")
    if network is not None:
        network = interpolate(str(network), ctx.env_file.values)
    for name, service in ctx.services.items():
        env = service_environment(service)
        image = env.get("TXCLASS_BATCH_IMAGE")
        if image is not None:
            builders = [
                other for other, s in ctx.services.items() if s.get("image") == image and s.get("build") is not None
            ]
            if not builders:
                problems.append(f"{name}: TXCLASS_BATCH_IMAGE {image} is not built by any service")
            for builder in builders:
                _, dockerfile = dockerfile_of(builder, ctx.services, ctx.base)
                entry = (dockerfile.entrypoint or [""])[0] if dockerfile else ""
                if Path(entry).name != "txclass-batch":
                    problems.append(f"{name}: {image} (built by {builder}) is not txclass-batch")
        for variable, value in env.items():
            if variable.startswith("AIRFLOW_CONN_") and (value or "").lstrip().startswith("{"):
                try:
                    json.loads(value)
                except json.JSONDecodeError as e:
                    problems.append(f"{name}: {variable} is not valid JSON ({e})")
        wanted = env.get("TXCLASS_DOCKER_NETWORK")
        if wanted is not None and wanted != network:
            problems.append(f"{name}: TXCLASS_DOCKER_NETWORK is {wanted!r}, the compose network is {network!r}")
    return problems


def listening_ports(service: Mapping[str, Any]) -> set[str]:
    """Container ports a service listens on, as far as the file says: the
    targets of `ports:`, `expose:`, and `0.0.0.0:PORT` / `:PORT` addresses in
    its environment and command."""
    ports: set[str] = set()
    for entry in service.get("ports") or []:
        if isinstance(entry, Mapping):
            ports.add(str(entry.get("target")))
        else:
            ports.add(str(entry).rsplit(":", 1)[-1].split("/")[0])
    ports.update(str(port) for port in service.get("expose") or [])
    texts = [v for v in service_environment(service).values() if v]
    texts += as_args(service.get("command")) or []
    for text in texts:
        ports.update(re.findall(r"(?:^|0\.0\.0\.0|\[::\]|=):(\d+)$", text))
    return ports


def prometheus_config(ctx: Context) -> Path | None:
    """The host file a service mounts as its Prometheus --config.file."""
    for service in ctx.services.values():
        args = as_args(service.get("command")) or []
        config = next((a.split("=", 1)[1] for a in args if a.startswith("--config.file=")), None)
        if config is None:
            continue
        for entry in service.get("volumes") or []:
            parsed = _volume_source(entry)
            if parsed is None or parsed[0] != "bind" or isinstance(entry, Mapping):
                continue
            target = str(entry).split(":")[1].rstrip("/")
            if config.startswith(target + "/"):
                return ctx.base / parsed[1] / config[len(target) + 1 :]
    return None


def check_prometheus_targets(ctx: Context) -> list[str]:
    """Scrape targets that name a compose service must name a port it listens on."""
    path = prometheus_config(ctx)
    if path is None:
        return []
    if not path.is_file():
        return [f"the Prometheus configuration {path.relative_to(ctx.base)} does not exist"]
    config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    problems = []
    for job in config.get("scrape_configs") or []:
        for static in job.get("static_configs") or []:
            for target in static.get("targets") or []:
                host, _, port = str(target).rpartition(":")
                if host in ("localhost", "127.0.0.1"):
                    continue
                if host not in ctx.services:
                    problems.append(f"job {job.get('job_name')}: {target} names no compose service")
                    continue
                listening = listening_ports(ctx.services[host])
                if port not in listening:
                    problems.append(
                        f"job {job.get('job_name')}: {target}, but {host} listens on "
                        f"{', '.join(sorted(listening)) or 'no known port'}"
                    )
    return problems


def compose_plugin_available(runner=subprocess.run) -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        done = runner(["docker", "compose", "version"], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def check_docker_compose_config(compose_file: Path, env_example: Path) -> list[str]:
    """`docker compose config -q` (no Docker engine needed)."""
    argv = [
        "docker",
        "compose",
        "--project-directory",
        str(compose_file.parent),
        "--env-file",
        str(env_example),
        "-f",
        str(compose_file),
        "config",
        "-q",
    ]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        return [f"docker compose config: {done.stderr.strip() or done.stdout.strip()}"]
    return []


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def load_context(compose_file: Path = COMPOSE_FILE, env_example: Path = ENV_EXAMPLE) -> Context:
    compose = load_compose(compose_file)
    env_file = parse_env_file(env_example.read_text(encoding="utf-8"))
    return Context(compose, env_file, compose_file.parent)


def load_programs(ctx: Context, bin_dir: Path, runner: Runner = run_binary) -> dict[str, ProgramHelp]:
    """--help of every txclass program the compose file runs."""
    binaries = sorted({s.binary for s in txclass_services(ctx.services, ctx.base)})
    return {binary: load_program_help(bin_dir, binary, runner) for binary in binaries}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--bin-dir",
        help="folder of the built txclass binaries (default: $TXCLASS_BIN_DIR, else $CARGO_TARGET_DIR/debug)",
    )
    parser.add_argument("--compose-file", type=Path, default=COMPOSE_FILE)
    parser.add_argument("--env-example", type=Path, default=ENV_EXAMPLE)
    parser.add_argument(
        "--static",
        action="store_true",
        help="leave out the checks that run the binaries (environment, flags)",
    )
    args = parser.parse_args(argv)

    failed = False

    def report(name: str, run: Callable[[], list[str]]) -> None:
        nonlocal failed
        try:
            problems = run()
        except (CheckError, ValueError, OSError, yaml.YAMLError) as e:
            problems = [str(e)]
        print(f"{'ok  ' if not problems else 'FAIL'} {name}")
        for problem in problems:
            print(f"       {problem}")
        failed = failed or bool(problems)

    try:
        ctx = load_context(args.compose_file, args.env_example)
    except (CheckError, ValueError, OSError, yaml.YAMLError) as e:
        print(f"FAIL services\n       {e}")
        return 1

    report("services", lambda: check_services(ctx))
    report("images", lambda: check_images(ctx))
    if args.static:
        print("skip environment, flags (--static)")
    else:
        bin_dir = bin_dir_from(args.bin_dir)
        programs: dict[str, ProgramHelp] = {}

        def environment() -> list[str]:
            programs.update(load_programs(ctx, bin_dir))
            return check_environment(ctx, programs)

        report(f"environment (binaries in {bin_dir})", environment)
        if programs:
            report("flags", lambda: check_flags(ctx, programs))
        else:
            report("flags", lambda: ["not run: the binaries' --help could not be read"])
    report("dependencies", lambda: check_dependencies(ctx))
    report("variables", lambda: check_variables(ctx))
    report("mounts", lambda: check_mounts(ctx))
    report("ports", lambda: check_ports(ctx))
    report("airflow", lambda: check_airflow(ctx))
    report("prometheus targets", lambda: check_prometheus_targets(ctx))
    if compose_plugin_available():
        report(
            "docker compose config",
            lambda: check_docker_compose_config(args.compose_file, args.env_example),
        )
    else:
        print("skip docker compose config (no Docker Compose plugin)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
