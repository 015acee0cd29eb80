#!/usr/bin/env python3
"""One in-guest test for CTest: boot the ISO with "init=/test/runner PROGRAM [ARGS...]",
let the runner (userland/tests/runner.c, PID 1) run the test program (or "all" of
them) and power the machine off, and judge the serial log: QEMU must exit through the guest's power-off
within the timeout, the runner must report the program passed, and no test case
("not ok") or kernel panic may appear. On failure the serial log is printed.
With --linux DIR it boots Debian's Linux kernel on the same QEMU instead, with DIR's
files (build/rootfs/test) as /test in its initramfs: the same check, under Linux.

usage: guesttest.py (--iso ISO | --linux DIR) [--firmware bios|uefi] [--mem MiB]
                    [--timeout S] [--append WORDS] -- PROGRAM [ARGS...]"""

import os

import argparse
import re
import sys
import time

import breenix_harness as bh

# A guest powered off through ACPI makes QEMU exit with status 0 (not an isa-debug-exit status).
POWEROFF_STATUS = 0
PANIC = r".*Kernel panic.*"
REJECT = (
    (r"not ok \d+ - .*", "a test case failed"),
    (PANIC, "the kernel panicked"),
    (r"runner: orphans still running .*", "the test left processes running"),
    (r"runner: reboot\(POWER_OFF\): .*", "the runner could not power off"),
)
POLL = 0.25


def unescape(text):
    """TEXT with its C escapes (\\r \\n \\t \\e \\xNN \\\\) turned into the characters."""
    return re.sub(r"\\(x[0-9a-fA-F]{2}|.)", lambda m: unescape_one(m.group(1)), text)


def unescape_one(esc):
    if esc[0] == "x":
        return chr(int(esc[1:], 16))
    return {"r": "\r", "n": "\n", "t": "\t", "e": "\x1b", "\\": "\\"}.get(esc, "\\" + esc)


KEY_NAMES = {" ": "spc", "\n": "ret"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--iso", help="the bootable ISO")
    where.add_argument("--linux", metavar="DIR", help="boot Linux with DIR's files as /test instead")
    parser.add_argument("--firmware", choices=("bios", "uefi"), default="bios")
    parser.add_argument("--mem", type=int, default=256, help="guest RAM in MiB")
    parser.add_argument("--timeout", type=float, default=180, help="seconds for boot, test and power-off")
    parser.add_argument("--append", default="", help="more kernel command-line words (before init=)")
    parser.add_argument("--expect", action="append", default=[], metavar="REGEX",
                        help="some serial line must match REGEX as a whole (repeatable)")
    parser.add_argument("--same-free-ram", action="store_true",
                        help="the program's '# free RAM before/after: N KiB' lines must agree: "
                             "everything it allocated came back")
    parser.add_argument("--type-keys", default="", metavar="TEXT", type=unescape,
                        help="once the guest prints '# waiting for input', type TEXT (letters, digits, "
                             "space, \\n for Enter) on the PS/2 keyboard")
    parser.add_argument("--type-serial", default="", metavar="TEXT", type=unescape,
                        help="then send TEXT on the serial line (C escapes: \\r \\n \\t \\e \\xNN \\\\)")
    parser.add_argument("program", nargs="+", help="the test program in /test and its arguments")
    return parser.parse_args()


def command_line(args):
    if args.linux:
        # Linux hands the words after "--" to init; rdinit= names init in an initramfs.
        words = ["console=ttyS0", "quiet"] + args.append.split() + ["rdinit=/test/runner", "--"]
    else:
        words = ["console=ttyS0"] + args.append.split() + ["init=/test/runner"]
    return " ".join(words + args.program)


def linux_files(tree):
    """{"/test/...": host path} for every file under tree."""
    files = {}
    for dirpath, _dirs, names in os.walk(tree):
        for name in names:
            src = os.path.join(dirpath, name)
            files["/test/" + os.path.relpath(src, tree)] = src
    return files


def start(args):
    if args.linux:
        return bh.LinuxQemu(bh.linux_kernel(), linux_files(args.linux), command_line(args), args.mem)
    return bh.Qemu(args.iso, args.firmware, args.mem, command_line(args),
                   monitor=bool(args.type_keys))


def type_input(guest, args):
    for ch in args.type_keys:
        guest.monitor("sendkey " + KEY_NAMES.get(ch, ch))
    if args.type_keys and args.type_serial:
        time.sleep(0.5)  # the keys first: the guest reads what came first
    if args.type_serial:
        guest.send(args.type_serial.encode("latin-1"))


def wait_poweroff(guest, deadline, args):
    """Wait for QEMU to exit, failing at once on a kernel panic; return QEMU's status.
    Other rejected lines are judged after the power-off, so that a run of "all" reports
    every failing case. Input to type goes in when the guest asks for it."""
    seen = 0
    typed = not (args.type_keys or args.type_serial)
    while True:
        status = guest.proc.poll()
        lines = guest.lines_so_far()
        for line in lines[seen:]:
            if re.fullmatch(PANIC, line):
                raise bh.HarnessError(f"the kernel panicked: {line!r}")
            if not typed and line == "# waiting for input":
                type_input(guest, args)
                typed = True
        seen = len(lines)
        if status is not None:
            return guest.wait_exit(5)
        if time.monotonic() > deadline:
            last = lines[-1] if lines else "(nothing)"
            raise bh.HarnessError(f"the guest did not power off within the timeout; its last line: {last!r}")
        time.sleep(POLL)


def check_free_ram(lines):
    free = {}
    for line in lines:
        m = re.fullmatch(r"# free RAM (before|after): (\d+) KiB", line)
        if m:
            free[m.group(1)] = int(m.group(2))
    if len(free) != 2:
        raise bh.HarnessError("no '# free RAM before/after: N KiB' lines to compare")
    if free["before"] != free["after"]:
        raise bh.HarnessError(f"free RAM {free['before']} KiB before, {free['after']} KiB after: "
                              f"{free['before'] - free['after']} KiB not returned")
    print(f"free RAM {free['after']} KiB before and after")


def check(guest, args, began):
    deadline = began + args.timeout
    cmdline = command_line(args)
    if not args.linux:
        total, usable = guest.expect_banner(args.mem, cmdline, max(0.0, deadline - time.monotonic()))
        print(f"banner ok: {total} MiB total, {usable} MiB usable; command line {cmdline!r}")
    status = wait_poweroff(guest, deadline, args)
    problems = [f"{why}: {line!r}" for line in guest.lines for pattern, why in REJECT
                if re.fullmatch(pattern, line)]
    if problems:
        raise bh.HarnessError("\n".join(problems))
    if status != POWEROFF_STATUS:
        raise bh.HarnessError(f"QEMU exit status {bh.describe_status(status)}; expected {POWEROFF_STATUS} "
                              "(the runner's power-off)")
    verdicts = [line for line in guest.lines if re.fullmatch(r"runner: [\w.-]+: (PASS|FAIL) \(.*\)", line)]
    expected = 1 if args.program[0] != "all" else None
    if not verdicts or (expected and len(verdicts) != expected):
        raise bh.HarnessError(f"expected {expected or 'a'} result line(s) from the runner, found {len(verdicts)}")
    failed = [line for line in verdicts if ": FAIL (" in line]
    if failed:
        raise bh.HarnessError("; ".join(failed))
    summary = f"runner: finished: {len(verdicts)} passed, 0 failed"
    if summary not in guest.lines:
        raise bh.HarnessError(f"no {summary!r} line")
    for pattern in args.expect:
        if not any(re.fullmatch(pattern, line) for line in guest.lines):
            raise bh.HarnessError(f"no line matches {pattern!r}")
    if args.same_free_ram:
        check_free_ram(guest.lines)
    cases = [line for line in guest.lines if re.fullmatch(r"ok \d+ - .*", line)]
    print("\n".join(verdicts))
    print(f"{len(cases)} cases ok; powered off")


def main():
    args = parse_args()
    began = time.monotonic()
    try:
        guest = start(args)
    except bh.HarnessError as err:
        print(f"FAILED: {err}")
        return 1
    try:
        with guest:
            check(guest, args, began)
    except bh.HarnessError:
        return 1  # the guest's report has been printed
    print(f"PASSED in {time.monotonic() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
