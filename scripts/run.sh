#!/usr/bin/env bash
# Starts SoftTargets from a fresh clone: database, build, migrations, demo data, web server.
#
# Database, first match wins:
#   1. ConnectionStrings__SoftTargets from the environment;
#   2. Docker: the "db" service of docker-compose.yml on localhost:5432;
#   3. the local PostgreSQL cluster in .data/postgres on port 5433 (see scripts/db.sh),
#      stopped again when this script ends; its data is kept for the next run.
#
# Mail: unless Smtp__Host is set, a local SMTP sink (tools/SoftTargets.MailSink) listens on 127.0.0.1
# port SOFTTARGETS_MAIL_PORT (default 2525) and writes every mail the app sends to .data/mail/*.eml.
#
# Environment: SOFTTARGETS_PORT (default 5080), ASPNETCORE_ENVIRONMENT (default Development).
#
#   scripts/run.sh                # Development
#   scripts/run.sh --production   # Production mode, as deployed: the published app (pre-compressed static
#                                 # files), JSON logs, error pages, encrypted keys;
#                                 # DataProtection__Key comes from the environment or from .data/dataprotection.key,
#                                 # generated on the first run and kept (git-ignored)
set -euo pipefail

production=false
for arg in "$@"; do
  case "$arg" in
    --production) production=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "Unknown option: $arg (see scripts/run.sh --help)" >&2; exit 2 ;;
  esac
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/db.sh

port="${SOFTTARGETS_PORT:-5080}"
url="http://localhost:$port"
if $production; then export ASPNETCORE_ENVIRONMENT=Production; fi
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_NOLOGO=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed: install it (e.g. the dotnet-sdk-10.0 package) and run this again." >&2
  exit 1
fi

if [[ -n ${ConnectionStrings__SoftTargets:-} ]]; then
  echo "Using the database from ConnectionStrings__SoftTargets."
elif docker_available && docker compose version >/dev/null 2>&1; then
  echo "Starting PostgreSQL in Docker (docker compose service db)..."
  docker compose up -d --wait db
  export ConnectionStrings__SoftTargets="Host=localhost;Port=5432;Username=softtargets;Password=softtargets;Database=softtargets"
elif pg_find_bin 2>/dev/null; then
  if ! pg_local_running; then
    stop_db_on_exit=pg_local_stop
    trap pg_local_stop EXIT
  fi
  pg_local_start >/dev/null
  export ConnectionStrings__SoftTargets="$PG_LOCAL_CONN"
else
  cat >&2 <<'EOF'
SoftTargets needs PostgreSQL, and neither Docker nor the PostgreSQL server binaries were found.
Install one of them, then run scripts/run.sh again:
  - PostgreSQL server (Debian/Ubuntu):  sudo apt-get install -y postgresql
  - Docker Engine with the compose plugin (then docker-compose.yml starts PostgreSQL 16)
Or point the app at an existing database:
  ConnectionStrings__SoftTargets='Host=...;Port=5432;Username=...;Password=...;Database=softtargets' scripts/run.sh
EOF
  exit 1
fi

if [[ $ASPNETCORE_ENVIRONMENT == Production && -z ${DataProtection__Key:-} && -z ${DataProtection__CertificatePath:-} ]]; then
  key_file=.data/dataprotection.key
  if [[ ! -s $key_file ]]; then
    mkdir -p .data
    (umask 077 && head -c 32 /dev/urandom | base64 > "$key_file")
    echo "Generated a data-protection key for local Production runs in $key_file."
  fi
  DataProtection__Key="$(cat "$key_file")"
  export DataProtection__Key
fi

if [[ -z ${Smtp__Host:-} ]]; then
  mail_port="${SOFTTARGETS_MAIL_PORT:-2525}"
  mkdir -p .data/mail
  dotnet build tools/SoftTargets.MailSink -c Release -nologo -v q
  dotnet tools/SoftTargets.MailSink/bin/Release/net10.0/SoftTargets.MailSink.dll --port "$mail_port" --folder .data/mail &
  sink_pid=$!
  # Stopped with this script, whichever way it ends (and the local database after it, when this script started it).
  trap "kill -TERM $sink_pid 2>/dev/null || true; ${stop_db_on_exit:-}" EXIT
  export Smtp__Host=127.0.0.1 Smtp__Port="$mail_port" Smtp__Tls=None Smtp__PublicBaseUrl="$url"
  echo "Mail goes to the local sink: read it in .data/mail/*.eml"
fi

if $production; then
  # As deployed: the published app, whose static files are served pre-compressed (Brotli, gzip).
  echo "Publishing..."
  dotnet publish src/SoftTargets.Web -c Release -o .data/publish -nologo -v q
  cd .data/publish # the app's content root is the working directory
  app=(dotnet SoftTargets.Web.dll)
else
  echo "Building..."
  dotnet build src/SoftTargets.Web -c Release -nologo -v q
  cd src/SoftTargets.Web
  app=(dotnet bin/Release/net10.0/SoftTargets.Web.dll)
fi
"${app[@]}" migrate
"${app[@]}" seed-demo

echo
echo "SoftTargets: $url  (environment $ASPNETCORE_ENVIRONMENT; Ctrl-C stops it)"
echo "Demo accounts: see \"Demo accounts\" in README.md."
echo

# The app runs in the background so that Ctrl-C or a kill of this script reaches it as SIGTERM,
# which ASP.NET Core handles as a graceful shutdown; we then wait for it to finish.
"${app[@]}" --urls "$url" &
app_pid=$!
trap 'kill -TERM "$app_pid" 2>/dev/null || true' INT TERM HUP
status=0
while kill -0 "$app_pid" 2>/dev/null; do
  status=0
  wait "$app_pid" || status=$? # returns early when a signal arrives; loop until the app exits
done
exit "$status"
