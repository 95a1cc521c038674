#!/usr/bin/env bash
# Builds the action's image from action/Dockerfile with podman, the way the release workflow builds it with Docker:
#   .ci/container.sh build [TAG]   -> IMAGE (default ghcr.io/klinky/action:local) in the project's podman storage
#   .ci/container.sh env           -> prints the export lines that point podman at that storage
# No container registry is reachable here, so the Dockerfile's FROM images are composed locally when absent: Debian
# packages (mmdebstrap) plus this machine's .NET, tagged with the exact FROM names. They are kept between runs in the
# storage below (outside the work tree, so a fresh clone reuses them).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${KLINKY_PODMAN_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/klinky/podman}"
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"

sudo_if_needed() { if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi; }

# podman, runc and mmdebstrap from Debian, as build.sh installs Node for the lint tests.
ensure_tools() {
  local missing=()
  for tool in podman runc mmdebstrap; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return
  echo "installing ${missing[*]} (Debian packages)"
  sudo_if_needed apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq podman runc mmdebstrap >/dev/null
}

# crun cannot set rlimits in this kind of sandbox and cgroups are hybrid: runc with explicit ulimits works.
write_config() {
  mkdir -p "$state/storage" "$state/run"
  cat >"$state/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
[engine]
runtime = "runc"
EOF
  cat >"$state/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$state/storage"
runroot = "$state/run"
EOF
}

print_env() {
  printf 'export CONTAINERS_CONF=%q CONTAINERS_STORAGE_CONF=%q\n' "$state/containers.conf" "$state/storage.conf"
}

use_config() {
  write_config
  export CONTAINERS_CONF="$state/containers.conf" CONTAINERS_STORAGE_CONF="$state/storage.conf"
}

has_image() { podman image exists "$1"; }

# The SDK stage's stand-in: a minimal Debian with what .NET needs, this machine's whole .NET, and its CA certificates
# (NuGet restore inside the build goes through the machine's egress proxy, whose certificate it must trust).
compose_sdk() {
  local name="$1" work
  work="$(mktemp -d)"
  mmdebstrap --quiet --variant=essential \
    --include=ca-certificates,libicu72,libssl3,zlib1g,libstdc++6,libgcc-s1,tzdata \
    --customize-hook="mkdir -p \"\$1/usr/share/dotnet\" && cp -a '$dotnet_root/.' \"\$1/usr/share/dotnet/\"" \
    --customize-hook="ln -sf /usr/share/dotnet/dotnet \"\$1/usr/bin/dotnet\"" \
    --customize-hook="cp /usr/local/share/ca-certificates/*.crt \"\$1/usr/local/share/ca-certificates/\" 2>/dev/null || true" \
    --customize-hook="chroot \"\$1\" update-ca-certificates >/dev/null" \
    bookworm "$work/rootfs.tar"
  podman import --quiet "$work/rootfs.tar" "$name" >/dev/null
  rm -rf "$work"
}

# The runtime stage's stand-in, chiseled-like: no shell, no package manager; the .NET runtime alone, users root and
# app (1654) as in Microsoft's chiseled images, which default to the app user and invariant globalization.
compose_runtime() {
  local name="$1" work
  work="$(mktemp -d)"
  mmdebstrap --quiet --variant=extract --include=libc6,libgcc-s1,libstdc++6,libssl3,zlib1g \
    --extract-hook="mkdir -p \"\$1/usr/share/dotnet/shared\" \"\$1/usr/bin\" \"\$1/etc\" \"\$1/tmp\" && chmod 1777 \"\$1/tmp\"" \
    --extract-hook="cp -a '$dotnet_root/dotnet' '$dotnet_root/host' \"\$1/usr/share/dotnet/\"" \
    --extract-hook="cp -a '$dotnet_root/shared/Microsoft.NETCore.App' \"\$1/usr/share/dotnet/shared/\"" \
    --extract-hook="ln -sf /usr/share/dotnet/dotnet \"\$1/usr/bin/dotnet\"" \
    --extract-hook="printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654:app:/home/app:/sbin/nologin\n' >\"\$1/etc/passwd\"" \
    --extract-hook="printf 'root:x:0:\napp:x:1654:\n' >\"\$1/etc/group\"" \
    --extract-hook="rm -rf \"\$1/usr/share/doc\" \"\$1/usr/share/man\" \"\$1/usr/share/lintian\" \"\$1/var/cache/apt\" \"\$1/var/lib/apt\"" \
    bookworm "$work/rootfs.tar"
  podman import --quiet --change "USER 1654" --change "ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true" \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    "$work/rootfs.tar" "$name" >/dev/null
  rm -rf "$work"
}

ensure_bases() {
  local image
  while read -r image; do
    has_image "$image" && continue
    echo "composing stand-in for $image"
    case "$image" in
      */dotnet/sdk:*) compose_sdk "$image" ;;
      */dotnet/runtime:*) compose_runtime "$image" ;;
      *) echo "no recipe for base image $image" >&2; return 1 ;;
    esac
  done < <(sed -n 's/^FROM[[:space:]]\{1,\}\([^[:space:]]*\).*/\1/p' "$root/action/Dockerfile")
}

build_image() {
  local tag="$1"
  shift
  ensure_bases
  podman build --quiet --pull=never --network host -f "$root/action/Dockerfile" -t "$tag" "$@" "$root" >/dev/null
}

case "${1:-}" in
  env) write_config; print_env ;;
  build)
    ensure_tools
    use_config
    shift
    build_image "${1:-ghcr.io/klinky/action:local}" "${@:2}"
    ;;
  *) echo "usage: .ci/container.sh build [TAG [podman build options]] | env" >&2; exit 2 ;;
esac
