#!/usr/bin/env bash
# Local PostgreSQL helpers for SoftTargets, without Docker.
#
# Sourced by run.sh and test.sh; also usable directly:
#   scripts/db.sh start|stop|status|psql [psql args]
#   scripts/db.sh throwaway-start        # prints a connection string, folder on stderr
#   scripts/db.sh throwaway-stop FOLDER
#
# Two kinds of cluster:
#   - the persistent dev cluster in .data/postgres (git-ignored), port 5433 (SOFTTARGETS_DB_PORT),
#     durable default settings, database "softtargets";
#   - throwaway test clusters in a temp folder on a free port, with fsync off.
# Both listen on 127.0.0.1 only and use "trust" authentication for user postgres: any local user
# of this machine can connect to them. That is fine for a development machine, not for anything shared.
#
# PostgreSQL refuses to run as root, so as root the server runs as the "postgres" user.
# Sourcing scripts set their own shell options (set -euo pipefail); direct use sets them below.

SOFTTARGETS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
PG_LOCAL_DIR="$SOFTTARGETS_ROOT/.data/postgres"
PG_LOCAL_SOCKET_DIR="$SOFTTARGETS_ROOT/.data/socket"
PG_LOCAL_LOG="$SOFTTARGETS_ROOT/.data/postgres.log"
PG_LOCAL_PORT="${SOFTTARGETS_DB_PORT:-5433}"
PG_LOCAL_DB="softtargets"
PG_LOCAL_CONN="Host=127.0.0.1;Port=$PG_LOCAL_PORT;Username=postgres;Database=$PG_LOCAL_DB"

_db_log() { echo "db: $*" >&2; }
_is_root() { [[ $(id -u) -eq 0 ]]; }

# Runs a command as the cluster owner: postgres when we are root, else ourselves.
# From "/" because postgres may not be allowed into the current directory.
_as_pg() {
  if _is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Sets PG_BIN to a folder holding initdb and pg_ctl; returns 1 (with a message) if there is none.
pg_find_bin() {
  local candidates=() d
  [[ -n ${PG_BIN:-} ]] && candidates+=("$PG_BIN")
  if command -v pg_config >/dev/null 2>&1; then
    candidates+=("$(pg_config --bindir 2>/dev/null || true)")
  fi
  # Debian puts each major version in its own folder; prefer the newest.
  while IFS= read -r d; do candidates+=("$d"); done \
    < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV)
  if command -v initdb >/dev/null 2>&1; then
    candidates+=("$(dirname "$(command -v initdb)")")
  fi
  for d in "${candidates[@]}"; do
    if [[ -n $d && -x $d/initdb && -x $d/pg_ctl ]]; then
      PG_BIN="$d"
      return 0
    fi
  done
  _db_log "no PostgreSQL server binaries found (initdb, pg_ctl). Install them with: apt-get install -y postgresql"
  return 1
}

# True only if a Docker engine answers within a few seconds.
docker_available() {
  command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1
}

# As root: makes sure the postgres user can traverse every parent of $1 (chmod o+x where needed).
# The repository may live under /root or another private folder.
_pg_make_reachable() {
  _is_root || return 0
  local d="$1" dirs=()
  while [[ $d != / ]]; do
    d="$(dirname "$d")"
    dirs=("$d" "${dirs[@]}")
  done
  for d in "${dirs[@]}"; do # outermost first, so each test sees reachable parents
    if ! runuser -u postgres -- test -x "$d"; then
      chmod o+x "$d"
      _db_log "made $d traversable for the postgres user (chmod o+x)"
    fi
  done
}

# Creates folders owned by the cluster owner.
_pg_mkdir() {
  mkdir -p "$@"
  chmod 700 "$@"
  if _is_root; then chown postgres:postgres "$@"; fi
}

# Writes the settings our scripts control into DATADIR/softtargets.conf (included from
# postgresql.conf). Rewritten at every start, so a moved repository still works.
# Usage: _pg_configure DATADIR PORT SOCKET_DIR [extra setting lines...]
_pg_configure() {
  local datadir="$1" port="$2" socket_dir="$3"
  shift 3
  local conf="$datadir/softtargets.conf"
  {
    echo "# Written by scripts/db.sh at every start; edit postgresql.conf for your own settings."
    echo "port = $port"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '${socket_dir//\'/\'\'}'"
    printf '%s\n' "$@"
  } >"$conf"
  if _is_root; then chown postgres:postgres "$conf"; fi
  if ! grep -q "^include_if_exists = 'softtargets.conf'" "$datadir/postgresql.conf"; then
    echo "include_if_exists = 'softtargets.conf'" >>"$datadir/postgresql.conf"
  fi
}

# Usage: _pg_initdb DATADIR [initdb options...]
_pg_initdb() {
  local datadir="$1"
  shift
  _as_pg "$PG_BIN/initdb" -D "$datadir" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 "$@" >/dev/null
}

_pg_psql() { # PORT DATABASE [psql args...]
  local port="$1" db="$2"
  shift 2
  "$PG_BIN/psql" -X -h 127.0.0.1 -p "$port" -U postgres -d "$db" "$@"
}

# ---- persistent dev cluster ---------------------------------------------------------------

pg_local_running() {
  [[ -f $PG_LOCAL_DIR/PG_VERSION ]] || return 1
  pg_find_bin 2>/dev/null || return 1
  _as_pg "$PG_BIN/pg_ctl" -D "$PG_LOCAL_DIR" status >/dev/null 2>&1
}

# Starts (creating it the first time) the cluster in .data/postgres with database softtargets.
# Prints its connection string (also in $PG_LOCAL_CONN) on stdout; progress goes to stderr.
pg_local_start() {
  pg_find_bin || return 1
  mkdir -p "$SOFTTARGETS_ROOT/.data"
  if [[ ! -f $PG_LOCAL_DIR/PG_VERSION ]]; then
    _db_log "creating the local cluster in $PG_LOCAL_DIR"
    _pg_mkdir "$PG_LOCAL_DIR"
    _pg_make_reachable "$PG_LOCAL_DIR"
    _pg_initdb "$PG_LOCAL_DIR" || return 1
  fi
  _pg_make_reachable "$PG_LOCAL_DIR"
  if pg_local_running; then
    _db_log "local cluster already running on port $PG_LOCAL_PORT"
  else
    _pg_mkdir "$PG_LOCAL_SOCKET_DIR"
    touch "$PG_LOCAL_LOG"
    if _is_root; then chown postgres:postgres "$PG_LOCAL_LOG"; fi
    _pg_configure "$PG_LOCAL_DIR" "$PG_LOCAL_PORT" "$PG_LOCAL_SOCKET_DIR"
    _db_log "starting the local cluster on 127.0.0.1:$PG_LOCAL_PORT (log: .data/postgres.log)"
    if ! _as_pg "$PG_BIN/pg_ctl" -D "$PG_LOCAL_DIR" -l "$PG_LOCAL_LOG" -w -t 60 start >&2; then
      tail -n 20 "$PG_LOCAL_LOG" >&2 || true
      return 1
    fi
  fi
  if [[ $(_pg_psql "$PG_LOCAL_PORT" postgres -tAc \
    "select 1 from pg_database where datname = '$PG_LOCAL_DB'") != 1 ]]; then
    _db_log "creating database $PG_LOCAL_DB"
    _pg_psql "$PG_LOCAL_PORT" postgres -qc "create database $PG_LOCAL_DB" || return 1
  fi
  echo "$PG_LOCAL_CONN"
}

# Stops the local cluster; its data stays in .data/postgres.
pg_local_stop() {
  if pg_local_running; then
    _as_pg "$PG_BIN/pg_ctl" -D "$PG_LOCAL_DIR" -m fast -w stop >&2
  else
    _db_log "local cluster is not running"
  fi
}

# Prints whether the local cluster runs; returns 0 if it does.
pg_local_status() {
  if [[ ! -f $PG_LOCAL_DIR/PG_VERSION ]]; then
    echo "no local cluster yet in .data/postgres (scripts/db.sh start creates it)"
    return 1
  elif pg_local_running; then
    echo "running on 127.0.0.1:$PG_LOCAL_PORT, data in .data/postgres"
    echo "connection string: $PG_LOCAL_CONN"
  else
    echo "stopped, data in .data/postgres"
    return 1
  fi
}

# ---- throwaway test clusters -------------------------------------------------------------

_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts a fast, non-durable cluster in a new temp folder on a free port.
# Prints its connection string on stdout. Call it directly, not in $(...), so that
# PG_THROWAWAY_DIR and PG_THROWAWAY_CONN are set for the caller and pg_throwaway_stop.
pg_throwaway_start() {
  pg_find_bin || return 1
  local dir port
  dir="$(mktemp -d "${TMPDIR:-/tmp}/softtargets-pg.XXXXXX")"
  _pg_mkdir "$dir" "$dir/data" "$dir/socket"
  _pg_make_reachable "$dir/data"
  if ! _pg_initdb "$dir/data" --no-sync >/dev/null 2>"$dir/initdb.log"; then
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    return 1
  fi
  for ((port = 55432; port < 55632; port++)); do
    _port_in_use "$port" && continue
    _pg_configure "$dir/data" "$port" "$dir/socket" \
      "fsync = off" "synchronous_commit = off" "full_page_writes = off" "max_connections = 200"
    if _as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1; then
      PG_THROWAWAY_DIR="$dir"
      PG_THROWAWAY_CONN="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
      _db_log "throwaway cluster on 127.0.0.1:$port in $dir"
      echo "$PG_THROWAWAY_CONN"
      return 0
    fi
    # Someone else may have taken the port meanwhile: try the next one, fail on anything else.
    grep -q "could not bind" "$dir/server.log" 2>/dev/null || break
  done
  _db_log "could not start a throwaway cluster:"
  tail -n 20 "$dir/server.log" >&2 || true
  rm -rf "$dir"
  return 1
}

# Stops a throwaway cluster and deletes its folder (default: $PG_THROWAWAY_DIR). Quiet; safe to repeat.
pg_throwaway_stop() {
  local dir="${1:-${PG_THROWAWAY_DIR:-}}"
  [[ -n $dir && -d $dir ]] || return 0
  case "$(basename "$dir")" in softtargets-pg.*) ;; *)
    _db_log "refusing to delete $dir: not a throwaway cluster folder"
    return 1
    ;;
  esac
  if [[ -f $dir/data/postmaster.pid ]] && pg_find_bin 2>/dev/null; then
    _as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  if [[ $dir == "${PG_THROWAWAY_DIR:-}" ]]; then PG_THROWAWAY_DIR=""; fi
}

# ---- command line ----------------------------------------------------------------------------

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case "${1:-}" in
    start) pg_local_start ;;
    stop) pg_local_stop ;;
    status) pg_local_status ;;
    psql)
      shift
      pg_find_bin
      _pg_psql "$PG_LOCAL_PORT" "$PG_LOCAL_DB" "$@"
      ;;
    throwaway-start)
      pg_throwaway_start
      echo "stop it with: scripts/db.sh throwaway-stop $PG_THROWAWAY_DIR" >&2
      ;;
    throwaway-stop)
      pg_throwaway_stop "${2:?usage: scripts/db.sh throwaway-stop FOLDER}"
      ;;
    *)
      echo "usage: scripts/db.sh start|stop|status|psql [psql args]|throwaway-start|throwaway-stop FOLDER" >&2
      exit 2
      ;;
  esac
fi
