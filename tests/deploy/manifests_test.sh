#!/usr/bin/env bash
# tests/deploy/manifests_test.sh REPO BUILD_DIR
# Renders every overlay with kubectl and checks the objects (manifests/check.mjs). Needs
# kubectl 1.27 or later (kustomize built in; Debian's kubernetes-client is older) and
# fails, never skips, without it. npm packages go into BUILD_DIR/deploy-npm (git-ignored),
# installed with `npm ci` from the committed lock file when it changed.
set -euo pipefail
root=$1 build=$2
here=$root/tests/deploy/manifests

command -v kubectl >/dev/null || { echo "FAIL: kubectl not found: install kubectl 1.27 or later"; exit 1; }
version=$(kubectl version --client -o json)
major=$(sed -n 's/.*"major": *"\([0-9]*\).*/\1/p' <<<"$version" | head -n1)
minor=$(sed -n 's/.*"minor": *"\([0-9]*\).*/\1/p' <<<"$version" | head -n1)
if ((major < 1 || (major == 1 && minor < 27))); then
  echo "FAIL: kubectl $major.$minor is older than 1.27: install a newer kubectl"
  exit 1
fi
command -v node >/dev/null && command -v npm >/dev/null || { echo "FAIL: node and npm are needed"; exit 1; }

npm_dir=$build/deploy-npm
mkdir -p "$npm_dir"
cp "$here/package.json" "$here/package-lock.json" "$here/check.mjs" "$npm_dir/"
if ! cmp -s "$here/package-lock.json" "$npm_dir/node_modules/.paizhu-installed-lock"; then
  t0=$SECONDS
  (cd "$npm_dir" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$npm_dir/node_modules/.paizhu-installed-lock"
  echo "npm ci: $((SECONDS - t0)) s"
fi

# The Secrets exactly as an operator makes them.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A throw-away CA and gateway certificate stand in for the organisation's PKI (prod).
mkdir -p "$tmp/tls"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=test-ca \
  -keyout "$tmp/tls/ca.key" -out "$tmp/tls/ca.crt" 2>/dev/null
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 \
  -subj /CN=paizhu-gateway -CA "$tmp/tls/ca.crt" -CAkey "$tmp/tls/ca.key" \
  -keyout "$tmp/tls/tls.key" -out "$tmp/tls/tls.crt" 2>/dev/null
"$root/deploy/k8s/make-secrets.sh" --dev --tls-dir "$tmp/tls" --internal-tls paizhu-dev "$tmp/keys" \
  >"$tmp/secrets.yaml" 2>"$tmp/make-secrets.log" ||
  { cat "$tmp/make-secrets.log"; echo "FAIL: make-secrets.sh"; exit 1; }
node "$npm_dir/check.mjs" --root "$root" --bin "$build/bin" --secrets "$tmp/secrets.yaml"
