#!/usr/bin/env python3
"""Host test of the system-test harness's parser, matcher and output cleaning
(tests/harness/systest.py), so that it can neither misread a .t file nor accept
output that differs from what the file expects."""

import os
import sys
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "harness"))
import systest  # noqa: E402  pylint: disable=wrong-import-position

SAMPLE = """A comment.
  $ echo hi
  hi
  $ cat <<EOF
  > a
  > EOF
  a
Another comment.
  $$ ech\\t x\\e[D\\x41
  $ true
  $ login
  < user
  < pass\\x41
  breenix login: user
  Password:\\s (re)
"""


class ParseTest(unittest.TestCase):
    def test_items(self):
        items = systest.parse(SAMPLE)
        commands = [item for item in items if isinstance(item, systest.Command)]
        self.assertEqual([c.typed for c in commands],
                         [["echo hi"], ["cat <<EOF", "a", "EOF"], ["ech\\t x\\e[D\\x41"], ["true"],
                          ["login"]])
        self.assertEqual([c.expected for c in commands],
                         [["hi"], ["a"], [], [], ["breenix login: user", "Password:\\s (re)"]])
        self.assertEqual(commands[4].answers, ["user", "pass\\x41"])
        self.assertEqual(commands[2].keystrokes(), ["ech\t x\x1b[DA"])
        self.assertEqual(commands[0].lineno, 2)
        self.assertEqual(items[0], "A comment.")

    def test_render_round_trip(self):
        self.assertEqual("\n".join(systest.render(systest.parse(SAMPLE), False)) + "\n", SAMPLE)

    def test_continuation_after_output_is_output(self):
        (cmd,) = systest.parse("  $ x\n  y\n  > z\n")
        self.assertEqual(cmd.typed, ["x"])
        self.assertEqual(cmd.expected, ["y", "> z"])

    def test_answers_end_before_output_and_continuations(self):
        (cmd,) = systest.parse("  $ x\n  < a\n  > b\n")
        self.assertEqual(cmd.answers, ["a"])
        self.assertEqual(cmd.expected, ["> b"])
        (cmd,) = systest.parse("  $ x\n  y\n  < z\n")
        self.assertEqual(cmd.answers, [])
        self.assertEqual(cmd.expected, ["y", "< z"])
        with self.assertRaises(systest.TestFileError):
            systest.parse("  $ x\n  > y\n  < z\n")
        with self.assertRaises(systest.TestFileError):
            systest.parse("  $ x\n  < \\q\n")

    def test_empty_expected_line(self):
        (cmd,) = systest.parse("  $ echo\n  \n")
        self.assertEqual(cmd.expected, [""])

    def test_output_before_command_is_an_error(self):
        with self.assertRaises(systest.TestFileError):
            systest.parse("  stray\n  $ true\n")

    def test_key_presses(self):
        text = "  $ sleep 100\n  $< \\x1a\n  $< x\\r\n  ^Z\n  [1]+  Stopped\n"
        (cmd,) = systest.parse(text)
        self.assertEqual(cmd.typed, ["sleep 100"])
        self.assertEqual(cmd.key_presses(), ["\x1a", "x\r"])
        self.assertEqual(cmd.expected, ["^Z", "[1]+  Stopped"])
        self.assertEqual("\n".join(systest.render(systest.parse(text), False)) + "\n", text)

    def test_key_presses_after_output_are_output(self):
        (cmd,) = systest.parse("  $ x\n  y\n  $< z\n")
        self.assertEqual(cmd.presses, [])
        self.assertEqual(cmd.expected, ["y", "$< z"])

    def test_key_presses_errors(self):
        with self.assertRaises(systest.TestFileError):
            systest.parse("  $ cat\n  $< a\n  > b\n")
        with self.assertRaises(systest.TestFileError):
            systest.parse("  $ cat\n  $< \\q\n")

    def test_bad_escapes(self):
        for keys in ("\\q", "\\x4", "\\xzz", "abc\\"):
            with self.assertRaises(systest.TestFileError, msg=keys):
                systest.parse(f"  $$ {keys}\n")
        self.assertEqual(systest.unescape("\\\\e\\t\\r\\n\\x7f"), "\\e\t\r\n\x7f")


class MatchTest(unittest.TestCase):
    def test_literal_is_exact(self):
        self.assertTrue(systest.line_matches("foo", "foo"))
        for actual in ("foox", "xfoo", "fo", "Foo", "foo ", ""):
            self.assertFalse(systest.line_matches("foo", actual), actual)

    def test_regex_matches_whole_line(self):
        self.assertTrue(systest.line_matches("[0-9]+ kB (re)", "123 kB"))
        for actual in ("x123 kB", "123 kB!", " kB", "123 kB\nmore"):
            self.assertFalse(systest.line_matches("[0-9]+ kB (re)", actual), actual)

    def test_bad_regex_never_matches(self):
        self.assertFalse(systest.line_matches("([ (re)", "(["))

    def test_glob(self):
        self.assertTrue(systest.line_matches("a*c?e (glob)", "abbbcde"))
        self.assertTrue(systest.line_matches("a*c (glob)", "ac"))
        self.assertTrue(systest.line_matches("[x].+ (glob)", "[x].+"))
        for actual in ("abcd", "xac", "ab"):
            self.assertFalse(systest.line_matches("a*c (glob)", actual), actual)
        self.assertFalse(systest.line_matches("[x].+ (glob)", "[x]a+"))  # only * and ? are special

    def test_suffix_needs_its_space(self):
        self.assertFalse(systest.line_matches("a.(re)", "ab"))
        self.assertTrue(systest.line_matches("a.(re)", "a.(re)"))

    def test_output_needs_every_line(self):
        self.assertTrue(systest.output_matches(["a", "b* (glob)"], ["a", "bc"]))
        self.assertTrue(systest.output_matches([], []))
        self.assertFalse(systest.output_matches(["a"], []))
        self.assertFalse(systest.output_matches([], ["a"]))
        self.assertFalse(systest.output_matches(["a"], ["a", "b"]))
        self.assertFalse(systest.output_matches(["a", "b"], ["b", "a"]))
        self.assertFalse(systest.output_matches([".* (re)"], ["x", "y"]))


class OutputTest(unittest.TestCase):
    def test_echo_cr_and_escapes_removed(self):
        raw = "ls\x1b[K\r\n\x1b[1;34mbin\x1b[0m  etc\r\r\nlast\r\n"
        self.assertEqual(systest.command_output(raw, 1), ["bin  etc", "last"])

    def test_no_eol(self):
        self.assertEqual(systest.command_output("printf x\r\nx", 1), ["x (no-eol)"])
        self.assertEqual(systest.command_output("true\r\n", 1), [])

    def test_osc_sequence_removed(self):
        self.assertEqual(systest.clean("\x1b]0;title\x07text"), ["text"])

    def test_shell_prompt_waits_for_quiet(self):
        self.assertIsNone(systest.shell_prompt("boot\r\nbreenix# ", 0.5, 1))
        self.assertEqual(systest.shell_prompt("boot\r\nbreenix# ", 5.0, 1), 6)
        self.assertIsNone(systest.shell_prompt("boot\r\nbreenix#", 5.0, 1))
        self.assertIsNone(systest.shell_prompt("breenix# ", 5.0, 1))


class FakeGuest:
    """A guest whose shell echoes each line and, when sent ^Z, reports a stopped job."""

    class Proc:
        @staticmethod
        def poll():
            return None

    def __init__(self, transcript):
        self.proc = self.Proc()
        self.transcript = transcript
        self.sent = []

    def send(self, data):
        self.sent.append((time.monotonic(), data))
        if data.endswith(b"\r"):
            self.transcript.write(data[:-1] + b"\r\n")
        elif data == b"\x1a":
            self.transcript.write(b"^Z\r\n[1]+  Stopped  sleep 100\r\n" + systest.PS1_MARK.encode())


class SessionTest(unittest.TestCase):
    def test_keys_wait_for_quiet_after_the_line(self):
        transcript = systest.Transcript()
        guest = FakeGuest(transcript)
        session = systest.Session(guest, transcript, 5, time.monotonic() + 10)
        (cmd,) = systest.parse("  $ sleep 100\n  $< \\x1a\n")
        quiet, systest.KEYS_QUIET = systest.KEYS_QUIET, 0.2
        try:
            self.assertEqual(session.run(cmd), "prompt")
        finally:
            systest.KEYS_QUIET = quiet
        self.assertEqual(cmd.actual, ["^Z", "[1]+  Stopped  sleep 100"])
        (line_at, line), (key_at, key) = guest.sent
        self.assertEqual((line, key), (b"sleep 100\r", b"\x1a"))
        self.assertGreaterEqual(key_at - line_at, 0.2)


class DiffTest(unittest.TestCase):
    def test_diff_shows_each_failed_command(self):
        items = systest.parse("  $ a\n  1\n  $ b\n  x* (glob)\n  $ c\n  3\n")
        commands = [item for item in items if isinstance(item, systest.Command)]
        for cmd, actual in zip(commands, (["2"], ["xyz"], ["3", "4"])):
            cmd.actual = actual
        diff = systest.failure_diff(items, "t.t")
        self.assertIn("-  1\n+  2", diff)
        self.assertIn("+  4", diff)
        self.assertNotIn("xyz", diff)  # a matching glob line is shown as written

    def test_no_diff_when_all_match(self):
        items = systest.parse("  $ a\n  1\n")
        items[0].actual = ["1"]
        self.assertEqual(systest.failure_diff(items, "t.t"), "")


if __name__ == "__main__":
    unittest.main()
