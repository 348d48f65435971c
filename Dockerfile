# syntax=docker/dockerfile:1
# The txclass images, one target per program:
#   docker build --target batch    -t txclass/batch:latest .
#   docker build --target ml-api   -t txclass/ml-api:latest .
#   docker build --target consumer -t txclass/consumer:latest .
#   docker build --target producer -t txclass/producer:latest .
# `docker compose build` builds all four (docker-compose.yml names the target
# of each service). Without --target, `docker build .` builds the last stage,
# `batch`: the image Airflow's DockerOperator runs (txclass/batch:latest).
#
# The targets share two stages: `build` compiles the four binaries in one
# cargo build (so building every image compiles the workspace once), and
# `runtime` is the common base (Debian bookworm-slim, a non-root user, a
# health-check helper). Each target copies only its own binary.

# ---------------------------------------------------------------------------
# build: the four release binaries in /usr/local/bin
# ---------------------------------------------------------------------------
FROM rust:1.95-slim-bookworm AS build
# librdkafka (through txclass-adapters) is built from source: a C toolchain,
# pkg-config, zlib and python3 for its configure script.
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential pkg-config zlib1g-dev python3 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked -p txclass-batch -p txclass-ml-api -p txclass-consumer -p txclass-producer \
    && cp target/release/txclass-batch target/release/txclass-ml-api \
          target/release/txclass-consumer target/release/txclass-producer /usr/local/bin/

# ---------------------------------------------------------------------------
# runtime: what every image has
# ---------------------------------------------------------------------------
FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates zlib1g \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin txclass
# `txclass-healthcheck PORT PATH`: succeeds when http://127.0.0.1:PORT/PATH
# answers 200 (bash's /dev/tcp, so the image needs no HTTP client).
COPY --chmod=755 <<'SCRIPT' /usr/local/bin/txclass-healthcheck
#!/bin/bash
exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
read -r _ status _ <&3
[ "${status%$'\r'}" = 200 ]
SCRIPT
USER 10001:10001

# ---------------------------------------------------------------------------
# ml-api: the ML classification API (the model is built into the binary)
#   docker run --rm -p 8000:8000 txclass/ml-api:latest
# ---------------------------------------------------------------------------
FROM runtime AS ml-api
COPY --from=build /usr/local/bin/txclass-ml-api /usr/local/bin/txclass-ml-api
# The model inside the binary was trained with a BSD-3-Clause brand list.
COPY ml-api/model/NOTICE.md /usr/share/doc/txclass-ml-api/NOTICE.md
# Listen on every interface inside the container (the program's default is loopback).
ENV ML_API_ADDR=0.0.0.0:8000
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
    CMD ["txclass-healthcheck", "8000", "/health"]
ENTRYPOINT ["txclass-ml-api"]
CMD ["serve"]

# ---------------------------------------------------------------------------
# consumer: the buffered Kafka consumer
# ---------------------------------------------------------------------------
FROM runtime AS consumer
COPY --from=build /usr/local/bin/txclass-consumer /usr/local/bin/txclass-consumer
# Health, readiness and metrics on every interface inside the container.
ENV CONSUMER_ADDR=0.0.0.0:9101
EXPOSE 9101
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["txclass-healthcheck", "9101", "/health"]
# SIGTERM: stop fetching, flush, commit, record the session, exit 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["txclass-consumer"]

# ---------------------------------------------------------------------------
# producer: simulated profiles, fixed rates, CSV replay (`run`) and HTTP
# ingest (`serve`)
#   docker run --rm txclass/producer:latest run --profile steady --kafka-brokers kafka:9092
# ---------------------------------------------------------------------------
FROM runtime AS producer
COPY --from=build /usr/local/bin/txclass-producer /usr/local/bin/txclass-producer
# `serve` listens on 8001 (/v1/transactions, /health, /metrics); `run`
# serves /health and /metrics on 9102 while it publishes.
ENV PRODUCER_ADDR=0.0.0.0:8001 \
    PRODUCER_METRICS_ADDR=0.0.0.0:9102
EXPOSE 8001 9102
# Whichever of the two the container runs.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
    CMD txclass-healthcheck 8001 /health || txclass-healthcheck 9102 /health
ENTRYPOINT ["txclass-producer"]

# ---------------------------------------------------------------------------
# batch: the batch CLI that Airflow's DockerOperator runs; one-shot jobs, so
# no health check. Keep this stage last: it is what `docker build .` builds
# without --target.
# ---------------------------------------------------------------------------
FROM runtime AS batch
COPY --from=build /usr/local/bin/txclass-batch /usr/local/bin/txclass-batch
ENTRYPOINT ["txclass-batch"]
CMD ["--help"]
