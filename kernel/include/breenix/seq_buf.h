/*
 * A text buffer that formatted output is appended to, as Linux's seq_buf:
 * output that does not fit sets an overflow flag instead of failing, so a
 * generator runs to the end and its caller retries with a bigger buffer.
 * Pure: /proc's formatters use it and are host-tested with it.
 */
#ifndef BREENIX_SEQ_BUF_H
#define BREENIX_SEQ_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct seq_buf {
	char *buf;
	size_t size;
	size_t len;			/* bytes kept, at most size */
	bool overflow;			/* something did not fit */
};

void seq_buf_init(struct seq_buf *s, char *buf, size_t size);

__attribute__((format(printf, 2, 3)))
void seq_buf_printf(struct seq_buf *s, const char *fmt, ...);
__attribute__((format(printf, 2, 0)))
void seq_buf_vprintf(struct seq_buf *s, const char *fmt, va_list ap);
void seq_buf_puts(struct seq_buf *s, const char *str);
void seq_buf_putc(struct seq_buf *s, char c);
void seq_buf_putmem(struct seq_buf *s, const void *mem, size_t len);
/* Spaces up to column @col of the current line (none if already there). */
void seq_buf_pad_to(struct seq_buf *s, size_t line_start, size_t col);

static inline bool seq_buf_has_overflowed(const struct seq_buf *s)
{
	return s->overflow;
}

#endif
