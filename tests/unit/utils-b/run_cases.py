#!/usr/bin/env python3
"""Run cram-format cases (as tests/system/*.t) on the host: every command of
a file in one sh, in a scratch directory, with BIN_DIR first in PATH; compare
what each prints (stdout and stderr) with the expected lines. The system
tests' own scratch directory, /tmp/ub, stands for this one (in commands and
in expected lines), so that runs in parallel do not meet.

usage: run_cases.py BIN_DIR CASE.t...
An expected line ending in " (re)" is a Python regular expression for the
whole line, one ending in " (glob)" a pattern with * and ?. Output without a
final newline is compared with " (no-eol)" after its last line."""
import fnmatch
import os
import re
import subprocess
import sys
import tempfile

MARK = "@@utils-b-case@@"
GUEST_SCRATCH = "/tmp/ub"


def parse(path):
    """The commands of a file: (line number, command text, expected lines)."""
    cases = []
    with open(path, encoding="utf-8") as f:
        for num, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("  $ "):
                cases.append((num, line[4:], []))
            elif line.startswith("  > ") and cases:
                cases[-1] = (cases[-1][0], cases[-1][1] + "\n" + line[4:], cases[-1][2])
            elif line.startswith("  ") and cases:
                cases[-1][2].append(line[2:])
    return cases


def matches(expected, actual):
    if expected == actual:
        return True
    if expected.endswith(" (re)"):
        return re.fullmatch(expected[:-5], actual) is not None
    if expected.endswith(" (glob)"):
        return fnmatch.fnmatchcase(actual, expected[:-7])
    return False


def run(bin_dir, path):
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""),
               LC_ALL="C", TZ="UTC")
    with tempfile.TemporaryDirectory() as tmp:
        scratch = os.path.join(tmp, "ub")
        cases = [(num, cmd.replace(GUEST_SCRATCH, scratch),
                  [line.replace(GUEST_SCRATCH, scratch) for line in expected])
                 for num, cmd, expected in parse(path)]
        script = "exec 2>&1\n" + "".join("echo %s\n%s\n" % (MARK, cmd) for _, cmd, _ in cases)
        out = subprocess.run(["sh"], input=script.encode(), cwd=tmp, env=env,
                             stdout=subprocess.PIPE, timeout=100).stdout
    parts = out.decode("utf-8", "replace").split(MARK + "\n")[1:]
    failed = 0
    for (num, cmd, expected), part in zip(cases, parts):
        lines = part.split("\n")
        if lines[-1] == "":
            lines.pop()
        else:
            lines[-1] += " (no-eol)"
        if len(lines) != len(expected) or not all(map(matches, expected, lines)):
            failed += 1
            print("%s:%d: $ %s" % (path, num, cmd))
            print("  expected:\n" + "".join("    %s\n" % l for l in expected), end="")
            print("  got:\n" + "".join("    %s\n" % l for l in lines), end="")
    if len(parts) != len(cases):
        print("%s: %d of %d commands ran" % (path, len(parts), len(cases)))
        failed += 1
    print("%s: %d commands, %d failed" % (path, len(cases), failed))
    return failed == 0


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    ok = all([run(sys.argv[1], p) for p in sys.argv[2:]])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
