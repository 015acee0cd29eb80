#!/usr/bin/env python3
"""One boot test for CTest: boot the ISO (QEMU BIOS/UEFI or Bochs) with a command line,
expect serial lines in order, reject others, and check how the guest exits.
Exit status 0 means the test passed; on failure the serial log is printed."""

import argparse
import re
import sys
import time

import breenix_harness as bh

EXITS = {"pass": bh.PASS_STATUS, "fail": bh.FAIL_STATUS}
# A guest expected to halt must still be running this long after its last line.
HALT_GRACE = 2.0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--iso", required=True, help="the bootable ISO")
    parser.add_argument("--elf", help="kernel ELF with symbols, for --trace")
    parser.add_argument("--firmware", choices=("bios", "uefi", "bochs"), default="bios")
    parser.add_argument("--mem", type=int, default=256, help="guest RAM in MiB")
    parser.add_argument("--cmdline", default="console=ttyS0 test=boot", help="kernel command line")
    parser.add_argument("--banner", action="store_true",
                        help="expect the boot banner: this command line, memory consistent with --mem")
    parser.add_argument("--expect", action="append", default=[], metavar="REGEX",
                        help="a whole serial line to wait for, after the previous one (repeatable)")
    parser.add_argument("--trace", metavar="FUNC",
                        help="expect a call-trace line naming FUNC+0xOFF, checked against --elf")
    parser.add_argument("--reject", action="append", default=[], metavar="REGEX",
                        help="no serial line may match this as a whole (repeatable)")
    parser.add_argument("--exit", choices=sorted(EXITS) + ["halt"],
                        help="expected isa-debug-exit result (QEMU only), or halt: the guest stops and stays up")
    parser.add_argument("--cpu", help="QEMU CPU model instead of the default (e.g. qemu64,-lm)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds for the whole test")
    args = parser.parse_args()
    if args.trace and not args.elf:
        parser.error("--trace needs --elf")
    if args.exit and args.firmware == "bochs":
        parser.error("Bochs has no isa-debug-exit; --exit is for QEMU")
    return args


def start(args):
    if args.firmware == "bochs":
        return bh.Bochs(args.iso, args.mem, args.cmdline)
    return bh.Qemu(args.iso, args.firmware, args.mem, args.cmdline, cpu=args.cpu)


def check(guest, args, remaining):
    if args.banner:
        total, usable = guest.expect_banner(args.mem, args.cmdline, remaining())
        print(f"banner ok: {total} MiB total, {usable} MiB usable of {args.mem} MiB")
    for pattern in args.expect:
        print(f"seen: {guest.expect(pattern, remaining()).group(0)}")
    if args.trace:
        entry = guest.expect(bh.trace_pattern(args.trace), remaining())
        bh.check_trace_entry(entry, args.elf)
        print(f"trace ok: {entry.group(0).strip()}")
    if args.exit == "halt":
        check_halted(guest)
        return
    status = guest.wait_exit(remaining())
    if args.exit and status != EXITS[args.exit]:
        raise bh.HarnessError(f"QEMU exit status {bh.describe_status(status)}; expected "
                              f"{bh.describe_status(EXITS[args.exit])}")
    for pattern in args.reject:
        bad = [line for line in guest.lines if re.fullmatch(pattern, line)]
        if bad:
            raise bh.HarnessError(f"serial line matches rejected {pattern!r}: {bad[0]!r}")
    print(f"exit ok: {bh.describe_status(status) if args.firmware != 'bochs' else 'Bochs shut down'}")


def check_halted(guest):
    try:
        status = guest.wait_exit(HALT_GRACE)
    except bh.HarnessError:
        print("halt ok: the guest stopped and stayed up")
        return
    raise bh.HarnessError(f"the guest exited ({bh.describe_status(status)}); expected it to halt")


def main():
    args = parse_args()
    began = time.monotonic()

    def remaining():
        return max(0.0, began + args.timeout - time.monotonic())

    try:
        guest = start(args)
    except bh.HarnessError as err:
        print(f"FAILED: {err}")
        return 1
    try:
        with guest:
            check(guest, args, remaining)
    except bh.HarnessError:
        return 1  # the guest's report has been printed
    print(f"PASSED in {time.monotonic() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
