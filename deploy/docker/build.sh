#!/usr/bin/env bash
# deploy/docker/build.sh OUT_DIR
# The image's build stage, also run directly by CI (tests/deploy): builds the binaries the
# image ships and copies them to OUT_DIR/bin, and the built console to OUT_DIR/web. Build
# packages must be installed already (the Dockerfile's build stage installs them;
# scripts/test installs them in CI).
#   BUILD_DIR   build tree to use (default build-release; CI passes its build-test tree,
#               so nothing is built twice)
#   BUILD_TYPE  CMAKE_BUILD_TYPE when BUILD_DIR is configured here (default Release)
#   PAIZHU_JOBS build parallelism (default 2)
#   CONSOLE_DIR a console already built from this checkout (CI's browser tests build one
#               into BUILD_DIR/console); empty: built here from web/'s lock file
set -euo pipefail
(($# == 1)) || { echo "usage: $0 OUT_DIR" >&2; exit 2; }
out=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${BUILD_DIR:-$root/build-release}
[[ $build == /* ]] || build=$root/$build
# What the image ships: the four servers, the health probe and the CLI.
BINARIES=(paizhu-gateway paizhu-org paizhu-clue paizhu-assess paizhu-probe paizhu)

[[ -f $build/CMakeCache.txt ]] ||
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}"
cmake --build "$build" -j "${PAIZHU_JOBS:-2}" --target "${BINARIES[@]}"
mkdir -p "$out/bin"
for b in "${BINARIES[@]}"; do install -m 0755 "$build/bin/$b" "$out/bin/$b"; done
printf '%s\n' "${BINARIES[@]}" >"$out/BINARIES"
echo "build.sh: ${#BINARIES[@]} binaries in $out/bin"

# The console the gateway serves (--web-root): npm ci from the lock file, then Vite.
rm -rf "$out/web"
if [[ -n ${CONSOLE_DIR:-} && -f $CONSOLE_DIR/index.html ]]; then
  cp -r "$CONSOLE_DIR" "$out/web"
else
  # shellcheck source=../../scripts/lib/common.sh
  source "$root/scripts/lib/common.sh"
  build_console "$out/web"
fi
[[ -f $out/web/index.html ]] || { echo "build.sh: no console in $out/web" >&2; exit 1; }
echo "build.sh: the console in $out/web ($(find "$out/web" -type f | wc -l) files)"
