/*
 * The line discipline shared by every terminal, as Linux's N_TTY
 * (drivers/tty/n_tty.c): input mapping, canonical line editing, echo,
 * ISIG characters, VMIN/VTIME, IXON/IXOFF flow control and output
 * processing over a struct termios.
 * Pure policy with no locking or sleeping, so host tests drive it; a tty
 * driver adds the locks, the wait queues and the device.
 */
#ifndef BREENIX_N_TTY_H
#define BREENIX_N_TTY_H

#include <stdbool.h>
#include <stddef.h>
#include <asm-generic/termbits.h>

/* Linux's read buffer: a canonical line holds at most 4095 characters and its end. */
#define N_TTY_BUF_SIZE		4096
/* Echoes held while output is stopped; Linux keeps 4096, a screenful is plenty. */
#define N_TTY_ECHO_HELD		512

/* What the discipline needs from its driver. */
struct n_tty_ops {
	/* Bytes for the terminal (echoes and processed output), in order. */
	void (*write)(void *ctx, const unsigned char *buf, size_t len);
	/*
	 * ISIG: @sig (SIGINT, SIGQUIT or SIGTSTP) for the foreground process
	 * group; @flush when the input was discarded (NOFLSH clear), so the
	 * driver discards its pending output too, as Linux's isig().
	 */
	void (*signal)(void *ctx, int sig, bool flush);
};

struct n_tty {
	struct termios termios;
	const struct n_tty_ops *ops;
	void *ctx;
	/* Free-running indices into buf: tail <= canon_head <= head. */
	size_t read_tail;		/* next byte a read takes */
	size_t canon_head;		/* end of the last complete line */
	size_t read_head;		/* where the next input byte goes */
	unsigned int column;		/* output column, for tab erase */
	unsigned int canon_column;	/* column where the current line began */
	bool stopped;			/* output suspended: IXON's STOP, TCOOFF */
	bool throttled;			/* IXOFF: STOP sent, START owed */
	bool lnext;			/* the next byte is literal (^V) */
	size_t echo_held_len;		/* echoes held while output is stopped */
	unsigned char echo_held[N_TTY_ECHO_HELD];
	unsigned char buf[N_TTY_BUF_SIZE];
	unsigned char line_end[N_TTY_BUF_SIZE / 8];	/* a line ends at this byte */
	unsigned char eof[N_TTY_BUF_SIZE / 8];		/* ...and the byte is an EOF mark */
};

/* Linux's tty_std_termios: cooked mode with echo, ^C ^\ ^Z, DEL erases. */
extern const struct termios n_tty_std_termios;

void n_tty_init(struct n_tty *tty, const struct n_tty_ops *ops, void *ctx);

/*
 * TCSETS: takes @t. Leaving canonical mode makes every buffered byte
 * readable; entering it makes what is buffered one complete line.
 */
void n_tty_set_termios(struct n_tty *tty, const struct termios *t);

/*
 * Input from the device. Returns how many of @len bytes were taken; the
 * driver keeps the rest until a read makes room (Linux's throttling).
 */
size_t n_tty_receive(struct n_tty *tty, const unsigned char *buf, size_t len);

/* Discards buffered input (TCSETSF, TCFLSH). */
void n_tty_flush_input(struct n_tty *tty);

/* Whether a read can take something now: a complete line in canonical mode, a byte otherwise. */
bool n_tty_input_available(const struct n_tty *tty);

/* poll's EPOLLIN: as above, but a non-canonical VTIME 0 wants VMIN bytes, as Linux. */
bool n_tty_poll_readable(const struct n_tty *tty);

/* Bytes a read could take now (FIONREAD). */
size_t n_tty_readable_bytes(const struct n_tty *tty);

/*
 * One copy step of read(2) into @buf, when n_tty_input_available(): at most
 * one line in canonical mode (an EOF mark is consumed, not copied: 0 bytes
 * at the start of a line is end of file), what is there otherwise.
 */
size_t n_tty_read(struct n_tty *tty, unsigned char *buf, size_t len);

/*
 * After a copy step, with @copied of @len bytes copied by this read(2) so
 * far: whether the read returns now (canonical: always; otherwise once it
 * has VMIN bytes, at least one, or is full).
 */
bool n_tty_read_satisfied(const struct n_tty *tty, size_t copied, size_t len);

/* n_tty_read_wait(): the read returns what it has now. */
#define N_TTY_READ_RETURN	(-1)
/*
 * With no input available and @copied bytes copied so far: what the read
 * does. N_TTY_READ_RETURN: return now; 0: sleep until input; n > 0: sleep
 * until input, or n tenths of a second (VTIME) and then return what it
 * has. The driver starts that timer again after every copy step.
 */
int n_tty_read_wait(const struct n_tty *tty, size_t copied);

/*
 * write(2): @buf through output processing to ops->write. Returns @len.
 * The driver holds writes back while n_tty_output_stopped().
 */
size_t n_tty_write(struct n_tty *tty, const unsigned char *buf, size_t len);

/* Output is suspended by IXON's STOP character or TCOOFF. */
bool n_tty_output_stopped(const struct n_tty *tty);

/* TCOOFF (@stop) and TCOON. */
void n_tty_stop_output(struct n_tty *tty, bool stop);

/* TCION (@start) and TCIOFF: sends VSTART or VSTOP unless disabled. */
void n_tty_send_flow_char(struct n_tty *tty, bool start);

#endif
