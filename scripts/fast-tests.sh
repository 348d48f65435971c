#!/usr/bin/env bash
# The tests that need no service: unit tests beside the code and property
# tests (every library target and the property suites). The pre-commit hook
# runs these; scripts/test.sh runs everything against the real stack.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$TXCLASS_ROOT"
cargo test --workspace --lib --bins --locked -q "$@"
cargo test --locked -q -p txclass-core --test properties --test orchestrate "$@"
cargo test --locked -q -p txclass-ml-api --test properties "$@"
