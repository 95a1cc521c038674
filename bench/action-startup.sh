#!/usr/bin/env bash
# The action against a JavaScript action doing the same job, side by side in one run: RUNS (10) alternating runs of
# each, every run a new process from start to the comment written and the outputs set, against the same emulator link
# and a fresh fake GitHub whose pull requests each start with 35 earlier comments.
#   action: the published program (artifacts/action/Klinky.Action, the same build the image carries)
#   peer:   bench/js-peer/report.mjs on node with @octokit/rest (pinned in its package.json and package-lock.json):
#           link by slug, stats, the report comment found by its marker over every page, written, outputs
# Prints both medians and the ratio (target: at most 1.00), and where each program's time goes, from the arrival of
# its requests at the fake (which passes /api/v1 on to the emulator, so both APIs are timed in one place): the runtime's
# start (to its first request), when its first Klinky and first GitHub calls arrive, its last read to the comment's
# write (rendering the report), and the write to the process's exit (outputs).
# Needs ./build.sh first (artifacts/action, artifacts/emulator), python3, node and npm (npm ci the first time).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
action="${KLINKY_ACTION:-$root/artifacts/action/Klinky.Action}"
emulator_dll="${KLINKY_EMULATOR_DLL:-$root/artifacts/emulator/Klinky.Emulator.dll}"
peer="$root/bench/js-peer"
runs="${RUNS:-10}"
for f in "$action" "$emulator_dll"; do
  [ -f "$f" ] || { echo "missing $f: run ./build.sh first" >&2; exit 1; }
done
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
[ -d "$peer/node_modules/@octokit/rest" ] || (cd "$peer" && npm ci --no-audit --no-fund --silent)

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
KLINKY_UPSTREAM="$klinky" python3 "$root/bench/fake-github.py" >"$work/github.log" 2>&1 &
pids+=($!)
github="$(wait_for_line "$work/github.log" 'http://127\.0\.0\.1:[0-9]*')"

curl -fsS -o /dev/null -X POST "$klinky/api/v1/public/links" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
  -d '{"name":"Checkout","slug":"bench-checkout","enable_conversion_tracking":true,"variants":[{"label":"control","destination_url":"https://example.com/a","weight":50},{"label":"variant_b","destination_url":"https://example.com/b","weight":50}]}'
dotnet "$emulator_dll" simulate --base-url "$klinky" --api-key "$key" --slug bench-checkout --visitors 400 \
  --conversion control=0.05,variant_b=0.08 --seed 11 >/dev/null

cp "$root/tests/fixtures/github-events/pull_request.synchronize.json" "$work/event.json"

now_ns() { date +%s%N; }

# One run of a program as the runner would start it (a clean environment, INPUT_* variables); prints its wall time,
# then in ms: start -> first request, start -> first Klinky request, start -> first GitHub request, last read -> write,
# write -> exit.
run_one() { # pr-number command...
  local pr="$1"; shift
  : >"$work/output"; : >"$work/summary"
  curl -fsS -o /dev/null "$github/__timings"
  local start end
  start=$(now_ns)
  env -i PATH="$PATH" HOME="$HOME" DOTNET_NOLOGO=1 GITHUB_ACTIONS=true CI=true \
    GITHUB_REPOSITORY=Codertocat/Hello-World GITHUB_EVENT_NAME=pull_request GITHUB_EVENT_PATH="$work/event.json" \
    GITHUB_OUTPUT="$work/output" GITHUB_STEP_SUMMARY="$work/summary" GITHUB_WORKSPACE="$work" \
    GITHUB_API_URL="$github" GITHUB_SERVER_URL=https://github.com GITHUB_RUN_ID=1 \
    "INPUT_API-KEY=$key" "INPUT_BASE-URL=$github/api/v1" "INPUT_GITHUB-TOKEN=ghs_bench" \
    INPUT_LINKS=bench-checkout "INPUT_PR-NUMBER=$pr" "$@" >"$work/run.log" 2>&1 || { cat "$work/run.log" >&2; return 1; }
  end=$(now_ns)
  grep -q '^comment-id<<' "$work/output" || { echo "no comment written by $*" >&2; cat "$work/run.log" >&2; return 1; }
  curl -fsS "$github/__timings" | python3 -c '
import json, sys
start, end = int(sys.argv[1]), int(sys.argv[2])
t = json.load(sys.stdin)
klinky = next(n for n, m, p in t if p.startswith("/api/v1/"))
github = next(n for n, m, p in t if not p.startswith("/api/v1/"))
write = [n for n, m, p in t if m in ("POST", "PATCH") and "/comments" in p][-1]
last_read = max(n for n, m, p in t if n < write)
ms = lambda a, b: (b - a) // 1000000
print(ms(start, end), ms(start, min(klinky, github)), ms(start, klinky), ms(start, github), ms(last_read, write), ms(write, end))' "$start" "$end"
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

action_cmd=("$action"); [[ "$action" == *.dll ]] && action_cmd=(dotnet "$action")
peer_cmd=(node "$peer/report.mjs")

# One warm-up of each, so both see the same warm disk cache; then alternating runs, each on a pull request of its own.
run_one 1 "${action_cmd[@]}" >/dev/null
run_one 2 "${peer_cmd[@]}" >/dev/null
: >"$work/action.txt"; : >"$work/peer.txt"
for i in $(seq 1 "$runs"); do
  run_one $((100 + i)) "${action_cmd[@]}" >>"$work/action.txt"
  run_one $((200 + i)) "${peer_cmd[@]}" >>"$work/peer.txt"
done

column_median() { cut -d' ' -f"$2" "$1" | median; }
action_median=$(column_median "$work/action.txt" 1)
peer_median=$(column_median "$work/peer.txt" 1)
ratio=$(awk -v a="$action_median" -v b="$peer_median" 'BEGIN { printf "%.2f", a / b }')
size=$(du -b "$action" | cut -f1)

echo "action vs a JavaScript action doing the same job ($runs alternating runs each, medians)"
echo "  action (${action_cmd[*]##*/})   ${action_median} ms   (runs: $(cut -d' ' -f1 "$work/action.txt" | tr '\n' ' '))"
echo "  peer (node + @octokit/rest)      ${peer_median} ms   (runs: $(cut -d' ' -f1 "$work/peer.txt" | tr '\n' ' '))"
echo "  ratio                            ${ratio} (target at most 1.00)"
printf '  %-33s %8s %8s\n' "where the time goes (median ms)" action peer
for phase in "2:runtime start (to 1st request)" "3:first Klinky call (from start)" "4:first GitHub call (from start)" "5:last read -> write (render)" "6:write -> exit (outputs)"; do
  printf '  %-33s %8s %8s\n' "${phase#*:}" "$(column_median "$work/action.txt" "${phase%%:*}")" "$(column_median "$work/peer.txt" "${phase%%:*}")"
done
echo "  the program's size               $(awk -v s="$size" 'BEGIN { printf "%.1f MiB", s / 1048576 }') ($action)"
awk -v r="$ratio" 'BEGIN { exit (r <= 1.0) ? 0 : 1 }' || { echo "over target: the action is slower than the JavaScript peer" >&2; exit 1; }
