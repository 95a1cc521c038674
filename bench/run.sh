#!/usr/bin/env bash
# ./build.sh bench: every benchmark under bench/, each printing its figures side by side with its baseline
# (ratios, not absolute times: these machines are shared and noisy). Installs what it needs (wrk, nginx-light,
# python3 from Debian's packages). A benchmark that misses its target says so; the run goes on to the next.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
status=0
run() {
  printf '\n\033[1m=== %s\033[0m\n' "$1"
  shift
  "$@" || { echo "(exit $?: target missed or benchmark failed)"; status=1; }
}

if ! command -v python3 >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3 >/dev/null
fi

run "Klinky.Core: a call vs a bare HttpClient (target: median at most +10%); the stats object of 5 x 1,000,000 clicks" \
  dotnet "$root/bench/Klinky.Core.Benchmarks/bin/Release/net10.0/Klinky.Core.Benchmarks.dll"
run "Statistics: always-valid verdict vs the old fixed-horizon rule, seeded simulations" \
  dotnet "$root/bench/Klinky.Stats.Calibration/bin/Release/net10.0/Klinky.Stats.Calibration.dll"
run "Emulator: redirects vs nginx, stats on 1,000,000 clicks (target: 10,000/s, p99 under 10 ms, 40% of nginx; stats under 100 ms)" bash "$here/redirects.sh"
run "PowerShell: Import-Module + first Get-KlinkyLink vs bare pwsh (target: at most +400 ms)" \
  dotnet pwsh -NoProfile -NonInteractive -File "$here/powershell-import.ps1"
run "Klinky.Build: no-op incremental build with vs without the package (target: at most 1.05x, 0 requests)" bash "$here/msbuild-noop.sh" 10
run "Action vs a JavaScript action doing the same job: process start to comment written (target: ratio at most 1.00)" bash "$here/action-startup.sh"
run "Action image: size vs its chiseled runtime-deps base and the SDK (target: at most 60 MB)" bash "$here/image-size.sh"
run "Organisation simulation: a compressed hour, 1x/3x/10x the load the budget carries (targets at 3x: 0 failed jobs, 0 starved builds, 0 429s, figures no older than a window plus refresh-after)" \
  bash "$here/org-simulation.sh"
exit $status
