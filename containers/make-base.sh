#!/usr/bin/env bash
# Makes the offline CPU base image localhost/segpref-base:bookworm from Debian 12 packages (no registry needed):
# only the libraries the self-contained services load (glibc, libgcc, libstdc++, OpenSSL 3) and the CA bundle,
# extracted with mmdebstrap and trimmed (no shell, no package manager, no docs), plus a non-root user (app, 1654,
# as in Microsoft's .NET images). The static busybox becomes an image of its own, localhost/segpref-busybox:bookworm,
# for the small-models image's copy step.
#
#   containers/make-base.sh [--tag localhost/segpref-base:bookworm] [--force]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/containers.conf}"
tag=localhost/segpref-base:bookworm
busybox_tag=localhost/segpref-busybox:bookworm
force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag="$2"; shift 2 ;;
    --force) force=1; shift ;;
    *) echo "make-base.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

# The package set is part of the image's identity: a changed list (or this script) makes a new base.
packages="base-files,libc6,libgcc-s1,libstdc++6,libssl3,ca-certificates,busybox-static"
recipe="$(cat "$0" "$here/base/trim-rootfs.sh" | sha256sum | cut -c1-16)"
if [ "$force" = 0 ] && [ "$(podman image inspect --format '{{index .Labels "segpref.base.recipe"}}' "$tag" 2>/dev/null || true)" = "$recipe" ]; then
  echo "base image $tag is up to date (recipe $recipe)"
  exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/segpref-base.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# extract: unpack the packages (and their hard dependencies) without running maintainer scripts, so nothing
# from dpkg, apt or a shell is needed inside; the extract hook lists the packages (for scanners and people) while
# their .deb files are still there, and trim-rootfs.sh then does what the scripts would have done and trims.
mmdebstrap --quiet --variant=extract --include="$packages" \
  --extract-hook='mkdir -p "$1/usr/share/segpref-base" && { echo "# Debian packages extracted for this image (then trimmed: see containers/base/trim-rootfs.sh)"; for d in "$1"/var/cache/apt/archives/*.deb; do dpkg-deb --show --showformat "\${Package} \${Version} \${Architecture}\n" "$d"; done | sort; } > "$1/usr/share/segpref-base/packages.txt"' \
  bookworm "$work/rootfs"
"$here/base/trim-rootfs.sh" "$work/rootfs" "$work/busybox"
tar -C "$work/rootfs" -c . | podman import --quiet \
  --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
  --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' \
  --change 'USER 1654:1654' \
  --change "LABEL segpref.base.recipe=$recipe" \
  --change 'LABEL org.opencontainers.image.description="SegPref.Mesh offline CPU base: Debian 12 glibc, libstdc++, OpenSSL 3, CA bundle; no shell"' \
  - "$tag" >/dev/null
# The static busybox alone, for the small-models image's copy step (models into a volume).
tar -C "$work/busybox" -c . | podman import --quiet --change 'USER 1654:1654' --change "LABEL segpref.base.recipe=$recipe" \
  - "$busybox_tag" >/dev/null
for image in "$tag" "$busybox_tag"; do
  podman image inspect --format '{{.Size}}' "$image" | awk -v t="$image" '{printf "%s: %.1f MB\n", t, $1/1e6}'
done
