#!/usr/bin/env bash
# Builds a real influxd (InfluxDB OSS, pinned below) from its published Go module into a cache outside
# the repository, once per machine. Nothing of InfluxDB's code enters the repository.
#
# How: download the module, copy it to a writable temporary directory (its go.mod has `replace`
# directives, which only apply when it is the main module) and `go build ./cmd/influxd` there.
# Flux's Rust library (libflux) is built by cargo through InfluxData's pkg-config wrapper, which Go
# calls for the `flux` package, as InfluxDB's own build does. Without the `assets` build tag influxd
# builds with no UI, which the oracle does not need.
set -euo pipefail

INFLUXDB_VERSION="v2.7.12"            # the newest 2.7.x served by the Go module proxy
PKG_CONFIG_VERSION="v0.2.14"          # the wrapper version InfluxDB's go.mod requires
GO_TOOLCHAIN="${ORACLE_GO_TOOLCHAIN:-go1.23.9}"   # the toolchain InfluxDB's go.mod names
RUST_TOOLCHAIN="${ORACLE_RUST_TOOLCHAIN:-stable}" # overrides libflux's pinned 1.72 and its cross targets

cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/influx-tokens/oracle"
out_dir="$cache_root/influxdb-${INFLUXDB_VERSION}"
out="$out_dir/influxd"

if [[ -x "$out" ]]; then
  echo "influxd ${INFLUXDB_VERSION}: already built at $out ($("$out" version))"
  exit 0
fi

step="start"
fail() {
  local rc=$?
  echo "influxd build FAILED at step: $step (exit $rc)" >&2
  echo "log: $log" >&2
  tail -n 40 "$log" >&2 || true
  exit "$rc"
}

for tool in go cargo gcc; do
  if ! command -v "$tool" >/dev/null; then
    echo "influxd build FAILED at step: checking tools: '$tool' is not on PATH" >&2
    exit 1
  fi
done

mkdir -p "$cache_root"
work="$(mktemp -d "${TMPDIR:-/tmp}/influxd-build.XXXXXX")"
log="$cache_root/influxd-${INFLUXDB_VERSION}-build.log"
: >"$log"
trap fail ERR
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
started=$(date +%s)
export GOTOOLCHAIN="$GO_TOOLCHAIN" RUSTUP_TOOLCHAIN="$RUST_TOOLCHAIN" GOFLAGS="-buildvcs=false"

echo "influxd ${INFLUXDB_VERSION}: building into $out (Go $GO_TOOLCHAIN, Rust $RUST_TOOLCHAIN); log in $log"

step="downloading github.com/influxdata/influxdb/v2@${INFLUXDB_VERSION}"
echo "- $step"
mkdir "$work/dl"
(cd "$work/dl" && go mod init oracle-download && go mod download -json "github.com/influxdata/influxdb/v2@${INFLUXDB_VERSION}") >"$work/dl.json" 2>>"$log"
src_dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' "$work/dl.json")"
[[ -d "$src_dir" ]]

step="copying the module to a writable directory"
echo "- $step"
cp -r "$src_dir" "$work/src"
chmod -R u+w "$work/src"

step="installing InfluxData's pkg-config wrapper ${PKG_CONFIG_VERSION}"
echo "- $step"
mkdir -p "$work/bin"
(cd "$work/src" && GOBIN="$work/bin" go install "github.com/influxdata/pkg-config@${PKG_CONFIG_VERSION}") >>"$log" 2>&1
export PATH="$work/bin:$PATH"
[[ "$(command -v pkg-config)" == "$work/bin/pkg-config" ]]

# libflux denies every warning (its default `strict` feature), so lints added by Rust releases
# after its pinned 1.72 fail the build. RUSTFLAGS cannot help: with an explicit --target it does not
# reach build scripts, and libflux's build script compiles flux-core too. A rustc wrapper caps lints
# at `warn` for every crate instead (cargo already caps other crates' lints at `allow`).
step="writing the rustc wrapper that caps lints"
mkdir -p "$cache_root/bin"
cat >"$cache_root/bin/rustc-cap-lints" <<'WRAPPER'
#!/bin/sh
rustc="$1"
shift
case " $* " in
  *" --cap-lints"*) exec "$rustc" "$@" ;;
esac
exec "$rustc" "$@" --cap-lints=warn
WRAPPER
chmod +x "$cache_root/bin/rustc-cap-lints"
export RUSTC_WRAPPER="$cache_root/bin/rustc-cap-lints"

step="go build ./cmd/influxd (libflux is built by cargo on the way)"
echo "- $step"
version="${INFLUXDB_VERSION#v}"
(cd "$work/src" && CGO_ENABLED=1 go build \
  -tags sqlite_foreign_keys,sqlite_json \
  -ldflags "-X main.version=${version} -X main.commit=module-${INFLUXDB_VERSION} -X main.date=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  -o "$work/influxd" ./cmd/influxd) >>"$log" 2>&1

step="installing into the cache"
mkdir -p "$out_dir"
mv "$work/influxd" "$out"
trap - ERR

elapsed=$(( $(date +%s) - started ))
echo "influxd ${INFLUXDB_VERSION}: built $out in $((elapsed / 60)) min $((elapsed % 60)) s"
echo "  $("$out" version)"
echo "  Go $(go env GOVERSION), $(cargo --version), $(gcc --version | head -n 1)"
