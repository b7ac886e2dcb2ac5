#!/usr/bin/env bash
# deploy/k8s/make-secrets.sh [--dev] [--jwt-public-key FILE] [--tls-dir DIR] NAMESPACE KEYDIR
# Prints the Secrets the manifests mount (pipe it to `kubectl apply -f -`). The key
# material is made once in KEYDIR and never replaced there, so running it again prints
# the same Secrets; keep KEYDIR safe (or delete it once the Secrets are applied and
# backed up). See deploy/README.md for rotation.
#   paizhu-{org,clue,assess}-db       password   the service's DML user
#   paizhu-{org,clue,assess}-db-ddl   password   its migration Job's DDL user
#   paizhu-{org,clue,assess}-keys     service.key and the call keys towards the services
#                                     it calls (clue also audit.key)
#   paizhu-gateway-keys               org.key, clue.key, assess.key
#   paizhu-jwt-public                 public.pem: the token issuer's public key(s);
#                                     --jwt-public-key FILE, else a dev key pair made in
#                                     KEYDIR (dev-jwt.pem signs `paizhu login --dev` tokens)
#   paizhu-mariadb-root               (--dev only) the in-cluster MariaDB's root password
#   paizhu-gateway-tls                (--tls-dir DIR) tls.crt, tls.key and ca.crt from DIR:
#                                     the gateway's certificate chain and key, and the CA
#                                     that signs systems' client certificates (prod)
#   paizhu-{org,clue,assess}-tls      (--internal-tls) tls.crt, tls.key, ca.crt: the
#                                     service's certificate (serves and calls) and the
#                                     internal CA, for mutual TLS inside the cluster (prod)
#   paizhu-gateway-upstream-tls       (--internal-tls) the same for the gateway's calls
# --internal-tls makes, once, in KEYDIR/internal-tls: an internal CA (ca.crt, ca.key) and
# a certificate per process for the host names callers use (paizhu-org, ...). To use your
# own PKI, put ca.crt and <name>.crt/<name>.key (org, clue, assess, gateway) there first:
# only missing files are made.
set -euo pipefail
# shellcheck source=../../scripts/lib/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib" && pwd)/common.sh"

dev=0 jwt_public="" tls_dir="" internal_tls=0
while (($#)); do
  case $1 in
    --dev) dev=1; shift ;;
    --jwt-public-key) jwt_public=$2; shift 2 ;;
    --tls-dir) tls_dir=$2; shift 2 ;;
    --internal-tls) internal_tls=1; shift ;;
    -*) die "unknown option $1" ;;
    *) break ;;
  esac
done
(($# == 2)) || die "usage: make-secrets.sh [--dev] [--jwt-public-key FILE] [--tls-dir DIR] [--internal-tls] NAMESPACE KEYDIR"
ns=$1 keys=$2
mkdir -p "$keys" && chmod 700 "$keys"

# Service keys, the call keys derived from them (CONTRACTS.md), a dev JWT key pair.
ensure_dev_keys "$keys" >&2 || die "cannot make the keys in $keys"
for s in org clue assess; do
  ensure_secret "$keys/db-$s.password" || die "cannot make a password"
  ensure_secret "$keys/db-$s-ddl.password" || die "cannot make a password"
done
ensure_secret "$keys/clue-audit.key" 32 || die "cannot make the audit key"
[[ -n $jwt_public ]] || jwt_public=$keys/dev-jwt.pub.pem
[[ -s $jwt_public ]] || die "no public key in $jwt_public"

secret() {  # NAME KEY=FILE...
  local name=$1 args=() kv; shift
  for kv in "$@"; do args+=("--from-file=$kv"); done
  printf -- '---\n'
  kubectl create secret generic "$name" --namespace "$ns" "${args[@]}" \
    --dry-run=client -o yaml
}
for s in org clue assess; do
  secret "paizhu-$s-db" "password=$keys/db-$s.password"
  secret "paizhu-$s-db-ddl" "password=$keys/db-$s-ddl.password"
done
secret paizhu-org-keys "service.key=$keys/org.key" \
  "call-org-to-clue.key=$keys/call-org-to-clue.key"
secret paizhu-clue-keys "service.key=$keys/clue.key" \
  "call-clue-to-org.key=$keys/call-clue-to-org.key" "audit.key=$keys/clue-audit.key"
secret paizhu-assess-keys "service.key=$keys/assess.key" \
  "call-assess-to-org.key=$keys/call-assess-to-org.key" \
  "call-assess-to-clue.key=$keys/call-assess-to-clue.key"
secret paizhu-gateway-keys "org.key=$keys/org.key" "clue.key=$keys/clue.key" \
  "assess.key=$keys/assess.key"
secret paizhu-jwt-public "public.pem=$jwt_public"
if ((dev)); then
  ensure_secret "$keys/mariadb-root.password" || die "cannot make a password"
  secret paizhu-mariadb-root "password=$keys/mariadb-root.password"
fi
if [[ -n $tls_dir ]]; then
  for f in tls.crt tls.key ca.crt; do [[ -s $tls_dir/$f ]] || die "no $tls_dir/$f"; done
  secret paizhu-gateway-tls "tls.crt=$tls_dir/tls.crt" "tls.key=$tls_dir/tls.key" \
    "ca.crt=$tls_dir/ca.crt"
fi
if ((internal_tls)); then
  d=$keys/internal-tls
  mkdir -p "$d" && chmod 700 "$d"
  quiet() { "$@" >>"$d/openssl.log" 2>&1; }
  if [[ ! -s $d/ca.crt ]]; then
    (umask 077 && quiet openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
      -days 3650 -subj "/O=paizhu/CN=paizhu internal CA" -keyout "$d/ca.key" -out "$d/ca.crt") ||
      die "cannot make the internal CA (see $d/openssl.log)"
  fi
  for name in org clue assess gateway; do
    [[ -s $d/$name.crt && -s $d/$name.key ]] && continue
    [[ -s $d/ca.key ]] || die "no $d/ca.key to sign $name.crt with"
    # Services are called at paizhu-<name>:50051 (the headless Services); the gateway only
    # calls, its certificate names it for the services' logs.
    san="DNS:paizhu-$name,DNS:paizhu-$name.$ns,DNS:paizhu-$name.$ns.svc,DNS:paizhu-$name.$ns.svc.cluster.local"
    printf 'basicConstraints=CA:FALSE\nsubjectAltName=%s\nextendedKeyUsage=serverAuth,clientAuth\n' \
      "$san" >"$d/$name.ext"
    (umask 077 && quiet openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
      -subj "/O=paizhu/CN=paizhu-$name" -keyout "$d/$name.key" -out "$d/$name.csr") &&
      quiet openssl x509 -req -days 825 -in "$d/$name.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" \
        -CAcreateserial -extfile "$d/$name.ext" -out "$d/$name.crt" ||
      die "cannot make $name.crt (see $d/openssl.log)"
  done
  for s in org clue assess; do
    secret "paizhu-$s-tls" "tls.crt=$d/$s.crt" "tls.key=$d/$s.key" "ca.crt=$d/ca.crt"
  done
  secret paizhu-gateway-upstream-tls "tls.crt=$d/gateway.crt" "tls.key=$d/gateway.key" \
    "ca.crt=$d/ca.crt"
fi
