#!/usr/bin/env bash
# The organisation simulation: a compressed hour on the emulator's test-only window, seeded pushes running the
# real build task and the real action process on one shared key and bench/fake-github.py, at 1x, 3x and 10x the load
# the budget carries. Prints a Markdown table (docs/team-scale.md has the last one) and exits 1 when a target is missed.
# Arguments go to the simulation: --seed N --repos N --window SECONDS --budget N --windows N --loads 1,3,10 --fresh-machines true
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -x "$root/artifacts/action/Klinky.Action" ] || [ ! -f "$root/artifacts/emulator/Klinky.Emulator.dll" ]; then
  echo "run ./build.sh first (the simulation runs the published action and emulator)"
  exit 1
fi
exec dotnet "$root/bench/Klinky.OrgSimulation/bin/Release/net10.0/Klinky.OrgSimulation.dll" "$@"
