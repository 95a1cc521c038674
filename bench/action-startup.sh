#!/usr/bin/env bash
# Startup cost of the published action: median of 10 runs from process start to the PR comment written (against
# the real emulator and a local fake of GitHub), versus the median of 10 runs of the same program with --version.
# The issue's budget: the full run at most 1.5x the --version run. Also prints the published size.
# Needs ./build.sh first (artifacts/action and artifacts/emulator) and python3 for the fake GitHub.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
action_dll="$root/artifacts/action/Klinky.Action.dll"
emulator_dll="${KLINKY_EMULATOR_DLL:-$root/artifacts/emulator/Klinky.Emulator.dll}"
runs="${RUNS:-10}"
for f in "$action_dll" "$emulator_dll"; do
  [ -f "$f" ] || { echo "missing $f: run ./build.sh first" >&2; exit 1; }
done
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

wait_for_line() { # file pattern
  for _ in $(seq 1 300); do
    if grep -qo "$2" "$1" 2>/dev/null; then grep -o "$2" "$1" | head -n1; return 0; fi
    sleep 0.1
  done
  echo "timed out waiting for '$2' in $1:" >&2; cat "$1" >&2; return 1
}

key="klinky_live_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
dotnet "$emulator_dll" --urls http://127.0.0.1:0 --api-key "$key" --plan unlimited --in-memory >"$work/emulator.log" 2>&1 &
pids+=($!)
klinky="$(wait_for_line "$work/emulator.log" 'http://127\.0\.0\.1:[0-9]*')"
python3 "$root/bench/fake-github.py" >"$work/github.log" 2>&1 &
pids+=($!)
github="$(wait_for_line "$work/github.log" 'http://127\.0\.0\.1:[0-9]*')"

curl -fsS -o /dev/null -X POST "$klinky/api/v1/public/links" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
  -d '{"name":"Checkout","slug":"bench-checkout","enable_conversion_tracking":true,"variants":[{"label":"control","destination_url":"https://example.com/a","weight":50},{"label":"variant_b","destination_url":"https://example.com/b","weight":50}]}'
dotnet "$emulator_dll" simulate --base-url "$klinky" --api-key "$key" --slug bench-checkout --visitors 400 \
  --conversion control=0.05,variant_b=0.08 --seed 11 >/dev/null

cp "$root/tests/fixtures/github-events/pull_request.synchronize.json" "$work/event.json"

now_ns() { date +%s%N; }

run_action() { # pr-number
  : >"$work/output"; : >"$work/summary"
  env -i PATH="$PATH" HOME="$HOME" DOTNET_NOLOGO=1 GITHUB_ACTIONS=true CI=true \
    GITHUB_REPOSITORY=Codertocat/Hello-World GITHUB_EVENT_NAME=pull_request GITHUB_EVENT_PATH="$work/event.json" \
    GITHUB_OUTPUT="$work/output" GITHUB_STEP_SUMMARY="$work/summary" GITHUB_WORKSPACE="$work" \
    GITHUB_API_URL="$github" GITHUB_SERVER_URL=https://github.com GITHUB_RUN_ID=1 \
    "INPUT_API-KEY=$key" "INPUT_BASE-URL=$klinky/api/v1" "INPUT_GITHUB-TOKEN=ghs_bench" \
    INPUT_LINKS=bench-checkout "INPUT_PR-NUMBER=$1" \
    dotnet "$action_dll" >"$work/action.log" 2>&1 || { cat "$work/action.log" >&2; return 1; }
  grep -q '^comment-id<<' "$work/output" || { echo "no comment written" >&2; cat "$work/action.log" >&2; return 1; }
  if [ -n "${BENCH_DEBUG:-}" ]; then grep -E '^(Klinky|Report)' "$work/action.log" >&2; fi
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# One warm-up of each, so both medians see the same warm disk cache.
dotnet "$action_dll" --version >/dev/null
run_action 1

full=(); version=()
for i in $(seq 1 "$runs"); do
  start=$(now_ns); dotnet "$action_dll" --version >/dev/null; version+=($(( ($(now_ns) - start) / 1000000 )))
  start=$(now_ns); run_action $((100 + i)); full+=($(( ($(now_ns) - start) / 1000000 )))
done

full_median=$(printf '%s\n' "${full[@]}" | median)
version_median=$(printf '%s\n' "${version[@]}" | median)
ratio=$(awk -v a="$full_median" -v b="$version_median" 'BEGIN { printf "%.2f", a / b }')
size=$(du -sb "$root/artifacts/action" | cut -f1)

echo "action startup ($runs runs each)"
echo "  --version            median ${version_median} ms   (runs: ${version[*]})"
echo "  comment written      median ${full_median} ms   (runs: ${full[*]})"
echo "  ratio                ${ratio} (budget 1.50)"
echo "  published size       $(awk -v s="$size" 'BEGIN { printf "%.1f MiB", s / 1048576 }') (artifacts/action, framework-dependent)"
awk -v r="$ratio" 'BEGIN { exit (r <= 1.5) ? 0 : 1 }' || { echo "over budget" >&2; exit 1; }
