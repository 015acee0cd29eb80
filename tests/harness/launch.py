#!/usr/bin/env python3
"""Boot Breenix for a person at the terminal, with the same machine the tests use:
QEMU with the serial console on the terminal (and optionally a gdb stub), or Bochs with
its serial port relayed to the terminal. Used by tools/breenix run, debug and bochs."""

import argparse
import shutil
import sys

import breenix_harness as bh

GDB_ADDRESS = "127.0.0.1:1234"  # loopback only; QEMU's -s would listen on every interface


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("emulator", choices=("qemu", "bochs"))
    parser.add_argument("--iso", required=True)
    parser.add_argument("--uefi", action="store_true", help="boot through OVMF (QEMU only)")
    parser.add_argument("--mem", type=int, default=512, help="guest RAM in MiB")
    parser.add_argument("--cmdline", help="kernel command line (default: the one in grub.cfg)")
    parser.add_argument("--display", default="none", help="QEMU -display backend, e.g. gtk")
    parser.add_argument("--gdb", action="store_true",
                        help=f"QEMU waits, paused, for gdb on {GDB_ADDRESS}")
    args = parser.parse_args()
    if args.emulator == "bochs" and (args.uefi or args.gdb):
        parser.error("--uefi and --gdb are for QEMU")
    return args


def run_qemu(args):
    workdir = bh.make_workdir()
    extra = ["-gdb", f"tcp:{GDB_ADDRESS}", "-S"] if args.gdb else []
    try:
        cmd = bh.qemu_command(args.iso, workdir, "uefi" if args.uefi else "bios", args.mem, args.cmdline,
                              serial="mon:stdio", display=args.display, extra_args=extra)
        print("QEMU: serial console below; Ctrl-A X quits, Ctrl-A C switches to the monitor.",
              file=sys.stderr)
        proc = bh.spawn(cmd)
        try:
            return proc.wait()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run_bochs(args):
    print("Bochs: serial console below (Ctrl-A X quits); its screen is VNC on 127.0.0.1:5900 "
          "or the next free port.", file=sys.stderr)
    with bh.Bochs(args.iso, args.mem, args.cmdline, echo=sys.stdout.buffer) as guest:
        bh.interact(guest)
    return 0


def main():
    args = parse_args()
    try:
        return run_qemu(args) if args.emulator == "qemu" else run_bochs(args)
    except bh.HarnessError as err:
        print(f"launch: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
