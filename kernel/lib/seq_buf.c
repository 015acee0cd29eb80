/*
 * seq_buf: appending formatted text to a fixed buffer, remembering when it
 * did not fit. Nothing partial is kept from a write that overflows, so the
 * text is always a prefix made of whole writes.
 */
#include <stdio.h>
#include <string.h>
#include <breenix/seq_buf.h>

void seq_buf_init(struct seq_buf *s, char *buf, size_t size)
{
	s->buf = buf;
	s->size = size;
	s->len = 0;
	s->overflow = false;
}

void seq_buf_vprintf(struct seq_buf *s, const char *fmt, va_list ap)
{
	size_t room = s->size - s->len;
	int n;

	if (s->overflow)
		return;
	/* vsnprintf needs room for its NUL, which is not part of the text. */
	n = vsnprintf(s->buf + s->len, room, fmt, ap);
	if (n < 0 || (size_t)n >= room)
		s->overflow = true;
	else
		s->len += (size_t)n;
}

void seq_buf_printf(struct seq_buf *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	seq_buf_vprintf(s, fmt, ap);
	va_end(ap);
}

void seq_buf_putmem(struct seq_buf *s, const void *mem, size_t len)
{
	if (s->overflow)
		return;
	if (len > s->size - s->len) {
		s->overflow = true;
		return;
	}
	memcpy(s->buf + s->len, mem, len);
	s->len += len;
}

void seq_buf_puts(struct seq_buf *s, const char *str)
{
	seq_buf_putmem(s, str, strlen(str));
}

void seq_buf_putc(struct seq_buf *s, char c)
{
	seq_buf_putmem(s, &c, 1);
}

void seq_buf_pad_to(struct seq_buf *s, size_t line_start, size_t col)
{
	while (!s->overflow && s->len - line_start < col)
		seq_buf_putc(s, ' ');
}
