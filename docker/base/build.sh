#!/usr/bin/env bash
# Builds the two base images docker-compose.yml needs, from Debian packages, for a machine that reaches no
# image registry (the public defaults are eclipse-temurin:17-jre and postgres:16-alpine):
#   double-time/jre:17-bookworm        Debian bookworm + openjdk-17-jre-headless
#   double-time/postgres:15-bookworm   Debian bookworm + postgresql, with an entrypoint that takes the official
#                                      image's POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB
# Each is built only when missing or made by another version of this recipe (label org.doubletime.recipe), so
# a second run costs a second. Needs root (debootstrap), a running Docker engine and the debootstrap package.
#   docker/base/build.sh [--force]     then, e.g. in .env:
#   DT_JAVA_IMAGE=double-time/jre:17-bookworm
#   DT_POSTGRES_IMAGE=double-time/postgres:15-bookworm
# DEBIAN_MIRROR picks the mirror (default: the one apt uses here, else deb.debian.org).
set -euo pipefail
cd "$(dirname "$0")"

SUITE=bookworm
JAVA_IMAGE=double-time/jre:17-bookworm
POSTGRES_IMAGE=double-time/postgres:15-bookworm
RECIPE_LABEL=org.doubletime.recipe
RECIPE=$(cat build.sh jre.Dockerfile postgres.Dockerfile postgres-entrypoint.sh | sha256sum | cut -c1-16)
FORCE=${1:-}
# the engine's own builder: the same with any docker CLI (a newer CLI would want its buildx plugin)
export DOCKER_BUILDKIT=0

mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then
    echo "$DEBIAN_MIRROR"
    return
  fi
  local uri
  uri=$(grep -h -E '^[[:space:]]*(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
          grep -o -E 'https?://[^ ]+/debian/?( |$)' | head -1 | tr -d ' ' || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

up_to_date() {
  [ "$FORCE" != "--force" ] &&
    [ "$(docker image inspect -f "{{index .Config.Labels \"$RECIPE_LABEL\"}}" "$1" 2>/dev/null)" = "$RECIPE" ]
}

# build TAG DOCKERFILE PACKAGES: debootstrap a minimal bookworm with the packages, import it, finish it with
# the Dockerfile
build() {
  local tag=$1 dockerfile=$2 packages=$3
  if up_to_date "$tag"; then
    echo "base image $tag: present (recipe $RECIPE)"
    return
  fi
  local started root rootfs_tag build_args=()
  started=$(date +%s)
  root=$(mktemp -d "${TMPDIR:-/tmp}/double-time-rootfs.XXXXXX")
  rootfs_tag="double-time/rootfs:$(basename "$root" | tr '[:upper:]' '[:lower:]' | tr -cd 'a-z0-9')"
  echo "base image $tag: debootstrap $SUITE + $packages from $(mirror) ..."
  if ! debootstrap --variant=minbase --include="$packages" "$SUITE" "$root" "$(mirror)" > "$root.log" 2>&1; then
    tail -20 "$root.log" >&2
    echo "base image $tag: debootstrap failed (log: $root.log)" >&2
    rm -rf "$root"
    return 1
  fi
  # what no container reads: package caches, documentation, translations
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/* \
         "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/* "$root"/usr/share/info/*
  tar -C "$root" -c . | docker import - "$rootfs_tag" > /dev/null
  if [ -d "$root/usr/lib/postgresql" ]; then
    build_args+=(--build-arg "PG_VERSION=$(ls "$root/usr/lib/postgresql" | sort -n | tail -1)")
  fi
  rm -rf "$root" "$root.log"
  docker build -q -t "$tag" --label "$RECIPE_LABEL=$RECIPE" --build-arg "ROOTFS=$rootfs_tag" "${build_args[@]}" \
      -f "$dockerfile" . > /dev/null
  docker rmi "$rootfs_tag" > /dev/null
  echo "base image $tag: built in $(( $(date +%s) - started )) s"
}

build "$JAVA_IMAGE" jre.Dockerfile openjdk-17-jre-headless
build "$POSTGRES_IMAGE" postgres.Dockerfile postgresql
