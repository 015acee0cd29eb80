#!/bin/sh
# The initrd packer: a root tree plus an overlay make one cpio "newc" archive
# in which overlay files are added and win over root-tree files of the same
# name, owners are root, and packing the same trees twice gives the same bytes;
# /etc/initrd.manifest lists every other entry with the right hash.
set -eu
cmake=$1 script=$2 work=$3
rm -rf "$work" && mkdir -p "$work/root/etc" "$work/overlay/etc" "$work/overlay/home/user"
echo breenix > "$work/root/etc/hostname"
echo from-root > "$work/root/etc/motd"
echo from-overlay > "$work/overlay/etc/motd"
echo hello > "$work/overlay/home/user/hello.txt"
ln -s hello.txt "$work/overlay/home/user/link"

pack() {
	"$cmake" -DROOTFS="$work/root" -DOVERLAY="$work/overlay" -DOUT="$1" -P "$script"
}
pack "$work/a.cpio"
pack "$work/b.cpio"
cmp "$work/a.cpio" "$work/b.cpio" || { echo "FAIL: packing is not reproducible"; exit 1; }

head -c 6 "$work/a.cpio" | grep -q '^070701$' || { echo "FAIL: not a newc archive"; exit 1; }
mkdir "$work/out"
(cd "$work/out" && cpio --quiet -idm --no-absolute-filenames < "$work/a.cpio")
[ "$(cat "$work/out/etc/hostname")" = breenix ] || { echo "FAIL: root file missing"; exit 1; }
[ "$(cat "$work/out/etc/motd")" = from-overlay ] || { echo "FAIL: overlay did not win"; exit 1; }
[ "$(cat "$work/out/home/user/hello.txt")" = hello ] || { echo "FAIL: overlay file missing"; exit 1; }
[ "$(readlink "$work/out/home/user/link")" = hello.txt ] || { echo "FAIL: symlink lost"; exit 1; }
cpio --quiet -itv < "$work/a.cpio" | awk '$3 != "root" || $4 != "root" { bad = 1 } END { exit bad }' ||
	{ echo "FAIL: entries not owned by root"; exit 1; }

m="$work/out/etc/initrd.manifest"
[ "$(wc -l < "$m")" -eq "$(find "$work/out" -mindepth 1 | grep -vc '/etc/initrd.manifest$')" ] ||
	{ echo "FAIL: manifest does not list every entry"; exit 1; }
grep -qx '/etc/motd f 0644 13 1 [0-9a-f]\{16\}' "$m" || { echo "FAIL: manifest lacks /etc/motd"; exit 1; }
grep -qx '/home/user/link l 0777 9 1 [0-9a-f]\{16\}' "$m" || { echo "FAIL: manifest lacks the symlink"; exit 1; }
grep -qx '/home d 0755 0 1 -' "$m" || { echo "FAIL: manifest lacks /home"; exit 1; }
LC_ALL=C sort -c "$m" || { echo "FAIL: manifest not sorted"; exit 1; }

if "$cmake" -DROOTFS="$work/root" -DOVERLAY="$work/missing" -DOUT="$work/c.cpio" -P "$script" 2>/dev/null; then
	echo "FAIL: a missing overlay directory was accepted"; exit 1
fi
echo "PASS: initrd overlay"
