#!/usr/bin/env bash
# The one entry point:
#   ./build.sh          build everything into artifacts/
#   ./build.sh test     build, then run every test (xunit and Pester); ends with "tests: N passed, M failed"
#   ./build.sh demo     build, then run the end-to-end demo against a local emulator
#   ./build.sh bench    build, then run the benchmarks under bench/
# Needs only the .NET SDK: tools (pwsh) and test modules (Pester) are restored by this script.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
artifacts="$root/artifacts"
configuration="${CONFIGURATION:-Release}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

step() { printf '\n==> %s\n' "$*"; }

restore_tools() {
  step "restore tools (pwsh $(sed -n 's/.*"version": "\(7[^"]*\)".*/\1/p' .config/dotnet-tools.json | head -n1))"
  dotnet tool restore >/dev/null
}

build() {
  restore_tools
  step "build Klinky.Integrations.sln ($configuration)"
  dotnet build Klinky.Integrations.sln -c "$configuration" -warnaserror -nologo -clp:NoSummary
  if [ -d src/Klinky.Emulator ]; then
    step "publish emulator -> artifacts/emulator"
    dotnet publish src/Klinky.Emulator -c "$configuration" --no-build -o "$artifacts/emulator" -nologo >/dev/null
    step "pack emulator (dotnet tool klinky-emulator) -> artifacts/packages"
    dotnet pack src/Klinky.Emulator -c "$configuration" --no-build -o "$artifacts/packages" -nologo >/dev/null
  fi
  if [ -d src/Klinky.Action ]; then
    step "publish action -> artifacts/action"
    dotnet publish src/Klinky.Action -c "$configuration" --no-build -o "$artifacts/action" -nologo >/dev/null
  fi
  step "pack Klinky.Core -> artifacts/packages"
  dotnet pack src/Klinky.Core -c "$configuration" --no-build -o "$artifacts/packages" -nologo >/dev/null
  if [ -d src/Klinky.Build ]; then
    step "pack Klinky.Build -> artifacts/packages"
    dotnet pack src/Klinky.Build -c "$configuration" --no-build -o "$artifacts/packages" -nologo >/dev/null
  fi
  if [ -f powershell/build/Build-Module.ps1 ]; then
    step "assemble PowerShell module -> artifacts/powershell/Klinky"
    dotnet pwsh -NoProfile -NonInteractive -File powershell/build/Build-Module.ps1 -Configuration "$configuration" -OutputRoot "$artifacts/powershell"
  fi
}

# Reads the counters of a .trx file: "passed failed".
trx_counts() {
  local counters
  counters=$(grep -o '<Counters [^>]*>' "$1" | head -n1)
  local passed failed errors
  passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  errors=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  echo "${passed:-0} $(( ${failed:-0} + ${errors:-0} ))"
}

# The action's tests lint action.yml and the Dockerfile with npx (dockerfile-utils, @action-validator/cli).
ensure_npx() {
  command -v npx >/dev/null 2>&1 && return
  step "install Node.js and npm (Debian packages) for the action's lint tests"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
}

run_tests() {
  ensure_npx
  local results="$artifacts/test-results"
  rm -rf "$results"
  mkdir -p "$results"
  local passed=0 failed=0 broken=0
  export KLINKY_EMULATOR_DLL="$artifacts/emulator/Klinky.Emulator.dll"

  for project in tests/*.Tests/*.Tests.csproj; do
    local name
    name=$(basename "$project" .csproj)
    step "xunit: $name"
    if ! dotnet test "$project" -c "$configuration" --no-build -nologo \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
        --results-directory "$results/$name"; then
      echo "  $name reported failures"
    fi
    local trx
    trx=$(find "$results/$name" -name '*.trx' | head -n1)
    if [ -z "$trx" ]; then
      echo "  $name produced no results: counted as one failure"
      broken=$((broken + 1))
      continue
    fi
    read -r p f < <(trx_counts "$trx")
    passed=$((passed + p)); failed=$((failed + f))
  done

  if [ -f powershell/tests/Invoke-PesterSuite.ps1 ]; then
    step "Pester: powershell/tests"
    local counts_file="$results/pester-counts.txt"
    rm -f "$counts_file"
    dotnet pwsh -NoProfile -NonInteractive -File powershell/tests/Invoke-PesterSuite.ps1 \
      -ModulePath "$artifacts/powershell/Klinky" -CountsFile "$counts_file" -ResultsDirectory "$results/pester" || true
    if [ -f "$counts_file" ]; then
      read -r p f < "$counts_file"
      passed=$((passed + p)); failed=$((failed + f))
    else
      echo "  Pester produced no counts: counted as one failure"
      broken=$((broken + 1))
    fi
  fi

  failed=$((failed + broken))
  echo
  echo "tests: $passed passed, $failed failed"
  if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
    return 1
  fi
}

case "${1:-build}" in
  build) build ;;
  test) build; run_tests ;;
  demo) build; bash "$root/demo/run.sh" ;;
  bench) build; bash "$root/bench/run.sh" ;;
  *) echo "usage: ./build.sh [build|test|demo|bench]" >&2; exit 2 ;;
esac
