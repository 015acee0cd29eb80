/*
 * The kernel log. Each printk call becomes one record in a ring buffer with
 * a log level; consoles print the records at or below the console log level.
 * The level prefix strings follow Linux (KERN_ERR "..." etc).
 */
#ifndef BREENIX_PRINTK_H
#define BREENIX_PRINTK_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"

#define LOGLEVEL_DEFAULT	6	/* a message without a prefix */
/* Console loglevels as Linux's: messages below the level are printed. */
#define CONSOLE_LOGLEVEL_DEFAULT 7	/* all but debug messages */
#define CONSOLE_LOGLEVEL_QUIET	4	/* warnings and worse: "quiet" */
#define CONSOLE_LOGLEVEL_DEBUG	10	/* everything: "debug" */
#define CONSOLE_LOGLEVEL_MOTORMOUTH 15	/* a panic prints everything */

__attribute__((format(printf, 1, 2)))
int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list ap);

#define pr_emerg(...)	printk(KERN_EMERG __VA_ARGS__)
#define pr_err(...)	printk(KERN_ERR __VA_ARGS__)
#define pr_warn(...)	printk(KERN_WARNING __VA_ARGS__)
#define pr_notice(...)	printk(KERN_NOTICE __VA_ARGS__)
#define pr_info(...)	printk(KERN_INFO __VA_ARGS__)
#define pr_debug(...)	printk(KERN_DEBUG __VA_ARGS__)

/* Messages at this level and above are logged but not printed (0-15). */
void printk_set_console_loglevel(int level);

/*
 * Readers of the log (/dev/kmsg): the oldest record's sequence number, and
 * a copy of the text of record *seq (at most size bytes; returns the length)
 * that moves *seq to the next one. -EPIPE when record *seq was overwritten:
 * *seq moves to the oldest record left. -EAGAIN when it is not logged yet.
 */
uint64_t printk_first_seq(void);
long printk_read_record(uint64_t *seq, int *level, char *buf, size_t size);

/* From now on print without taking the log lock (the system is dying). */
void printk_enter_panic(void);

#endif
