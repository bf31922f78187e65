#!/usr/bin/env bash
# Builds SoftTargets and runs every test project; extra arguments go to each `dotnet test`
# (e.g. scripts/test.sh --filter "FullyQualifiedName~Calendar").
#
# Integration and E2E tests use SOFTTARGETS_TEST_DB when set, else Testcontainers if a Docker
# engine answers, else a throwaway local PostgreSQL cluster started here (scripts/db.sh).
# The last line of output is always "N passed, N failed".
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/db.sh

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"

projects=(
  tests/SoftTargets.UnitTests/SoftTargets.UnitTests.csproj
  tests/SoftTargets.IntegrationTests/SoftTargets.IntegrationTests.csproj
  tests/SoftTargets.E2ETests/SoftTargets.E2ETests.csproj
)

results="$(mktemp -d "${TMPDIR:-/tmp}/softtargets-tests.XXXXXX")"
cleanup() {
  pg_throwaway_stop || true
  rm -rf "$results"
}
trap cleanup EXIT

step() { echo; echo "==> $*"; }

# Prints the summary line and exits; used for failures before any test ran, too.
finish() { # PASSED FAILED EXIT_CODE
  cleanup # before the summary, so nothing is printed after it
  echo
  echo "$1 passed, $2 failed"
  exit "$3"
}

fail_early() {
  echo "ERROR: $*"
  finish 0 0 1
}

# --- prerequisites and build ------------------------------------------------------------------

if [[ ! -x /usr/bin/chromium ]]; then
  step "Installing chromium for the E2E tests"
  if [[ $(id -u) -ne 0 ]]; then
    fail_early "the E2E tests need /usr/bin/chromium: install it with 'sudo apt-get install -y chromium'"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update || fail_early "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium || fail_early "could not install chromium"
fi

# Chromium's headless shell (Debian builds it from the same sources) draws no browser window at all and takes about
# a third less CPU than the full browser in headless mode; the browser tests use it when it is there, else chromium.
if [[ ! -x /usr/lib/chromium/chromium-headless-shell && $(id -u) -eq 0 ]]; then
  step "Installing chromium-headless-shell for the E2E tests"
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium-headless-shell ||
    { DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium-headless-shell; } ||
    echo "chromium-headless-shell could not be installed: the browser tests use chromium (slower)."
fi

# The two-node browser test puts nginx in front of the app (scripts/nodes.sh); the package's service is not used.
if ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
  step "Installing nginx for the E2E tests"
  if [[ $(id -u) -ne 0 ]]; then
    fail_early "the E2E tests need nginx: install it with 'sudo apt-get install -y nginx'"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update || fail_early "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y nginx || fail_early "could not install nginx"
fi

# Everything, the benchmarks too (they are not run here, but a change that breaks them fails the build);
# built once, then the tests run with --no-build.
step "Building SoftTargets.sln (Release)"
dotnet build SoftTargets.sln -c Release -nologo || fail_early "the build failed"

# --- database for integration and E2E tests ---------------------------------------------------

if [[ -n ${SOFTTARGETS_TEST_DB:-} ]]; then
  step "Tests use the database in SOFTTARGETS_TEST_DB"
elif docker_available; then
  step "Tests use Testcontainers (Docker engine available)"
else
  step "Starting a throwaway PostgreSQL cluster (no Docker engine)"
  pg_find_bin || fail_early "install PostgreSQL ('apt-get install -y postgresql') or Docker, or set SOFTTARGETS_TEST_DB"
  pg_throwaway_start >/dev/null || fail_early "could not start a throwaway PostgreSQL cluster"
  export SOFTTARGETS_TEST_DB="$PG_THROWAWAY_CONN"
fi

# --- tests ------------------------------------------------------------------------------------

# Prints the value of attribute $2 of the <Counters .../> element in trx file $1 (0 if absent).
counter() {
  local value
  value="$(grep -o '<Counters [^>]*>' "$1" | head -n 1 | sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p" || true)"
  echo "${value:-0}"
}

# Prints the five slowest tests of trx file $1, to show where the suite's time goes.
slowest() {
  python3 - "$1" <<'PY' || true
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
runs = re.findall(r'<UnitTestResult [^>]*testName="([^"]*)"[^>]*duration="(\d+):(\d+):([\d.]+)"', text)
timed = sorted(((int(h) * 3600 + int(m) * 60 + float(s), name) for name, h, m, s in runs), reverse=True)[:5]
for seconds, name in timed:
    print(f"  slowest: {seconds:6.1f} s  {name.replace('&quot;', chr(34))}")
PY
}

# Runs one test project with its output in $results/NAME.log and its exit code in $results/NAME.rc.
run_project() { # PROJECT NAME NICENESS [dotnet test args...]
  local project="$1" name="$2" niceness="$3" rc=0 start=$SECONDS
  shift 3
  # A hung test fails its project after 10 minutes (naming the test) instead of stalling the run.
  nice -n "$niceness" dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" \
    --blame-hang-timeout 10m --blame-hang-dump-type none \
    --results-directory "$results" "$@" >"$results/$name.log" 2>&1 || rc=$?
  echo "$rc" >"$results/$name.rc"
  echo "$((SECONDS - start))" >"$results/$name.seconds"
}

# The integration and browser projects wait mostly on PostgreSQL, Kestrel and Chromium, so every project
# runs side by side (each on its own database); their outputs are printed in order once all have ended.
# The browser tests wait on timeouts: the other projects yield the CPU to them (nice).
names=() pids=()
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  name="${name#SoftTargets.}"
  niceness=5
  if [[ $name == E2ETests ]]; then niceness=0; fi
  names+=("$name")
  run_project "$project" "$name" "$niceness" "$@" &
  pids+=($!)
done
step "Running ${names[*]} side by side"
for pid in "${pids[@]}"; do wait "$pid" || true; done

passed=0 failed=0 executed=0 failed_projects=()

for i in "${!names[@]}"; do
  name="${names[$i]}"
  trx="$results/$name.trx"
  step "[$((i + 1))/${#names[@]}] $name"
  cat "$results/$name.log" 2>/dev/null || true
  rc="$(cat "$results/$name.rc" 2>/dev/null || echo 1)"

  if [[ ! -f $trx && $rc -eq 0 ]]; then
    echo "$name: no test results (no test matched?)"
    continue
  elif [[ ! -f $trx ]]; then
    echo "$name: no test results (exit code $rc): counted as 1 failure"
    failed=$((failed + 1))
    failed_projects+=("$name")
    continue
  fi
  p="$(counter "$trx" passed)"
  f=$(($(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted)))
  executed=$((executed + $(counter "$trx" executed)))
  if [[ $rc -ne 0 && $f -eq 0 ]]; then
    echo "$name: dotnet test failed (exit code $rc) without a failed test: counted as 1 failure"
    f=1
  fi
  slowest "$trx"
  echo "$name: $p passed, $f failed ($(cat "$results/$name.seconds" 2>/dev/null || echo "?") s)"
  passed=$((passed + p))
  failed=$((failed + f))
  if [[ $f -gt 0 ]]; then failed_projects+=("$name"); fi
done

echo
if [[ ${#failed_projects[@]} -gt 0 ]]; then
  echo "FAILED: ${failed_projects[*]}"
  finish "$passed" "$failed" 1
elif [[ $executed -eq 0 ]]; then
  echo "FAILED: no test ran"
  finish "$passed" "$failed" 1
fi
finish "$passed" "$failed" 0
