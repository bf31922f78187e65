#!/usr/bin/env bash
# Runs the benchmarks in bench/ (BenchmarkDotNet, Release). Each benchmark reports its time and
# its ratio to a baseline measured in the same run; absolute times on shared machines are noisy.
# Extra arguments go to BenchmarkDotNet, e.g. scripts/bench.sh --filter '*Impact*'.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
args=("$@")
[[ ${#args[@]} -eq 0 ]] && args=(--filter '*')
dotnet run -c Release --project bench/SoftTargets.Benchmarks -- "${args[@]}"
