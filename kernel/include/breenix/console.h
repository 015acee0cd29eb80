/*
 * Consoles: sinks for kernel log output (serial port, framebuffer). printk
 * writes every message to each registered console; a console registered late
 * is first given the messages logged before it existed.
 */
#ifndef BREENIX_CONSOLE_H
#define BREENIX_CONSOLE_H

#include <stddef.h>

struct console {
	const char *name;
	/* Write len bytes; called with the log lock held, must not call printk. */
	void (*write)(struct console *con, const char *buf, size_t len);
	/*
	 * Optional: the same for a tty's output, which the line discipline
	 * has already mapped, so the bytes go out as they are.
	 */
	void (*write_tty)(struct console *con, const char *buf, size_t len);
	/* Optional: return once everything written has left the device. */
	void (*flush)(struct console *con);
	void *data;
	struct console *next;
};

void console_register(struct console *con);
void console_flush_all(void);

/*
 * A tty's output to the console called name, under the log lock so that
 * it never interleaves with a kernel message; -ENODEV if there is none.
 */
int console_write(const char *name, const char *buf, size_t len);

#endif
