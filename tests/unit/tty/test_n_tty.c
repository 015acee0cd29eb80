/*
 * The line discipline driven as a terminal would be: bytes typed in, the
 * exact bytes echoed and written out, what reads return, and the signals
 * reported, for each mode and flag; then random input for robustness.
 */
#include <check.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/n_tty.h>
#include "unit.h"

static struct n_tty tty;
static unsigned char out[1 << 16];
static size_t out_len;
static int sigs[16];
static bool sig_flush[16];
static int nr_sigs;

static void sink(void *ctx, const unsigned char *buf, size_t len)
{
	(void)ctx;
	ck_assert_uint_le(out_len + len, sizeof(out));
	memcpy(out + out_len, buf, len);
	out_len += len;
}

static void on_signal(void *ctx, int sig, bool flush)
{
	(void)ctx;
	if (nr_sigs < 16) {
		sig_flush[nr_sigs] = flush;
		sigs[nr_sigs++] = sig;
	}
}

static const struct n_tty_ops ops = { .write = sink, .signal = on_signal };

static void setup(void)
{
	n_tty_init(&tty, &ops, NULL);
	out_len = 0;
	nr_sigs = 0;
}

static void type(const char *s)
{
	size_t n = strlen(s);

	ck_assert_uint_eq(n_tty_receive(&tty, (const unsigned char *)s, n), n);
}

/* The echoed bytes since the last check, then forgotten. */
static void expect_out(const char *want)
{
	size_t n = strlen(want);

	ck_assert_msg(out_len == n && !memcmp(out, want, n),
		      "output %.*s (%zu bytes), want %s", (int)out_len, out,
		      out_len, want);
	out_len = 0;
}

/* One read(2) step of up to @len bytes: returns the bytes as a string. */
static const char *read_step(size_t len)
{
	static unsigned char buf[N_TTY_BUF_SIZE + 1];
	size_t n;

	ck_assert(n_tty_input_available(&tty));
	n = n_tty_read(&tty, buf, len);
	buf[n] = 0;
	return (const char *)buf;
}

static void set_lflag(tcflag_t on, tcflag_t off)
{
	struct termios t = tty.termios;

	t.c_lflag = (t.c_lflag | on) & ~off;
	n_tty_set_termios(&tty, &t);
}

START_TEST(test_std_termios)
{
	ck_assert_uint_eq(sizeof(struct termios), 36);
	ck_assert_uint_eq(tty.termios.c_cc[VERASE], 0177);
	ck_assert_uint_eq(tty.termios.c_cc[VMIN], 1);
	ck_assert_uint_eq(tty.termios.c_lflag, 0105073);
	ck_assert_uint_eq(tty.termios.c_iflag, 02400);
	ck_assert_uint_eq(tty.termios.c_oflag, 05);
}
END_TEST

START_TEST(test_canon_line)
{
	type("ab\rc");
	expect_out("ab\r\nc");		/* ICRNL, then ONLCR on the echo */
	ck_assert_str_eq(read_step(100), "ab\n");
	ck_assert(!n_tty_input_available(&tty));
	type("\n");
	ck_assert_str_eq(read_step(100), "c\n");
}
END_TEST

START_TEST(test_canon_partial_reads)
{
	type("hello\nxy\n");
	ck_assert_uint_eq(n_tty_readable_bytes(&tty), 9);
	ck_assert_str_eq(read_step(2), "he");
	ck_assert_str_eq(read_step(100), "llo\n");	/* one line a read */
	ck_assert_str_eq(read_step(100), "xy\n");
	ck_assert(n_tty_read_satisfied(&tty, 0, 10));
	ck_assert_int_eq(n_tty_read_wait(&tty, 0), 0);
}
END_TEST

START_TEST(test_erase)
{
	type("abc\177\177d\n");
	expect_out("abc\b \b\b \bd\r\n");
	ck_assert_str_eq(read_step(100), "ad\n");
	type("\177");			/* nothing to erase: nothing echoed */
	expect_out("");
	type("\001\177x\n");		/* ^A shown as two columns, erased as two */
	expect_out("^A\b \b\b \bx\r\n");
	ck_assert_str_eq(read_step(100), "x\n");
}
END_TEST

START_TEST(test_erase_no_echoe)
{
	set_lflag(0, ECHOE);
	type("ab\177c\n");
	expect_out("ab^?c\r\n");
	ck_assert_str_eq(read_step(100), "ac\n");
	set_lflag(0, ECHOCTL);
	type("ab\177\n");
	expect_out("ab\177\r\n");
	ck_assert_str_eq(read_step(100), "a\n");
}
END_TEST

START_TEST(test_erase_tab)
{
	type("ab\t\177");
	expect_out("ab\t\b\b\b\b\b\b");	/* back from column 8 to 2 */
	type("\t\t\177\177\n");
	expect_out("\t\t\b\b\b\b\b\b\b\b\b\b\b\b\b\b\r\n");
	ck_assert_str_eq(read_step(100), "ab\n");
}
END_TEST

START_TEST(test_werase)
{
	type("foo bar_1 , \027");
	expect_out("foo bar_1 , \b \b\b \b\b \b\b \b\b \b\b \b\b \b\b \b");
	type("\n");
	ck_assert_str_eq(read_step(100), "foo \n");
	set_lflag(0, IEXTEN);		/* WERASE needs IEXTEN */
	type("a b\027\n");
	ck_assert_str_eq(read_step(100), "a b\027\n");
}
END_TEST

START_TEST(test_kill)
{
	type("ab\025");			/* ECHOK ECHOKE ECHOE: erased visually */
	expect_out("ab\b \b\b \b");
	type("c\n");
	ck_assert_str_eq(read_step(100), "c\n");
	set_lflag(0, ECHOKE);
	out_len = 0;
	type("ab\025");			/* the kill character, then a newline */
	expect_out("ab^U\r\n");
	set_lflag(0, ECHOK);
	type("x\025");
	expect_out("x^U");
	set_lflag(0, ECHO);
	type("y\025z\n");
	expect_out("");
	ck_assert_str_eq(read_step(100), "z\n");
}
END_TEST

START_TEST(test_eof)
{
	type("ab\004");
	expect_out("ab");		/* EOF is not echoed */
	ck_assert_str_eq(read_step(100), "ab");
	ck_assert(!n_tty_input_available(&tty));
	type("\004");
	ck_assert_uint_eq(n_tty_read(&tty, out, 100), 0);	/* end of file */
	ck_assert(!n_tty_input_available(&tty));
	type("abc\004z\n");
	ck_assert_str_eq(read_step(2), "ab");
	ck_assert_str_eq(read_step(2), "c");
	ck_assert_str_eq(read_step(5), "z\n");
}
END_TEST

START_TEST(test_eol)
{
	struct termios t = tty.termios;

	t.c_cc[VEOL] = ';';
	t.c_cc[VEOL2] = 001;
	n_tty_set_termios(&tty, &t);
	out_len = 0;
	type("a;b\001");
	expect_out("a;b^A");
	ck_assert_str_eq(read_step(100), "a;");
	ck_assert_str_eq(read_step(100), "b\001");
	t.c_lflag &= ~IEXTEN;		/* EOL2 needs IEXTEN */
	n_tty_set_termios(&tty, &t);
	type("c\001");
	ck_assert(!n_tty_input_available(&tty));
	/* VEOL 0 is disabled: a NUL is an ordinary character. */
	t.c_cc[VEOL] = 0;
	n_tty_set_termios(&tty, &t);
	ck_assert_uint_eq(n_tty_receive(&tty, (const unsigned char *)"\0\n", 2), 2);
	ck_assert_uint_eq(n_tty_read(&tty, out, 100), 4);
	ck_assert(!memcmp(out, "c\001\0\n", 4));
}
END_TEST

START_TEST(test_echonl)
{
	set_lflag(ECHONL, ECHO);
	type("ab\n");
	expect_out("\r\n");
	ck_assert_str_eq(read_step(100), "ab\n");
}
END_TEST

START_TEST(test_input_mapping)
{
	struct termios t = tty.termios;

	t.c_iflag = ISTRIP | INLCR;
	t.c_lflag &= ~ECHO;
	n_tty_set_termios(&tty, &t);
	type("\xe1\n\r");		/* ISTRIP, INLCR; a CR ends nothing without ICRNL */
	ck_assert(!n_tty_input_available(&tty));
	t.c_iflag = IGNCR;
	n_tty_set_termios(&tty, &t);
	type("\rb\n");
	ck_assert_str_eq(read_step(100), "a\r\rb\n");
}
END_TEST

START_TEST(test_echoctl)
{
	set_lflag(0, ICANON);
	type("\033[A\t\n");		/* raw mode still echoes ^J for a newline */
	expect_out("^[[A\t^J");
	set_lflag(0, ECHOCTL);
	type("\033\n");
	expect_out("\033\r\n");
}
END_TEST

START_TEST(test_output)
{
	struct termios t = tty.termios;

	n_tty_write(&tty, (const unsigned char *)"a\nb", 3);
	expect_out("a\r\nb");
	t.c_oflag = OPOST | OCRNL | ONOCR;
	n_tty_set_termios(&tty, &t);
	tty.column = 0;
	n_tty_write(&tty, (const unsigned char *)"\rx\r", 3);
	expect_out("x\n");		/* ONOCR drops the CR at column 0 */
	t.c_oflag = OPOST | ONLRET | OCRNL;
	n_tty_set_termios(&tty, &t);
	n_tty_write(&tty, (const unsigned char *)"ab\n", 3);
	ck_assert_uint_eq(tty.column, 0);
	expect_out("ab\n");
	t.c_oflag = OPOST | XTABS;
	n_tty_set_termios(&tty, &t);
	n_tty_write(&tty, (const unsigned char *)"abc\t|", 5);
	expect_out("abc     |");
	t.c_oflag = ONLCR;		/* no OPOST: bytes go out as they are */
	n_tty_set_termios(&tty, &t);
	n_tty_write(&tty, (const unsigned char *)"\n\r\t", 3);
	expect_out("\n\r\t");
}
END_TEST

START_TEST(test_isig)
{
	type("abc\003");
	expect_out("abc^C");
	ck_assert_int_eq(nr_sigs, 1);
	ck_assert_int_eq(sigs[0], SIGINT);
	ck_assert(sig_flush[0]);
	type("\n");			/* the line was flushed */
	ck_assert_str_eq(read_step(100), "\n");
	type("x\034y\032");
	ck_assert_int_eq(nr_sigs, 3);
	ck_assert_int_eq(sigs[1], SIGQUIT);
	ck_assert_int_eq(sigs[2], SIGTSTP);
	ck_assert(!n_tty_input_available(&tty));
	ck_assert_uint_eq(tty.read_head, tty.read_tail);
}
END_TEST

START_TEST(test_isig_noflsh)
{
	set_lflag(NOFLSH, 0);
	type("ab\003c\n");
	ck_assert_int_eq(nr_sigs, 1);
	ck_assert(!sig_flush[0]);
	ck_assert_str_eq(read_step(100), "abc\n");
	set_lflag(0, ISIG);
	type("\003\n");
	ck_assert_int_eq(nr_sigs, 1);
	ck_assert_str_eq(read_step(100), "\003\n");
	/* A complete line is flushed too. */
	set_lflag(ISIG, NOFLSH);
	type("done\n\003");
	ck_assert(!n_tty_input_available(&tty));
}
END_TEST

static void set_raw(unsigned char vmin, unsigned char vtime)
{
	struct termios t = tty.termios;

	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	n_tty_set_termios(&tty, &t);
}

START_TEST(test_raw_vmin_vtime)
{
	set_raw(3, 0);			/* VMIN 3: wait for 3 bytes, no timer */
	ck_assert_int_eq(n_tty_read_wait(&tty, 0), 0);
	type("ab");
	ck_assert(n_tty_input_available(&tty));
	ck_assert(!n_tty_poll_readable(&tty));
	ck_assert_str_eq(read_step(10), "ab");
	ck_assert(!n_tty_read_satisfied(&tty, 2, 10));
	ck_assert(n_tty_read_satisfied(&tty, 2, 2));	/* the buffer is full */
	ck_assert_int_eq(n_tty_read_wait(&tty, 2), 0);
	type("cde");
	ck_assert(n_tty_poll_readable(&tty));
	ck_assert(n_tty_read_satisfied(&tty, 5, 10));

	set_raw(3, 5);			/* inter-byte timer after the first byte */
	ck_assert_int_eq(n_tty_read_wait(&tty, 0), 0);
	ck_assert_int_eq(n_tty_read_wait(&tty, 1), 5);
	type("x");
	ck_assert(n_tty_poll_readable(&tty));	/* VTIME: one byte is enough */

	set_raw(0, 7);			/* one byte, or 0 after the timer */
	ck_assert_int_eq(n_tty_read_wait(&tty, 0), 7);
	ck_assert(n_tty_read_satisfied(&tty, 1, 10));

	set_raw(0, 0);			/* polling read */
	ck_assert_int_eq(n_tty_read_wait(&tty, 0), N_TTY_READ_RETURN);
	ck_assert(!n_tty_read_satisfied(&tty, 0, 10));
}
END_TEST

START_TEST(test_mode_switch)
{
	type("ab\ncd");
	set_raw(1, 0);			/* everything buffered becomes readable */
	ck_assert_uint_eq(n_tty_readable_bytes(&tty), 5);
	ck_assert_str_eq(read_step(100), "ab\ncd");
	type("xy");
	set_lflag(ICANON, 0);		/* raw data becomes one line */
	ck_assert_str_eq(read_step(100), "xy");
	ck_assert(!n_tty_input_available(&tty));
}
END_TEST

START_TEST(test_canon_overflow)
{
	static unsigned char line[N_TTY_BUF_SIZE + 10];
	size_t n;

	set_lflag(0, ECHO);
	memset(line, 'a', sizeof(line));
	line[N_TTY_BUF_SIZE - 2] = 'b';		/* the 4095th character */
	line[N_TTY_BUF_SIZE - 1] = 'c';		/* beyond: overwritten */
	ck_assert_uint_eq(n_tty_receive(&tty, line, sizeof(line)), sizeof(line));
	type("\177");				/* erases the kept slot */
	type("\n");
	ck_assert_uint_eq(n_tty_readable_bytes(&tty), N_TTY_BUF_SIZE);
	n = n_tty_read(&tty, out, sizeof(out));
	ck_assert_uint_eq(n, N_TTY_BUF_SIZE);
	ck_assert_uint_eq(out[N_TTY_BUF_SIZE - 2], 'b');
	ck_assert_uint_eq(out[N_TTY_BUF_SIZE - 1], '\n');
	/* With a whole line waiting, input stops at 4095 bytes: the driver keeps the rest. */
	type("q\n");
	ck_assert_uint_eq(n_tty_receive(&tty, line, sizeof(line)), N_TTY_BUF_SIZE - 3);
	ck_assert_uint_eq(n_tty_read(&tty, out, 100), 2);
	/* No whole line left: the unfinished one overflows again rather than stall. */
	ck_assert_uint_eq(n_tty_receive(&tty, line, 10), 10);
	ck_assert_uint_eq(tty.read_head - tty.read_tail, N_TTY_BUF_SIZE);
}
END_TEST

START_TEST(test_raw_full)
{
	static unsigned char data[N_TTY_BUF_SIZE + 5];

	set_raw(1, 0);
	memset(data, 'r', sizeof(data));
	ck_assert_uint_eq(n_tty_receive(&tty, data, sizeof(data)), N_TTY_BUF_SIZE - 1);
	ck_assert_uint_eq(n_tty_read(&tty, out, 10), 10);
	ck_assert_uint_eq(n_tty_receive(&tty, data, sizeof(data)), 10);
	ck_assert_uint_eq(n_tty_read(&tty, out, sizeof(out)), N_TTY_BUF_SIZE - 1);
}
END_TEST

static void check_invariants(void)
{
	CHECK(tty.read_tail <= tty.canon_head && tty.canon_head <= tty.read_head,
	      "indices out of order");
	CHECK(tty.read_head - tty.read_tail <= N_TTY_BUF_SIZE, "overfull");
}

START_TEST(test_random)
{
	static const tcflag_t lflags[] = { ISIG, ICANON, ECHO, ECHOE, ECHOK,
		ECHONL, NOFLSH, ECHOCTL, ECHOKE, IEXTEN };
	static const tcflag_t iflags[] = { ISTRIP, INLCR, IGNCR, ICRNL };
	static const tcflag_t oflags[] = { OPOST, ONLCR, OCRNL, ONOCR, ONLRET, XTABS };
	unsigned char in[64], rd[N_TTY_BUF_SIZE];
	int round, i;

	srand(7);
	for (round = 0; round < 20000; round++) {
		int op = rand() % 16;

		if (op == 0) {
			struct termios t = tty.termios;
			size_t k;

			t.c_lflag = t.c_iflag = t.c_oflag = 0;
			for (k = 0; k < sizeof(lflags) / sizeof(lflags[0]); k++)
				if (rand() % 4)
					t.c_lflag |= lflags[k];
			for (k = 0; k < sizeof(iflags) / sizeof(iflags[0]); k++)
				if (rand() % 2)
					t.c_iflag |= iflags[k];
			for (k = 0; k < sizeof(oflags) / sizeof(oflags[0]); k++)
				if (rand() % 2)
					t.c_oflag |= oflags[k];
			t.c_cc[VMIN] = rand() % 4;
			t.c_cc[VTIME] = rand() % 3;
			n_tty_set_termios(&tty, &t);
		} else if (op < 4) {
			size_t avail = n_tty_readable_bytes(&tty);
			size_t want = rand() % 300 + 1, got;

			if (!n_tty_input_available(&tty))
				continue;
			got = n_tty_read(&tty, rd, want);
			CHECK(got <= want && got <= avail, "read too much");
		} else {
			size_t len = rand() % sizeof(in) + 1;

			for (i = 0; i < (int)len; i++)
				in[i] = rand() % 3 ? 'a' + rand() % 26 : rand() % 256;
			CHECK(n_tty_receive(&tty, in, len) <= len, "took too much");
			n_tty_write(&tty, in, len);
		}
		check_invariants();
		out_len = 0;
	}
}
END_TEST

static void set_iflag(tcflag_t on, tcflag_t off)
{
	struct termios t = tty.termios;

	t.c_iflag = (t.c_iflag | on) & ~off;
	n_tty_set_termios(&tty, &t);
}

/* ^V: the next byte is data, even ^C; ECHOCTL shows "^" and backs over it. */
START_TEST(test_lnext)
{
	type("a\026\003b\n");
	expect_out("a^\b^Cb\r\n");
	ck_assert_int_eq(nr_sigs, 0);
	ck_assert_str_eq(read_step(100), "a\003b\n");
	type("\026\r\n");
	ck_assert_str_eq(read_step(100), "\r\n");	/* no ICRNL for it */
}
END_TEST

/* ^R: the unfinished line again on a fresh one; the line is unchanged. */
START_TEST(test_reprint)
{
	type("ab\022");
	expect_out("ab^R\r\nab");
	type("c\n");
	ck_assert_str_eq(read_step(100), "abc\n");
	set_lflag(0, ECHO);
	type("\022\n");
	ck_assert_str_eq(read_step(100), "\022\n");
}
END_TEST

/* IXON: ^S stops output and ^Q starts it, neither stored; IXANY lets any byte restart. */
START_TEST(test_ixon)
{
	type("\023");
	ck_assert(n_tty_output_stopped(&tty));
	type("a");
	ck_assert(n_tty_output_stopped(&tty));
	type("\021");
	ck_assert(!n_tty_output_stopped(&tty));
	type("\n");
	ck_assert_str_eq(read_step(100), "a\n");
	set_iflag(IXANY, 0);
	type("\023x");
	ck_assert(!n_tty_output_stopped(&tty));
	type("\023\003");
	ck_assert(!n_tty_output_stopped(&tty));	/* isig restarts output */
	n_tty_stop_output(&tty, true);
	ck_assert(n_tty_output_stopped(&tty));
	set_iflag(0, IXON);
	out_len = 0;
	type("\023\n");
	ck_assert_str_eq(read_step(100), "\023\n");
}
END_TEST

/* Echoes wait while output is stopped and come out, in order, when it starts. */
START_TEST(test_echo_held_while_stopped)
{
	out_len = 0;
	type("\023ab");
	ck_assert_int_eq(out_len, 0);
	type("\021");
	expect_out("ab");
	n_tty_stop_output(&tty, true);
	type("c\177");
	ck_assert_int_eq(out_len, 0);
	n_tty_stop_output(&tty, false);
	expect_out("c\b \b");
	type("\n");
	ck_assert_str_eq(read_step(100), "ab\n");
}
END_TEST

/* IXOFF: STOP once the buffer is nearly full, START once reads empty it. */
START_TEST(test_ixoff)
{
	static unsigned char fill[N_TTY_BUF_SIZE];
	static unsigned char buf[N_TTY_BUF_SIZE];

	set_lflag(0, ICANON | ECHO);
	set_iflag(IXOFF, 0);
	memset(fill, 'x', sizeof(fill));
	n_tty_receive(&tty, fill, N_TTY_BUF_SIZE - 200);
	expect_out("");
	n_tty_receive(&tty, fill, 100);
	expect_out("\023");
	n_tty_read(&tty, buf, N_TTY_BUF_SIZE - 300);
	expect_out("");
	n_tty_read(&tty, buf, 100);
	expect_out("\021");
	n_tty_send_flow_char(&tty, false);
	expect_out("\023");
}
END_TEST

/* IUTF8: erase takes a whole character and echoes one column's erase. */
START_TEST(test_iutf8_erase)
{
	set_iflag(IUTF8, 0);
	type("a\xc3\xa9\177\n");
	expect_out("a\xc3\xa9\b \b\r\n");
	ck_assert_str_eq(read_step(100), "a\n");
	set_iflag(0, IUTF8);
	type("a\xc3\xa9\177\n");
	ck_assert_str_eq(read_step(100), "a\xc3\n");
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("n_tty");
	TCase *tc = tcase_create("n_tty");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_std_termios);
	tcase_add_test(tc, test_canon_line);
	tcase_add_test(tc, test_canon_partial_reads);
	tcase_add_test(tc, test_erase);
	tcase_add_test(tc, test_erase_no_echoe);
	tcase_add_test(tc, test_erase_tab);
	tcase_add_test(tc, test_werase);
	tcase_add_test(tc, test_kill);
	tcase_add_test(tc, test_eof);
	tcase_add_test(tc, test_eol);
	tcase_add_test(tc, test_echonl);
	tcase_add_test(tc, test_input_mapping);
	tcase_add_test(tc, test_echoctl);
	tcase_add_test(tc, test_output);
	tcase_add_test(tc, test_isig);
	tcase_add_test(tc, test_isig_noflsh);
	tcase_add_test(tc, test_raw_vmin_vtime);
	tcase_add_test(tc, test_mode_switch);
	tcase_add_test(tc, test_canon_overflow);
	tcase_add_test(tc, test_raw_full);
	tcase_add_test(tc, test_lnext);
	tcase_add_test(tc, test_reprint);
	tcase_add_test(tc, test_ixon);
	tcase_add_test(tc, test_echo_held_while_stopped);
	tcase_add_test(tc, test_ixoff);
	tcase_add_test(tc, test_iutf8_erase);
	tcase_add_test(tc, test_random);
	suite_add_tcase(s, tc);
	return s;
}
