/*
 * Terminals (Linux's tty layer): a tty is a device that bytes are written
 * to and typed on, with one N_TTY line discipline between it and read(2)
 * and write(2), the termios ioctls, and the session and foreground process
 * group that job control needs. Drivers: ttyS0 (the 16550), tty1 (the
 * framebuffer console and the PS/2 keyboard), and fakes in the ktests.
 */
#ifndef BREENIX_TTY_H
#define BREENIX_TTY_H

#include <stdbool.h>
#include <stddef.h>
#include <breenix/fs.h>
#include <breenix/input.h>
#include <breenix/list.h>
#include <breenix/mutex.h>
#include <breenix/n_tty.h>
#include <breenix/spinlock.h>
#include <breenix/wait.h>
#include <asm-generic/termios.h>

struct tty_struct;
struct pid;

/* The driver: a terminal's hardware. Output is synchronous: never queued. */
struct tty_operations {
	/* Bytes for the terminal, in order. Called under tty->lock; must not sleep. */
	void (*write)(struct tty_struct *tty, const unsigned char *buf,
		      size_t len);
	/* Optional: the termios changed from @old (speed, character size). */
	void (*set_termios)(struct tty_struct *tty, const struct termios *old);
	/* Optional: returns once every byte written has left the device (tcdrain). */
	void (*wait_until_sent)(struct tty_struct *tty);
};

/* Input a tty took from its queue that the line discipline had no room for. */
#define TTY_HELD_MAX	64

struct tty_struct {
	const char *name;		/* "ttyS0", without /dev/ */
	kdev_t dev;
	const struct tty_operations *ops;
	void *driver_data;
	/*
	 * lock serialises the line discipline, winsize and held input: the
	 * input thread, writers, readers' copy steps and the ioctls.
	 * read_mutex lets one read(2) at a time take input, so a line is
	 * never split between two readers.
	 */
	struct mutex lock;
	struct mutex read_mutex;
	struct n_tty ldisc;
	struct winsize winsize;
	wait_queue_head_t read_wait;	/* input arrived, termios changed */
	wait_queue_head_t write_wait;	/* output restarted (^Q, TCOON) */
	/* Job control, under the process tree's lock (kernel/proc/session.c). */
	struct pid *session;		/* the session it controls, referenced */
	struct pid *pgrp;		/* its foreground process group, referenced */
	/* Input from a device queue, moved into ldisc by the tty input thread. */
	struct input_queue *input;
	struct input_listener listener;
	int input_work;			/* set by the listener, taken by the thread */
	unsigned char held[TTY_HELD_MAX];
	size_t held_len;
	struct list_head node;		/* on the list of ttys */
	/* The open files, for a hang-up (struct tty_file in tty_internal.h). */
	struct list_head files;
	spinlock_t files_lock;
};

/*
 * Sets up @tty (name, dev, ops set by the caller; input may be NULL) with
 * Linux's default termios and adds it to the ttys open(2) finds. Ttys are
 * never freed: a pointer to one stays valid.
 */
int tty_register(struct tty_struct *tty);

/*
 * Feeds typed bytes to the line discipline (echo, editing, ISIG), waking
 * readers. Returns how many it took; the rest wait for a read to make room.
 */
size_t tty_receive(struct tty_struct *tty, const unsigned char *buf,
		   size_t len);

/* The operations of every tty device node, and of /dev/tty and /dev/console. */
extern const struct file_operations tty_fops;

/* The tty a file opened, or NULL if it is not one. */
struct tty_struct *file_tty(struct file *file);

/* Sends @sig to the tty's foreground process group: ^C ^\ ^Z, a window size change. */
void tty_signal_pgrp(struct tty_struct *tty, int sig);

/*
 * Linux's __tty_hangup: every open file of @tty but those opened as
 * /dev/console goes dead (reads see end of file, writes and ioctls fail
 * with EIO, poll reports POLLHUP), typed input is dropped, and the tty
 * leaves its session: the leader gets SIGHUP and SIGCONT, or, when the
 * leader's exit is the cause (@exit_session), the foreground group SIGHUP.
 */
void tty_hangup(struct tty_struct *tty, bool exit_session);

/* Controlling terminals, under the process tree's lock (kernel/proc/session.c). */

/* open(2) of @tty: a session leader without a terminal acquires it (Linux's rule). */
void tty_open_set_ctty(struct tty_struct *tty);
/* TIOCSCTTY: @steal 1 takes it from another session (root only). */
int tty_set_ctty(struct tty_struct *tty, bool readable, unsigned long steal);
/* TIOCNOTTY. */
int tty_drop_ctty(struct tty_struct *tty);
/* TIOCGPGRP and TIOCGSID: numbers, or -ENOTTY unless @tty is the caller's. */
long tty_get_pgrp_nr(struct tty_struct *tty);
long tty_get_sid_nr(struct tty_struct *tty);
/* TIOCSPGRP. */
int tty_set_pgrp_nr(struct tty_struct *tty, int nr);
/* The foreground process group, referenced (put_pid), or NULL. */
struct pid *tty_get_pgrp(struct tty_struct *tty);
/* /dev/tty: the caller's controlling terminal, or NULL. */
struct tty_struct *current_ctty(void);
/*
 * Job control on @tty, Linux's tty_check_change: a process of a background
 * group touching its controlling terminal sends @sig (SIGTTIN for reads,
 * SIGTTOU for writes under TOSTOP and for settings) to its group and gets
 * -ERESTARTSYS, so the call is made again once the group is continued;
 * -EIO for an orphaned group or an ignored or blocked SIGTTIN; 0 (go on)
 * for a foreground process, another tty, or an ignored or blocked SIGTTOU.
 */
int tty_check_change(struct tty_struct *tty, int sig);
/* The session leader's exit: its terminal hangs up (Linux's disassociate_ctty). */
void session_leader_exit_ctty(void);
/* tty_hangup's process side: @tty leaves its session with the signals it sends. */
void tty_hangup_session(struct tty_struct *tty, bool exit_session);

/* Ctrl-Alt-Del on the keyboard: restart, or (CAD off) SIGINT for PID 1 (kernel/proc/reboot.c). */
void ctrl_alt_del(void);

#endif
