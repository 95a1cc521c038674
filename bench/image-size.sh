#!/usr/bin/env bash
# The action's image size, side by side with its chiseled runtime base and the SDK it is built with: what a user's
# runner pulls on every cold job. Target: the image adds at most 10 MB to its runtime base and stays under 150 MB.
# Builds the image first (podman; base images composed locally when absent, see .ci/container.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image="ghcr.io/klinky/action:local"
bash "$root/.ci/container.sh" build "$image"
eval "$(bash "$root/.ci/container.sh" env)"
bases=()
while read -r base; do bases+=("$base"); done < <(sed -n 's/^FROM[[:space:]]\{1,\}\([^[:space:]]*\).*/\1/p' "$root/action/Dockerfile")
size() { podman image inspect --format '{{.Size}}' "$1"; }
sdk=$(size "${bases[0]}"); runtime=$(size "${bases[1]}"); action=$(size "$image")
awk -v a="$action" -v r="$runtime" -v s="$sdk" -v an="$image" -v rn="${bases[1]}" -v sn="${bases[0]}" 'BEGIN {
  printf "%-70s %9s %7s\n", "image", "MB", "ratio"
  printf "%-70s %9.1f %7.2f\n", an " (the action)", a / 1e6, 1
  printf "%-70s %9.1f %7.2f\n", rn " (runtime base)", r / 1e6, r / a
  printf "%-70s %9.1f %7.2f\n", sn " (build stage)", s / 1e6, s / a
  added = (a - r) / 1e6
  printf "the action adds %.1f MB to its base (target <= 10 MB); image %.1f MB (target < 150 MB)\n", added, a / 1e6
  exit (added <= 10 && a / 1e6 < 150) ? 0 : 1
}'
