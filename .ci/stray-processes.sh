#!/usr/bin/env bash
# Lists the processes a test run started that are still alive, and fails when there are any.
#   .ci/stray-processes.sh MARK
# ./build.sh test exports KLINKY_TEST_RUN=MARK before the tests; every process they start inherits it, so a process of
# this user whose environment carries it, other than this script and the processes it runs under, was left behind (a
# started emulator a test did not stop, an orphan whose parent died), and so was a running container labelled with it.
# The .NET build servers (the compiler and Razor servers, reusable MSBuild nodes) are not counted: they are shared by
# design and leave on their own after an idle time.
set -uo pipefail

mark="${1:?usage: .ci/stray-processes.sh MARK}"

# This script and everything it runs under (./build.sh, the shell that started it) carry the mark too.
declare -A ours=()
pid=$$
while [ -n "$pid" ] && [ "$pid" -gt 1 ]; do
  ours[$pid]=1
  pid=$(awk '{ print $4 }' "/proc/$pid/stat" 2>/dev/null)
done

strays=()
for environ in /proc/[0-9]*/environ; do
  pid=${environ#/proc/}
  pid=${pid%/environ}
  [ -n "${ours[$pid]:-}" ] && continue
  [ "$pid" = "$BASHPID" ] && continue
  tr '\0' '\n' 2>/dev/null <"$environ" | grep -qx "KLINKY_TEST_RUN=$mark" || continue
  command=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")
  [ -z "$command" ] && continue
  case "$command" in
    *VBCSCompiler.dll*|*rzc.dll*|*MSBuild.dll*nodeReuse:true*|*/bin/ps\ *|*tr\ *|*grep\ -qx*) continue ;;
  esac
  parent=$(awk '{ print $4 }' "/proc/$pid/stat" 2>/dev/null)
  # A key passed on a command line is not repeated here.
  strays+=("$pid (parent $parent): $(sed -E 's/(--api-key[ =])[^ ]+/\1[redacted]/g' <<<"$command")")
done

# Containers the run started (the container tests label them with the mark) that are still running: killing an engine's
# client does not stop its container. Only with the engine the run used (./build.sh container exports it).
engine="${KLINKY_CONTAINER_ENGINE:-}"
if [ -n "$engine" ] && command -v "$engine" >/dev/null 2>&1; then
  while IFS= read -r name; do
    [ -n "$name" ] && strays+=("container $name ($engine)")
  done < <("$engine" ps --filter "label=KLINKY_TEST_RUN=$mark" --format '{{.Names}}' 2>/dev/null)
fi

if [ ${#strays[@]} -eq 0 ]; then
  echo "no process the tests started is still running"
  exit 0
fi

echo "processes the tests started that are still running (${#strays[@]}):"
printf '  %s\n' "${strays[@]}"
exit 1
