#!/usr/bin/env bash
# Builds the real `influx` CLI (influx-cli) from its Go module into a cache outside the repository,
# once per machine: ${XDG_CACHE_HOME:-~/.cache}/influx-tokens/oracle/influx-cli-<version>/influx.
#
# Pinned to the influx-cli commit that InfluxDB OSS itself requires in its go.mod (v2.10.1). The Go
# module proxy refuses every tagged influx-cli release ("This module version is not available"),
# but it serves the pseudo-versions that InfluxDB's own go.mod pins, so this one is reachable from
# any machine with Go. It is a master commit newer than the v2.7.5 tag: `auth create` has
# --all-access and --operator, like the CLI the InfluxDB documentation shows.
set -euo pipefail

module="github.com/influxdata/influx-cli/v2"
version="v2.7.1-0.20250130214939-76d1c4d9b777"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/influx-tokens/oracle"
out_dir="$cache/influx-cli-${version#v}"
out="$out_dir/influx"

if [ -x "$out" ]; then
  echo "influx CLI ${version}: already built at $out"
  exit 0
fi

step="checking for go"
trap 'echo "influx CLI build FAILED at step: ${step}" >&2' ERR
command -v go >/dev/null || { echo "influx CLI build FAILED at step: ${step}: go is not on PATH" >&2; exit 1; }
started=$(date +%s)

step="go mod download ${module}@${version}"
echo "influx CLI: ${step}"
download_json=$(go mod download -json "${module}@${version}") || { echo "$download_json" >&2; false; }
module_dir=$(printf '%s\n' "$download_json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -n "$module_dir" ] || { echo "influx CLI build FAILED at step: ${step}: no Dir in $download_json" >&2; exit 1; }

# The module cache is read-only: build in a writable copy.
step="copying the module into a temporary directory"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$module_dir/." "$work/"
chmod -R u+w "$work"

step="go build ./cmd/influx (in the module copy)"
echo "influx CLI: ${step} with $(go version)"
mkdir -p "$out_dir"
commit="${version##*-}"
(cd "$work" && CGO_ENABLED=0 go build -trimpath \
  -ldflags "-s -w -X main.version=${version#v} -X main.commit=${commit}" \
  -o "$out.partial" ./cmd/influx)
mv "$out.partial" "$out"

step="running the built binary"
built_version=$("$out" version)
echo "influx CLI: built ${built_version} at $out in $(( $(date +%s) - started )) s"
