#!/usr/bin/env bash
# ./build.sh release-rehearsal X.Y.Z: everything .github/workflows/release.yml does for tag vX.Y.Z, with local stand-ins
# for the registries, then every artifact installed and run as a user would, each checked to report X.Y.Z.
#   - a clone of the committed HEAD, prepared (.ci/release.sh prepare), committed and tagged vX.Y.Z, its origin named
#     https://github.com/klinky/action (so SourceLink maps the sources as on GitHub), checked (.ci/release.sh check)
#   - NuGet: the packages and symbols pushed to a local folder feed
#   - PowerShell Gallery: Publish-PSResource to a local PSResource repository
#   - the image built (Docker or podman, .ci/container.sh) and tagged ghcr.io/klinky/action:X.Y.Z, X.Y and X; pushed to a
#     local OCI layout (the registry's stand-in), whose manifest digest the release's action.yml then names
#     (.ci/release.sh pin): the file the release job would commit, checked
#   - the image's SBOM (CycloneDX, .ci/release.sh sbom) and the attestation steps' inputs (the packages' paths, the image's
#     name and digest) as release.yml passes them to actions/attest-build-provenance
#   - the release's action.yml and notes, and the moved major tag vX, in the output folder and the clone
# Then, in a clean HOME with an empty NuGet cache: dotnet tool install klinky-emulator (and --version), started as the
# API for the rest; Install-Module Klinky and a cmdlet call; dotnet add package Klinky.Core in a new console app that
# calls the emulator; a project with Klinky.Build that publishes a preview link; the image run as a docker action.
# Output: artifacts/release-rehearsal/ (feed, psrepo, oci, action.yml, sbom.cdx.json, attestation-inputs.txt,
# release-notes.md, report.txt).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${1:-}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "usage: ./build.sh release-rehearsal X.Y.Z" >&2; exit 2; }
out="$root/artifacts/release-rehearsal"
work="$(mktemp -d "${TMPDIR:-/tmp}/klinky-rehearsal-XXXXXX")"
emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ]; then
    kill "$emulator_pid" 2>/dev/null
    wait "$emulator_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
# A stopped run (a test's timeout, Ctrl+C) still runs the cleanup: bash skips the EXIT trap on a signal it does not trap.
trap 'exit 143' TERM
trap 'exit 130' INT
rm -rf "$out"
mkdir -p "$out/feed" "$out/psrepo"
report="$out/report.txt"
: >"$report"

step() { printf '\n--> %s\n' "$*"; }
pass() { printf 'ok   %s\n' "$*" | tee -a "$report"; }
fail() { printf 'FAIL %s\n' "$*" | tee -a "$report"; exit 1; }
expect_version() { # NAME ACTUAL
  if [ "$2" = "$version" ]; then pass "$1 reports $version"; else fail "$1 reports '$2', not $version"; fi
}

# The PowerShell the repository's tool manifest pins, found before HOME and the NuGet cache are swapped for the user's.
(cd "$root" && dotnet tool restore >/dev/null)
pwsh_dll="$(find "${NUGET_PACKAGES:-$HOME/.nuget/packages}/powershell" -path '*/tools/*/any/unix/pwsh.dll' | sort | tail -n1)"
[ -f "$pwsh_dll" ] || fail "pwsh (the repository's dotnet tool) not found"

step "release commit and tag v$version (a clone of HEAD)"
repo="$work/repo"
git clone --quiet --no-hardlinks "$root" "$repo"
cd "$repo"
git remote set-url origin https://github.com/klinky/action.git
bash .ci/release.sh prepare "$version" >/dev/null
git add CHANGELOG.md action.yml
git -c user.name="Release rehearsal" -c user.email=rehearsal@localhost commit --quiet -m "Release $version"
git tag "v$version"
bash .ci/release.sh check "$version"

step "build and pack (./build.sh package, as the release's publishing jobs)"
./build.sh package >"$work/package.log" 2>&1 || { tail -n 40 "$work/package.log"; fail "./build.sh package"; }

step "NuGet stand-in: push to the local feed"
for package in artifacts/packages/*.nupkg; do
  dotnet nuget push "$package" --source "$out/feed" >/dev/null
done
cp artifacts/packages/*.snupkg "$out/feed/"
for id in Klinky.Core Klinky.Build klinky-emulator; do
  [ -n "$(find "$out/feed" -iname "$id.$version.nupkg")" ] || fail "$id $version not in the feed"
done
pass "NuGet feed holds Klinky.Core, Klinky.Build, klinky-emulator $version with $(find "$out/feed" -name '*.snupkg' | wc -l) symbol packages"
# SourceLink: the symbols map every source file to the tagged commit on GitHub, as a debugger will fetch it.
sourcelink="https://raw.githubusercontent.com/klinky/action/$(git rev-parse "v$version^{commit}")/"
unzip -p "$out/feed/Klinky.Core.$version.snupkg" lib/net8.0/Klinky.Core.pdb | grep -aqF "$sourcelink" || fail "Klinky.Core's symbols have no SourceLink to $sourcelink"
pass "Klinky.Core's symbols carry SourceLink to the tagged commit on github.com/klinky/action"

step "PowerShell Gallery stand-in: Publish-PSResource to a local repository"
publisher="$work/publisher-home"
mkdir -p "$publisher/.local/share" "$publisher/.config" "$publisher/.cache"
HOME="$publisher" dotnet "$pwsh_dll" -NoProfile -NonInteractive -Command "
  \$ErrorActionPreference = 'Stop'; \$ProgressPreference = 'SilentlyContinue'
  Register-PSResourceRepository -Name KlinkyRehearsal -Uri '$out/psrepo' -Trusted
  Publish-PSResource -Path '$repo/artifacts/powershell/Klinky' -Repository KlinkyRehearsal" >/dev/null
[ -n "$(find "$out/psrepo" -iname "klinky.$version.nupkg")" ] || fail "Klinky $version not in the PSResource repository"
pass "PSResource repository holds Klinky $version"

step "image: ghcr.io/klinky/action:$version, ${version%.*}, ${version%%.*}"
image="ghcr.io/klinky/action:$version"
bash .ci/container.sh build "$image" --build-arg "VERSION=$version"
eval "$(bash .ci/container.sh env)"
engine="$KLINKY_CONTAINER_ENGINE"
"$engine" tag "$image" "ghcr.io/klinky/action:${version%.*}"
"$engine" tag "$image" "ghcr.io/klinky/action:${version%%.*}"
pass "image tagged $version, ${version%.*} and ${version%%.*} ($(bash .ci/container.sh bases) bases)"

step "registry stand-in: the image pushed to a local OCI layout; its digest"
mkdir -p "$out/oci"
if [ "$engine" = podman ]; then
  podman push --quiet --digestfile "$work/digest" "$image" "oci:$out/oci:$version" >/dev/null
  digest="$(cat "$work/digest")"
else
  # docker save writes an OCI layout (Docker 25+): its index names the manifest a push would upload.
  docker save "$image" | tar -x -C "$out/oci"
  digest="$(sed -n 's/.*"digest":"\(sha256:[0-9a-f]\{64\}\)".*/\1/p' "$out/oci/index.json" | head -n1)"
fi
[[ "$digest" =~ ^sha256:[0-9a-f]{64}$ ]] || fail "no manifest digest for $image ('$digest')"
pass "image pushed to the OCI layout as $digest"

step "release files: action.yml by digest, SBOM, attestation inputs, notes, major tag"
bash .ci/release.sh pin "$version" "$digest" >/dev/null
cp action.yml "$out/action.yml"
pinned="  image: docker://ghcr.io/klinky/action@$digest # $version"
grep -qxF "$pinned" "$out/action.yml" || fail "the release's action.yml does not name the image by digest"
[ "$(grep -c '^  image: ' "$out/action.yml")" = 1 ] || fail "the release's action.yml names more than one image"
pass "the release's action.yml names docker://ghcr.io/klinky/action@$digest ($version)"
bash .ci/release.sh sbom "$out/sbom.cdx.json" "$version" >/dev/null
for component in Octokit Flurl.Http; do
  grep -q "\"name\": *\"$component\"" "$out/sbom.cdx.json" || fail "the SBOM lacks $component"
done
grep -q "\"version\": *\"$version\"" "$out/sbom.cdx.json" || fail "the SBOM does not name version $version"
pass "SBOM (CycloneDX) of the image's program: $(grep -c '"bom-ref"' "$out/sbom.cdx.json") entries, version $version"
{
  echo "nuget subject-path: artifacts/packages/*.nupkg"
  for package in artifacts/packages/*.nupkg; do echo "  $(basename "$package") sha256:$(sha256sum "$package" | cut -d' ' -f1)"; done
  echo "image subject-name: ghcr.io/klinky/action"
  echo "image subject-digest: $digest"
} >"$out/attestation-inputs.txt"
[ "$(grep -c '^  .*\.nupkg sha256:' "$out/attestation-inputs.txt")" -ge 3 ] || fail "fewer than three packages to attest"
pass "attestation inputs: $(grep -c '\.nupkg sha256:' "$out/attestation-inputs.txt") packages and the image digest"
bash .ci/changelog.sh notes "$version" >"$out/release-notes.md"
git -c user.name="Release rehearsal" -c user.email=rehearsal@localhost commit --quiet -m "Release $version: action.yml names the image by digest" action.yml
git tag -f "v$version" >/dev/null
git tag -f "v${version%%.*}" "v$version" >/dev/null
[ "$(git rev-parse "v${version%%.*}^{commit}")" = "$(git rev-parse "v$version^{commit}")" ] || fail "major tag not moved"
git show "v$version:action.yml" | grep -qxF "$pinned" || fail "the tag v$version does not carry the digest-pinned action.yml"
pass "major tag v${version%%.*} points at v$version, whose action.yml names the digest; release notes from CHANGELOG.md ($(wc -l <"$out/release-notes.md") lines)"

# From here on: a user, in a clean HOME with an empty NuGet cache, with the rehearsal's feed for our packages
# (source mapping, so a package of the same name elsewhere cannot be picked) and nuget.org for the rest.
user="$work/user"
mkdir -p "$user/.local/share" "$user/.config" "$user/.cache"
cat >"$user/nuget.config" <<XML
<configuration>
  <packageSources><clear /><add key="klinky" value="$out/feed" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources>
  <packageSourceMapping>
    <packageSource key="klinky"><package pattern="Klinky.*" /><package pattern="klinky-emulator" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
as_user() { env HOME="$user" NUGET_PACKAGES="$user/.nuget/packages" DOTNET_CLI_HOME="$user" DOTNET_NOLOGO=1 "$@"; }

step "dotnet tool install klinky-emulator"
cd "$user"
as_user dotnet tool install klinky-emulator --tool-path "$user/tools" --configfile "$user/nuget.config" >/dev/null
expect_version "klinky-emulator --version" "$(as_user "$user/tools/klinky-emulator" --version)"
key="klinky_live_rehearsal$(date +%s)"
# Started with env directly, not through as_user: a shell function sent to the background runs in a subshell, so $! was
# that subshell's pid, the kill at exit reached only it, and the emulator lived on as an orphan. The key goes in
# KLINKY_API_KEY, not --api-key, so it is not on the process list.
env HOME="$user" NUGET_PACKAGES="$user/.nuget/packages" DOTNET_CLI_HOME="$user" DOTNET_NOLOGO=1 KLINKY_API_KEY="$key" \
  "$user/tools/klinky-emulator" --urls http://127.0.0.1:0 --plan scale --in-memory >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$work/emulator.log" && break; sleep 0.2; done
root_url="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/emulator.log" | head -n1)"
[ -n "$root_url" ] || fail "the installed emulator did not start: $(cat "$work/emulator.log")"
base_url="$root_url/api/v1"
pass "the installed emulator serves $base_url"

step "Install-Module Klinky from the local repository, then a cmdlet call"
module_out=$(as_user KLINKY_API_KEY="$key" KLINKY_BASE_URL="$base_url" dotnet "$pwsh_dll" -NoProfile -NonInteractive -Command "
  \$ErrorActionPreference = 'Stop'; \$ProgressPreference = 'SilentlyContinue'
  Register-PSRepository -Name KlinkyRehearsal -SourceLocation '$out/psrepo' -InstallationPolicy Trusted
  Install-Module Klinky -Repository KlinkyRehearsal -Scope CurrentUser -Force
  Import-Module Klinky
  'version=' + (Get-Module Klinky).Version
  New-KlinkyLink -Name 'Rehearsal' -Slug 'rehearsal-ps' -Variant 'control:100=https://a.example' | Out-Null
  'slug=' + (Get-KlinkyLink -Slug rehearsal-ps).Slug")
grep -qx "slug=rehearsal-ps" <<<"$module_out" || fail "the installed module's cmdlets: $module_out"
expect_version "Install-Module Klinky (Get-Module).Version" "$(sed -n 's/^version=//p' <<<"$module_out")"

step "dotnet add package Klinky.Core in a new console app that calls the emulator"
as_user dotnet new console --output "$user/app" --name RehearsalApp >/dev/null
cd "$user/app"
as_user dotnet add package Klinky.Core >/dev/null
cat >Program.cs <<'CS'
using System.Reflection;
using Klinky;

using var klinky = new KlinkyClient(new KlinkyClientOptions { BaseUrl = args[0], ApiKey = Environment.GetEnvironmentVariable("KLINKY_API_KEY") });
var link = await klinky.Links.FindBySlugAsync("rehearsal-ps");
Console.WriteLine("link=" + link?.Slug);
Console.WriteLine("version=" + typeof(KlinkyClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);
CS
app_out=$(as_user KLINKY_API_KEY="$key" dotnet run -- "$base_url" 2>&1) || fail "the console app: $app_out"
grep -qx "link=rehearsal-ps" <<<"$app_out" || fail "the console app did not read the link: $app_out"
expect_version "Klinky.Core (dotnet add package)" "$(sed -n 's/^version=//p' <<<"$app_out")"

step "a project with Klinky.Build publishes a preview link"
mkdir -p "$user/shop"
cp "$repo/demo/msbuild/CheckoutPreview.csproj" "$repo/demo/msbuild/Program.cs" "$user/shop/"
cd "$user/shop"
as_user KLINKY_API_KEY="$key" dotnet publish CheckoutPreview.csproj -c Release -nodeReuse:false -nologo \
  -p:KlinkyBaseUrl="$base_url" -p:KlinkyPullRequestNumber=123 -p:PreviewBaseUrl=https://pr123.preview.example.com \
  -p:KlinkyManifestPath="$user/shop/links.json" -p:KlinkyFailOnError=true >"$work/shop.log" 2>&1 || { tail -n 30 "$work/shop.log"; fail "dotnet publish with Klinky.Build"; }
grep -q '"slug": *"checkout-pr123"' "$user/shop/links.json" || fail "no preview link in the manifest: $(cat "$user/shop/links.json")"
curl -fsS "$base_url/public/links?slug=checkout-pr123" -H "X-API-Key: $key" | grep -q '"slug":"checkout-pr123"' || fail "the emulator has no checkout-pr123"
expect_version "Klinky.Build (restored by the project)" "$(sed -n 's/.*"Klinky.Build\/\([^"]*\)".*/\1/p' obj/project.assets.json | head -n1)"

step "the image run as a docker action (the runner's flags, the emulator on loopback)"
runner="$work/runner"
mkdir -p "$runner/home" "$runner/workflow" "$runner/file_commands" "$runner/workspace" "$runner/temp"
echo '{}' >"$runner/workflow/event.json"
: >"$runner/file_commands/set_output"
: >"$runner/file_commands/step_summary"
expect_version "image --version" "$("$engine" run --rm --pull=never "$image" --version | sed 's/^klinky-action //')"
action_out=$(env "INPUT_API-KEY=$key" "INPUT_BASE-URL=$base_url" "INPUT_LINKS=rehearsal-ps,checkout-pr123" "INPUT_CHART=text" \
  "INPUT_COMMENT-KEY=default" "INPUT_COMMENT-MODE=update" "INPUT_JOB-SUMMARY=true" HOME=/github/home GITHUB_WORKSPACE=/github/workspace \
  GITHUB_EVENT_NAME=workflow_dispatch GITHUB_EVENT_PATH=/github/workflow/event.json GITHUB_REPOSITORY=klinky/rehearsal \
  GITHUB_OUTPUT=/github/file_commands/set_output GITHUB_STEP_SUMMARY=/github/file_commands/step_summary \
  "$engine" run --rm --pull=never --network host --workdir /github/workspace \
    -e INPUT_API-KEY -e INPUT_BASE-URL -e INPUT_LINKS -e INPUT_CHART -e INPUT_COMMENT-KEY -e INPUT_COMMENT-MODE -e INPUT_JOB-SUMMARY \
    -e HOME -e GITHUB_WORKSPACE -e GITHUB_EVENT_NAME -e GITHUB_EVENT_PATH -e GITHUB_REPOSITORY -e GITHUB_OUTPUT -e GITHUB_STEP_SUMMARY \
    -e GITHUB_ACTIONS=true -e CI=true \
    -v "$runner/temp:/github/runner_temp" -v "$runner/home:/github/home" -v "$runner/workflow:/github/workflow" -v "$runner/file_commands:/github/file_commands" \
    -v "$runner/workspace:/github/workspace" "$image" --dry-run 2>&1) || fail "the image as a docker action: $action_out"
# --dry-run prints the report instead of commenting: no GitHub here (the container tests run it against a fake GitHub).
grep -q "^Klinky: 2 link(s) reported" <<<"$action_out" || fail "the image as a docker action did not report both links: $action_out"
grep -q "checkout-pr123" <<<"$action_out" || fail "the action's report lacks the build's preview link: $action_out"
if grep -v '^::add-mask::' <<<"$action_out" | grep -qF "$key"; then fail "the API key appears unmasked in the action's log"; fi
pass "the image as a docker action reported both links (key masked)"

printf '\nrelease rehearsal %s: every artifact installed and reports %s (%s)\n' "$version" "$version" "$report" | tee -a "$report"
