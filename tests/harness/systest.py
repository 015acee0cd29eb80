#!/usr/bin/env python3
"""One system test for CTest: boot the ISO as a user would (init is /sbin/init), wait for
the shell's prompt on the serial console, set PS1 and PS2 to markers, and type the commands
of a .t file (cram's format, below) one at a time, comparing what each printed with what the
file expects. Every command runs, even after a mismatch; at the end the harness types
`poweroff` and QEMU must exit cleanly in time. On failure it prints a unified diff of the
file against the file with the actual output (also kept as NAME.t.err beside the serial
log in --artifacts) and exits 1.

The .t format: lines not starting with two spaces are comments. "  $ CMD" is typed, then
Enter; "  > MORE" continues it (typed after the PS2 prompt); "  $$ KEYS" is typed with the
escapes \\e \\t \\r \\n \\xNN \\\\ interpreted, then Enter. "  $< KEYS" after a command's lines
types KEYS (escapes interpreted, no Enter) to the program the command started, once the
output has been quiet for KEYS_QUIET s: ^C (\\x03) or ^Z (\\x1a) for a running `sleep 100`,
say; what they echo is output. "  < ANSWER" lines after a command answer the program's
questions: each is typed (escapes interpreted, then Enter) once the output since the last
typing ends in ": " and has stayed quiet, as a person answers "login: " or "Password: ";
the command's output then shows the questions with what their echo showed of the answers.
Other lines starting with two spaces are the output expected before the next prompt,
exactly, or ending in " (re)" a Python regular expression matching the whole line, or in
" (glob)" a pattern with * and ?. Output that does not end in a newline shows as its last
line plus " (no-eol)". The echo of what was typed, carriage returns and terminal escape
sequences are removed first.

A command after which a shell's own prompt (ending in "# " or "$ ") appears instead of the
marker, and nothing more for RESPAWN_QUIET s, ended its shell and init started another: its
output is what came before that prompt, and the harness sets the markers again. A command
during which the guest ends (reboot, poweroff) must be the file's last, and QEMU's exit
status must then be 0; the harness types no poweroff after it."""

import argparse
import difflib
import os
import re
import sys
import threading
import time

import breenix_harness as bh

# The markers: the line typed to set them shows "${B}", never the expanded marker.
MARK = "BX_PROMPT"
PS1_MARK, PS2_MARK = MARK + "1> ", MARK + "2> "
SET_PROMPTS = f'B={MARK}; PS1="${{B}}1> "; PS2="${{B}}2> "'
# A shell's own prompt at the end of the output (the first one, or a respawned shell's).
SHELL_PROMPT = re.compile(r"(?:^|\n)([^\n]*[#$] )$")
RESPAWN_QUIET = 3.0
# Quiet before a "$<" line's keys: the command has started (a fork and exec take far less).
KEYS_QUIET = 1.0
ANSWER_QUIET = 0.3  # seconds a question ("Password: ") must stand before it is answered
CHUNK = 16  # bytes typed at once, with CHUNK_PAUSE between: a person types slower still
CHUNK_PAUSE = 0.005
ESCAPES = {"e": "\x1b", "t": "\t", "r": "\r", "n": "\n", "\\": "\\"}
ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


class TestFileError(Exception):
    """The .t file cannot be parsed."""


class Command:
    """One command of a .t file: what is typed (one string a line) and what it must print."""

    def __init__(self, lineno, keys, text):
        self.lineno = lineno
        self.keys = keys  # a "$$" command: escapes are interpreted
        self.typed = [text]
        self.presses = []  # "$<" lines: keys typed while the command runs
        self.answers = []  # "  < " lines: typed when the program asks
        self.expected = []
        self.actual = None

    def source(self):
        """The command's own lines in the .t file, without its output."""
        first = ("  $$ " if self.keys else "  $ ") + self.typed[0]
        return ([first] + ["  > " + more for more in self.typed[1:]] +
                ["  $< " + keys for keys in self.presses] +
                ["  < " + answer for answer in self.answers])

    def keystrokes(self):
        """What is typed for each line (Enter not included)."""
        return [unescape(line) if self.keys else line for line in self.typed]

    def key_presses(self):
        """What each "$<" line types."""
        return [unescape(keys) for keys in self.presses]


def unescape(text):
    """The keys of a "$$" line: C escapes \\e \\t \\r \\n \\xNN \\\\ interpreted."""
    out, i = [], 0
    while i < len(text):
        if text[i] != "\\":
            out.append(text[i])
            i += 1
            continue
        code = text[i + 1:i + 2]
        if code in ESCAPES:
            out.append(ESCAPES[code])
            i += 2
        elif code == "x" and re.fullmatch(r"[0-9a-fA-F]{2}", text[i + 2:i + 4]):
            out.append(chr(int(text[i + 2:i + 4], 16)))
            i += 4
        else:
            raise TestFileError(f"bad escape {text[i:i + 4]!r} in {text!r}")
    return "".join(out)


def parse(text):
    """The items of a .t file in order: comment lines (str) and Commands."""
    items, cur = [], None
    for lineno, line in enumerate(text.split("\n"), 1):
        if line.startswith("  $$ "):
            cur = Command(lineno, True, line[5:])
            unescape(cur.typed[0])
            items.append(cur)
        elif line.startswith("  $ "):
            cur = Command(lineno, False, line[4:])
            items.append(cur)
        elif line.startswith("  $< ") and cur is not None and not cur.expected:
            unescape(line[5:])
            cur.presses.append(line[5:])
        elif line.startswith("  > ") and cur is not None and not cur.expected and not cur.answers:
            if cur.presses:
                raise TestFileError(f"line {lineno}: a continuation line after a \"$<\" line")
            cur.typed.append(line[4:])
            if cur.keys:
                unescape(line[4:])
        elif line.startswith("  < ") and cur is not None and not cur.expected:
            if len(cur.typed) > 1 or cur.presses:
                raise TestFileError(f"line {lineno}: answers after a continued command or keys")
            unescape(line[4:])
            cur.answers.append(line[4:])
        elif line.startswith("  "):
            if cur is None:
                raise TestFileError(f"line {lineno}: expected output before any command")
            cur.expected.append(line[2:])
        else:
            items.append(line)
            cur = None
    if items and items[-1] == "":
        items.pop()  # the file's final newline
    return items


def glob_regex(pattern):
    """A regular expression for a glob line: * any run of characters, ? any one."""
    return "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)


def line_matches(expected, actual):
    """Whether an actual output line is what the expected line asks for."""
    if expected.endswith(" (re)"):
        try:
            return re.fullmatch(expected[:-5], actual) is not None
        except re.error:
            return False
    if expected.endswith(" (glob)"):
        return re.fullmatch(glob_regex(expected[:-7]), actual, re.S) is not None
    return expected == actual


def output_matches(expected, actual):
    return len(expected) == len(actual) and all(map(line_matches, expected, actual))


def shown_output(cmd):
    """The output as the .t file would show it: expected lines kept where they match."""
    shown = []
    for i, line in enumerate(cmd.actual):
        keep = i < len(cmd.expected) and line_matches(cmd.expected[i], line)
        shown.append(cmd.expected[i] if keep else line)
    return shown


def render(items, actual):
    """The .t file's lines, with each command's actual output when actual is set."""
    lines = []
    for item in items:
        if isinstance(item, str):
            lines.append(item)
            continue
        lines += item.source()
        out = shown_output(item) if actual and item.actual is not None else item.expected
        lines += ["  " + line for line in out]
    return lines


def failure_diff(items, name):
    """A unified diff of the .t file against the file with the actual output ("" if none)."""
    diff = difflib.unified_diff(render(items, False), render(items, True), name, name + ".err",
                                lineterm="")
    return "\n".join(diff)


def clean(text):
    """Terminal output as lines: escape sequences and carriage returns removed."""
    return ANSI.sub("", text).replace("\r", "").split("\n")


def command_output(raw, typed_lines):
    """A command's output lines from what the serial port said between its prompt and the
    next: the first typed_lines lines are the echo of the typed lines (the PS2 prompts
    among them); a last line without a newline gets " (no-eol)"."""
    lines = clean(raw)
    last = lines.pop()
    lines = lines[typed_lines:]
    if last:
        lines.append(last + " (no-eol)")
    return lines


class Transcript:
    """Everything the serial port said, as text, for waiting on prompts (the harness's line
    reader drops what is not yet a whole line, and prompts never are)."""

    def __init__(self):
        self.text = ""
        self.cursor = 0  # where the current command's output begins
        self.changed = 0.0
        self._cond = threading.Condition()
        self._log = None

    def write(self, data):
        """Guest's echo hook: raw bytes as they arrive."""
        text = data.decode("utf-8", "replace")
        with self._cond:
            self.text += text
            self.changed = time.monotonic()
            self._cond.notify_all()

    def flush(self):
        pass

    def wait(self, ready, deadline, alive):
        """Wait until ready(text since cursor, seconds quiet) gives a result; return it.
        alive() is false once the guest has ended: then return None."""
        with self._cond:
            while True:
                since = self.text[self.cursor:]
                found = ready(since, time.monotonic() - self.changed)
                if found is not None:
                    return found
                if not alive():
                    return None
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    tail = ANSI.sub("", since[-200:])
                    raise bh.HarnessError(f"no prompt within the timeout; the output ends {tail!r}")
                self._cond.wait(min(remaining, 0.25))

    def take(self, begin, end, skip=0):
        """The unread text up to end (an offset into it) less skip characters at begin (the
        prompt); the cursor moves to end."""
        with self._cond:
            start = self.cursor
            self.cursor += end
            return self.text[start:start + begin] + self.text[start + begin + skip:start + end]

    def take_all(self):
        with self._cond:
            out = self.text[self.cursor:]
            self.cursor = len(self.text)
            return out


def shell_prompt(since, quiet, newlines):
    """Where a shell's own prompt begins, if the output ends in one after at least newlines
    newlines and has stayed quiet."""
    stripped = ANSI.sub("", since).replace("\r", "")
    found = SHELL_PROMPT.search(stripped)
    if not found or quiet < RESPAWN_QUIET or stripped.count("\n") < newlines:
        return None
    # The same place in the raw text: after its last newline (the prompt has none).
    return since.rfind("\n") + 1


class Session:
    """A booted guest with its shell, typed into through the serial port."""

    def __init__(self, guest, transcript, timeout, deadline):
        self.guest = guest
        self.transcript = transcript
        self.timeout = timeout
        self.deadline = deadline
        self.typed_at = 0.0

    def until(self):
        """When the current wait times out: the command's timeout, within the test's."""
        return min(time.monotonic() + self.timeout, self.deadline)

    def alive(self):
        return self.guest.proc.poll() is None

    def type(self, keys):
        data = keys.encode("utf-8", "surrogateescape")
        for i in range(0, len(data), CHUNK):
            self.guest.send(data[i:i + CHUNK])
            time.sleep(CHUNK_PAUSE)
        self.typed_at = time.monotonic()

    def press(self, keys):
        """Type keys for a running program: after the echo of the line that started it, once
        neither it nor the keyboard has made a sound for KEYS_QUIET s."""
        def ready(since, quiet):
            calm = min(quiet, time.monotonic() - self.typed_at)
            return True if "\n" in since and calm >= KEYS_QUIET else None

        if self.transcript.wait(ready, self.until(), self.alive) is None:
            raise bh.HarnessError("the guest ended before the keys of a \"$<\" line were typed")
        self.type(keys)

    def wait_shell(self):
        """The first prompt (or a respawned shell's): set the markers, wait for the first."""
        found = self.transcript.wait(lambda since, quiet: shell_prompt(since, quiet, 0),
                                     self.until(), self.alive)
        if found is None:
            raise bh.HarnessError("the guest ended before a shell prompt appeared")
        self.set_markers()

    def set_markers(self):
        self.transcript.take_all()
        self.type(SET_PROMPTS + "\r")
        self.wait_marker(PS1_MARK)

    def wait_marker(self, marker):
        """Wait for marker after the echo of the line just typed (after a newline: a line
        editor may redraw the prompt while one types); return the output before it, with
        any whole lines printed after it (a message on the console), and how the command
        ended: "prompt", "shell" (a new shell's own prompt) or "gone" (the guest ended)."""
        def ready(since, quiet):
            at = since.rfind(marker)
            if at >= 0 and "\n" in since[:at]:
                after = ANSI.sub("", since[at + len(marker):])
                if not after.strip() or after.endswith("\n"):
                    return at, len(since), "prompt"
            if marker == PS1_MARK:
                begins = shell_prompt(since, quiet, 1)
                if begins is not None:
                    return begins, begins, "shell"
            return None

        found = self.transcript.wait(ready, self.until(), self.alive)
        if found is None:
            self.guest.wait_exit(5)
            return self.transcript.take_all(), "gone"
        at, end, how = found
        return self.transcript.take(at, end, len(marker) if how == "prompt" else 0), how

    def wait_question(self, typed_at):
        """Wait until what the guest printed after offset typed_at of the transcript ends
        in a question (": ") and has stayed quiet for ANSWER_QUIET s."""
        def ready(since, quiet):
            tail = ANSI.sub("", since[typed_at - self.transcript.cursor:]).replace("\r", "")
            return True if tail.endswith(": ") and quiet >= ANSWER_QUIET else None

        if self.transcript.wait(ready, self.until(), self.alive) is None:
            raise bh.HarnessError("the guest ended before the question was asked")

    def type_answers(self, cmd):
        """Type the command's one line, then each answer when its question stands; return
        the output up to the next prompt and how the command ended."""
        typed_at = len(self.transcript.text)
        self.type(cmd.keystrokes()[0] + "\r")
        for answer in cmd.answers:
            self.wait_question(typed_at)
            typed_at = len(self.transcript.text)
            self.type(unescape(answer) + "\r")
        return self.wait_marker(PS1_MARK)

    def run(self, cmd):
        """Type one command, line by line, each after its prompt, and collect its output
        lines; return how it ended."""
        lines, presses = cmd.keystrokes(), cmd.key_presses()
        cmd.actual = []
        if cmd.answers:
            text, how = self.type_answers(cmd)
            cmd.actual = command_output(text, 1)
            lines = []
        for i, line in enumerate(lines):
            last = i + 1 == len(lines)
            self.type(line + "\r")
            if last and presses:
                for keys in presses:
                    self.press(keys)
            text, how = self.wait_marker(PS1_MARK if last else PS2_MARK)
            cmd.actual += command_output(text, 1)
            if last or how != "prompt":
                break
        if how == "shell":
            self.set_markers()
        return how

    def power_off(self, deadline):
        """Type poweroff; QEMU must exit with status 0 (ACPI power-off) before deadline."""
        self.type("poweroff\r")
        status = self.guest.wait_exit(max(1.0, deadline - time.monotonic()))
        if status != 0:
            raise bh.HarnessError(f"after poweroff QEMU exited with {bh.describe_status(status)}; expected 0")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iso", required=True, help="the bootable ISO")
    parser.add_argument("--firmware", choices=("bios", "uefi"), default="bios")
    parser.add_argument("--mem", type=int, default=256, help="guest RAM in MiB")
    parser.add_argument("--timeout", type=float, default=300, help="seconds for the whole test")
    parser.add_argument("--command-timeout", type=float, default=60,
                        help="seconds for one prompt to appear")
    parser.add_argument("--artifacts", help="directory for the serial log and NAME.t.err")
    parser.add_argument("test", help="the .t file")
    return parser.parse_args()


def run_commands(session, commands):
    """Run every command; return a list of problems that are not output mismatches."""
    for i, cmd in enumerate(commands):
        how = session.run(cmd)
        if how == "gone":
            if i + 1 < len(commands):
                return [f"the guest ended during the command on line {cmd.lineno}, not the last"]
            status = session.guest.wait_exit(5)
            return [] if status == 0 else [f"QEMU exited with {bh.describe_status(status)}; expected 0"]
    return None


def save_artifacts(directory, name, guest, diff):
    os.makedirs(directory, exist_ok=True)
    log = os.path.join(directory, name + ".serial.log")
    with open(log, "w", encoding="utf-8") as out:
        out.write(guest.serial_log() + "\n")
    err = os.path.join(directory, name + ".err")
    if diff:
        with open(err, "w", encoding="utf-8") as out:
            out.write(diff + "\n")
    elif os.path.exists(err):
        os.remove(err)
    print(f"artifacts: {log}" + (f", {err}" if diff else ""))


def check_file(session, items, name, artifacts):
    """Type the file's commands, power off, and judge; raise HarnessError on failure."""
    commands = [item for item in items if isinstance(item, Command)]
    problems = []
    try:
        ended = run_commands(session, commands)
        if ended is None:
            session.power_off(session.deadline)
        else:
            problems += ended
    except bh.HarnessError as err:
        problems.append(str(err))
    failed = [cmd for cmd in commands if not output_matches(cmd.expected, cmd.actual or [])]
    diff = failure_diff(items, name) if failed else ""
    if artifacts:
        save_artifacts(artifacts, name, session.guest, diff)
    if failed or problems:
        raise bh.HarnessError("\n".join(problems + [f"{len(failed)} of {len(commands)} commands "
                                                    f"printed other than expected:\n{diff}"]))
    print(f"{len(commands)} commands as expected")


def run_guest(args, check, monitor=False):
    """Boot QEMU, wait for the serial shell and call check(session); 0 if it passed, else 1
    (the guest's report printed)."""
    began = time.monotonic()
    transcript = Transcript()
    try:
        guest = bh.Qemu(args.iso, args.firmware, args.mem, monitor=monitor, echo=transcript)
    except bh.HarnessError as err:
        print(f"FAILED: {err}")
        return 1
    try:
        with guest:
            session = Session(guest, transcript, args.command_timeout, began + args.timeout)
            session.wait_shell()
            check(session)
    except bh.HarnessError:
        return 1
    print(f"PASSED in {time.monotonic() - began:.1f} s")
    return 0


def main():
    args = parse_args()
    name = os.path.basename(args.test)
    try:
        with open(args.test, encoding="utf-8") as source:
            items = parse(source.read())
    except (OSError, TestFileError) as err:
        print(f"FAILED: {args.test}: {err}")
        return 1
    return run_guest(args, lambda session: check_file(session, items, name, args.artifacts))


if __name__ == "__main__":
    sys.exit(main())
