#!/usr/bin/env bash
# ./build.sh bench: every benchmark under bench/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/redirects.sh"
