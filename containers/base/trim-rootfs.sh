#!/usr/bin/env bash
# make-base.sh's clean-up of the unpacked root "$1" (after mmdebstrap, whose extract hook wrote the package list):
# writes what the packages' maintainer scripts would have made, keeps busybox aside in "$2", and removes what
# nothing runs here.
set -euo pipefail
root="$1"
aside="$2"

mkdir -p "$root/etc/ssl/certs"
cat "$root"/usr/share/ca-certificates/mozilla/*.crt > "$root/etc/ssl/certs/ca-certificates.crt"
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654:app:/home/app:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\napp:x:1654:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
mkdir -p "$root/home/app" && chown 1654:1654 "$root/home/app"
chmod 1777 "$root/tmp"

# busybox goes to the small-models image only (its copy step); the base has no shell.
mkdir -p "$aside/bin" && cp "$root/bin/busybox" "$aside/bin/busybox"

# No shell, package manager, debconf, perl modules, docs (the copyright files stay), locales or iconv modules.
find "$root/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$root"/bin/* "$root"/sbin "$root"/usr/bin/* "$root"/usr/sbin/* \
  "$root"/usr/share/{man,info,perl5,debconf,lintian,gdb,bash-completion,pixmaps,locale,gcc,bug,menu} \
  "$root"/usr/share/initramfs-tools "$root"/usr/lib/x86_64-linux-gnu/gconv "$root"/usr/lib/ssl/misc \
  "$root"/etc/resolv.conf "$root"/etc/hostname "$root"/etc/update-motd.d \
  "$root"/etc/apt "$root"/etc/dpkg "$root"/etc/debconf.conf "$root"/etc/ca-certificates \
  "$root"/var/lib/apt "$root"/var/cache/apt "$root"/var/cache/debconf "$root"/var/log/apt "$root"/var/lib/dpkg
