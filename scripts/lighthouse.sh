#!/usr/bin/env bash
# Lighthouse performance scores (mobile preset) of the login page, a venue manager's home and plan and the
# auditors' dashboard, with the app as deployed: Production mode, published (scripts/run.sh --production).
# Prints each page's median score of three runs and fails when one is below 90.
#
#   scripts/lighthouse.sh                          # starts the app on loopback on a throwaway database with
#                                                  # the demo data, measures, stops both
#   scripts/lighthouse.sh http://127.0.0.1:5080    # measures an app that is already running with the demo data
#
# Environment: SOFTTARGETS_LIGHTHOUSE_RUNS (runs per page, default 3), SOFTTARGETS_LIGHTHOUSE_MIN (default 90),
# SOFTTARGETS_LIGHTHOUSE_PORT (port of the app it starts, default 5098). Needs Node.js 20 and npm (Debian's
# nodejs and npm packages) and Chromium; the reports are kept in .data/lighthouse/.
# Scores depend on the machine: measure with nothing else busy (Lighthouse slows the CPU four times on top).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/db.sh

work=.data/lighthouse
mkdir -p "$work"

for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "Installing Node.js and npm (Debian packages)..."; apt-get install -y nodejs npm >/dev/null; break; }
done
command -v chromium >/dev/null 2>&1 || { echo "Installing Chromium (Debian package)..."; apt-get install -y chromium >/dev/null; }
if [[ ! -d scripts/lighthouse/node_modules ]]; then
  echo "Installing Lighthouse (npm ci in scripts/lighthouse)..."
  (cd scripts/lighthouse && npm ci --no-audit --no-fund >/dev/null)
fi

app_pid="" db_folder=""
cleanup() {
  if [[ -n $app_pid ]]; then kill -TERM "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [[ -n $db_folder ]]; then bash scripts/db.sh throwaway-stop "$db_folder" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if [[ $# -ge 1 ]]; then
  url="${1%/}"
else
  port="${SOFTTARGETS_LIGHTHOUSE_PORT:-5098}"
  url="http://127.0.0.1:$port"
  if [[ -z ${ConnectionStrings__SoftTargets:-} ]]; then
    ConnectionStrings__SoftTargets="$(bash scripts/db.sh throwaway-start 2>"$work/db.txt")"
    export ConnectionStrings__SoftTargets
    db_folder="$(grep -o 'throwaway-stop .*' "$work/db.txt" | cut -d' ' -f2)"
  fi
  echo "Starting the app in Production mode on $url (log: $work/app.log)..."
  SOFTTARGETS_PORT="$port" bash scripts/run.sh --production >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 300); do
    curl -fs "$url/health/ready" >/dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { echo "The app did not start; see $work/app.log" >&2; exit 1; }
    sleep 1
  done
fi

echo "Measuring $url (mobile preset, ${SOFTTARGETS_LIGHTHOUSE_RUNS:-3} runs a page)..."
CHROME_PATH="$(command -v chromium)" node scripts/lighthouse/lighthouse.mjs "$url" \
  --runs "${SOFTTARGETS_LIGHTHOUSE_RUNS:-3}" --min "${SOFTTARGETS_LIGHTHOUSE_MIN:-90}" --report-dir "$work"
