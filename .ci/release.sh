#!/usr/bin/env bash
# The ends of a release (see CONTRIBUTING.md, "Releasing"):
#   .ci/release.sh prepare X.Y.Z   on a release branch: CHANGELOG.md's [Unreleased] becomes [X.Y.Z], and action.yml
#                                  names the image ghcr.io/klinky/action:X.Y.Z; commit, merge, then tag vX.Y.Z
#   .ci/release.sh check X.Y.Z     in the release workflow, before anything is published: the tagged commit's
#                                  action.yml names X.Y.Z, the changelog has its notes, MinVer computes X.Y.Z
#   .ci/release.sh pin X.Y.Z sha256:DIGEST   after the image is pushed: action.yml names it by digest
#                                  (docker://ghcr.io/klinky/action@sha256:... # X.Y.Z), so a workflow pinned to the
#                                  release commit runs exactly the image that was tested and attested, whatever the tag
#                                  X.Y.Z points to later; the release job commits this as the released action.yml
#   .ci/release.sh sbom FILE [X.Y.Z]  the CycloneDX SBOM (JSON) of what the image's program is built from: Klinky.Action's
#                                  NuGet packages and projects (the CycloneDX dotnet tool of the repository's manifest)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command="${1:-}"
version="${2:-}"
image="ghcr.io/klinky/action"

if [ "$command" = sbom ]; then
  [ -n "$version" ] || { echo "usage: .ci/release.sh sbom FILE [X.Y.Z]" >&2; exit 2; }
  out="$(cd "$(dirname "$version")" && pwd)"
  (cd "$root" && dotnet tool restore >/dev/null &&
    dotnet tool run dotnet-CycloneDX src/Klinky.Action/Klinky.Action.csproj --output "$out" --filename "$(basename "$version")" --json \
      --exclude-test-projects --set-name klinky-action --set-version "${3:-0.0.0-local}" --set-type Container >/dev/null)
  [ -s "$version" ] || { echo "no SBOM written to $version" >&2; exit 1; }
  echo "SBOM: $version"
  exit 0
fi

[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "usage: .ci/release.sh prepare|check|pin X.Y.Z [sha256:DIGEST] | sbom FILE [X.Y.Z]" >&2; exit 2; }
image_line="  image: docker://$image:$version"

case "$command" in
  prepare)
    bash "$root/.ci/changelog.sh" release "$version"
    sed -i "s|^  image: docker://${image}[:@].*\$|$image_line|" "$root/action.yml"
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
  pin)
    digest="${3:-}"
    [[ "$digest" =~ ^sha256:[0-9a-f]{64}$ ]] || { echo "usage: .ci/release.sh pin X.Y.Z sha256:<64 hex digits> (the pushed image's digest)" >&2; exit 2; }
    grep -qxF "$image_line" "$root/action.yml" || { echo "action.yml does not name image $version: pin runs on the prepared, tagged commit" >&2; exit 1; }
    pinned="  image: docker://$image@$digest # $version"
    sed -i "s|^$image_line\$|$pinned|" "$root/action.yml"
    grep -qxF "$pinned" "$root/action.yml" || { echo "action.yml: the image line was not rewritten" >&2; exit 1; }
    echo "action.yml names $image@$digest ($version)"
    ;;
  *) echo "usage: .ci/release.sh prepare|check|pin X.Y.Z [sha256:DIGEST] | sbom FILE [X.Y.Z]" >&2; exit 2 ;;
esac
