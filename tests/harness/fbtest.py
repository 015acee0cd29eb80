#!/usr/bin/env python3
"""System test of the framebuffer console (/dev/tty1 with the PS/2 keyboard): boot to
init's shells, type a command line into tty1's shell through the QEMU monitor (sendkey,
one key per character), read the file it wrote back through the serial console's shell,
and keep a screenshot (screendump) of the console after `ls -l /` as a test artifact
(PNG, written here with zlib; the PPM QEMU wrote if that fails). The screenshot's pixels
are read back as text with the console font (each 10x18 cell matched against the PSF2
glyphs): the typed line and ls's listing must be on the screen. At the end Ctrl-Alt-Del
on the keyboard reaches init as SIGINT (init turned C_A_D off), and init reboots cleanly,
which ends QEMU (-no-reboot) with status 0. Exit status 0 means the test passed."""

import argparse
import os
import shutil
import struct
import sys
import time
import zlib

import breenix_harness as bh
import systest

HOLD_MS = 20  # how long sendkey holds each chord down
TYPED = "echo fbtest > /tmp/fb; ls -l /"
# QEMU's key names for the characters a command line needs; a shifted character is
# "shift-" and its unshifted key (US layout, as the kernel's keymap).
KEY_NAMES = {" ": "spc", "-": "minus", "=": "equal", "[": "bracket_left", "]": "bracket_right",
             "\\": "backslash", ";": "semicolon", "'": "apostrophe", "`": "grave_accent",
             ",": "comma", ".": "dot", "/": "slash", "\t": "tab", "\n": "ret"}
SHIFTED = dict(zip('!@#$%^&*()_+{}|:"~<>?', "1234567890-=[]\\;'`,./"))


def key_for(char):
    """The sendkey argument that types char."""
    if char.isascii() and (char.islower() or char.isdigit()):
        return char
    if char.isascii() and char.isupper():
        return "shift-" + char.lower()
    if char in SHIFTED:
        return "shift-" + key_for(SHIFTED[char])
    if char in KEY_NAMES:
        return KEY_NAMES[char]
    raise bh.HarnessError(f"no key types {char!r}")


def ppm_to_png(ppm, png):
    """Convert QEMU's binary PPM (P6, maxval 255) to PNG: 8-bit RGB, one zlib stream."""
    width, height, pixels = read_ppm(ppm)
    rows = b"".join(b"\0" + pixels[y * width * 3:(y + 1) * width * 3] for y in range(height))

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff))

    with open(png, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n"
                  + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                  + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def read_ppm(ppm):
    """QEMU's binary PPM (P6, maxval 255): (width, height, RGB bytes)."""
    with open(ppm, "rb") as src:
        data = src.read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise bh.HarnessError(f"{ppm}: not a P6 PPM with maxval 255")
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1:pos + 1 + width * height * 3]


def load_psf2(path):
    """A PSF2 font: (width, height, {glyph rows as a tuple of ints: character})."""
    with open(path, "rb") as src:
        data = src.read()
    magic, _, header, flags, count, size, height, width = struct.unpack("<8I", data[:32])
    if magic != 0x864AB572:
        raise bh.HarnessError(f"{path}: not a PSF2 font")
    row_bytes = (width + 7) // 8
    glyphs = [tuple(int.from_bytes(data[header + g * size + r * row_bytes:
                                         header + g * size + (r + 1) * row_bytes], "big")
                    for r in range(height)) for g in range(count)]
    chars = {}
    table = data[header + count * size:] if flags & 1 else b""
    for g, entry in enumerate(table.split(b"\xff")[:count] if table else []):
        # Each entry: UTF-8 characters, then 0xFE and sequences (ignored).
        for char in entry.split(b"\xfe")[0].decode("utf-8", "replace"):
            if " " <= char <= "~" and glyphs[g] not in chars:
                chars[glyphs[g]] = char
    if not table:
        chars = {glyphs[ord(c)]: c for c in map(chr, range(0x20, 0x7f))}
    return width, height, chars


def screen_text(ppm, font):
    """The characters on the screen, one string per row, read cell by cell: a pixel is
    lit when it differs from the colour most of its cell has (the background)."""
    width, height, pixels = read_ppm(ppm)
    fw, fh, chars = load_psf2(font)
    lines = []
    for top in range(0, height - fh + 1, fh):
        line = []
        for left in range(0, width - fw + 1, fw):
            cell = [[pixels[((top + y) * width + left + x) * 3:((top + y) * width + left + x) * 3 + 3]
                     for x in range(fw)] for y in range(fh)]
            flat = [px for row in cell for px in row]
            background = max(set(flat), key=flat.count)
            rows = tuple(sum(1 << (fw - 1 - x) << ((fw + 7) // 8 * 8 - fw)
                             for x in range(fw) if cell[y][x] != background) for y in range(fh))
            line.append(chars.get(rows, " " if not any(rows) else "?"))
        lines.append("".join(line).rstrip())
    return lines


def check_screen(ppm, font):
    """The screen must show the command line typed on tty1 and ls -l's entry for /bin."""
    lines = screen_text(ppm, font)
    typed = [line for line in lines if line.endswith(TYPED)]
    listed = [line for line in lines if line.startswith("d") and line.endswith(" bin")]
    if not typed or not listed:
        shown = "\n".join(line for line in lines if line)
        raise bh.HarnessError(f"the screenshot does not show {TYPED!r} and ls -l's bin; read:\n{shown}")
    print(f"screen ok: {typed[0]!r} and {listed[0]!r} read from the pixels")


def screenshot(guest, directory):
    """Save the screen as directory/fbcon-ls.png (or .ppm); return its path. QEMU's PPM
    stays in the guest's work directory as screen.ppm, or is the .ppm kept."""
    os.makedirs(directory, exist_ok=True)
    ppm = os.path.join(guest.workdir, "screen.ppm")
    said = guest.monitor(f"screendump {ppm}")
    if not os.path.exists(ppm):
        raise bh.HarnessError(f"screendump wrote nothing: {said!r}")
    png = os.path.join(directory, "fbcon-ls.png")
    try:
        ppm_to_png(ppm, png)
        return png
    except (bh.HarnessError, ValueError, IndexError) as err:
        print(f"PNG conversion failed ({err}); keeping the PPM")
        kept = os.path.join(directory, "fbcon-ls.ppm")
        shutil.copy(ppm, kept)
        return kept


def serial_command(session, line):
    """Run one command in the serial shell; its output lines."""
    cmd = systest.Command(0, False, line)
    if session.run(cmd) != "prompt":
        raise bh.HarnessError(f"the serial shell did not come back after {line!r}")
    return cmd.actual


def wait_file(session, deadline):
    """Read /tmp/fb over serial until tty1's shell has written it."""
    while True:
        out = serial_command(session, "cat /tmp/fb 2>/dev/null")
        if out == ["fbtest"]:
            return
        if time.monotonic() > deadline:
            raise bh.HarnessError(f"/tmp/fb never read 'fbtest' (last: {out!r}); did tty1's shell "
                                  "get the keys?")
        time.sleep(1)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iso", required=True, help="the bootable ISO")
    parser.add_argument("--mem", type=int, default=256, help="guest RAM in MiB")
    parser.add_argument("--timeout", type=float, default=300, help="seconds for the whole test")
    parser.add_argument("--command-timeout", type=float, default=60,
                        help="seconds for one prompt to appear")
    parser.add_argument("--artifacts", required=True, help="directory for the screenshot")
    parser.add_argument("--font", required=True, help="the console's PSF2 font, uncompressed")
    args = parser.parse_args()
    args.firmware = "bios"
    return args


def check(session, artifacts, font):
    if serial_command(session, "test -c /dev/tty1; echo $?") != ["0"]:
        raise bh.HarnessError("there is no /dev/tty1")
    for char in TYPED + "\n":
        session.guest.monitor(f"sendkey {key_for(char)} {HOLD_MS}")
    wait_file(session, min(session.deadline, time.monotonic() + 60))
    print("tty1 ok: the keys typed there wrote /tmp/fb")
    time.sleep(2)  # ls -l's output reaches the screen after the file exists
    print(f"artifact: screenshot of tty1 after ls -l: {screenshot(session.guest, artifacts)}")
    check_screen(os.path.join(session.guest.workdir, "screen.ppm"), font)
    ctrl_alt_del(session)


def ctrl_alt_del(session):
    """Ctrl-Alt-Del: init must announce a reboot, end everything and restart the machine."""
    session.guest.monitor(f"sendkey ctrl-alt-delete {HOLD_MS}")
    session.guest.expect(r"init: the system is going down for reboot",
                         max(1.0, session.deadline - time.monotonic()))
    status = session.guest.wait_exit(max(1.0, session.deadline - time.monotonic()))
    if status != 0:
        raise bh.HarnessError(f"after Ctrl-Alt-Del QEMU exited with {bh.describe_status(status)}; "
                              "expected 0 (a clean reboot)")
    print("Ctrl-Alt-Del ok: init rebooted the machine")


def main():
    args = parse_args()
    return systest.run_guest(args, lambda session: check(session, args.artifacts, args.font),
                             monitor=True)


if __name__ == "__main__":
    sys.exit(main())
