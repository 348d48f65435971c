#!/usr/bin/env bash
# Ends every process the txclass scripts started (by the pids recorded under
# .stack/run/): producers, consumer, ML API, Adminer, Pushgateway, S3, the
# broker, and PostgreSQL when the scripts started it. A PostgreSQL that was
# already running is left alone.
exec "$(dirname "${BASH_SOURCE[0]}")/stack.sh" stop "$@"
