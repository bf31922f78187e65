#!/usr/bin/env bash
# Scans SoftTargets with wapiti (Debian's package) as a signed-in demo user and fails on any finding of
# medium severity or above.
#
#   scripts/wapiti.sh                          # starts the app in Production mode on loopback (scripts/run.sh
#                                              # --production) on a throwaway database, scans it, stops both
#   scripts/wapiti.sh http://127.0.0.1:5080    # scans an app that is already running, with the demo data
#
# Environment: SOFTTARGETS_WAPITI_USER (default manager@arenaplus.example), SOFTTARGETS_WAPITI_TIME
# (scan time in seconds, default 240), SOFTTARGETS_WAPITI_PORT (port of the app it starts, default 5099).
# The scan sends attack payloads through every form and API it finds: never point it at real data.
# The report is kept in .data/wapiti/report.json.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/db.sh
source scripts/production-app.sh

user="${SOFTTARGETS_WAPITI_USER:-manager@arenaplus.example}"
password="SoftTargets-Demo-2026"
scan_time="${SOFTTARGETS_WAPITI_TIME:-240}"
work=.data/wapiti
mkdir -p "$work"

if ! command -v wapiti >/dev/null 2>&1; then
  echo "Installing wapiti (Debian package)..."
  apt-get install -y wapiti >/dev/null
fi

if [[ $# -ge 1 ]]; then
  url="${1%/}"
else
  start_production_app "${SOFTTARGETS_WAPITI_PORT:-5099}" "$work"
fi

echo "Signing in as $user..."
jar="$work/curl-cookies.txt"
rm -f "$jar"
token=$(curl -fs -c "$jar" -b "$jar" "$url/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
  --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Input.Email=$user" --data-urlencode "Input.Password=$password" "$url/account/login")
if [[ $status != 302 ]] || ! grep -q 'SoftTargets.Auth' "$jar"; then
  echo "Signing in as $user failed (HTTP $status): is the demo data there?" >&2
  exit 1
fi

# wapiti's cookie file: {domain: {path: {name: attributes}}}, from curl's Netscape cookie jar.
python3 - "$jar" "$work/cookies.json" <<'PY'
import json, sys
cookies = {}
for line in open(sys.argv[1]):
    if line.startswith("#HttpOnly_"): line = line[len("#HttpOnly_"):]
    elif line.startswith("#") or not line.strip(): continue
    domain, _, path, secure, _, name, value = line.rstrip("\n").split("\t")
    cookies.setdefault(domain.lstrip("."), {}).setdefault(path, {})[name] = {
        "value": value, "version": 0, "secure": secure == "TRUE", "expires": None, "port": None}
json.dump(cookies, open(sys.argv[2], "w"), indent=2)
PY

# Debian's wapiti 3.0.4 builds its exclusion patterns with a regular expression Python 3.11 refuses
# (global flags at the end): run it with that one function mended.
run_wapiti() {
  "$(head -1 "$(command -v wapiti)" | sed "s/^#! *//")" - "$@" <<'PY'
import re, sys
import wapitiCore.net.crawler as crawler
crawler.wildcard_translate = lambda pattern: re.compile("(?ms)" + ".*".join(re.escape(part) for part in pattern.split("*")) + r"\Z")
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
PY
}

# Blazor links many pages only once the circuit runs: start the crawl from the signed-in user's sites
# and their pages, and the API's readable addresses, too.
starts=()
for id in $(curl -fs -b "$jar" "$url/api/sites" | grep -o '"id":"[0-9a-f-]*"' | cut -d'"' -f4); do
  for page in "" /plan /plan/print /threats /self-assessment /edit; do starts+=(-s "$url/sites/$id$page"); done
  starts+=(-s "$url/api/sites/$id")
done
for page in /sites /findings /account/tokens /api/sites /api/openapi/v1.json; do starts+=(-s "$url$page"); done

# Only the modules that stay on this machine: no ssrf or xxe (they ask an outside endpoint), no bug
# reports, and every endpoint pointed at the app itself.
modules=blindsql,cookieflags,csp,exec,file,http_headers,permanentxss,redirect,sql,xss,crlf,csrf
echo "Scanning $url for at most $scan_time s..."
run_wapiti -u "$url/" --scope folder -c "$work/cookies.json" "${starts[@]}" -m "$modules" \
  --endpoint "$url/" --no-bugreport \
  -x "$url/account/logout" -x "$url/account/login" \
  --max-scan-time "$scan_time" --max-attack-time "$((scan_time / 4))" \
  --flush-session --store-session "$work/session" \
  -f json -o "$work/report.json" >"$work/wapiti.log" 2>&1 || { tail -20 "$work/wapiti.log" >&2; exit 1; }

# Levels: 1 low, 2 medium, 3 high. Anomalies (such as a 500) count like vulnerabilities.
python3 - "$work/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
names = {1: "low", 2: "medium", 3: "high"}
serious = 0
for section in ("vulnerabilities", "anomalies"):
    for category, findings in report.get(section, {}).items():
        for f in findings:
            level = int(f.get("level") or 0)
            serious += level >= 2
            print(f"{names.get(level, level):>6}  {category}: {f.get('method')} {f.get('path')} {f.get('parameter') or ''} {f.get('info', '')}".rstrip())
print(f"wapiti: {serious} finding(s) of medium severity or above (report: {sys.argv[1]})")
sys.exit(1 if serious else 0)
PY
