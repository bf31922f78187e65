#!/usr/bin/env bash
# Runs the benchmarks in bench/ (Release). Each reports its time and its ratio to a baseline measured
# in the same run; absolute times on shared machines are noisy.
#   scripts/bench.sh                                   every benchmark (the database one at 100,000 sites)
#   scripts/bench.sh --filter '*Impact*'               in-memory benchmarks only (BenchmarkDotNet arguments)
#   scripts/bench.sh bulk-regeneration --sites 20000   plan regeneration only, at another scale
#   scripts/bench.sh dashboards --sites 100000         the national dashboard only (figures and page render times)
#   scripts/bench.sh readiness --sites 100000          the drill figures only (editors' step feedback, drill coverage)
#   scripts/bench.sh circuits --circuits 500           Blazor circuits in headless Chromium: memory per idle circuit,
#                                                      p50/p95 interaction latency against 1 circuit (--minutes 8 bounds it)
#   scripts/bench.sh api --sites 100000                HTTP load (wrk, 50 connections, loopback) on the site list and detail API, a plan
#                                                      page and the dashboard: requests/s, p50/p99 against /health/live (--seconds 10 each)
# The database benchmarks use the PostgreSQL server in SOFTTARGETS_BENCH_DB, else a throwaway local
# cluster started here (scripts/db.sh). At 100,000 sites each writes about 9 GB and takes a while; the
# dashboard benchmark keeps its database on a server of your own (SOFTTARGETS_BENCH_DB) between runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
source scripts/db.sh

dotnet build -c Release bench/SoftTargets.Benchmarks -v q -nologo
dotnet build -c Release src/SoftTargets.Web -v q -nologo
run() { dotnet run -c Release --no-build --project bench/SoftTargets.Benchmarks -- "$@"; }

with_database() {
  if [[ -z ${SOFTTARGETS_BENCH_DB:-} ]]; then
    trap 'pg_throwaway_stop || true' EXIT
    pg_throwaway_start >/dev/null
    export SOFTTARGETS_BENCH_DB="$PG_THROWAWAY_CONN"
  fi
  run "$@"
}

# The API benchmark's load comes from wrk.
if [[ ${1:-} == api || $# -eq 0 ]] && ! command -v wrk >/dev/null 2>&1; then
  if [[ $(id -u) -ne 0 ]]; then echo "The API benchmark needs wrk: install it with 'sudo apt-get install -y wrk'." >&2; exit 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }
fi

if [[ ${1:-} == bulk-regeneration || ${1:-} == dashboards || ${1:-} == readiness || ${1:-} == circuits || ${1:-} == api ]]; then
  with_database "$@"
elif [[ $# -gt 0 ]]; then
  run "$@"
else
  run --filter '*'
  with_database bulk-regeneration --sites 100000
  with_database dashboards --sites 100000
  with_database readiness --sites 100000
  with_database api --sites 100000
fi
