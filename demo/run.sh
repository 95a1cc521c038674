#!/usr/bin/env bash
# ./build.sh demo: one flow through the house (docs under docs/), all against a local Klinky emulator.
#   1. start klinky-emulator (scale plan; each step prints how many API requests it spent)
#   2. dotnet publish of a sample web project with Klinky.Build creates the PR's preview link, checkout-pr42
#   3. klinky-emulator simulate plays 2,000 visitors through /checkout-pr42, with conversions
#   4. PowerShell: the Klinky module connects, creates, lists, reports and removes links
#   5. the GitHub Action's program, outside GitHub, prints the pull request report for the build's manifest
#   6. the emulator's dashboard: its URL, and the emulator kept running while you look (in a terminal)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="$root/artifacts"
work="$(mktemp -d)"
key="klinky_live_demo$(od -An -N14 -tx1 /dev/urandom | tr -d ' \n')"
emulator_pid=""
cleanup() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

section() { printf '\n\033[1m=== %s\033[0m\n' "$*"; }

section "1. Klinky emulator (scale plan: 1,000 requests/hour; every step below says what it spent)"
# The key travels in KLINKY_API_KEY, not on the command line, where every user's `ps` would show it.
export KLINKY_API_KEY="$key"
dotnet "$artifacts/emulator/Klinky.Emulator.dll" --urls http://127.0.0.1:0 --plan scale \
  --db "$work/klinky.db" > "$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 150); do grep -q "^Plan:" "$work/emulator.log" && break; sleep 0.1; done
root_url="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/emulator.log" | head -n1)"
[ -n "$root_url" ] || { cat "$work/emulator.log"; exit 1; }
head -n4 "$work/emulator.log"
export KLINKY_BASE_URL="$root_url/api/v1"

# GET /public/keys/rate-limit does not count against the budget, so asking it is free.
remaining() { curl -fsS "$KLINKY_BASE_URL/public/keys/rate-limit" -H "X-API-Key: $key" | sed 's/.*"remaining":\([0-9]*\).*/\1/'; }
last=$(remaining)
spent() { local now; now=$(remaining); echo "-> API requests spent: $((last - now))"; last=$now; }

section "2. dotnet publish with Klinky.Build: the PR's preview link"
KLINKY_MANIFEST_OUT="$work/klinky-links.json" bash "$root/demo/msbuild/create-preview-link.sh" "$KLINKY_BASE_URL" 42
spent
echo "(publishing again from a clean checkout, as a fresh CI machine would: one lookup, nothing written)"
KLINKY_MANIFEST_OUT="$work/klinky-links.json" bash "$root/demo/msbuild/create-preview-link.sh" "$KLINKY_BASE_URL" 42 | grep "Klinky:" || true
spent

section "3. 2,000 visitors through $root_url/checkout-pr42"
dotnet "$artifacts/emulator/Klinky.Emulator.dll" simulate --base-url "$root_url" \
  --slug checkout-pr42 --visitors 2000 --conversion control=0.05,preview=0.08 --seed 42
spent
echo "(redirects are free; each conversion is one POST /public/conversions)"

section "4. PowerShell: the Klinky module"
dotnet pwsh -NoProfile -NonInteractive -File "$root/demo/powershell.ps1" -BaseUrl "$KLINKY_BASE_URL" -ApiKey "$key"
spent

section "5. The GitHub Action, outside GitHub: the pull request report for the build's manifest"
env "INPUT_API-KEY=$key" "INPUT_BASE-URL=$KLINKY_BASE_URL" "INPUT_MANIFEST=$work/klinky-links.json" \
  "INPUT_CHART=both" "INPUT_COMMENT-KEY=default" GITHUB_WORKSPACE="$work" \
  "$artifacts/action/Klinky.Action" --dry-run
spent

section "6. The emulator's dashboard: the preview link, its verdict and its live clicks"
echo "Dashboard: $root_url/_klinky/links/checkout-pr42"
echo "(every link: $root_url/_klinky/ ; budget and API requests: $root_url/_klinky/budget ; loopback only, no key needed)"
if [ -t 0 ] && [ -t 1 ]; then
  echo "The emulator keeps running while you look. Press Enter to stop it and end the demo."
  read -r _ || true
else
  echo "(not a terminal: the emulator stops with the demo; run ./build.sh demo in a terminal to keep it open while you look)"
fi
