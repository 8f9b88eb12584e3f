#!/usr/bin/env bash
# Builds the test oracles (a real influxd and the real influx CLI) from their published Go modules
# into a cache outside the repository, once per machine. See docs/compatibility.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/build-influxd.sh"
bash "$here/build-influx-cli.sh"
