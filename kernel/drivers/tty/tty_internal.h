/*
 * Shared by the tty core's files (tty_io.c, tty_ioctl.c, the drivers):
 * device numbers, the lookup of ttys and the console's choice.
 */
#ifndef DRIVERS_TTY_INTERNAL_H
#define DRIVERS_TTY_INTERNAL_H

#include <breenix/tty.h>

/* Linux's majors (Documentation/admin-guide/devices.txt). */
#define TTY_MAJOR	4	/* tty0 and the VTs, ttyS at minor 64 */
#define TTYAUX_MAJOR	5	/* /dev/tty (0), /dev/console (1) */

/* The registered tty numbered @dev, or NULL. */
struct tty_struct *tty_lookup(kdev_t dev);

/* /dev/console's tty: the last console= word's (Linux's rule), or NULL. */
struct tty_struct *console_tty(void);

long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

/*
 * One open file of a tty (Linux's tty_file_private), its private_data:
 * a hang-up finds every file on tty->files and marks it dead.
 */
struct tty_file {
	struct tty_struct *tty;
	struct list_head node;		/* on tty->files, under files_lock */
	bool console;			/* opened as /dev/console: a hang-up spares it */
	bool hung_up;			/* set once, read without a lock */
};

/* Whether @file's tty hung up since it was opened. */
bool tty_hung_up_p(struct file *file);

/* Drops the input the discipline holds and the device queued (tty->lock held). */
void tty_flush_input_locked(struct tty_struct *tty);


#endif
