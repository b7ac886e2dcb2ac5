#!/usr/bin/env bash
# tests/deploy/image_test.sh REPO BUILD_DIR
# The image without Docker: every package the Dockerfile installs exists in Debian 12; the
# build stage has every build package scripts/lib/common.sh installs; and the runtime
# stage's packages hold every shared library the shipped binaries link. The binaries come
# from deploy/docker/build.sh run on BUILD_DIR (already built: nothing is built twice).
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
# serve development only: nodejs runs the gateway's and these tests' JavaScript, clang
# builds the fuzz targets, chromium and its CJK font run the console's browser tests).
# shellcheck source=../../scripts/lib/common.sh
source "$root/scripts/lib/common.sh"
not_for_image=" mariadb-server mariadb-client ccache openssl clang-format nodejs clang-14 libclang-rt-14-dev "
not_for_image+=" chromium fonts-wqy-microhei "
for p in "${PAIZHU_PACKAGES[@]}"; do
  [[ $not_for_image == *" $p "* ]] && continue
  [[ " ${build_pkgs[*]} " == *" $p "* ]] || fail "the build stage lacks $p (scripts/lib/common.sh installs it)"
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
BUILD_DIR=$build "$root/deploy/docker/build.sh" "$out" >"$out.log" 2>&1 ||
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
if ((failures)); then echo "image: $failures problems"; exit 1; fi
echo "image: ${#needed[@]} runtime packages cover every library of $(ls "$out/bin" | wc -l) binaries"
