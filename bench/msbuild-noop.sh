#!/usr/bin/env bash
# No-op incremental `dotnet build` of the sample project with Klinky.Build enabled vs. the same project without the
# package: median of N runs each, interleaved so both see the same machine load. Confirms the enabled builds sent
# 0 requests (the emulator's rate-limit counter, read from an endpoint that does not count).
#   bench/msbuild-noop.sh [runs]      needs artifacts/packages/Klinky.Build.*.nupkg and a built emulator
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

package=$(find "$root/artifacts/packages" -maxdepth 1 -name "Klinky.Build.*.nupkg" 2>/dev/null | head -n1)
[ -n "$package" ] || { echo "no Klinky.Build package in artifacts/packages: run ./build.sh first" >&2; exit 1; }
version=$(basename "$package" .nupkg); version=${version#Klinky.Build.}
emulator="${KLINKY_EMULATOR_DLL:-$root/artifacts/emulator/Klinky.Emulator.dll}"
[ -f "$emulator" ] || emulator="$root/src/Klinky.Emulator/bin/Release/net10.0/Klinky.Emulator.dll"
[ -f "$emulator" ] || { echo "no emulator build: run ./build.sh first" >&2; exit 1; }

work=$(mktemp -d)
key="klinky_live_bench$(od -An -tx1 -N8 /dev/urandom | tr -d ' \n')"
dotnet "$emulator" --urls http://127.0.0.1:0 --api-key "$key" --plan scale --profile full --in-memory >"$work/emulator.log" 2>&1 &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  grep -q "listening on" "$work/emulator.log" && break
  sleep 0.1
done
root_url=$(sed -n 's/.*listening on \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/emulator.log" | head -n1)
base_url="$root_url/api/v1"

cp "$root/global.json" "$work/"
cat >"$work/nuget.config" <<XML
<configuration><packageSources><clear /><add key="local" value="$root/artifacts/packages" /></packageSources></configuration>
XML
for variant in with without; do
  mkdir -p "$work/$variant"
  echo 'System.Console.WriteLine("checkout");' >"$work/$variant/Program.cs"
done
cat >"$work/without/Sample.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType></PropertyGroup>
</Project>
XML
cat >"$work/with/Sample.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType><KlinkyEnabled>true</KlinkyEnabled></PropertyGroup>
  <ItemGroup><PackageReference Include="Klinky.Build" Version="$version" /></ItemGroup>
  <ItemGroup>
    <KlinkyPreviewLink Include="checkout" Name="Checkout preview" />
    <KlinkyVariant Include="control" Link="checkout" Url="https://shop.example.com/checkout" Weight="50" />
    <KlinkyVariant Include="preview" Link="checkout" Url="https://preview.shop.example.com/checkout" Weight="50" />
  </ItemGroup>
</Project>
XML

export NUGET_PACKAGES="$work/.packages" KLINKY_API_KEY="$key"
build() { dotnet build "$work/$1" --no-restore -nodeReuse:false -nologo -v:q -clp:NoSummary -p:KlinkyRunAfterTargets=Build -p:KlinkyBaseUrl="$base_url" -p:KlinkyPullRequestNumber=42 >"$work/$1.log" 2>&1 || { cat "$work/$1.log"; exit 1; }; }
remaining() { curl -s -H "X-API-Key: $key" "$base_url/public/keys/rate-limit" | sed -n 's/.*"remaining":\([0-9]*\).*/\1/p'; }
for variant in with without; do
  dotnet restore "$work/$variant" -v:q >/dev/null
  build "$variant"   # first build: compiles, and (with the package) creates the link
done
dotnet build "$work/with" --no-restore -nodeReuse:false -nologo -p:KlinkyRunAfterTargets=Build -p:KlinkyBaseUrl="$base_url" -p:KlinkyPullRequestNumber=42 | grep "Klinky:" | sed 's/^ */  first builds done; /'
before=$(remaining)

ms() { echo $(( $(date +%s%N) / 1000000 )); }
with_times=() without_times=()
for _ in $(seq 1 "$runs"); do
  t=$(ms); build without; without_times+=($(( $(ms) - t )))
  t=$(ms); build with; with_times+=($(( $(ms) - t )))
done
after=$(remaining)

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
m_with=$(median "${with_times[@]}")
m_without=$(median "${without_times[@]}")
echo "no-op incremental dotnet build, $runs runs each (ms):"
echo "  without Klinky.Build: ${without_times[*]}"
echo "  with Klinky.Build:    ${with_times[*]}"
printf '  median without %d ms, with %d ms, ratio %s\n' "$m_without" "$m_with" "$(awk -v a="$m_with" -v b="$m_without" 'BEGIN {printf "%.3f", a/b}')"
echo "  requests sent by the enabled no-op builds: $((before - after))"
[ "$before" = "$after" ] || { echo "FAIL: no-op builds sent requests" >&2; exit 1; }
