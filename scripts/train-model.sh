#!/usr/bin/env bash
# Rebuilds the shipped model, ml-api/model/txclass.model, bit for bit: fetches
# the pinned brand list (scripts/fetch-brands.sh), then trains with the fixed
# seed, prints the held-out figures and writes the model. Extra arguments go
# to `txclass-ml-api train`.
#
#   scripts/train-model.sh [--out PATH] [...]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$TXCLASS_ROOT"
brands=$("$TXCLASS_ROOT/scripts/fetch-brands.sh")
cargo build --release --locked -p txclass-ml-api --bin txclass-ml-api >&2
"$CARGO_TARGET_DIR/release/txclass-ml-api" train --brands-file "$brands" "$@"
