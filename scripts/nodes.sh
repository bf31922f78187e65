#!/usr/bin/env bash
# Runs SoftTargets as several web nodes on one PostgreSQL, behind nginx with sticky sessions, on this machine:
# what a scaled-out deployment looks like, in miniature.
#
#   scripts/nodes.sh [--nodes N]        # starts N nodes (default 2) and nginx, prints the proxy's address and
#                                       # serves until Ctrl-C, which stops them all
#   scripts/nodes.sh start [--nodes N]  # the same, but returns once everything answers (stop it later)
#   scripts/nodes.sh stop [K]           # stops node K (1..N) alone, or every node and nginx
#   scripts/nodes.sh status             # which nodes answer
#
# Each node is the app in Production mode as scripts/run.sh --production deploys it (published into
# .data/publish), on its own loopback port. The database is migrated and seeded with the demo data once,
# before any node starts. nginx (Debian's package, installed with apt-get when missing and running as root)
# runs as a plain process with a configuration generated into the state folder; the system's nginx service
# and its configuration are never touched.
#
# Sticky sessions: a Blazor circuit lives in the memory of one node, so nginx pins each browser to one node by a
# cookie of its own (SoftTargetsNode, a random value set on the first answer; `hash ... consistent` on it). When
# that node is down, nginx sends the browser to another node, where the page reconnects as a new circuit with the
# same sign-in (sessions and data-protection keys are in the database). WebSockets pass through (Upgrade headers)
# with hour-long read timeouts. Every answer names the node that served it in X-SoftTargets-Node.
#
# Environment:
#   ConnectionStrings__SoftTargets  the database; else the local cluster in .data/postgres (see scripts/db.sh),
#                                   stopped again by `stop` when this script started it
#   SOFTTARGETS_PORT                the proxy's port (default 5080)
#   SOFTTARGETS_NODE_PORTS          the nodes' ports, comma-separated (sets N; default the ports after the proxy's)
#   SOFTTARGETS_NODES_DIR           state folder: nginx.conf, logs, process ids (default .data/nodes)
#   SOFTTARGETS_APP                 a folder holding a built or published SoftTargets.Web.dll to run instead of
#                                   publishing (the browser tests pass the build output)
#   DataProtection__Key             as for scripts/run.sh --production (default: the key kept in .data/dataprotection.key)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd -P)"
source scripts/db.sh

verb=run nodes=2 only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    start|stop|status) verb="$1" ;;
    --nodes) nodes="${2:?--nodes needs a number}"; shift ;;
    [0-9]*) only="$1" ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "Unknown argument: $1 (see scripts/nodes.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

dir="${SOFTTARGETS_NODES_DIR:-$root/.data/nodes}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd -P)"
state="$dir/nodes.txt" # one line per node: number, port, process id

running() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# Stops one process by id, if it still is what was started (a stale id may belong to another process by now):
# SIGTERM (ASP.NET Core shuts down gracefully, closing its circuits), SIGKILL after 20 s.
stop_pid() { # PID COMMAND_LINE_PART
  local pid="$1"
  running "$pid" || return 0
  ps -p "$pid" -o args= 2>/dev/null | grep -qF -- "$2" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do running "$pid" || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

stop_all() {
  if [[ -f $state ]]; then
    while read -r number port pid; do
      running "$pid" && stop_pid "$pid" SoftTargets.Web.dll && echo "Node $number (port $port) stopped."
    done <"$state"
    rm -f "$state"
  fi
  if [[ -f $dir/nginx.pid ]]; then
    stop_pid "$(cat "$dir/nginx.pid")" "nginx: master"
    rm -f "$dir/nginx.pid"
    echo "nginx stopped."
  fi
  if [[ -f $dir/local-cluster ]]; then
    rm -f "$dir/local-cluster"
    pg_local_stop || true
  fi
}

case "$verb" in
  stop)
    if [[ -z $only ]]; then stop_all; exit 0; fi
    line="$(awk -v n="$only" '$1 == n' "$state" 2>/dev/null || true)"
    [[ -n $line ]] || { echo "No node $only is running (see scripts/nodes.sh status)." >&2; exit 1; }
    read -r number port pid <<<"$line"
    stop_pid "$pid" SoftTargets.Web.dll
    echo "Node $number (port $port) stopped; the others keep serving."
    exit 0
    ;;
  status)
    [[ -f $state ]] || { echo "No nodes are running."; exit 1; }
    while read -r number port pid; do
      if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then s=ready; elif running "$pid"; then s=starting; else s=stopped; fi
      echo "node $number: http://127.0.0.1:$port ($s, process $pid)"
    done <"$state"
    exit 0
    ;;
esac

any_running() {
  [[ -f $state ]] || return 1
  local pid
  while read -r _ _ pid; do running "$pid" && return 0; done <"$state"
  return 1
}
if any_running; then
  echo "Nodes are already running from $dir: scripts/nodes.sh stop first." >&2
  exit 1
fi

proxy_port="${SOFTTARGETS_PORT:-5080}"
if [[ -n ${SOFTTARGETS_NODE_PORTS:-} ]]; then
  IFS=', ' read -r -a ports <<<"$SOFTTARGETS_NODE_PORTS"
else
  ports=()
  for ((i = 1; i <= nodes; i++)); do ports+=("$((proxy_port + i))"); done
fi
[[ ${#ports[@]} -ge 1 ]] || { echo "At least one node is needed." >&2; exit 2; }
url="http://127.0.0.1:$proxy_port"

# --- nginx ------------------------------------------------------------------------------------------

if ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "nginx is needed: install it with 'sudo apt-get install -y nginx' and run this again." >&2
    exit 1
  fi
  echo "Installing nginx..."
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

# --- the app, its database and key ------------------------------------------------------------------

export ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1
if [[ -z ${ConnectionStrings__SoftTargets:-} ]]; then
  pg_find_bin || { echo "Set ConnectionStrings__SoftTargets or install PostgreSQL (apt-get install -y postgresql)." >&2; exit 1; }
  pg_local_running || touch "$dir/local-cluster"
  pg_local_start >/dev/null
  export ConnectionStrings__SoftTargets="$PG_LOCAL_CONN"
fi
if [[ -z ${DataProtection__Key:-} && -z ${DataProtection__CertificatePath:-} ]]; then
  # The same key as scripts/run.sh --production: every node must have it to read the keys in the database.
  key_file=.data/dataprotection.key
  if [[ ! -s $key_file ]]; then
    mkdir -p .data
    (umask 077 && head -c 32 /dev/urandom | base64 >"$key_file")
  fi
  DataProtection__Key="$(cat "$key_file")"
  export DataProtection__Key
fi

if [[ -n ${SOFTTARGETS_APP:-} ]]; then
  app_dir="$(cd "$SOFTTARGETS_APP" && pwd -P)"
else
  echo "Publishing..."
  dotnet publish src/SoftTargets.Web -c Release -o .data/publish -nologo -v q
  app_dir="$root/.data/publish"
fi
[[ -f $app_dir/SoftTargets.Web.dll ]] || { echo "No SoftTargets.Web.dll in $app_dir." >&2; exit 1; }
# The content root is the working directory: a published app's own folder; for a build output, the project's.
content_root="$app_dir"
[[ -f $app_dir/SoftTargets.Web.staticwebassets.runtime.json ]] && content_root="$root/src/SoftTargets.Web"
app() { (cd "$content_root" && exec dotnet "$app_dir/SoftTargets.Web.dll" "$@"); }

echo "Migrating and seeding the demo data (when the database is empty)..."
app migrate >"$dir/migrate.log" 2>&1 || { tail -n 30 "$dir/migrate.log" >&2; exit 1; }
# Seeding writes rows only (no data-protection key): the nodes start meanwhile and are not asked anything before it ends.
app seed-demo >"$dir/seed.log" 2>&1 &
seed_pid=$!

# --- the nodes ----------------------------------------------------------------------------------------

: >"$state"
for i in "${!ports[@]}"; do
  number=$((i + 1)) port="${ports[$i]}"
  # Detached from this script's terminal and output, so that `start` can return while they serve.
  (cd "$content_root" && exec nohup dotnet "$app_dir/SoftTargets.Web.dll" --urls "http://127.0.0.1:$port" \
    >"$dir/node-$number.log" 2>&1 </dev/null) &
  echo "$number $port $!" >>"$state"
done

failed() { echo "$1" >&2; stop_all >/dev/null 2>&1 || true; exit 1; }
deadline=$((SECONDS + 180)) # a busy machine starts a node in seconds, an overloaded one in minutes
while read -r number port pid; do
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    running "$pid" || failed "Node $number did not start; see $dir/node-$number.log"
    [[ $SECONDS -lt $deadline ]] || failed "Node $number did not answer within 3 minutes; see $dir/node-$number.log"
    sleep 0.1
  done
done <"$state"
wait "$seed_pid" || failed "Seeding the demo data failed; see $dir/seed.log"

# The first node makes the data-protection key (on its first sign-in form) before the others are asked for one,
# so that no two nodes make a key of their own at the same moment.
curl -fs -o /dev/null "http://127.0.0.1:${ports[0]}/account/login" || true

# --- nginx in front -------------------------------------------------------------------------------------

mkdir -p "$dir/nginx-temp"
{
  # Workers of an nginx started as root would otherwise run as nobody, who cannot write the temp folder here.
  [[ $(id -u) -eq 0 ]] && echo "user root;"
  cat <<EOF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log $dir/nginx-access.log;
  client_body_temp_path $dir/nginx-temp/body;
  proxy_temp_path $dir/nginx-temp/proxy;
  fastcgi_temp_path $dir/nginx-temp/fastcgi;
  uwsgi_temp_path $dir/nginx-temp/uwsgi;
  scgi_temp_path $dir/nginx-temp/scgi;
  # The largest body the app takes: an evidence file (10 MB); the imports take 5 MB.
  client_max_body_size 12m;

  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
  # Sticky sessions: the node follows the SoftTargetsNode cookie; a browser without one gets a random value,
  # which the answer sets as its cookie, so the next requests and the circuit's WebSocket go to the same node.
  map \$cookie_SoftTargetsNode \$softtargets_node { '' \$request_id; default \$cookie_SoftTargetsNode; }
  map \$cookie_SoftTargetsNode \$softtargets_node_cookie { '' "SoftTargetsNode=\$request_id; Path=/; HttpOnly; SameSite=Lax"; default ''; }

  upstream softtargets {
    hash \$softtargets_node consistent;
$(for port in "${ports[@]}"; do echo "    server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"; done)
    keepalive 16;
  }

  server {
    listen 127.0.0.1:$proxy_port;
    location / {
      proxy_pass http://softtargets;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Host \$http_host;
      # Set, not appended: the app believes these from loopback (ReverseProxy__KnownProxies for other addresses).
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # A circuit's WebSocket stays open for as long as the page does.
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
      proxy_connect_timeout 2s;
      # Streamed rendering reaches the browser as the app writes it.
      proxy_buffering off;
      # A node that refuses connections is skipped; a request it already received is never sent twice.
      proxy_next_upstream error timeout;
      add_header Set-Cookie \$softtargets_node_cookie always;
      add_header X-SoftTargets-Node \$upstream_addr always;
    }
  }
}
EOF
} >"$dir/nginx.conf"
"$nginx_bin" -t -q -p "$dir" -e "$dir/nginx-error.log" -c "$dir/nginx.conf" || failed "The generated $dir/nginx.conf is refused."
"$nginx_bin" -p "$dir" -e "$dir/nginx-error.log" -c "$dir/nginx.conf" </dev/null >/dev/null 2>&1 ||
  failed "nginx did not start; see $dir/nginx-error.log"
for _ in $(seq 1 100); do curl -fs "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$url/health/ready" >/dev/null 2>&1 || failed "nginx does not answer on $url; see $dir/nginx-error.log"

echo
echo "SoftTargets on ${#ports[@]} nodes behind nginx: $url"
while read -r number port _; do echo "  node $number: http://127.0.0.1:$port (log: $dir/node-$number.log)"; done <"$state"
echo "Demo accounts: see \"Demo accounts\" in README.md. scripts/nodes.sh stop K stops node K; scripts/nodes.sh stop stops all."

if [[ $verb == run ]]; then
  trap 'echo; stop_all; exit 0' INT TERM HUP
  echo "Ctrl-C stops them all."
  while true; do sleep 1; done
fi
