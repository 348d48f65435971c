"""Tests of ops/checks/check_compose.py.

The first part runs every check on the repository's docker-compose.yml and
.env.example; the environment and flags checks read the --help of the built
txclass binaries (TXCLASS_BIN_DIR, else $CARGO_TARGET_DIR/debug) and fail
when they are not built. The rest tests the check's helpers on samples of
clap's help output and on small compose files, including that each check
catches the mistake it is there for.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import check_compose as cc
import pytest
import yaml

# ---------------------------------------------------------------------------
# The repository's files
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ctx():
    return cc.load_context()


@pytest.fixture(scope="module")
def programs(ctx):
    """--help of the txclass binaries the compose file runs."""
    try:
        return cc.load_programs(ctx, cc.bin_dir_from(None))
    except cc.CheckError as e:
        problem = str(e)
    pytest.fail(f"cannot read the txclass binaries' --help: {problem}", pytrace=False)


def test_compose_parses_and_has_the_expected_services(ctx):
    assert cc.check_services(ctx) == []


def test_every_image_is_built_here_or_pinned(ctx):
    assert cc.check_images(ctx) == []


def test_txclass_containers_get_only_variables_their_program_reads(ctx, programs):
    assert cc.check_environment(ctx, programs) == []


def test_txclass_commands_use_only_accepted_flags(ctx, programs):
    assert cc.check_flags(ctx, programs) == []


def test_dependencies_exist_and_health_checks_are_in_place(ctx):
    assert cc.check_dependencies(ctx) == []


def test_every_variable_is_documented_in_env_example_and_used(ctx):
    assert cc.check_variables(ctx) == []


def test_bind_mounts_exist_and_volumes_are_declared(ctx):
    assert cc.check_mounts(ctx) == []


def test_no_host_port_is_published_twice(ctx):
    assert cc.check_ports(ctx) == []


def test_airflow_runs_the_batch_image_built_here_on_this_network(ctx):
    assert cc.check_airflow(ctx) == []
    airflow = cc.service_environment(ctx.services["airflow"])
    assert airflow["TXCLASS_EXECUTION_MODE"] == "docker"
    assert airflow["TXCLASS_BATCH_IMAGE"] == "txclass/batch:latest"


def test_each_txclass_service_builds_the_target_of_its_program(ctx):
    found = {s.name: s.binary for s in cc.txclass_services(ctx.services, ctx.base)}
    assert found == {
        "ml-api": "txclass-ml-api",
        "migrate": "txclass-batch",
        "consumer": "txclass-consumer",
        "producer-steady": "txclass-producer",
        "producer-bursty": "txclass-producer",
        "producer-ingest": "txclass-producer",
        "batch": "txclass-batch",
    }
    for name in found:
        path, _ = cc.dockerfile_of(name, ctx.services, ctx.base)
        assert path == ctx.base / "Dockerfile"


def test_prometheus_scrapes_ports_the_services_listen_on(ctx):
    assert cc.check_prometheus_targets(ctx) == []


def test_rust_services_listen_on_every_interface(ctx):
    for service, variable in [
        ("ml-api", "ML_API_ADDR"),
        ("consumer", "CONSUMER_ADDR"),
        ("producer-ingest", "PRODUCER_ADDR"),
    ]:
        assert cc.service_environment(ctx.services[service])[variable].startswith("0.0.0.0:")
    for service in ("producer-steady", "producer-bursty"):
        command = cc.as_args(ctx.services[service]["command"])
        assert command[command.index("--metrics-addr") + 1] == "0.0.0.0:9102"


def test_docker_compose_config_accepts_the_file():
    if not cc.compose_plugin_available():
        pytest.skip("the Docker CLI has no Compose plugin here")
    assert cc.check_docker_compose_config(cc.COMPOSE_FILE, cc.ENV_EXAMPLE) == []


# ---------------------------------------------------------------------------
# Samples of clap's help output
# ---------------------------------------------------------------------------

BATCH_HELP = """\
Classify transaction CSV objects from S3 into PostgreSQL

Usage: txclass-batch <COMMAND>

Commands:
  classify  Classify every CSV object (plain or .gz) under a prefix
  migrate   Apply the database migrations and exit
  generate  Write synthetic transactions as CSV (design dialect), optionally with a share of invalid rows
  list      List the CSV objects under a prefix (one per line, or a JSON array)
  help      Print this message or the help of the given subcommand(s)

Options:
  -h, --help
          Print help

  -V, --version
          Print version
"""

# `--help` (long help): every argument on its own line, its help below.
CLASSIFY_HELP = """\
Classify every CSV object (plain or .gz) under a prefix

Usage: txclass-batch classify [OPTIONS]

Options:
      --bucket <BUCKET>
          Bucket holding the input objects

          [env: S3_BUCKET=]
          [default: txclass]

      --run-id <RUN_ID>
          Run id recorded as lineage (Airflow passes its run_id); generated when absent

          [env: TXCLASS_RUN_ID=]

      --format <FORMAT>
          CSV dialect

          Possible values:
          - auto:     Decide by the header
          - standard: transaction_id,timestamp,account_id,amount,currency
          - seed:     The original project's `id;description;amount` export

          [default: auto]

      --no-progress
          Show no progress bar even on a terminal

      --aws-secret-access-key <AWS_SECRET_ACCESS_KEY>
          [env: AWS_SECRET_ACCESS_KEY]

      --kafka-brokers <KAFKA_BROKERS>
          Kafka bootstrap servers

          [env: KAFKA_BROKERS=kafka:19092]
          [default: 127.0.0.1:9092]

      --pushgateway-url <PUSHGATEWAY_URL>
          Prometheus Pushgateway to push the run's metrics to when it ends
          --pushgateway-url is optional: without it nothing is pushed

          [env: PUSHGATEWAY_URL=]

  -h, --help
          Print help (see a summary with '-h')
"""

# `-h` (short help): one line per argument.
CONSUMER_SHORT_HELP = """\
Buffered Kafka consumer: validate, classify, persist, dead-letter, then commit

Usage: txclass-consumer [OPTIONS]

Options:
      --topic <TOPIC>                Topic to consume [env: KAFKA_TOPIC=] [default: transactions]
      --buffer-ms <BUFFER_MS>        …or when the oldest buffered record has waited this many milliseconds [env: BUFFER_MS=] [default: 500]
      --run-id <RUN_ID>              Session id recorded as run_id; generated when absent
  -v                                 More logs
  -h, --help                         Print help (see more with '--help')
  -V, --version                      Print version
"""

COLOURED_HELP = (
    "\x1b[1m\x1b[4mOptions:\x1b[0m\n"
    "      \x1b[1m--addr\x1b[0m <ADDR>\n"
    "          Address to listen on\n\n"
    "          [env: \x1b[2mML_API_ADDR=\x1b[0m]\n"
)


def test_parse_help_reads_variables_flags_and_values_of_long_help():
    help_ = cc.parse_help(CLASSIFY_HELP)
    assert help_.env == {
        "S3_BUCKET",
        "TXCLASS_RUN_ID",
        "AWS_SECRET_ACCESS_KEY",
        "KAFKA_BROKERS",
        "PUSHGATEWAY_URL",
    }
    assert help_.flags == {
        "bucket": True,
        "run-id": True,
        "format": True,
        "no-progress": False,
        "aws-secret-access-key": True,
        "kafka-brokers": True,
        "pushgateway-url": True,
        "help": False,
    }
    assert help_.shorts == {"h": False}
    assert help_.subcommands == []


def test_parse_help_reads_short_help():
    help_ = cc.parse_help(CONSUMER_SHORT_HELP)
    assert help_.env == {"KAFKA_TOPIC", "BUFFER_MS"}
    assert set(help_.flags) == {"topic", "buffer-ms", "run-id", "help", "version"}
    assert help_.flags["topic"] is True
    assert help_.shorts == {"v": False, "h": False, "V": False}


def test_parse_help_lists_subcommands_but_not_help():
    help_ = cc.parse_help(BATCH_HELP)
    assert help_.subcommands == ["classify", "migrate", "generate", "list"]
    assert help_.env == set()
    assert set(help_.flags) == {"help", "version"}


def test_parse_help_ignores_colours_and_a_marker_split_over_lines():
    assert cc.parse_help(COLOURED_HELP).env == {"ML_API_ADDR"}
    assert cc.parse_help(COLOURED_HELP).flags == {"addr": True}
    assert cc.parse_help("Frobs [env:\n          FROB_LEVEL=] [default: 1]").env == {"FROB_LEVEL"}


def fake_runner(texts):
    calls = []

    def run(argv):
        calls.append(argv[1:])
        return texts[tuple(argv[1:])]

    run.calls = calls
    return run


def test_load_program_help_asks_every_subcommand(tmp_path):
    (tmp_path / "txclass-batch").write_text("")
    runner = fake_runner(
        {
            ("--help",): BATCH_HELP,
            ("classify", "--help"): CLASSIFY_HELP,
            ("migrate", "--help"): "Options:\n      --database-url <URL>\n          [env: DATABASE_URL=]\n",
            ("generate", "--help"): "Options:\n      --count <COUNT>\n",
            ("list", "--help"): "Options:\n      --json\n",
        }
    )
    program = cc.load_program_help(tmp_path, "txclass-batch", runner)
    assert runner.calls[0] == ["--help"]
    assert set(program.subcommands) == {"classify", "migrate", "generate", "list"}
    assert program.subcommands["migrate"].env == {"DATABASE_URL"}
    assert "DATABASE_URL" in program.all_env() and "S3_BUCKET" in program.all_env()


def test_bin_dir_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("TXCLASS_BIN_DIR", str(tmp_path / "a"))
    monkeypatch.setenv("CARGO_TARGET_DIR", str(tmp_path / "t"))
    assert cc.bin_dir_from("given") == Path("given")
    assert cc.bin_dir_from(None) == tmp_path / "a"
    monkeypatch.delenv("TXCLASS_BIN_DIR")
    assert cc.bin_dir_from(None) == tmp_path / "t" / "debug"
    monkeypatch.delenv("CARGO_TARGET_DIR")
    assert cc.bin_dir_from(None) == Path.home() / ".cache/txclass/target/debug"


# ---------------------------------------------------------------------------
# Interpolation, .env files, images, Dockerfiles
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "env", "expected"),
    [
        ("${A}", {"A": "1"}, "1"),
        ("${A}", {}, ""),
        ("${A:-x}", {"A": ""}, "x"),
        ("${A-x}", {"A": ""}, ""),
        ("${A-x}", {}, "x"),
        ("${A:+y}", {"A": "1"}, "y"),
        ("${A:+y}", {}, ""),
        ("${A:-${B:-z}}", {}, "z"),
        ("pre-$A-post", {"A": "1"}, "pre-1-post"),
        ("$$HOME and $${X}", {"HOME": "no"}, "$HOME and ${X}"),
        ("cost: 5$", {}, "cost: 5$"),
    ],
)
def test_interpolate(text, env, expected):
    assert cc.interpolate(text, env) == expected


def test_interpolate_required_variable():
    with pytest.raises(ValueError, match="A is required"):
        cc.interpolate("${A:?set A}", {})


def test_variable_refs_include_nested_defaults_and_skip_escapes():
    refs = cc.variable_refs("${A:-${B}}:$C $$D")
    assert [r.name for r in refs] == ["A", "B", "C"]
    assert refs[0] == cc.VarRef("A", ":-", "${B}")


def test_parse_interpolation_rejects_broken_references():
    with pytest.raises(ValueError):
        cc.parse_interpolation("${A")
    with pytest.raises(ValueError):
        cc.parse_interpolation("${A/x}")


def test_parse_env_file_sections_and_values():
    env = cc.parse_env_file(
        textwrap.dedent(
            """\
            # comment
            TOP=1
            ## Ports
            A_PORT=8000
            ## txclass programs
            # a note
            RUST_LOG=info
            QUOTED="a b"
            EMPTY=
            """
        )
    )
    assert env.values == {"TOP": "1", "A_PORT": "8000", "RUST_LOG": "info", "QUOTED": "a b", "EMPTY": ""}
    assert env.sections == {"": ["TOP"], "Ports": ["A_PORT"], "txclass programs": ["RUST_LOG", "QUOTED", "EMPTY"]}


def test_parse_env_file_rejects_duplicates_and_junk():
    with pytest.raises(ValueError, match="set twice"):
        cc.parse_env_file("A=1\nA=2\n")
    with pytest.raises(ValueError, match="not NAME=value"):
        cc.parse_env_file("just words\n")


@pytest.mark.parametrize(
    ("image", "pinned"),
    [
        ("postgres:16.10", True),
        ("postgres:16", True),
        ("postgres", False),
        ("postgres:latest", False),
        ("apache/kafka:3.9.1", True),
        ("localhost:5000/tools/kafka", False),
        ("localhost:5000/tools/kafka:1.2", True),
        ("grafana/grafana@sha256:abc", True),
    ],
)
def test_is_pinned(image, pinned):
    assert cc.is_pinned(image) is pinned


def test_parse_dockerfile_final_stage_heredoc_and_shell_form():
    dockerfile = cc.parse_dockerfile(
        textwrap.dedent(
            """\
            # syntax=docker/dockerfile:1
            FROM rust AS build
            ENTRYPOINT ["cargo"]
            HEALTHCHECK CMD true

            FROM debian:bookworm-slim
            COPY <<'SCRIPT' /usr/local/bin/check
            #!/bin/bash
            ENTRYPOINT ["not-an-instruction"]
            SCRIPT
            HEALTHCHECK --interval=10s \\
                CMD ["check"]
            ENTRYPOINT ["txclass-batch"]
            CMD ["--help"]
            """
        )
    )
    assert dockerfile.entrypoint == ["txclass-batch"]
    assert dockerfile.cmd == ["--help"]
    assert dockerfile.healthcheck is True
    shell = cc.parse_dockerfile("FROM x\nENTRYPOINT exec txclass-consumer\nHEALTHCHECK NONE\n")
    assert shell.entrypoint == ["/bin/sh", "-c", "exec txclass-consumer"]
    assert shell.healthcheck is False


MULTI_TARGET = textwrap.dedent(
    """\
    # syntax=docker/dockerfile:1
    FROM api AS early

    FROM rust AS build
    ENTRYPOINT ["cargo"]
    CMD ["build"]

    FROM --platform=linux/amd64 debian:bookworm-slim as Runtime
    HEALTHCHECK CMD ["check"]
    ENTRYPOINT ["/bin/sh"]
    CMD ["-c", "true"]

    FROM runtime AS api
    ENTRYPOINT ["txclass-ml-api"]

    FROM runtime AS keeps-cmd
    CMD ["serve"]
    ENTRYPOINT ["txclass-ml-api"]

    FROM runtime AS inherits
    USER 10001

    FROM api AS quiet
    HEALTHCHECK NONE
    CMD ["--help"]

    FROM build AS tests
    """
)


@pytest.mark.parametrize(
    ("target", "entrypoint", "cmd", "healthcheck"),
    [
        # No target: the last stage, here with what it inherits from `build`.
        (None, ["cargo"], ["build"], False),
        # FROM an image that is only later a stage's name inherits nothing.
        ("early", None, None, False),
        # ENTRYPOINT resets the inherited CMD; the health check is inherited.
        ("api", ["txclass-ml-api"], None, True),
        # ...but not a CMD set earlier in the same stage.
        ("keeps-cmd", ["txclass-ml-api"], ["serve"], True),
        # Stage names are case-insensitive.
        ("inherits", ["/bin/sh"], ["-c", "true"], True),
        ("RUNTIME", ["/bin/sh"], ["-c", "true"], True),
        # Through two FROMs; HEALTHCHECK NONE turns the inherited one off.
        ("quiet", ["txclass-ml-api"], ["--help"], False),
    ],
)
def test_parse_dockerfile_target_follows_from_stage_chains(target, entrypoint, cmd, healthcheck):
    stage = cc.parse_dockerfile(MULTI_TARGET, target)
    assert (stage.entrypoint, stage.cmd, stage.healthcheck) == (entrypoint, cmd, healthcheck)


def test_parse_dockerfile_refuses_a_target_that_names_no_stage():
    with pytest.raises(
        ValueError,
        match=r"no stage named 'nonesuch' \(stages: early, build, runtime, api, keeps-cmd, inherits, quiet, tests\)",
    ):
        cc.parse_dockerfile(MULTI_TARGET, "nonesuch")
    with pytest.raises(ValueError, match=r"no stage named 'build' \(stages: none\)"):
        cc.parse_dockerfile('FROM debian\nCMD ["true"]\n', "build")


# target -> (ENTRYPOINT, CMD, has a HEALTHCHECK), as the per-program images had them.
REPOSITORY_TARGETS = {
    "ml-api": (["txclass-ml-api"], ["serve"], True),
    "consumer": (["txclass-consumer"], None, True),
    "producer": (["txclass-producer"], None, True),
    "batch": (["txclass-batch"], ["--help"], False),
}


def test_the_repository_dockerfile_has_a_target_per_program_and_builds_batch_by_default():
    text = (cc.ROOT / "Dockerfile").read_text()
    for target, expected in REPOSITORY_TARGETS.items():
        stage = cc.parse_dockerfile(text, target)
        assert (stage.entrypoint, stage.cmd, stage.healthcheck) == expected, target
    names = [stage.name for stage in cc.dockerfile_stages(text)]
    assert names[:2] == ["build", "runtime"]
    assert set(names[2:]) == set(REPOSITORY_TARGETS)
    # `docker build .` without --target: the image Airflow's DockerOperator runs.
    assert cc.parse_dockerfile(text).name == names[-1] == "batch"


# ---------------------------------------------------------------------------
# Each check catches its mistake (small compose files)
# ---------------------------------------------------------------------------

MIGRATE_HELP = cc.Help(env={"DATABASE_URL", "DATABASE_MAX_CONNECTIONS"}, flags={"database-url": True, "help": False})
CLASSIFY = cc.parse_help(CLASSIFY_HELP)
BATCH = cc.ProgramHelp(
    "txclass-batch",
    cc.parse_help(BATCH_HELP),
    {"classify": CLASSIFY, "migrate": MIGRATE_HELP, "generate": cc.Help(), "list": cc.Help()},
)
CONSUMER = cc.ProgramHelp("txclass-consumer", cc.parse_help(CONSUMER_SHORT_HELP))
PROGRAMS = {"txclass-batch": BATCH, "txclass-consumer": CONSUMER}


# Like the repository's: shared stages, one target per program, batch last.
SAMPLE_DOCKERFILE = """\
FROM rust AS build
RUN cargo build

FROM debian AS runtime
HEALTHCHECK CMD ["check"]

FROM runtime AS consumer
ENTRYPOINT ["txclass-consumer"]

FROM runtime AS batch
HEALTHCHECK NONE
ENTRYPOINT ["txclass-batch"]
CMD ["--help"]
"""


def make_ctx(tmp_path, compose: str, env: str = "") -> object:
    (tmp_path / "Dockerfile").write_text(SAMPLE_DOCKERFILE)
    (tmp_path / "docker-compose.yml").write_text(textwrap.dedent(compose))
    (tmp_path / ".env.example").write_text(textwrap.dedent(env))
    return cc.load_context(tmp_path / "docker-compose.yml", tmp_path / ".env.example")


BATCH_BUILD = "build: {context: ., dockerfile: Dockerfile, target: batch}\n    image: txclass/batch:latest"


def test_environment_check_catches_a_variable_the_subcommand_does_not_read(tmp_path):
    ctx = make_ctx(
        tmp_path,
        """\
        services:
          migrate:
            build: {context: ., dockerfile: Dockerfile, target: batch}
            image: txclass/batch:latest
            restart: "no"
            command: ["migrate"]
            environment:
              DATABASE_URL: postgres://db/txclass
              S3_BUCKET: txclass
              RUST_LOG: info
          batch:
            image: txclass/batch:latest
            restart: "no"
            environment: [S3_BUCKET=txclass, PUSHGATEWAY_URL=http://pushgateway:9091, KAFKA_BROKER=kafka]
        """,
        "## txclass programs\nRUST_LOG=info\nBUFFER_MS=500\nML_API_KEYS=\n",
    )
    assert cc.check_environment(ctx, PROGRAMS) == [
        "migrate: S3_BUCKET is not read by `txclass-batch migrate`",
        # Without a subcommand the service may run any: all are allowed but a typo.
        "batch: KAFKA_BROKER is not read by `txclass-batch`",
        ".env.example: ML_API_KEYS (section 'txclass programs') is read by no txclass program",
    ]


def test_environment_check_refuses_env_file_for_txclass_services(tmp_path):
    ctx = make_ctx(
        tmp_path,
        """\
        services:
          consumer:
            build: {context: ., target: consumer}
            restart: unless-stopped
            env_file: .env
        """,
    )
    (problem,) = cc.check_environment(ctx, PROGRAMS)
    assert problem.startswith("consumer: env_file .env: give txclass containers their variables")


def test_flags_check_catches_unknown_flags_and_subcommands(tmp_path):
    ctx = make_ctx(
        tmp_path,
        """\
        services:
          classify:
            build: {context: ., dockerfile: Dockerfile, target: batch}
            image: txclass/batch:latest
            restart: "no"
            command: classify --bucket b --run-id=r1 --no-progress --pushgateway-url http://p --chunks 5
          typo:
            image: txclass/batch:latest
            restart: "no"
            command: ["clasify", "--bucket", "b"]
          consumer:
            build: {context: ., target: consumer}
            restart: unless-stopped
            command: ["--topic", "t", "--buffer-ms=100", "-v", "--buffer-records", "10"]
        """,
    )
    assert cc.check_flags(ctx, PROGRAMS) == [
        "classify: txclass-batch classify does not accept --chunks",
        "typo: `clasify` is not a subcommand of txclass-batch (classify, migrate, generate, list)",
        "consumer: txclass-consumer does not accept --buffer-records",
    ]


def test_unknown_flags_skips_values():
    help_ = cc.Help(flags={"ratio": True, "quiet": False}, shorts={"n": True})
    assert cc.unknown_flags(["--ratio", "-0.5", "--quiet", "-n", "3", "--", "--anything"], help_) == []
    assert cc.unknown_flags(["--quiet", "--loud", "-x"], help_) == ["--loud", "-x"]


def test_dependencies_check(tmp_path):
    ctx = make_ctx(
        tmp_path,
        """\
        services:
          db:
            image: postgres:16.10
            restart: unless-stopped
          web:
            image: nginx:1.27
            restart: unless-stopped
            healthcheck: {test: ["CMD", "true"]}
            depends_on:
              db: {condition: service_healthy}
              cache: {condition: service_started}
              consumer: {condition: service_healthy}
              migrate: {condition: service_completed_successfully}
          consumer:
            build: {context: ., target: consumer}
            restart: unless-stopped
            depends_on: [web]
          migrate:
            build: {context: ., dockerfile: Dockerfile, target: batch}
            image: txclass/batch:latest
            restart: always
            healthcheck: {test: ["NONE"]}
            depends_on: [consumer]
          odd:
            image: busybox:1.36
            restart: sometimes
        """,
    )
    assert cc.check_dependencies(ctx) == [
        "db: long-running (restart: unless-stopped) but no health check",
        "web: waits for db to be healthy, which has no health check",
        "web: depends on unknown service cache",
        "web: waits for migrate to complete, but migrate restarts (always)",
        "migrate: long-running (restart: always) but no health check",
        "odd: unknown restart policy 'sometimes'",
        "dependency cycle: web -> consumer -> web",
    ]


def test_variables_check(tmp_path):
    ctx = make_ctx(
        tmp_path,
        """\
        services:
          db:
            image: ${DB_IMAGE:-postgres:16.10}
            restart: unless-stopped
            ports: ["${DB_PORT:-5433}:5432"]
            environment:
              PASSWORD: ${DB_PASSWORD}
              SHELL_VAR: $${NOT_COMPOSE}
              OTHER: ${UNDOCUMENTED:-x}
        """,
        "DB_IMAGE=postgres:16.10\nDB_PORT=5432\nDB_PASSWORD=secret\nUNUSED=1\nCOMPOSE_PROJECT_NAME=t\n",
    )
    assert cc.check_variables(ctx) == [
        "services.db.ports[0]: default of DB_PORT is '5433', .env.example says '5432'",
        "services.db.environment.PASSWORD: ${DB_PASSWORD} has no default (write ${DB_PASSWORD:-value})",
        "services.db.environment.OTHER: ${UNDOCUMENTED} is not in .env.example",
        ".env.example: UNUSED is not used by docker-compose.yml",
    ]


def test_images_check(tmp_path):
    ctx = make_ctx(
        tmp_path,
        """\
        services:
          ok:
            image: ${IMAGE:-postgres:16.10}
            restart: "no"
          floating:
            image: postgres:latest
            restart: "no"
          untagged:
            image: ${UNTAGGED:-redis}
            restart: "no"
          local:
            image: txclass/ml-api:latest
            restart: "no"
          broken:
            build: {context: ., dockerfile: nowhere/Dockerfile}
            restart: "no"
        """,
        "IMAGE=postgres:16.10\nUNTAGGED=redis:7.4\n",
    )
    assert cc.check_images(ctx) == [
        "floating: image 'postgres:latest' has no pinned tag",
        "local: txclass/ml-api:latest is not built by any service",
        f"broken: Dockerfile {tmp_path / 'nowhere/Dockerfile'} does not exist",
        # .env.example pins it, but the file's own default does not.
        "untagged: image 'redis' has no pinned tag",
    ]


def test_services_run_the_stage_their_build_targets(tmp_path):
    ctx = make_ctx(
        tmp_path,
        """\
        services:
          consumer:
            build: {context: ., dockerfile: Dockerfile, target: consumer}
            restart: unless-stopped
          migrate:
            build: {context: ., target: batch}
            image: txclass/batch:latest
            restart: "no"
            command: ["migrate"]
          batch:
            image: txclass/batch:latest
            restart: "no"
          default:
            build: .
            image: txclass/default:latest
            restart: "no"
          tools:
            build: {context: ., target: runtime}
            restart: unless-stopped
        """,
    )
    assert cc.check_images(ctx) == []
    found = {s.name: (s.binary, s.args) for s in cc.txclass_services(ctx.services, ctx.base)}
    assert found == {
        "consumer": ("txclass-consumer", []),
        "migrate": ("txclass-batch", ["migrate"]),
        # Runs the image migrate builds, so its target's CMD.
        "batch": ("txclass-batch", ["--help"]),
        # No target: the last stage.
        "default": ("txclass-batch", ["--help"]),
    }
    # consumer and tools inherit runtime's health check; batch turns it off.
    assert [name for name in ctx.services if cc.has_healthcheck(name, ctx)] == ["consumer", "tools"]
    assert cc.check_dependencies(ctx) == []


def test_a_build_target_that_names_no_stage_fails(tmp_path, capsys, monkeypatch):
    ctx = make_ctx(
        tmp_path,
        """\
        services:
          consumer:
            build: {context: ., dockerfile: Dockerfile, target: consumr}
            image: txclass/consumer:latest
            restart: unless-stopped
        """,
    )
    problem = (
        f"consumer: build target of {tmp_path / 'Dockerfile'}: no stage named 'consumr' "
        "(stages: build, runtime, consumer, batch)"
    )
    assert cc.check_images(ctx) == [problem]
    # Nothing is assumed about an image that cannot be built: the other
    # checks see no txclass program and no health check, and do not fail.
    assert cc.dockerfile_of("consumer", ctx.services, ctx.base) == (None, None)
    assert cc.txclass_services(ctx.services, ctx.base) == []
    assert cc.check_dependencies(ctx) == ["consumer: long-running (restart: unless-stopped) but no health check"]

    files = ["--compose-file", str(ctx.base / "docker-compose.yml"), "--env-example", str(ctx.base / ".env.example")]
    monkeypatch.setattr(cc, "EXPECTED_SERVICES", frozenset({"consumer"}))
    monkeypatch.setattr(cc, "compose_plugin_available", lambda: False)
    assert cc.main([*files, "--static"]) == 1
    out = capsys.readouterr().out
    assert f"FAIL images\n       {problem}\n" in out


def test_mounts_ports_and_airflow_checks(tmp_path):
    (tmp_path / "dags").mkdir()
    ctx = make_ctx(
        tmp_path,
        """\
        services:
          batch:
            build: {context: ., dockerfile: Dockerfile, target: batch}
            image: txclass/batch:latest
            restart: "no"
          airflow:
            image: apache/airflow:3.3.2
            restart: "no"
            ports: ["127.0.0.1:8080:8080"]
            volumes:
              - ./dags:/opt/airflow/dags:ro
              - ./missing:/data
              - airflow-home:/opt/airflow
              - undeclared:/var/x
              - /var/run/docker.sock:/var/run/docker.sock
            environment:
              TXCLASS_BATCH_IMAGE: txclass/batch:1.0
              TXCLASS_DOCKER_NETWORK: bridge
              AIRFLOW_CONN_GOOD: '{"conn_type": "http", "host": "ml-api"}'
              AIRFLOW_CONN_BAD: '{"conn_type": "http", "password": "a"b"}'
              AIRFLOW_CONN_URI: http://ml-api:8000
          adminer:
            image: adminer:4.8.1
            restart: "no"
            ports: ["127.0.0.1:8080:8080"]
        networks:
          default:
            name: txclass
        volumes:
          airflow-home:
        """,
    )
    assert cc.check_mounts(ctx) == [
        "airflow: bind-mounted ./missing does not exist",
        "airflow: volume undeclared is not declared under `volumes:`",
    ]
    assert cc.check_ports(ctx) == ["adminer: host port 8080 is also published by airflow"]
    image, connection, network = cc.check_airflow(ctx)
    assert image == "airflow: TXCLASS_BATCH_IMAGE txclass/batch:1.0 is not built by any service"
    assert connection.startswith("airflow: AIRFLOW_CONN_BAD is not valid JSON")
    assert network == "airflow: TXCLASS_DOCKER_NETWORK is 'bridge', the compose network is 'txclass'"


def test_prometheus_targets_check(tmp_path):
    (tmp_path / "prom").mkdir()
    (tmp_path / "prom" / "prometheus.yml").write_text(
        yaml.safe_dump(
            {
                "scrape_configs": [
                    {"job_name": "self", "static_configs": [{"targets": ["localhost:9090"]}]},
                    {
                        "job_name": "apps",
                        "static_configs": [
                            {"targets": ["api:8000", "api:9999", "ingest:8001", "gone:80", "minio:9001"]}
                        ],
                    },
                ]
            }
        )
    )
    ctx = make_ctx(
        tmp_path,
        """\
        services:
          prometheus:
            image: prom/prometheus:v3.5.0
            restart: "no"
            command: ["--config.file=/etc/prometheus/prometheus.yml"]
            volumes: ["./prom:/etc/prometheus:ro"]
          api:
            image: example/api:1
            restart: "no"
            ports: ["127.0.0.1:18000:8000"]
          ingest:
            image: example/ingest:1
            restart: "no"
            environment: {INGEST_ADDR: "0.0.0.0:8001"}
          minio:
            image: minio/minio:RELEASE.2025-09-07T16-13-09Z
            restart: "no"
            command: ["server", "/data", "--console-address", ":9001"]
        """,
    )
    assert cc.check_prometheus_targets(ctx) == [
        "job apps: api:9999, but api listens on 8000",
        "job apps: gone:80 names no compose service",
    ]


def test_cli_reports_each_check_and_fails_without_binaries(tmp_path, capsys, monkeypatch):
    ctx = make_ctx(
        tmp_path,
        """\
        services:
          db:
            image: ${DB_IMAGE:-postgres:16.10}
            restart: "no"
        """,
        "DB_IMAGE=postgres:16.10\n",
    )
    files = ["--compose-file", str(ctx.base / "docker-compose.yml"), "--env-example", str(ctx.base / ".env.example")]
    monkeypatch.setattr(cc, "EXPECTED_SERVICES", frozenset({"db"}))
    monkeypatch.setattr(cc, "compose_plugin_available", lambda: False)
    assert cc.main([*files, "--static"]) == 0
    out = capsys.readouterr().out
    assert "ok   services" in out and "skip environment, flags (--static)" in out

    # A txclass service, and no binaries where the check is told to look.
    (ctx.base / "docker-compose.yml").write_text(
        "services:\n  migrate:\n    " + BATCH_BUILD + '\n    restart: "no"\n    command: [migrate]\n'
    )
    (ctx.base / ".env.example").write_text("")
    assert cc.main([*files, "--bin-dir", str(tmp_path / "nothing")]) == 1
    out = capsys.readouterr().out
    assert "FAIL environment" in out and "txclass-batch is not built" in out
    assert "cargo build --workspace --bins" in out
    assert "FAIL flags" in out
