#!/usr/bin/env bash
# Lighthouse performance scores (mobile preset) of the login page, a venue manager's home and plan and the
# auditors' dashboard, with the app as deployed: Production mode, published (scripts/run.sh --production).
# Prints each page's median score of three runs and fails when one is below 90.
#
#   scripts/lighthouse.sh                          # starts the app on loopback on a throwaway database with
#                                                  # the demo data, measures, stops both
#   scripts/lighthouse.sh http://127.0.0.1:5080    # measures an app that is already running with the demo data
#
# Environment: SOFTTARGETS_LIGHTHOUSE_PAGES (some of login,home,plan,dashboard; default all),
# SOFTTARGETS_LIGHTHOUSE_RUNS (runs per page, default 3), SOFTTARGETS_LIGHTHOUSE_MIN (default 90),
# SOFTTARGETS_LIGHTHOUSE_PORT (port of the app it starts, default 5098). Needs Node.js 20 and npm (Debian's
# nodejs and npm packages) and Chromium; the reports are kept in .data/lighthouse/.
# Scores depend on the machine: measure with nothing else busy (Lighthouse slows the CPU four times on top).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/db.sh
source scripts/production-app.sh

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

if [[ $# -ge 1 ]]; then
  url="${1%/}"
else
  start_production_app "${SOFTTARGETS_LIGHTHOUSE_PORT:-5098}" "$work"
fi

echo "Measuring $url (mobile preset, ${SOFTTARGETS_LIGHTHOUSE_RUNS:-3} runs a page)..."
CHROME_PATH="$(command -v chromium)" node scripts/lighthouse/lighthouse.mjs "$url" \
  --runs "${SOFTTARGETS_LIGHTHOUSE_RUNS:-3}" --pages "${SOFTTARGETS_LIGHTHOUSE_PAGES:-login,home,plan,dashboard}" --min "${SOFTTARGETS_LIGHTHOUSE_MIN:-90}" --report-dir "$work"
