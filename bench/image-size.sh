#!/usr/bin/env bash
# The action's image size, side by side with its chiseled runtime-deps base and the SDK it is built with: what a user's
# runner pulls on every cold job. Target: the image at most 60 MB. Builds the image first with the machine's engine
# (.ci/container.sh: the real bases when a registry answers, stand-ins offline; the output says which).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image="${KLINKY_ACTION_IMAGE:-ghcr.io/klinky/action:local}"
bash "$root/.ci/container.sh" build "$image"
eval "$(bash "$root/.ci/container.sh" env)"
bases=()
while read -r base; do bases+=("$base"); done < <(sed -n 's/^FROM[[:space:]]\{1,\}\([^[:space:]]*\).*/\1/p' "$root/action/Dockerfile")
size() { "$KLINKY_CONTAINER_ENGINE" image inspect --format '{{.Size}}' "$1"; }
sdk=$(size "${bases[0]}"); runtime=$(size "${bases[1]}"); action=$(size "$image")
awk -v a="$action" -v r="$runtime" -v s="$sdk" -v an="$image" -v rn="${bases[1]}" -v sn="${bases[0]}" -v kind="$(bash "$root/.ci/container.sh" bases)" 'BEGIN {
  printf "%-70s %9s %7s\n", "image (" kind " bases)", "MB", "ratio"
  printf "%-70s %9.1f %7.2f\n", an " (the action)", a / 1e6, 1
  printf "%-70s %9.1f %7.2f\n", rn " (runtime-deps base)", r / 1e6, r / a
  printf "%-70s %9.1f %7.2f\n", sn " (build stage)", s / 1e6, s / a
  printf "the action adds %.1f MB to its base; image %.1f MB (target <= 60 MB)\n", (a - r) / 1e6, a / 1e6
  exit (a / 1e6 <= 60) ? 0 : 1
}'
