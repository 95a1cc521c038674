#!/usr/bin/env bash
# The two ends of a release (see CONTRIBUTING.md, "Releasing"):
#   .ci/release.sh prepare X.Y.Z   on a release branch: CHANGELOG.md's [Unreleased] becomes [X.Y.Z], and action.yml
#                                  names the image ghcr.io/klinky/action:X.Y.Z; commit, merge, then tag vX.Y.Z
#   .ci/release.sh check X.Y.Z     in the release workflow, before anything is published: the tagged commit's
#                                  action.yml names X.Y.Z, the changelog has its notes, MinVer computes X.Y.Z
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command="${1:-}"
version="${2:-}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "usage: .ci/release.sh prepare|check X.Y.Z" >&2; exit 2; }
image_line="  image: docker://ghcr.io/klinky/action:$version"

case "$command" in
  prepare)
    bash "$root/.ci/changelog.sh" release "$version"
    sed -i "s|^  image: docker://ghcr.io/klinky/action:.*\$|$image_line|" "$root/action.yml"
    grep -qxF "$image_line" "$root/action.yml" || { echo "action.yml has no image line to set" >&2; exit 1; }
    echo "prepared $version: CHANGELOG.md and action.yml (commit them, then tag v$version)"
    ;;
  check)
    grep -qxF "$image_line" "$root/action.yml" || { echo "action.yml does not name image $version: run .ci/release.sh prepare $version first" >&2; exit 1; }
    bash "$root/.ci/changelog.sh" notes "$version" >/dev/null
    computed=$(cd "$root" && dotnet msbuild src/Klinky.Core/Klinky.Core.csproj -nologo -restore -t:MinVer -getProperty:MinVerVersion 2>/dev/null | tail -n1)
    [ "$computed" = "$version" ] || { echo "MinVer computes '$computed' here, not $version: is the commit tagged v$version?" >&2; exit 1; }
    echo "release $version checked"
    ;;
  *) echo "usage: .ci/release.sh prepare|check X.Y.Z" >&2; exit 2 ;;
esac
