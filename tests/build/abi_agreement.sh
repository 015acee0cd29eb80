#!/bin/sh
# The ABI agreement test (abi_agreement.c): generate the kernel's side from
# its sources, then compile the checks against the sysroot's headers with
# x86_64-breenix-gcc. A disagreement is a compile error naming it.
set -eu
gen=$1 src=$2 cc=$3 kernel=$4 work=$5
rm -rf "$work" && mkdir -p "$work"
python3 "$gen" "$kernel/include/uapi" "$kernel/syscalls.tbl" "$kernel/fs/stat.c" \
	"$kernel/fs/readdir.c" "$work/abi_kernel.h"
"$cc" -std=gnu11 -Wall -Wextra -Werror -I"$work" -c -o "$work/abi_agreement.o" "$src"
echo "abi_agreement: the sysroot's headers agree with the kernel's ABI"
