#!/bin/sh
# Builds newlib for Breenix, one step per call, for libc/newlib/CMakeLists.txt:
#   build.sh unpack TARBALL SRC PATCH...   fresh source tree with the patches
#   build.sh configure SRC OBJ CC          configure for x86_64-breenix-elf
#   build.sh make SRC OBJ SYSDIR UAPI SYSROOT JOBS GENERATED
#                                          our files and the uapi headers
#                                          (GENERATED: the syscall numbers)
#                                          into the tree, make, install into
#                                          SYSROOT/{include,lib}
set -eu

target=x86_64-breenix-elf

# copy_tree FROM TO: files of FROM that differ into TO, keeping their
# times, so make rebuilds only what changed; prints each header copied.
copy_tree() {
	(cd "$1" && find . -type f) | while read -r f; do
		if ! cmp -s "$1/$f" "$2/$f"; then
			mkdir -p "$(dirname "$2/$f")"
			cp -p "$1/$f" "$2/$f"
			case $f in *.h) echo "$f" ;; esac
		fi
	done
}

case $1 in
unpack)
	tarball=$2 src=$3
	shift 3
	rm -rf "$src" "$src.tmp"
	mkdir -p "$src.tmp"
	tar -xJf "$tarball" -C "$src.tmp" --strip-components=1
	for p in "$@"; do
		patch -s -p1 -d "$src.tmp" <"$p"
	done
	# The sys directory's configure is newlib's generic one (the same
	# script serves every sys directory), pointed at a file of ours.
	sys=$src.tmp/newlib/libc/sys
	mkdir -p "$sys/breenix"
	sed 's/^ac_unique_file="lock.c"$/ac_unique_file="crt0.S"/' "$sys/tirtos/configure" \
		>"$sys/breenix/configure"
	chmod +x "$sys/breenix/configure"
	mv "$src.tmp" "$src"
	;;
configure)
	src=$2 obj=$3 cc=$4
	rm -rf "$obj"
	mkdir -p "$obj"
	cd "$obj"
	"$src/configure" --target=$target --prefix=/ --disable-multilib \
		--enable-newlib-io-long-long \
		--enable-newlib-io-c99-formats --disable-newlib-multithread \
		--enable-newlib-mb=no --enable-newlib-register-fini=no \
		CC_FOR_TARGET="$cc" AR_FOR_TARGET=ar AS_FOR_TARGET=as LD_FOR_TARGET=ld \
		RANLIB_FOR_TARGET=ranlib NM_FOR_TARGET=nm OBJDUMP_FOR_TARGET=objdump \
		READELF_FOR_TARGET=readelf STRIP_FOR_TARGET=strip \
		CFLAGS_FOR_TARGET="-O2 -g" >configure.log 2>&1 ||
		{ tail -30 configure.log; exit 1; }
	;;
make)
	src=$2 obj=$3 sysdir=$4 uapi=$5 sysroot=$6 jobs=$7 generated=$8
	dir=$src/newlib/libc/sys/breenix
	headers=$(copy_tree "$sysdir" "$dir"; copy_tree "$uapi" "$dir/include"
		copy_tree "$generated" "$dir/include")
	# newlib copies the headers into targ-include only when its stamp is gone.
	if [ -n "$headers" ]; then
		rm -f "$obj/$target/newlib/stmp-targ-include"
	fi
	make -C "$obj" -j"$jobs" all-target-newlib >"$obj/make.log" 2>&1 ||
		{ grep -E -A3 'error:|Error [0-9]' "$obj/make.log" | head -60; exit 1; }
	rm -rf "$obj/install"
	# newlib installs our include/ subdirectories' headers without making
	# the directories.
	for d in "$dir"/include/*/; do
		mkdir -p "$obj/install/$target/include/$(basename "$d")"
	done
	make -C "$obj" install-target-newlib DESTDIR="$obj/install" >"$obj/install.log" 2>&1 ||
		{ tail -30 "$obj/install.log"; exit 1; }
	rm -rf "$sysroot/include" "$sysroot/lib"
	mkdir -p "$sysroot"
	cp -a "$obj/install/$target/include" "$obj/install/$target/lib" "$sysroot/"
	;;
*)
	echo "usage: build.sh unpack|configure|make ..." >&2
	exit 2
	;;
esac
