#!/usr/bin/env bash
# Downloads the brand list the classifier is trained with — the OpenStreetMap
# Name Suggestion Index, BSD-3-Clause — from the npm registry, checks it
# against the pinned integrity hash, and prints the path of its nsi.json.
# The licence travels beside it (LICENSE.md). Idempotent: a checked copy is
# reused.
#
#   scripts/fetch-brands.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NSI_VERSION="8.0.20260918"
NSI_INTEGRITY="sha512-g09kxye3aswAETIa//gA56MjonmjcyXCzdIwlDhpBVAwLKXOUJA1QZL5eE4ZRstTFFx9I2o9eARONUXVC72SAw=="
dir="${TXCLASS_CACHE_DIR:-$HOME/.cache/txclass}/name-suggestion-index-$NSI_VERSION"

if [ ! -s "$dir/nsi.json" ] || [ ! -s "$dir/LICENSE.md" ]; then
    command -v curl >/dev/null || apt_install curl ca-certificates
    mkdir -p "$dir"
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    say "downloading name-suggestion-index $NSI_VERSION from the npm registry"
    curl -fsSL --retry 3 -o "$tmp/nsi.tgz" \
        "https://registry.npmjs.org/name-suggestion-index/-/name-suggestion-index-$NSI_VERSION.tgz"
    got="sha512-$(openssl dgst -sha512 -binary "$tmp/nsi.tgz" | base64 -w0)"
    [ "$got" = "$NSI_INTEGRITY" ] || die "name-suggestion-index $NSI_VERSION: integrity $got, expected $NSI_INTEGRITY"
    tar -xzf "$tmp/nsi.tgz" -C "$tmp" package/dist/json/nsi.json package/LICENSE.md
    mv "$tmp/package/LICENSE.md" "$dir/LICENSE.md"
    mv "$tmp/package/dist/json/nsi.json" "$dir/nsi.json"
fi
echo "$dir/nsi.json"
