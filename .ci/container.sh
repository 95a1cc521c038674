#!/usr/bin/env bash
# Builds the action's image from action/Dockerfile with the machine's container engine, the way the release workflow
# builds it with Docker:
#   .ci/container.sh engine         -> the engine this machine has (docker or podman; KLINKY_CONTAINER_ENGINE overrides,
#                                      =none as if there were none), or nothing and exit 1 when it has none
#   .ci/container.sh build [TAG [build options]]  -> TAG (default ghcr.io/klinky/action:local); prints which bases it used
#   .ci/container.sh prepare        -> only the base images (pulled, or stand-ins composed)
#   .ci/container.sh env            -> the export lines that point the engine at the project's settings and storage
# Bases: the Dockerfile's real FROM images, pulled, whenever a registry answers. Only when none does (offline, as in this
# project's sandbox) are stand-ins composed (Debian packages via mmdebstrap plus this machine's .NET), tagged with the
# FROM names and a label naming their recipe; they are recomposed when the FROM lines or the host's .NET change, and the
# output says "stand-in bases (offline)". The test of the image's layers reads the same label.
# Sandbox settings (podman only): runc with fixed ulimits and the host network for builds, which a sandbox without
# cgroup v2 or rlimit rights needs (crun there cannot set rlimits, and cgroups are hybrid). Applied when detected (cgroup v1/hybrid) or KLINKY_CONTAINER_SANDBOX=1;
# KLINKY_CONTAINER_SANDBOX=0 turns them off.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${KLINKY_PODMAN_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/klinky/podman}"
standin_label="org.klinky.stand-in"

engine() {
  case "${KLINKY_CONTAINER_ENGINE:-}" in
    none) return 1 ;; # as a machine without one: the container tests are skipped, and said to be
    ?*) echo "$KLINKY_CONTAINER_ENGINE"; return ;;
  esac
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then echo docker; return; fi
  if command -v podman >/dev/null 2>&1; then echo podman; return; fi
  return 1
}

sandboxed() {
  case "${KLINKY_CONTAINER_SANDBOX:-}" in
    1) return 0 ;;
    0) return 1 ;;
  esac
  [ "$(stat -fc %T /sys/fs/cgroup 2>/dev/null)" != cgroup2fs ]
}

# podman keeps the project's images in their own storage (kept between runs, outside the work tree); in a sandbox, runc
# with explicit ulimits. Docker needs neither.
write_config() {
  mkdir -p "$state/storage" "$state/run"
  {
    if sandboxed; then
      printf '[containers]\ndefault_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]\n[engine]\nruntime = "runc"\n'
    fi
  } >"$state/containers.conf"
  printf '[storage]\ndriver = "overlay"\ngraphroot = "%s"\nrunroot = "%s"\n' "$state/storage" "$state/run" >"$state/storage.conf"
}

print_env() {
  local name
  name="$(engine)" || { echo "# no container engine"; return; }
  printf 'export KLINKY_CONTAINER_ENGINE=%q\n' "$name"
  if [ "$name" = podman ]; then
    write_config
    printf 'export CONTAINERS_CONF=%q CONTAINERS_STORAGE_CONF=%q\n' "$state/containers.conf" "$state/storage.conf"
  fi
}

bases() { sed -n 's/^FROM[[:space:]]\{1,\}\([^[:space:]]*\).*/\1/p' "$root/action/Dockerfile"; }

# A registry answers when its API root does (401 without credentials still answers): a quick probe, not a long pull.
registry_answers() { # image
  local host="${1%%/*}"
  curl -s -o /dev/null -m 8 "https://$host/v2/"
}

# What a stand-in is made of: its FROM name, this script's recipe and the host's .NET; a change recomposes it.
recipe() { # image
  { echo "$1"; sed -n '/^compose_sdk()/,/^compose()/p' "${BASH_SOURCE[0]}"; dotnet --version; dotnet --list-runtimes; } | sha256sum | cut -c1-16
}

label_of() { "$ENGINE" image inspect --format "{{ index .Config.Labels \"$standin_label\" }}" "$1" 2>/dev/null || true; }

# The SDK stage's stand-in: a minimal Debian with what .NET and Native AOT need (gcc, libc6-dev, zlib1g-dev: the
# project links with gcc when clang is absent), this machine's whole .NET, and its CA certificates (NuGet restore inside
# the build goes through the machine's egress proxy, whose certificate it must trust).
compose_sdk() { # image work
  local dotnet_root
  dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  mmdebstrap --quiet --variant=essential \
    --include=ca-certificates,libicu72,libssl3,zlib1g,libstdc++6,libgcc-s1,tzdata,gcc,libc6-dev,zlib1g-dev \
    --customize-hook="mkdir -p \"\$1/usr/share/dotnet\" && cp -a '$dotnet_root/.' \"\$1/usr/share/dotnet/\"" \
    --customize-hook="ln -sf /usr/share/dotnet/dotnet \"\$1/usr/bin/dotnet\"" \
    --customize-hook="cp /usr/local/share/ca-certificates/*.crt \"\$1/usr/local/share/ca-certificates/\" 2>/dev/null || true" \
    --customize-hook="chroot \"\$1\" update-ca-certificates >/dev/null 2>&1" \
    bookworm "$2/rootfs.tar"
}

# The runtime-deps stand-in, chiseled-like: no shell, no package manager, no .NET; the C libraries, OpenSSL and the CA
# certificates a native .NET program needs, users root and app (1654) as in Microsoft's chiseled images.
compose_runtime_deps() { # image work
  mmdebstrap --quiet --variant=extract --include=libc6,libgcc-s1,libstdc++6,libssl3,zlib1g,ca-certificates \
    --extract-hook="mkdir -p \"\$1/usr/bin\" \"\$1/etc/ssl/certs\" \"\$1/tmp\" && chmod 1777 \"\$1/tmp\"" \
    --extract-hook="cp /etc/ssl/certs/ca-certificates.crt \"\$1/etc/ssl/certs/\"" \
    --extract-hook="printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654:app:/home/app:/sbin/nologin\n' >\"\$1/etc/passwd\"" \
    --extract-hook="printf 'root:x:0:\napp:x:1654:\n' >\"\$1/etc/group\"" \
    --extract-hook="rm -rf \"\$1/usr/share/doc\" \"\$1/usr/share/man\" \"\$1/usr/share/lintian\" \"\$1/usr/share/locale\" \"\$1/var/cache/apt\" \"\$1/var/lib/apt\" \"\$1/usr/lib/x86_64-linux-gnu/gconv\"" \
    bookworm "$2/rootfs.tar"
}

compose() { # image
  local image="$1" work label
  label="$(recipe "$image")"
  [ "$(label_of "$image")" = "$label" ] && return
  command -v mmdebstrap >/dev/null 2>&1 || { echo "offline and no mmdebstrap to compose $image: run ./build.sh setup" >&2; return 1; }
  echo "  composing stand-in for $image (recipe $label)"
  work="$(mktemp -d)"
  case "$image" in
    */dotnet/sdk:*) compose_sdk "$image" "$work"
      "$ENGINE" import --quiet --change "LABEL $standin_label=$label" "$work/rootfs.tar" "$image" >/dev/null ;;
    */dotnet/runtime-deps:*) compose_runtime_deps "$image" "$work"
      "$ENGINE" import --quiet --change "LABEL $standin_label=$label" --change "USER 1654" \
        --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" "$work/rootfs.tar" "$image" >/dev/null ;;
    *) rm -rf "$work"; echo "no stand-in recipe for base image $image" >&2; return 1 ;;
  esac
  rm -rf "$work"
}

# Real bases when the registry answers (pulled, so they are current), stand-ins otherwise; prints which.
ensure_bases() {
  local image offline=()
  while read -r image; do
    if registry_answers "$image" && "$ENGINE" pull --quiet "$image" >/dev/null; then
      continue
    fi
    offline+=("$image")
    compose "$image"
  done < <(bases)
  if [ ${#offline[@]} -eq 0 ]; then
    echo "  real bases (pulled): $(bases | tr '\n' ' ')"
    echo real >"$state/bases"
  else
    echo "  stand-in bases (offline): ${offline[*]} unreachable; composed locally (see .ci/container.sh)"
    echo stand-in >"$state/bases"
  fi
}

build_image() {
  local tag="$1"
  shift
  ensure_bases
  local options=(--quiet -f "$root/action/Dockerfile" -t "$tag")
  if [ "$ENGINE" = podman ]; then
    # podman sets TARGETARCH (the Dockerfile's runtime identifier) only for an explicit platform; BuildKit always does.
    options+=(--pull=never --platform "linux/$(podman info --format '{{.Host.Arch}}')")
    sandboxed && options+=(--network host)
  fi
  "$ENGINE" build "${options[@]}" "$@" "$root" >/dev/null
}

case "${1:-}" in
  engine) engine ;;
  env) print_env ;;
  build|prepare)
    ENGINE="$(engine)" || { echo "no container engine (docker or podman): run ./build.sh setup, or install one" >&2; exit 1; }
    mkdir -p "$state"
    eval "$(print_env)"
    if [ "$1" = prepare ]; then ensure_bases; exit 0; fi
    shift
    build_image "${1:-ghcr.io/klinky/action:local}" "${@:2}"
    ;;
  bases) cat "$state/bases" 2>/dev/null ;;
  *) echo "usage: .ci/container.sh engine | env | prepare | build [TAG [build options]] | bases" >&2; exit 2 ;;
esac
