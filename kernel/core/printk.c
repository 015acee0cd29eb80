/*
 * printk: the kernel log. Every call becomes one record in a ring buffer
 * (lib/logbuf.c), so messages logged before any console existed are printed
 * when one registers; each console prints the records at or below the
 * console log level.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <breenix/console.h>
#include <breenix/errno.h>
#include <breenix/logbuf.h>
#include <breenix/printk.h>
#include <breenix/spinlock.h>

#define LOG_BUF_SIZE	(1 << 17)	/* Linux's default log_buf_len */
#define LOG_LINE_MAX	1024

static char log_storage[LOG_BUF_SIZE] __attribute__((aligned(8)));
static struct logbuf log = {
	.buf = log_storage,
	.size = LOG_BUF_SIZE,
};
static spinlock_t log_lock = SPINLOCK_INIT;
static struct console *consoles;
static int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static int in_panic;

static void console_emit(struct console *con, const struct log_rec *rec)
{
	if (rec->level < console_loglevel)
		con->write(con, log_rec_text(rec), rec->text_len);
}

/* Splits a leading KERN_<LEVEL> prefix off the formatted text. */
static const char *parse_level(const char *text, int *level)
{
	*level = LOGLEVEL_DEFAULT;
	if (text[0] == KERN_SOH[0] && text[1] >= '0' && text[1] <= '7') {
		*level = text[1] - '0';
		return text + 2;
	}
	return text;
}

int vprintk(const char *fmt, va_list ap)
{
	char line[LOG_LINE_MAX];
	const struct log_rec *rec;
	const char *text;
	struct console *con;
	unsigned long flags = 0;
	int level;
	size_t len;

	if (vsnprintf(line, sizeof(line), fmt, ap) < 0)
		return -1;
	text = parse_level(line, &level);
	len = strlen(text);

	/* In a panic the lock may be held by the code that died. */
	if (!in_panic)
		flags = spin_lock_irqsave(&log_lock);
	rec = logbuf_store(&log, level, text, len);
	for (con = consoles; con; con = con->next)
		console_emit(con, rec);
	if (!in_panic)
		spin_unlock_irqrestore(&log_lock, flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void console_register(struct console *con)
{
	unsigned long flags = spin_lock_irqsave(&log_lock);
	const struct log_rec *rec;

	for (rec = logbuf_first(&log); rec; rec = logbuf_next(&log, rec))
		console_emit(con, rec);
	con->next = consoles;
	consoles = con;
	spin_unlock_irqrestore(&log_lock, flags);
}

int console_write(const char *name, const char *buf, size_t len)
{
	unsigned long flags = spin_lock_irqsave(&log_lock);
	struct console *con;
	int err = -ENODEV;

	for (con = consoles; con; con = con->next) {
		if (!strcmp(con->name, name)) {
			(con->write_tty ? con->write_tty : con->write)(con, buf,
								       len);
			err = 0;
		}
	}
	spin_unlock_irqrestore(&log_lock, flags);
	return err;
}

uint64_t printk_first_seq(void)
{
	unsigned long flags = spin_lock_irqsave(&log_lock);
	uint64_t seq = log.first_seq;

	spin_unlock_irqrestore(&log_lock, flags);
	return seq;
}

long printk_read_record(uint64_t *seq, int *level, char *buf, size_t size)
{
	unsigned long flags = spin_lock_irqsave(&log_lock);
	const struct log_rec *rec;
	long ret = -EAGAIN;

	if (*seq < log.first_seq) {
		*seq = log.first_seq;
		ret = -EPIPE;
		goto out;
	}
	for (rec = logbuf_first(&log); rec; rec = logbuf_next(&log, rec)) {
		if (rec->seq != *seq)
			continue;
		ret = rec->text_len < size ? rec->text_len : (long)size;
		memcpy(buf, log_rec_text(rec), (size_t)ret);
		*level = rec->level;
		*seq = rec->seq + 1;
		break;
	}
out:
	spin_unlock_irqrestore(&log_lock, flags);
	return ret;
}

void console_flush_all(void)
{
	struct console *con;

	for (con = consoles; con; con = con->next) {
		if (con->flush)
			con->flush(con);
	}
}

void printk_set_console_loglevel(int level)
{
	if (level >= 0 && level <= CONSOLE_LOGLEVEL_MOTORMOUTH)
		console_loglevel = level;
}

void printk_enter_panic(void)
{
	in_panic = 1;
	console_loglevel = CONSOLE_LOGLEVEL_MOTORMOUTH;
}
