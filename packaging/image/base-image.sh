#!/usr/bin/env bash
# Builds the base image of Switchboard's container image, without a container engine or a
# registry (docs/adr/0017): a Java runtime cut from the building JDK with jlink, the C libraries
# it links against copied from this machine's Debian packages (their package names and versions
# are recorded in the image), a non-root user and the data directory it owns. Written as a
# `docker save` tarball, which Jib takes as its base (`tar://`).
#
#   packaging/image/base-image.sh <output dir> [<JDK home>]      (the Maven profile "image")
set -euo pipefail
OUT=$(mkdir -p "$1" && cd "$1" && pwd)
JDK=${2:-${JAVA_HOME:?set JAVA_HOME or pass a JDK}}
UID_GID=10001
# What Switchboard uses: HTTP and JDBC, XML (Tika), pictures (ImageIO), JMX metrics, JFR, DNS.
MODULES=java.base,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.prefs,java.scripting,java.security.jgss,java.security.sasl,java.sql,\
java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.jfr,\
jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs

ROOTFS=$OUT/rootfs
rm -rf "$ROOTFS" "$OUT/layer.tar" "$OUT/base.tar"
mkdir -p "$ROOTFS"/{opt,etc,tmp,var/lib/switchboard,proc,dev,usr/share/switchboard}
chmod 1777 "$ROOTFS/tmp"

"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$ROOTFS/opt/java"

# Shared libraries the runtime needs (headless: the X11, sound and splash-screen bridges are
# left out, as is anything they alone need), with the dynamic loader, at their own paths.
libraries() {
  find "$ROOTFS/opt/java" -name '*.so' ! -name 'libawt_xawt.so' ! -name 'libjawt.so' \
    ! -name 'libsplashscreen.so' ! -name 'libjsound.so'
  echo "$ROOTFS/opt/java/bin/java"
}
: >"$OUT/libraries"
for binary in $(libraries); do
  ldd "$binary" | awk '/=> \// { print $3 } /^\t\/.*ld-linux/ { print $1 }' >>"$OUT/libraries"
done
for lib in $(grep -v "^$ROOTFS" "$OUT/libraries" | sort -u); do
  mkdir -p "$ROOTFS$(dirname "$lib")"
  cp -L "$lib" "$ROOTFS$lib"
done
# Debian's loader lives in /lib64 by path in every binary's header.
if [ ! -e "$ROOTFS/lib64/ld-linux-x86-64.so.2" ]; then
  mkdir -p "$ROOTFS/lib64"
  cp -L /lib64/ld-linux-x86-64.so.2 "$ROOTFS/lib64/"
fi
# Which Debian packages those files came from, for security updates of the image.
{
  echo "Runtime: $("$JDK/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java.runtime.version = //p') (jlink: $MODULES)"
  for lib in $(grep -v "^$ROOTFS" "$OUT/libraries" | sort -u); do
    package=$( (dpkg -S "$lib" || dpkg -S "$(readlink -f "$lib")") 2>/dev/null |
      head -n 1 | cut -d: -f1 || true)
    if [ -n "$package" ]; then
      dpkg-query -W -f='${Package} ${Version}\n' "$package"
    fi
  done | sort -u
} >"$ROOTFS/usr/share/switchboard/base-packages.txt"

cat >"$ROOTFS/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
switchboard:x:$UID_GID:$UID_GID:Switchboard:/var/lib/switchboard:/sbin/nologin
PASSWD
cat >"$ROOTFS/etc/group" <<GROUP
root:x:0:
switchboard:x:$UID_GID:
GROUP
printf 'hosts: files dns\n' >"$ROOTFS/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' >"$ROOTFS/etc/hosts"

# One layer: everything root's, but the data directory, which is the user's (owner only).
TAR_OPTS=(--numeric-owner --sort=name --mtime=@0 --format=posix --pax-option=delete=atime,delete=ctime)
tar "${TAR_OPTS[@]}" --owner=0 --group=0 --exclude=./var/lib/switchboard \
  -C "$ROOTFS" -cf "$OUT/layer.tar" .
chmod 0700 "$ROOTFS/var/lib/switchboard"
tar "${TAR_OPTS[@]}" --owner=$UID_GID --group=$UID_GID --no-recursion \
  -C "$ROOTFS" -rf "$OUT/layer.tar" ./var/lib/switchboard

LAYER_SHA=$(sha256sum "$OUT/layer.tar" | cut -d' ' -f1)
cat >"$OUT/config.json" <<CONFIG
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$LAYER_SHA"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"packaging/image/base-image.sh"}]}
CONFIG
cat >"$OUT/manifest.json" <<MANIFEST
[{"Config":"config.json","RepoTags":["switchboard-base:local"],"Layers":["layer.tar"]}]
MANIFEST
tar "${TAR_OPTS[@]}" --owner=0 --group=0 -C "$OUT" -cf "$OUT/base.tar" \
  manifest.json config.json layer.tar
rm -f "$OUT/layer.tar"
echo "base image: $OUT/base.tar ($(du -h "$OUT/base.tar" | cut -f1))"
