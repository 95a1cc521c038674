#!/usr/bin/env bash
# CHANGELOG.md (Keep a Changelog) for releases:
#   .ci/changelog.sh notes X.Y.Z            prints the notes of release X.Y.Z (its section, without the heading)
#   .ci/changelog.sh release X.Y.Z [DATE]   turns [Unreleased] into [X.Y.Z] - DATE and opens a new, empty [Unreleased]
# Fails when there is no such section (notes) or nothing unreleased (release): a release always has notes.
set -euo pipefail
changelog="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/CHANGELOG.md"
command="${1:-}"
version="${2:-}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "usage: .ci/changelog.sh notes|release X.Y.Z [DATE]" >&2; exit 2; }

case "$command" in
  notes)
    notes=$(awk -v heading="## [$version]" '
      index($0, heading) == 1 { inside = 1; next }
      inside && /^## \[/ { exit }
      inside { print }' "$changelog" | sed -e '/./,$!d')
    [ -n "$notes" ] || { echo "CHANGELOG.md has no notes for $version" >&2; exit 1; }
    printf '%s\n' "$notes"
    ;;
  release)
    date="${3:-$(date -u +%Y-%m-%d)}"
    grep -q "^## \[$version\]" "$changelog" && { echo "CHANGELOG.md already has $version" >&2; exit 1; }
    unreleased=$(awk '/^## \[Unreleased\]/ { inside = 1; next } inside && /^## \[/ { exit } inside && /[^[:space:]]/ { print }' "$changelog")
    [ -n "$unreleased" ] || { echo "nothing under [Unreleased] in CHANGELOG.md" >&2; exit 1; }
    sed -i "s/^## \[Unreleased\]\$/## [Unreleased]\n\n## [$version] - $date/" "$changelog"
    ;;
  *) echo "usage: .ci/changelog.sh notes|release X.Y.Z [DATE]" >&2; exit 2 ;;
esac
