#!/usr/bin/env python3
"""Boot test of keyboard and serial input (test=input): type keys through the QEMU monitor and
send bytes on COM1, and check that the kernel's keyboard and serial queues got exactly the bytes
a terminal expects, the key events with their modifiers, and the lock LEDs the keyboard was sent.
With --no-i8042 the machine has no 8042 at all: the kernel must say so and boot on.
Exit status 0 means the test passed; on failure the serial log is printed."""

import argparse
import os
import re
import sys
import time

import breenix_harness as bh

HOLD_MS = 20  # how long sendkey holds each chord down
LINE_TIMEOUT = 30.0
ENTER = 28  # KEY_ENTER: the events of the key ending each line are not checked
LED_TRACE = re.compile(r"ps2_set_ledstate .*ledstate (\d+)")
KEY_EVENT = re.compile(r"input: key (\d+) (down|up|repeat) mods 0x([0-9a-f]{4})")
LINE_MAX = 64  # the kernel echoes at most this many bytes a line

# Modifier bits of the kernel's struct key_event (breenix/input.h).
LSHIFT, RSHIFT, LCTRL, RCTRL, LALT, RALT, LMETA = 0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40
CAPS, NUM, SCROLL = 0x100, 0x200, 0x400
# The LED byte of the Set LEDs command (IBM PS/2 keyboard: bit 0 Scroll, 1 Num, 2 Caps).
LED_SCROLL, LED_NUM, LED_CAPS = 1, 2, 4


def tap(keycode, mods=0, down_mods=None):
    """The events of one key pressed and released, with the modifiers at each."""
    return [(keycode, "down", mods if down_mods is None else down_mods), (keycode, "up", mods)]


def chord(modifier, modifier_bit, keycode, base=0):
    """QEMU's sendkey MOD-KEY: both pressed in order, released in reverse."""
    return ([(modifier, "down", base | modifier_bit)] + tap(keycode, base | modifier_bit)
            + [(modifier, "up", base)])


# name, QEMU key chords typed before Enter, bytes expected, events expected (None: not checked),
# lock LED bytes expected (None: none sent).
KBD_STEPS = [
    ("letters", "h e l l o", b"hello", tap(35) + tap(18) + tap(38) + tap(38) + tap(24), None),
    ("shift", "shift-a", b"A", chord(42, LSHIFT, 30), None),
    ("right shift", "shift_r-z", b"Z", chord(54, RSHIFT, 44), None),
    ("shifted punctuation",
     "shift-1 shift-2 shift-3 shift-4 shift-5 shift-6 shift-7 shift-8 shift-9 shift-0 shift-minus "
     "shift-equal shift-bracket_left shift-bracket_right shift-backslash shift-semicolon "
     "shift-apostrophe shift-grave_accent shift-comma shift-dot shift-slash",
     b'!@#$%^&*()_+{}|:"~<>?', None, None),
    ("digits and punctuation",
     "1 2 3 4 5 6 7 8 9 0 minus equal bracket_left bracket_right backslash semicolon apostrophe "
     "grave_accent comma dot slash spc",
     b"1234567890-=[]\\;'`,./ ", None, None),
    ("ctrl", "ctrl-c ctrl-a ctrl-z ctrl-bracket_left ctrl-backslash ctrl-bracket_right ctrl-spc ctrl-2",
     b"\x03\x01\x1a\x1b\x1c\x1d\x00\x00", chord(29, LCTRL, 46) + chord(29, LCTRL, 30) + chord(29, LCTRL, 44)
     + chord(29, LCTRL, 26) + chord(29, LCTRL, 43) + chord(29, LCTRL, 27) + chord(29, LCTRL, 57)
     + chord(29, LCTRL, 3), None),
    ("right ctrl", "ctrl_r-c", b"\x03", chord(97, RCTRL, 46), None),
    ("arrows", "up down right left", b"\x1b[A\x1b[B\x1b[C\x1b[D",
     tap(103) + tap(108) + tap(106) + tap(105), None),
    ("editing keys", "home end pgup pgdn insert delete", b"\x1b[H\x1b[F\x1b[5~\x1b[6~\x1b[2~\x1b[3~",
     tap(102) + tap(107) + tap(104) + tap(109) + tap(110) + tap(111), None),
    ("function keys", "f1 f2 f3 f4 f5 f6 f7 f8 f9 f10 f11 f12",
     b"\x1bOP\x1bOQ\x1bOR\x1bOS\x1b[15~\x1b[17~\x1b[18~\x1b[19~\x1b[20~\x1b[21~\x1b[23~\x1b[24~",
     tap(59) + tap(60) + tap(61) + tap(62) + tap(63) + tap(64) + tap(65) + tap(66) + tap(67) + tap(68)
     + tap(87) + tap(88), None),
    ("caps lock", "caps_lock a shift-b 1 caps_lock c", b"Ab1c",
     tap(58, CAPS) + tap(30, CAPS) + chord(42, LSHIFT, 48, CAPS) + tap(2, CAPS)
     + tap(58, 0) + tap(46), [LED_CAPS, 0]),
    ("keypad without num lock", "kp_7 kp_8 kp_9 kp_4 kp_5 kp_6 kp_1 kp_2 kp_3 kp_0 kp_decimal",
     b"\x1b[H\x1b[A\x1b[5~\x1b[D\x1b[E\x1b[C\x1b[F\x1b[B\x1b[6~\x1b[2~\x1b[3~",
     tap(71) + tap(72) + tap(73) + tap(75) + tap(76) + tap(77) + tap(79) + tap(80) + tap(81)
     + tap(82) + tap(83), None),
    ("keypad with num lock",
     "num_lock kp_7 kp_8 kp_9 kp_4 kp_5 kp_6 kp_1 kp_2 kp_3 kp_0 kp_decimal kp_divide kp_multiply "
     "kp_subtract kp_add num_lock",
     b"7894561230./*-+", None, [LED_NUM, 0]),
    ("alt", "alt-x alt-shift-x alt_r-f alt-ctrl-c alt-backspace", b"\x1bx\x1bX\x1bf\x1b\x03\x1b\x7f",
     None, None),
    ("control keys", "backspace tab esc shift-tab ctrl-backspace", b"\x7f\t\x1b\x1b[Z\x08", None, None),
    ("keys without bytes", "pause print scroll_lock scroll_lock meta_l compose shift ctrl alt", b"",
     tap(119) + tap(99) + tap(70, SCROLL) + tap(70) + tap(125, 0, LMETA) + tap(127)
     + tap(42, 0, LSHIFT) + tap(29, 0, LCTRL) + tap(56, 0, LALT), [LED_SCROLL, 0]),
]

SERIAL_STEPS = [
    ("text", b"hello serial\r"),
    ("control and 8-bit bytes", b"\x01\x7f\xe9\xff\x1b[A\t\"\\\n\r"),
    ("a burst of 1500 bytes", bytes(0x20 + (i * 7) % 95 for i in range(1500)) + b"\r"),
]


def escape(data):
    """What the kernel prints for bytes (input_boottest.c): printable ASCII but quote and
    backslash as they are, every other byte as \\xNN."""
    return "".join(chr(b) if 0x20 <= b < 0x7F and b not in b'"\\' else f"\\x{b:02x}" for b in data)


def echo_lines(data):
    """The lines the kernel prints for bytes ending in CR: at most LINE_MAX bytes each."""
    body = data[:-1]
    chunks = [body[i:i + LINE_MAX] for i in range(0, len(body), LINE_MAX)] or [b""]
    return [escape(chunk) for chunk in chunks]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--iso", required=True, help="the bootable ISO")
    parser.add_argument("--firmware", choices=("bios", "uefi"), default="bios")
    parser.add_argument("--mem", type=int, default=256, help="guest RAM in MiB")
    parser.add_argument("--direct", action="store_true",
                        help="boot with i8042.direct: no translation, the keyboard speaks set 1 itself")
    parser.add_argument("--no-i8042", action="store_true", help="a machine without an 8042 controller")
    parser.add_argument("--timeout", type=float, default=240, help="seconds for the whole test")
    return parser.parse_args()


class InputTest:
    """One guest and the input lines it printed."""

    def __init__(self, guest, deadline):
        self.guest = guest
        self.deadline = deadline
        self.led_cursor = 0

    def timeout(self):
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise bh.HarnessError("the test ran out of time")
        return min(remaining, LINE_TIMEOUT)

    def next_input_line(self):
        return self.guest.expect(r"input: .*", self.timeout()).group(0)

    def read_kbd_line(self):
        """The next keyboard line, and the key events printed before it (Enter's left out)."""
        events = []
        while True:
            line = self.next_input_line()
            event = KEY_EVENT.fullmatch(line)
            if event:
                if int(event[1]) != ENTER:
                    events.append((int(event[1]), event[2], int(event[3], 16)))
                continue
            text = re.fullmatch(r'input: kbd "(.*)"', line)
            if not text:
                raise bh.HarnessError(f"expected a keyboard line, got {line!r}")
            return text[1], events

    def new_leds(self):
        """The LED bytes QEMU's keyboard was sent since the last call (its trace on stderr)."""
        with open(os.path.join(self.guest.workdir, "qemu.stderr"), encoding="utf-8", errors="replace") as log:
            leds = [int(m[1]) for m in LED_TRACE.finditer(log.read())]
        fresh, self.led_cursor = leds[self.led_cursor:], len(leds)
        return fresh

    def type_keys(self, name, keys, want, want_events, want_leds, end="ret"):
        self.new_leds()
        for key in keys.split() + [end]:
            self.guest.monitor(f"sendkey {key} {HOLD_MS}")
        text, events = self.read_kbd_line()
        # The release of the key that ended the line may be printed before the line or
        # after it, as the kernel's threads run: it is not the line's.
        if (want_events and len(events) == len(want_events) + 1 and events[-1][1] == "up"
                and events[-1][0] == want_events[-1][0] and want_events[-1][1] == "down"):
            events = events[:-1]
        if text != escape(want):
            raise bh.HarnessError(f"keyboard, {name}: typed {keys!r}, the queue got \"{text}\", "
                                  f"expected \"{escape(want)}\"")
        if want_events is not None and events != want_events:
            raise bh.HarnessError(f"keyboard, {name}: key events {events}, expected {want_events}")
        leds = self.new_leds()
        if leds != (want_leds or []):
            raise bh.HarnessError(f"keyboard, {name}: LED bytes sent {leds}, expected {want_leds or []}")
        print(f"kbd ok: {name}: \"{text}\"")

    def send_serial(self, name, data):
        self.guest.send(data)
        for want in echo_lines(data):
            line = self.next_input_line()
            while KEY_EVENT.fullmatch(line):  # the release of the key that ended the last line
                line = self.next_input_line()
            if line != f'input: serial "{want}"':
                raise bh.HarnessError(f"serial, {name}: got {line!r}, expected 'input: serial \"{want}\"'")
        print(f"serial ok: {name}")

    def finish(self):
        """Ctrl-D on the keyboard and EOT on the line end the kernel's test."""
        self.guest.monitor(f"sendkey ctrl-d {HOLD_MS}")
        self.guest.send(b"\x04")
        seen = set()
        while seen != {"kbd", "serial"}:
            line = self.next_input_line()
            found = re.fullmatch(r"input: (kbd|serial) EOT", line)
            if found:
                seen.add(found[1])
            elif not KEY_EVENT.fullmatch(line):
                raise bh.HarnessError(f"expected the end of input, got {line!r}")
        self.guest.expect(r"input: done", self.timeout())


def remaining_until(deadline):
    return lambda: max(0.0, deadline - time.monotonic())


def input_cmdline(args):
    if args.no_i8042:
        return "console=ttyS0 test=boot"
    return "console=ttyS0 test=input" + (" i8042.direct=1" if args.direct else "")


def start(args):
    """The guest: with the monitor and the keyboard's LED trace, or with no 8042."""
    if args.no_i8042:
        extra = ["-machine", "pc,i8042=off"]
    else:
        extra = ["-trace", "ps2_set_ledstate"]
    return bh.Qemu(args.iso, args.firmware, args.mem, input_cmdline(args), monitor=not args.no_i8042,
                   extra_args=extra)


def check_input(guest, args, deadline):
    remaining = remaining_until(deadline)
    set_line = r"1" if args.direct else r"2 translated to set 1"
    test = InputTest(guest, deadline)
    guest.expect_banner(args.mem, input_cmdline(args), remaining())
    print("seen: " + guest.expect(rf"i8042: PS/2 keyboard on IRQ 1, scan code set {set_line}",
                                  remaining()).group(0))
    print("seen: " + guest.expect(r"ttyS0: 16550 UART at 0x3f8, receiving on IRQ 4", remaining()).group(0))
    guest.expect(r"input: ready", remaining())
    for step in KBD_STEPS:
        test.type_keys(*step)
    test.type_keys("keypad enter ends a line", "o k", b"ok", tap(24) + tap(37) + [(96, "down", 0)], None,
                   end="kp_enter")
    for name, data in SERIAL_STEPS:
        test.send_serial(name, data)
    test.finish()
    check_pass(guest.wait_exit(remaining()))


def check_no_i8042(guest, args, deadline):
    remaining = remaining_until(deadline)
    guest.expect_banner(args.mem, input_cmdline(args), remaining())
    print("seen: " + guest.expect(r"i8042: no PS/2 controller \(-19\)", remaining()).group(0))
    guest.expect(r"test: boot reached the end of kmain", remaining())
    check_pass(guest.wait_exit(remaining()))


def remaining_until(deadline):
    return lambda: max(0.0, deadline - time.monotonic())


def check_pass(status):
    if status != bh.PASS_STATUS:
        raise bh.HarnessError(f"QEMU exit status {bh.describe_status(status)}; expected "
                              f"{bh.describe_status(bh.PASS_STATUS)}")
    print(f"exit ok: {bh.describe_status(status)}")


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
            (check_no_i8042 if args.no_i8042 else check_input)(guest, args, began + args.timeout)
    except bh.HarnessError:
        return 1  # the guest's report has been printed
    print(f"PASSED in {time.monotonic() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
