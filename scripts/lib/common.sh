# shellcheck shell=bash
# Shared functions of scripts/dev-up, scripts/dev-down and scripts/test. Sourced, never run;
# the callers set -euo pipefail. Functions fail with `|| return`/die explicitly, because
# errexit is switched off inside any function called from an `if` or `||`.

# Test-only: clang-14 and its runtime build the fuzz targets (tests/fuzz); chromium and a
# CJK font run the console's browser tests (tests/browser) and their screenshots.
PAIZHU_PACKAGES=(build-essential cmake ninja-build ccache pkg-config libgrpc++-dev
  protobuf-compiler-grpc libprotobuf-dev protobuf-compiler libmysqlcppconn-dev
  mariadb-server mariadb-client nlohmann-json3-dev libssl-dev libgtest-dev libgmock-dev
  openssl clang-format libcpp-httplib-dev nodejs prometheus-cpp-dev libxlsxwriter-dev unzip
  clang-14 libclang-rt-14-dev chromium fonts-wqy-microhei)

# The repository top: git's answer, else the parent of scripts/ (a fresh CI machine may
# have no git, and git refuses a checkout owned by another user).
PAIZHU_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PAIZHU_ROOT=$(git -C "$PAIZHU_ROOT" rev-parse --show-toplevel 2>/dev/null ||
  printf '%s' "$PAIZHU_ROOT")
# ---- logging and phase timing ---------------------------------------------------------
log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*"; }
warn() { printf '[%(%H:%M:%S)T] warning: %s\n' -1 "$*" >&2; }
die() { printf '[%(%H:%M:%S)T] error: %s\n' -1 "$*" >&2; exit 1; }
now_ms() { local us=${EPOCHREALTIME/[.,]/}; printf '%d' $((us / 1000)); }
fmt_secs() { printf '%d.%d' $(($1 / 1000)) $(($1 % 1000 / 100)); }  # milliseconds -> "12.3"
PHASE_NAMES=() PHASE_SECS=() PHASE_RESULTS=() PAIZHU_T0=$(now_ms)
phase_begin() { PHASE_CUR=$1; PHASE_T0=$(now_ms); log "== $1"; }
phase_end() {  # [RESULT]: records the phase begun last
  local secs; secs=$(fmt_secs $(($(now_ms) - PHASE_T0)))
  PHASE_NAMES+=("$PHASE_CUR") PHASE_SECS+=("$secs") PHASE_RESULTS+=("${1:-ok}")
  log "$PHASE_CUR: ${1:-ok} ($secs s)"
}
elapsed_total() { fmt_secs $(($(now_ms) - PAIZHU_T0)); }
phase_table() {
  local i
  printf '%-14s %9s  %s\n' phase seconds result
  for i in "${!PHASE_NAMES[@]}"; do
    printf '%-14s %9s  %s\n' "${PHASE_NAMES[i]}" "${PHASE_SECS[i]}" "${PHASE_RESULTS[i]}"
  done
  printf '%-14s %9s\n' total "$(elapsed_total)"
}
# ---- packages and build -----------------------------------------------------------------
as_root() { if ((EUID == 0)); then "$@"; else sudo "$@"; fi; }
# Installs only what is missing, so a warm machine pays one dpkg-query and no apt-get update.
ensure_packages() {
  local p missing=() installed
  installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${PAIZHU_PACKAGES[@]}" 2>/dev/null || true)
  for p in "${PAIZHU_PACKAGES[@]}"; do
    grep -qxF "$p install ok installed" <<<"$installed" || missing+=("$p")
  done
  # Debian's nodejs comes without npm (the gateway's node tests need it); other builds
  # of nodejs bring their own, which Debian's npm package would conflict with.
  command -v npm >/dev/null || missing+=(npm)
  ((${#missing[@]})) || { log "packages: all ${#PAIZHU_PACKAGES[@]} present"; return 0; }
  log "packages: installing ${missing[*]}"
  as_root apt-get update -q || return
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}" || return
}

build_tree() {  # BUILD_DIR BUILD_TYPE; configures once (CMakeLists picks up ccache itself)
  local dir=$1 type=$2
  [[ -f $dir/CMakeCache.txt ]] ||
    cmake -S "$PAIZHU_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" || return
  cmake --build "$dir" -j "${PAIZHU_JOBS:-2}" || return
}
# The web console (web/): packages from its lock file (npm ci, only when the lock changed
# since the last install), then the Vite build into OUT_DIR.
build_console() {  # OUT_DIR
  local web=$PAIZHU_ROOT/web
  command -v npm >/dev/null || { warn "npm is missing (Debian: npm)"; return 1; }
  # npm ci writes node_modules/.package-lock.json: newer than the lock = installed from it.
  if ! [[ $web/node_modules/.package-lock.json -nt $web/package-lock.json ]]; then
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error) || return
  fi
  (cd "$web" && npm run --silent build -- --outDir "$1" --emptyOutDir --logLevel warn) || return
}
# ---- processes --------------------------------------------------------------------------
# A zombie counts as gone: where PID 1 does not reap, a killed orphan stays a zombie forever.
pid_alive() { [[ -r /proc/$1/status ]] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"; }
pid_is() {  # PID NAME: alive and its command line mentions NAME (pids get recycled)
  local cmd
  pid_alive "$1" && cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) && [[ $cmd == *"$2"* ]]
}
live_pid() {  # PIDFILE NAME: prints the pid if the file names a live NAME process
  local pid
  pid=$(tr -dc '0-9' 2>/dev/null <"$1") || return 1
  [[ -n $pid ]] && pid_is "$pid" "$2" && printf '%s' "$pid"
}
wait_gone() {  # PID TENTHS_OF_SECONDS
  local i
  for ((i = 0; i < $2; i++)); do pid_alive "$1" || return 0; sleep 0.1; done
  ! pid_alive "$1"
}
wait_or_kill() {  # PID NAME SECONDS, after asking it to stop: SIGKILL if it takes longer
  wait_gone "$1" $(($3 * 10)) && return 0
  warn "$2 (pid $1) still up after $3 s: killing it"
  kill -KILL "$1" 2>/dev/null || true
  wait_gone "$1" 50 || warn "$2 (pid $1) survived SIGKILL"
}
# NAME LOGFILE PIDFILE COMMAND...: detached (nohup, no stdin) so it outlives this script;
# an empty PIDFILE for a program that writes its own. Sets DAEMON_PID.
start_daemon() {
  local name=$1 logf=$2 pidf=$3; shift 3
  nohup "$@" </dev/null >>"$logf" 2>&1 &
  DAEMON_PID=$!
  [[ -z $pidf ]] || printf '%s\n' "$DAEMON_PID" >"$pidf"
  log "$name: started (pid $DAEMON_PID)"
}
stop_daemon() {  # PIDFILE NAME TIMEOUT_SECONDS: SIGTERM, then SIGKILL; 1 if nothing ran
  local pid
  if ! pid=$(live_pid "$1" "$2"); then rm -f "$1"; return 1; fi
  kill -TERM "$pid" 2>/dev/null || true
  wait_or_kill "$pid" "$2" "$3"
  rm -f "$1"
  log "$2: stopped (pid $pid)"
}
# ---- ports ------------------------------------------------------------------------------
port_in_use() { (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Below Linux's ephemeral range (32768+), so no outgoing connection holds it by chance;
# bash alone, as a minimal Debian may have no python3.
find_free_port() {
  local p i
  for ((i = 0; i < 100; i++)); do
    p=$((20000 + RANDOM % 12000))
    port_in_use "$p" || { printf '%s' "$p"; return 0; }
  done
  return 1
}
# ---- private MariaDB (never systemd, never /var/lib/mysql) -------------------------------
mariadb_layout() {  # DIR: sets the MDB_* paths the mariadb_* functions use
  MDB_DIR=$1 MDB_DATA=$1/data MDB_SOCK=$1/mariadb.sock
  MDB_PIDFILE=$1/mariadbd.pid MDB_ERRLOG=$1/error.log
  # A unix socket path holds at most 107 bytes: deep folders get a stable one in /tmp.
  ((${#MDB_SOCK} <= 100)) || MDB_SOCK=/tmp/paizhu-$(printf '%s' "$1" | cksum | cut -d' ' -f1).sock
}
mdb() { mariadb --no-defaults --default-character-set=utf8mb4 --socket="$MDB_SOCK" -uroot "$@"; }
mdb_admin() { mariadb-admin --no-defaults --socket="$MDB_SOCK" -uroot "$@"; }
mariadb_start() {  # PORT; returns at once when ours already runs
  local port=$1 pid i
  if pid=$(live_pid "$MDB_PIDFILE" mariadbd); then log "mariadb: running (pid $pid)"; return 0; fi
  ! port_in_use "$port" || die "mariadb: port $port is taken by another program"
  mkdir -p "$MDB_DATA"
  if [[ ! -d $MDB_DATA/mysql ]]; then
    log "mariadb: initialising $MDB_DATA"
    mariadb-install-db --no-defaults --user=root --datadir="$MDB_DATA" \
      --auth-root-authentication-method=normal >"$MDB_DIR/install.log" 2>&1 ||
      { tail -n 20 "$MDB_DIR/install.log" >&2; die "mariadb-install-db failed"; }
  fi
  rm -f "$MDB_SOCK"  # left by a crash; nothing of ours is listening on it
  mkdir -p "$MDB_DIR/tmp"  # its own: a /tmp cleaner must not delete open temporary tables
  start_daemon mariadb "$MDB_DIR/mariadbd.out" "" \
    mariadbd --no-defaults --user=root --datadir="$MDB_DATA" --socket="$MDB_SOCK" \
    --tmpdir="$MDB_DIR/tmp" --port="$port" --bind-address=127.0.0.1 --pid-file="$MDB_PIDFILE" \
    --log-error="$MDB_ERRLOG" --innodb-buffer-pool-size=128M --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_unicode_ci --max-connections=500
  for ((i = 0; i < 300; i++)); do
    if mdb_admin ping >/dev/null 2>&1; then log "mariadb: ready on port $port"; return 0; fi
    pid_alive "$DAEMON_PID" || break
    sleep 0.1
  done
  tail -n 20 "$MDB_ERRLOG" >&2 2>/dev/null || true
  pid_alive "$DAEMON_PID" || die "mariadb: mariadbd exited during start-up (log: $MDB_ERRLOG)"
  die "mariadb: no answer after 30 s (log: $MDB_ERRLOG)"
}
mariadb_stop() {  # 1 if nothing was running
  local pid
  if ! pid=$(live_pid "$MDB_PIDFILE" mariadbd); then rm -f "$MDB_PIDFILE"; return 1; fi
  mdb_admin shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  wait_or_kill "$pid" mariadbd 20
  rm -f "$MDB_PIDFILE"
  log "mariadb: stopped (pid $pid)"
}
ensure_secret() {  # FILE [BYTES]: random hex made once, mode 600, no trailing newline
  local v
  [[ -s $1 ]] && return 0
  v=$(openssl rand -hex "${2:-24}") && [[ -n $v ]] || return 1
  (umask 077 && printf '%s' "$v" >"$1.tmp") && mv "$1.tmp" "$1"
}
# USER PASSWORD_FILE GRANT HOST...: GRANT is a statement with %s for the account, e.g.
# 'GRANT ALL PRIVILEGES ON db.* TO %s'. Idempotent; resets the password to the file's.
mariadb_ensure_user() {
  local user=$1 pwfile=$2 grant=$3 host pw sql=""; shift 3
  ensure_secret "$pwfile" || return
  pw=$(<"$pwfile")
  for host in "$@"; do
    sql+="CREATE USER IF NOT EXISTS '$user'@'$host' IDENTIFIED BY '$pw';"
    sql+="ALTER USER '$user'@'$host' IDENTIFIED BY '$pw';"
    # shellcheck disable=SC2059 # the statement is the format on purpose
    sql+=$(printf "$grant;" "'$user'@'$host'")
  done
  # mariadb-install-db's anonymous users could shadow ours on a localhost login, and its
  # open `test` schemas would give every user a schema besides its own.
  mdb --batch <<<"DELETE FROM mysql.global_priv WHERE User=''; DELETE FROM mysql.db WHERE Db IN
    ('test', 'test\\_%'); FLUSH PRIVILEGES; DROP DATABASE IF EXISTS test; $sql" || return
}
# ---- keys (CONTRACTS.md, Identity) --------------------------------------------------------
derive_call_key() {  # KEYDIR CALLER CALLEE: hex HMAC-SHA256(raw callee key, "service:CALLER")
  printf '%s' "service:$2" |
    openssl dgst -sha256 -mac HMAC -macopt "hexkey:$(<"$1/$3.key")" -r | cut -d' ' -f1
}
ensure_dev_keys() {  # KEYDIR: creates what is missing, never replaces a key
  local d=$1 s pair hex f
  if [[ ! -s $d/dev-jwt.pem ]]; then
    rm -f "$d/dev-jwt.pub.pem"  # the public half of a lost key is no use
    (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
      -out "$d/dev-jwt.pem.tmp") && mv "$d/dev-jwt.pem.tmp" "$d/dev-jwt.pem" || return
  fi
  [[ -s $d/dev-jwt.pub.pem ]] ||
    openssl pkey -in "$d/dev-jwt.pem" -pubout -out "$d/dev-jwt.pub.pem" || return
  for s in org clue assess; do ensure_secret "$d/$s.key" 32 || return; done
  for pair in clue:org assess:org assess:clue org:clue; do
    f=$d/call-${pair%:*}-to-${pair#*:}.key
    hex=$(derive_call_key "$d" "${pair%:*}" "${pair#*:}") && ((${#hex} == 64)) || return
    # Derived material: one that disagrees with its callee's key is stale, so rewrite it.
    [[ -s $f && $(<"$f") == "$hex" ]] || (umask 077 && printf '%s' "$hex" >"$f") || return
  done
}
