#!/bin/sh
# The syscall-table generator: a table becomes the kernel's dispatch array
# and the userland's numbers, and a malformed table (duplicate number or
# name, bad argument letters, too many arguments, wrong field count) is
# refused with a message naming the line, never turned into a table.
set -eu
gen=$1 tbl=$2 work=$3
rm -rf "$work" && mkdir -p "$work"

run() {
	python3 "$gen" "$1" --kernel-table "$work/t.c" --unistd "$work/u.h" \
		--sys-syscall "$work/s.h"
}

run "$tbl" || { echo "FAIL: the real table was refused"; exit 1; }
grep -q '^#define __NR_arch_prctl 158$' "$work/u.h" || { echo "FAIL: __NR_arch_prctl"; exit 1; }
grep -q '^#define SYS_arch_prctl __NR_arch_prctl$' "$work/s.h" || { echo "FAIL: SYS_arch_prctl"; exit 1; }
grep -q '\[158\] = { __x64_sys_arch_prctl, "arch_prctl", "dx", false },' "$work/t.c" ||
	{ echo "FAIL: dispatch entry"; exit 1; }

printf '0 read read d,p,u\n60 exit exit d!\n' > "$work/ok.tbl"
run "$work/ok.tbl" || { echo "FAIL: a good table was refused"; exit 1; }
grep -q '\[60\] = { __x64_sys_exit, "exit", "d", true },' "$work/t.c" ||
	{ echo "FAIL: noreturn flag"; exit 1; }
grep -q 'nr_syscalls = 61;' "$work/t.c" || { echo "FAIL: nr_syscalls"; exit 1; }

bad() {
	printf "$1" > "$work/bad.tbl"
	if run "$work/bad.tbl" 2> "$work/err"; then
		echo "FAIL: accepted: $2"; exit 1
	fi
	grep -q 'bad.tbl:' "$work/err" || { echo "FAIL: no line named for: $2"; exit 1; }
}
bad '0 read read d\n0 write write d\n' "a duplicate number"
bad '0 read read d\n1 read read d\n' "a duplicate name"
bad '0 read read q\n' "an unknown argument letter"
bad '0 read read d,d,d,d,d,d,d\n' "seven arguments"
bad '0 read read\n' "three fields"
bad '0 Read read d\n' "a bad identifier"
bad '99999 read read d\n' "a number out of range"
echo "PASS: syscall table generator"
