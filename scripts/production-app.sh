# Sourced by scripts that examine the app as deployed (wapiti.sh, lighthouse.sh):
#   start_production_app PORT WORK_FOLDER
# starts scripts/run.sh --production on 127.0.0.1:PORT with the demo data, on a throwaway PostgreSQL cluster
# unless ConnectionStrings__SoftTargets is set, waits until it is ready and sets $url; both are stopped when
# the sourcing script exits. The app's log is WORK_FOLDER/app.log.

app_pid="" db_folder=""
stop_production_app() {
  if [[ -n $app_pid ]]; then kill -TERM "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [[ -n $db_folder ]]; then bash scripts/db.sh throwaway-stop "$db_folder" >/dev/null 2>&1 || true; fi
}

start_production_app() { # PORT WORK_FOLDER
  local port="$1" work="$2"
  url="http://127.0.0.1:$port"
  trap stop_production_app EXIT
  if [[ -z ${ConnectionStrings__SoftTargets:-} ]]; then
    ConnectionStrings__SoftTargets="$(bash scripts/db.sh throwaway-start 2>"$work/db.txt")"
    export ConnectionStrings__SoftTargets
    db_folder="$(grep -o 'throwaway-stop .*' "$work/db.txt" | cut -d' ' -f2)"
  fi
  echo "Starting the app in Production mode on $url (log: $work/app.log)..."
  # The demo staff have no authenticator: the examined demo app does not ask them for a second factor.
  Accounts__RequireTwoFactorForStaff="${Accounts__RequireTwoFactorForStaff:-false}" \
      SOFTTARGETS_PORT="$port" bash scripts/run.sh --production >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 300); do
    curl -fs "$url/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 1
  done
  echo "The app did not start; see $work/app.log" >&2
  exit 1
}
