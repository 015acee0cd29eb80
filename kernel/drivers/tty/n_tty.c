/*
 * The N_TTY line discipline (see n_tty.h), following Linux's
 * drivers/tty/n_tty.c so that what a terminal echoes, what erase and kill
 * leave on the screen and when a read returns are as on Linux.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <asm/signal.h>
#include <breenix/n_tty.h>

#define MASK(i)		((i) & (N_TTY_BUF_SIZE - 1))
/* Linux's TTY_THRESHOLD_THROTTLE/UNTHROTTLE: IXOFF sends STOP with this little room left, START below this much queued. */
#define THROTTLE_ROOM	128
#define UNTHROTTLE_USED	128

/* Linux's INIT_C_CC (include/linux/tty.h): ^C ^\ DEL ^U ^D, VMIN 1, ^Q ^S ^Z, ^R ^O ^W ^V. */
const struct termios n_tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
		   IEXTEN,
	.c_cc = { 003, 034, 0177, 025, 004, 0, 1, 0, 021, 023, 032, 0, 022,
		  017, 027, 026, 0 },
};

static bool iflag(const struct n_tty *tty, tcflag_t f)
{
	return tty->termios.c_iflag & f;
}

static bool oflag(const struct n_tty *tty, tcflag_t f)
{
	return tty->termios.c_oflag & f;
}

static bool lflag(const struct n_tty *tty, tcflag_t f)
{
	return tty->termios.c_lflag & f;
}

static bool is_cntrl(unsigned char c)
{
	return c < 32 || c == 0177;
}

/* IUTF8: a byte inside a UTF-8 character, not its start. */
static bool is_continuation(const struct n_tty *tty, unsigned char c)
{
	return iflag(tty, IUTF8) && (c & 0xc0) == 0x80;
}

static bool is_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c == '_';
}

/* c is the control character @idx, which 0 (_POSIX_VDISABLE) disables. */
static bool is_char(const struct n_tty *tty, unsigned char c, int idx)
{
	return tty->termios.c_cc[idx] && c == tty->termios.c_cc[idx];
}

static bool test_bit(const unsigned char *map, size_t i)
{
	return map[MASK(i) / 8] & (1u << (MASK(i) % 8));
}

static void assign_bit(unsigned char *map, size_t i, bool on)
{
	if (on)
		map[MASK(i) / 8] |= 1u << (MASK(i) % 8);
	else
		map[MASK(i) / 8] &= ~(1u << (MASK(i) % 8));
}

/*
 * Echo and output, unless output is stopped (^S, TCOOFF): then echoes are
 * held, as Linux's echo buffer holds them, and written when it starts
 * again; what does not fit is dropped (the input itself is kept).
 */
static void emit(struct n_tty *tty, const void *buf, size_t len)
{
	size_t room = sizeof(tty->echo_held) - tty->echo_held_len;

	if (!tty->stopped) {
		tty->ops->write(tty->ctx, buf, len);
		return;
	}
	if (len > room)
		len = room;
	memcpy(tty->echo_held + tty->echo_held_len, buf, len);
	tty->echo_held_len += len;
}

static void start_output(struct n_tty *tty)
{
	tty->stopped = false;
	if (tty->echo_held_len)
		tty->ops->write(tty->ctx, tty->echo_held, tty->echo_held_len);
	tty->echo_held_len = 0;
}

/* Linux's do_output_char(): one byte through OPOST, keeping the column. */
static void output_char(struct n_tty *tty, unsigned char c)
{
	static const char spaces[8] = "        ";
	unsigned int n;

	if (!oflag(tty, OPOST)) {
		emit(tty, &c, 1);
		return;
	}
	switch (c) {
	case '\n':
		if (oflag(tty, ONLRET))
			tty->column = 0;
		if (oflag(tty, ONLCR)) {
			tty->canon_column = tty->column = 0;
			emit(tty, "\r\n", 2);
			return;
		}
		tty->canon_column = tty->column;
		break;
	case '\r':
		if (oflag(tty, ONOCR) && tty->column == 0)
			return;
		if (oflag(tty, OCRNL)) {
			c = '\n';
			if (oflag(tty, ONLRET))
				tty->canon_column = tty->column = 0;
			break;
		}
		tty->canon_column = tty->column = 0;
		break;
	case '\t':
		n = 8 - (tty->column & 7);
		tty->column += n;
		if ((tty->termios.c_oflag & TABDLY) == XTABS) {
			emit(tty, spaces, n);
			return;
		}
		break;
	case '\b':
		if (tty->column > 0)
			tty->column--;
		break;
	default:
		if (!is_cntrl(c) && !is_continuation(tty, c))
			tty->column++;
		break;
	}
	emit(tty, &c, 1);
}

/* Linux's echo_char(): ECHOCTL shows a control character other than tab as ^X. */
static void echo_char(struct n_tty *tty, unsigned char c)
{
	unsigned char pair[2] = { '^', c ^ 0100 };

	if (lflag(tty, ECHOCTL) && is_cntrl(c) && c != '\t') {
		emit(tty, pair, 2);
		tty->column += 2;
		return;
	}
	output_char(tty, c);
}

static void echo_erase(struct n_tty *tty)
{
	output_char(tty, '\b');
	output_char(tty, ' ');
	output_char(tty, '\b');
}

/*
 * Erasing a tab moves back to where the tab began: the echo width of the
 * line before it, from the column the line started at.
 */
static void echo_erase_tab(struct n_tty *tty, size_t tab)
{
	unsigned int col = tty->canon_column, n;
	size_t i;

	for (i = tty->canon_head; i != tab; i++) {
		unsigned char c = tty->buf[MASK(i)];

		if (c == '\t')
			col = (col | 7) + 1;
		else if (is_cntrl(c))
			col += lflag(tty, ECHOCTL) ? 2 : 0;
		else
			col++;
	}
	n = 8 - (col & 7);
	if (n > tty->column)
		n = tty->column;
	while (n--)
		output_char(tty, '\b');
}

static void reset_line_state(struct n_tty *tty)
{
	memset(tty->line_end, 0, sizeof(tty->line_end));
	memset(tty->eof, 0, sizeof(tty->eof));
}

void n_tty_init(struct n_tty *tty, const struct n_tty_ops *ops, void *ctx)
{
	tty->termios = n_tty_std_termios;
	tty->ops = ops;
	tty->ctx = ctx;
	tty->read_tail = tty->canon_head = tty->read_head = 0;
	tty->column = tty->canon_column = 0;
	tty->stopped = tty->throttled = tty->lnext = false;
	tty->echo_held_len = 0;
	reset_line_state(tty);
}

/* Linux's n_tty_set_termios(): what a change of ICANON does to buffered input. */
void n_tty_set_termios(struct n_tty *tty, const struct termios *t)
{
	bool was_canon = lflag(tty, ICANON);

	tty->termios = *t;
	if (was_canon == lflag(tty, ICANON))
		return;
	reset_line_state(tty);
	if (!lflag(tty, ICANON) || tty->read_head == tty->read_tail) {
		tty->canon_head = tty->read_tail;
	} else {
		assign_bit(tty->line_end, tty->read_head - 1, true);
		tty->canon_head = tty->read_head;
	}
}

static void send_char(struct n_tty *tty, int idx)
{
	unsigned char c = tty->termios.c_cc[idx];

	/* Flow control characters go out even while output is stopped. */
	if (c)
		tty->ops->write(tty->ctx, &c, 1);
}

void n_tty_send_flow_char(struct n_tty *tty, bool start)
{
	send_char(tty, start ? VSTART : VSTOP);
}

/* IXOFF: once reads have emptied the buffer enough, the other end may send again. */
static void maybe_unthrottle(struct n_tty *tty)
{
	if (tty->throttled &&
	    tty->read_head - tty->read_tail < UNTHROTTLE_USED) {
		tty->throttled = false;
		if (iflag(tty, IXOFF))
			send_char(tty, VSTART);
	}
}

static void maybe_throttle(struct n_tty *tty)
{
	if (!tty->throttled && iflag(tty, IXOFF) &&
	    N_TTY_BUF_SIZE - (tty->read_head - tty->read_tail) < THROTTLE_ROOM) {
		tty->throttled = true;
		send_char(tty, VSTOP);
	}
}

void n_tty_flush_input(struct n_tty *tty)
{
	tty->read_tail = tty->canon_head = tty->read_head = 0;
	tty->lnext = false;
	reset_line_state(tty);
	maybe_unthrottle(tty);
}

/*
 * Stores a byte. A canonical line that fills the buffer keeps its last slot
 * for whatever comes next, so the line can still end (Linux's overflow).
 */
static void put_char(struct n_tty *tty, unsigned char c)
{
	if (tty->read_head - tty->read_tail == N_TTY_BUF_SIZE)
		tty->read_head--;
	assign_bit(tty->line_end, tty->read_head, false);
	assign_bit(tty->eof, tty->read_head, false);
	tty->buf[MASK(tty->read_head)] = c;
	tty->read_head++;
}

static void end_line(struct n_tty *tty, unsigned char c, bool eof)
{
	put_char(tty, c);
	assign_bit(tty->line_end, tty->read_head - 1, true);
	assign_bit(tty->eof, tty->read_head - 1, eof);
	tty->canon_head = tty->read_head;
}

enum erase_kind { ERASE, WERASE, KILL };

/* Linux's eraser(): ERASE, WERASE and KILL on the unfinished line. */
static void eraser(struct n_tty *tty, unsigned char c, enum erase_kind kind)
{
	bool seen_word = false;

	if (tty->read_head == tty->canon_head)
		return;
	if (kind == KILL) {
		if (!lflag(tty, ECHO)) {
			tty->read_head = tty->canon_head;
			return;
		}
		if (!lflag(tty, ECHOK) || !lflag(tty, ECHOKE) ||
		    !lflag(tty, ECHOE)) {
			tty->read_head = tty->canon_head;
			echo_char(tty, c);
			if (lflag(tty, ECHOK))
				output_char(tty, '\n');
			return;
		}
	}
	while (tty->read_head != tty->canon_head) {
		size_t pos = tty->read_head - 1;
		unsigned char e = tty->buf[MASK(pos)];

		/* IUTF8: a whole character goes, never part of one. */
		while (is_continuation(tty, e) && pos != tty->canon_head)
			e = tty->buf[MASK(--pos)];
		if (is_continuation(tty, e))
			break;

		if (kind == WERASE) {
			if (is_word(e))
				seen_word = true;
			else if (seen_word)
				break;
		}
		tty->read_head = pos;
		if (lflag(tty, ECHO)) {
			if (kind == ERASE && !lflag(tty, ECHOE)) {
				echo_char(tty, c);
			} else if (e == '\t') {
				echo_erase_tab(tty, pos);
			} else {
				if (is_cntrl(e) && lflag(tty, ECHOCTL))
					echo_erase(tty);
				if (!is_cntrl(e) || lflag(tty, ECHOCTL))
					echo_erase(tty);
			}
		}
		if (kind == ERASE)
			break;
	}
}

/* Linux's isig(): the signal, and unless NOFLSH the input thrown away. */
static void signal_char(struct n_tty *tty, unsigned char c, int sig)
{
	bool flush = !lflag(tty, NOFLSH);

	if (flush)
		n_tty_flush_input(tty);
	if (iflag(tty, IXON))
		start_output(tty);
	tty->ops->signal(tty->ctx, sig, flush);
	if (lflag(tty, ECHO))
		echo_char(tty, c);
}

/* ^R: the unfinished line again on a new one, after the ^R itself. */
static void reprint(struct n_tty *tty, unsigned char c)
{
	size_t i;

	echo_char(tty, c);
	output_char(tty, '\n');
	for (i = tty->canon_head; i != tty->read_head; i++)
		echo_char(tty, tty->buf[MASK(i)]);
}

/* ^V: the next byte goes in as it is; ECHOCTL shows a ^ under the cursor meanwhile. */
static void literal_next(struct n_tty *tty)
{
	tty->lnext = true;
	if (lflag(tty, ECHO) && lflag(tty, ECHOCTL)) {
		output_char(tty, '^');
		output_char(tty, '\b');
	}
}

/* Returns whether the character was a canonical special one, now handled. */
static bool canon_char(struct n_tty *tty, unsigned char c)
{
	if (is_char(tty, c, VLNEXT) && lflag(tty, IEXTEN)) {
		literal_next(tty);
		return true;
	}
	if (is_char(tty, c, VREPRINT) && lflag(tty, ECHO) &&
	    lflag(tty, IEXTEN)) {
		reprint(tty, c);
		return true;
	}
	if (is_char(tty, c, VERASE)) {
		eraser(tty, c, ERASE);
		return true;
	}
	if (is_char(tty, c, VKILL)) {
		eraser(tty, c, KILL);
		return true;
	}
	if (is_char(tty, c, VWERASE) && lflag(tty, IEXTEN)) {
		eraser(tty, c, WERASE);
		return true;
	}
	if (c == '\n') {
		if (lflag(tty, ECHO) || lflag(tty, ECHONL))
			output_char(tty, '\n');
		end_line(tty, c, false);
		return true;
	}
	if (is_char(tty, c, VEOF)) {
		end_line(tty, 0, true);
		return true;
	}
	if (is_char(tty, c, VEOL) ||
	    (is_char(tty, c, VEOL2) && lflag(tty, IEXTEN))) {
		if (lflag(tty, ECHO)) {
			if (tty->canon_head == tty->read_head)
				tty->canon_column = tty->column;
			echo_char(tty, c);
		}
		end_line(tty, c, false);
		return true;
	}
	return false;
}

/* Linux's n_tty_receive_char(): an ordinary byte, echoed and stored. */
static void store_char(struct n_tty *tty, unsigned char c)
{
	if (lflag(tty, ECHO)) {
		if (tty->canon_head == tty->read_head)
			tty->canon_column = tty->column;
		echo_char(tty, c);
	}
	put_char(tty, c);
}

/*
 * IXON: STOP and START suspend and resume output (the same character
 * toggles); with IXANY any other byte but the signal ones resumes it too.
 */
static bool flow_char(struct n_tty *tty, unsigned char c)
{
	if (!iflag(tty, IXON))
		return false;
	if (is_char(tty, c, VSTART) && (tty->stopped || !is_char(tty, c, VSTOP))) {
		start_output(tty);
		return true;
	}
	if (is_char(tty, c, VSTOP)) {
		tty->stopped = true;
		return true;
	}
	if (iflag(tty, IXANY) && !is_char(tty, c, VINTR) &&
	    !is_char(tty, c, VQUIT) && !is_char(tty, c, VSUSP))
		start_output(tty);
	return false;
}

static void receive_char(struct n_tty *tty, unsigned char c)
{
	if (iflag(tty, ISTRIP))
		c &= 0x7f;
	if (tty->lnext) {
		tty->lnext = false;
		store_char(tty, c);
		return;
	}
	if (flow_char(tty, c))
		return;
	if (c == '\r') {
		if (iflag(tty, IGNCR))
			return;
		if (iflag(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && iflag(tty, INLCR)) {
		c = '\r';
	}
	if (lflag(tty, ISIG)) {
		if (is_char(tty, c, VINTR)) {
			signal_char(tty, c, SIGINT);
			return;
		}
		if (is_char(tty, c, VQUIT)) {
			signal_char(tty, c, SIGQUIT);
			return;
		}
		if (is_char(tty, c, VSUSP)) {
			signal_char(tty, c, SIGTSTP);
			return;
		}
	}
	if (lflag(tty, ICANON) && canon_char(tty, c))
		return;
	store_char(tty, c);
}

size_t n_tty_receive(struct n_tty *tty, const unsigned char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		size_t used = tty->read_head - tty->read_tail;
		bool overflow = lflag(tty, ICANON) &&
				tty->canon_head == tty->read_tail;

		if (used >= N_TTY_BUF_SIZE - 1 && !overflow)
			break;
		receive_char(tty, buf[i]);
	}
	maybe_throttle(tty);
	return i;
}

bool n_tty_input_available(const struct n_tty *tty)
{
	if (lflag(tty, ICANON))
		return tty->canon_head != tty->read_tail;
	return tty->read_head != tty->read_tail;
}

bool n_tty_poll_readable(const struct n_tty *tty)
{
	size_t want = 1;

	if (lflag(tty, ICANON))
		return n_tty_input_available(tty);
	if (!tty->termios.c_cc[VTIME] && tty->termios.c_cc[VMIN])
		want = tty->termios.c_cc[VMIN];
	return tty->read_head - tty->read_tail >= want;
}

size_t n_tty_readable_bytes(const struct n_tty *tty)
{
	if (lflag(tty, ICANON))
		return tty->canon_head - tty->read_tail;
	return tty->read_head - tty->read_tail;
}

/*
 * One line, or the part of it that fits. The EOF mark goes with the bytes
 * before it, so a line "abc^D" read whole is "abc" and nothing after.
 */
static size_t canon_read(struct n_tty *tty, unsigned char *buf, size_t len)
{
	size_t n = 0;

	while (tty->read_tail != tty->canon_head) {
		size_t i = tty->read_tail;
		bool end = test_bit(tty->line_end, i);

		if (end && test_bit(tty->eof, i)) {
			tty->read_tail++;
			break;
		}
		if (n == len)
			break;
		buf[n++] = tty->buf[MASK(i)];
		tty->read_tail++;
		if (end)
			break;
	}
	return n;
}

size_t n_tty_read(struct n_tty *tty, unsigned char *buf, size_t len)
{
	size_t n = 0;

	if (lflag(tty, ICANON)) {
		n = canon_read(tty, buf, len);
	} else {
		while (n < len && tty->read_tail != tty->read_head) {
			buf[n++] = tty->buf[MASK(tty->read_tail)];
			tty->read_tail++;
		}
		tty->canon_head = tty->read_tail;
	}
	maybe_unthrottle(tty);
	return n;
}

bool n_tty_read_satisfied(const struct n_tty *tty, size_t copied, size_t len)
{
	size_t minimum = tty->termios.c_cc[VMIN];

	if (lflag(tty, ICANON) || copied >= len)
		return true;
	return copied >= (minimum ? minimum : 1);
}

/* Linux's n_tty_read(): VMIN 0 makes VTIME a total timeout, else an inter-byte one. */
int n_tty_read_wait(const struct n_tty *tty, size_t copied)
{
	unsigned int time = tty->termios.c_cc[VTIME];

	if (lflag(tty, ICANON))
		return 0;
	if (!tty->termios.c_cc[VMIN])
		return time ? (int)time : N_TTY_READ_RETURN;
	return copied && time ? (int)time : 0;
}

size_t n_tty_write(struct n_tty *tty, const unsigned char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		output_char(tty, buf[i]);
	return len;
}

bool n_tty_output_stopped(const struct n_tty *tty)
{
	return tty->stopped;
}

void n_tty_stop_output(struct n_tty *tty, bool stop)
{
	if (stop)
		tty->stopped = true;
	else
		start_output(tty);
}
