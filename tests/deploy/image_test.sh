#!/usr/bin/env bash
# tests/deploy/image_test.sh REPO BUILD_DIR
# The image without Docker: every package the Dockerfile installs exists in Debian 12; the
# build stage has every build package scripts/lib/common.sh installs; the runtime stage's
# packages hold every shared library the shipped binaries link; and the console it holds
# is served by the shipped gateway, as the manifests start it (--web-root), with its
# security headers. The binaries come from deploy/docker/build.sh run on BUILD_DIR
# (already built: nothing is built twice), the console from BUILD_DIR/console (the
# browser tests' build of this checkout).
set -euo pipefail
root=$1 build=$2
dockerfile=$root/deploy/docker/Dockerfile
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# shellcheck disable=SC1091
. /etc/os-release
[[ ${ID:-} == debian && ${VERSION_ID:-} == 12 ]] ||
  { echo "FAIL: this check needs Debian 12 (apt-cache answers for this machine's release)"; exit 1; }

# The packages of each stage: the words of its `apt-get install` continuation lines.
stage_packages() {  # STAGE_NUMBER (1: build, 2: runtime)
  awk -v want="$1" '
    /^FROM / { stage++ }
    stage == want && /apt-get install/ { inside = 1; next }
    inside && /^ *&&/ { inside = 0 }
    inside { gsub(/\\/, ""); for (i = 1; i <= NF; i++) print $i }' "$dockerfile"
}
mapfile -t build_pkgs < <(stage_packages 1)
mapfile -t runtime_pkgs < <(stage_packages 2)
((${#build_pkgs[@]} > 5 && ${#runtime_pkgs[@]} > 5)) || { echo "FAIL: cannot read the Dockerfile's packages"; exit 1; }
echo "Dockerfile: ${#build_pkgs[@]} build packages, ${#runtime_pkgs[@]} runtime packages"

# One apt-cache call for all (each call loads the package lists).
known=" $(apt-cache show --no-all-versions "${build_pkgs[@]}" "${runtime_pkgs[@]}" 2>/dev/null |
  sed -n 's/^Package: //p' | tr '\n' ' ') "
for p in "${build_pkgs[@]}" "${runtime_pkgs[@]}"; do
  [[ $known == *" $p "* ]] || fail "package $p is not in Debian 12 (or apt-get update never ran)"
done

# Build packages of the repo that the image's build must have too (the rest run tests or
# serve development only: clang builds the fuzz targets, chromium and its CJK font run the
# console's browser tests; nodejs builds the console).
# shellcheck source=../../scripts/lib/common.sh
source "$root/scripts/lib/common.sh"
not_for_image=" mariadb-server mariadb-client ccache openssl clang-format clang-14 libclang-rt-14-dev "
not_for_image+=" chromium fonts-wqy-microhei "
for p in "${PAIZHU_PACKAGES[@]}"; do
  [[ $not_for_image == *" $p "* ]] && continue
  [[ " ${build_pkgs[*]} " == *" $p "* ]] || fail "the build stage lacks $p (scripts/lib/common.sh installs it)"
done

out=$(mktemp -d)
gateway_pid=""
trap '[[ -n $gateway_pid ]] && kill "$gateway_pid" 2>/dev/null; rm -rf "$out"' EXIT
BUILD_DIR=$build CONSOLE_DIR=$build/console "$root/deploy/docker/build.sh" "$out" >"$out.log" 2>&1 ||
  { cat "$out.log"; rm -f "$out.log"; echo "FAIL: build.sh"; exit 1; }
rm -f "$out.log"

# Every library the binaries link, once.
declare -A users=()
for binary in "$out"/bin/*; do
  while read -r line; do
    [[ $line == *"not found"* ]] && { fail "$(basename "$binary"): $line"; continue; }
    lib=$(awk '/=>/ { print $3 }' <<<"$line")
    [[ -n $lib ]] && users[$lib]+=" $(basename "$binary")"
  done < <(ldd "$binary")
done
# Its package, asked of dpkg in one call (each call reads every file list): by the path
# and its target, with and without /usr (usrmerge: dpkg may know /lib/...).
declare -A owner=()
paths=()
for lib in "${!users[@]}"; do
  real=$(readlink -f "$lib")
  paths+=("$lib" "$real" "${lib#/usr}" "${real#/usr}")
done
while IFS= read -r line; do
  pkg=${line%%: *} file=${line#*: }
  owner[$file]=${pkg%%:*}
done < <(dpkg -S "${paths[@]}" 2>/dev/null || true)
declare -A needed=()
for lib in "${!users[@]}"; do
  real=$(readlink -f "$lib") pkg=""
  for p in "$lib" "$real" "${lib#/usr}" "${real#/usr}"; do
    [[ -n ${owner[$p]:-} ]] && { pkg=${owner[$p]}; break; }
  done
  [[ -n $pkg ]] || { fail "no package holds $lib"; continue; }
  needed[$pkg]+="${users[$lib]}"
done
for pkg in "${!needed[@]}"; do
  if [[ " ${runtime_pkgs[*]} " == *" $pkg "* ]]; then
    echo "ok: $pkg"
  else
    fail "the runtime stage lacks $pkg (linked by$(tr ' ' '\n' <<<"${needed[$pkg]}" | sort -u | tr '\n' ' '))"
  fi
done
((${#needed[@]} > 5)) || fail "ldd found only ${#needed[@]} packages"

# The console: the image's COPY of build.sh's OUT/web, served by the shipped gateway with
# the manifests' --web-root (stand-in keys). Static files need no backend: the three named
# share one address where nothing listens, as when the gateway starts before its backends
# (gRPC 1.51 crashed on exactly that until each channel got its own subchannels).
web_root=$(sed -n 's/^ *- --web-root=//p' "$root/deploy/k8s/base/gateway.yaml")
grep -q "COPY --from=build /out/web/ $web_root/" "$dockerfile" ||
  fail "the Dockerfile does not put the console where gateway.yaml's --web-root ($web_root) reads it"
if [[ -f $out/web/index.html ]]; then
  for asset in $(grep -o '/assets/[^"]*' "$out/web/index.html" | sort -u); do
    [[ -f $out/web$asset ]] || fail "index.html loads $asset, which the image lacks"
  done
  keys=$out/keys
  mkdir -p "$keys"
  for k in org clue assess; do (umask 077 && openssl rand -hex 32 >"$keys/$k.key"); done
  openssl ecparam -name prime256v1 -genkey -noout -out "$keys/jwt.pem" 2>/dev/null
  openssl ec -in "$keys/jwt.pem" -pubout -out "$keys/jwt.pub.pem" 2>/dev/null
  grpc_port=$(find_free_port)
  args=(--listen=127.0.0.1:"$grpc_port" --http-listen=127.0.0.1:0 --http-port-file="$out/http.port"
    --jwt-public-key-file="$keys/jwt.pub.pem" --web-root="$out/web" --drain-delay=0s)
  args+=(--backend-check-interval=100ms)
  nobody_port=$(find_free_port)
  for k in org clue assess; do
    args+=(--$k-addr=127.0.0.1:"$nobody_port" --$k-key-file="$keys/$k.key")
  done
  "$out/bin/paizhu-gateway" "${args[@]}" >"$out/gateway.log" 2>&1 &
  gateway_pid=$!
  for _ in $(seq 100); do
    [[ -s $out/http.port ]] || ! kill -0 "$gateway_pid" 2>/dev/null && break
    sleep 0.1
  done
  if [[ -s $out/http.port ]]; then
    port=$(<"$out/http.port")
    for path in / /work /clues/XS2026-0001; do  # the index, and client-side routes
      headers=$(curl -sS -o "$out/page.html" -D - "http://127.0.0.1:$port$path" | tr -d '\r') || headers=""
      grep -q '^HTTP/1.1 200' <<<"$headers" || fail "GET $path: $(head -1 <<<"$headers")"
      cmp -s "$out/page.html" "$out/web/index.html" || fail "GET $path is not the console's index.html"
      for want in "Content-Security-Policy: default-src 'self'" "X-Content-Type-Options: nosniff" \
        "X-Frame-Options: DENY" "Referrer-Policy: no-referrer" "Cache-Control: no-cache"; do
        grep -qi "^$want" <<<"$headers" || fail "GET $path lacks the header $want"
      done
    done
    echo "ok: the gateway serves the console's index (--web-root=$web_root) with its security headers"
    sleep 1  # ten more readiness rounds against the absent backends
    kill -0 "$gateway_pid" 2>/dev/null ||
      fail "the gateway died while its backends were unreachable: $(tail -3 "$out/gateway.log")"
  else
    fail "the gateway did not start with --web-root: $(tail -3 "$out/gateway.log")"
  fi
  kill "$gateway_pid" 2>/dev/null
  wait "$gateway_pid" 2>/dev/null || true
  gateway_pid=""
else
  fail "build.sh left no console (OUT/web/index.html)"
fi
if ((failures)); then echo "image: $failures problems"; exit 1; fi
echo "image: ${#needed[@]} runtime packages cover every library of $(ls "$out/bin" | wc -l) binaries"
