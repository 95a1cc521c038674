#!/usr/bin/env bash
# Publishes demo/msbuild/CheckoutPreview.csproj with the packed Klinky.Build (artifacts/packages), which creates or
# updates the checkout A/B preview link on the given Klinky API (the emulator in ./build.sh demo).
#   demo/msbuild/create-preview-link.sh BASE_URL [PULL_REQUEST]      key in KLINKY_API_KEY
# Prints the build's Klinky lines and the manifest; copies the manifest to $KLINKY_MANIFEST_OUT when set.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base_url="${1:?usage: create-preview-link.sh BASE_URL [PULL_REQUEST] (key in KLINKY_API_KEY)}"
pull_request="${2:-42}"
: "${KLINKY_API_KEY:?set KLINKY_API_KEY to the API key}"
ls "$root"/artifacts/packages/Klinky.Build.*.nupkg >/dev/null 2>&1 || { echo "no Klinky.Build package: run ./build.sh first" >&2; exit 1; }

# A copy outside the repository, so the repository's own build settings (central package versions) do not apply:
# this is the project exactly as a user has it.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/CheckoutPreview.csproj" "$here/Program.cs" "$root/global.json" "$work/"
cat >"$work/nuget.config" <<XML
<configuration><packageSources><clear /><add key="klinky-local" value="$root/artifacts/packages" /></packageSources></configuration>
XML

export NUGET_PACKAGES="$work/.packages" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDDISABLENODEREUSE=1
dotnet publish "$work/CheckoutPreview.csproj" -c Release -nodeReuse:false -nologo \
  -p:KlinkyBaseUrl="$base_url" -p:KlinkyPullRequestNumber="$pull_request" \
  -p:PreviewBaseUrl="https://pr$pull_request.preview.shop.example.com" -p:KlinkyManifestPath="$work/klinky-links.json" \
  | grep -E "Klinky|KLINKY|Preview link|error|warning" || true
[ -f "$work/klinky-links.json" ] || { echo "no manifest written: see the build output above" >&2; exit 1; }
cat "$work/klinky-links.json"
if [ -n "${KLINKY_MANIFEST_OUT:-}" ]; then
  cp "$work/klinky-links.json" "$KLINKY_MANIFEST_OUT"
fi
