/*
 * vsnprintf: format into a buffer of size bytes through vcbprintf, keeping
 * what fits and always terminating it when size > 0.
 */
#include <breenix_fmt.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct sink {
	char *buf;
	size_t size;
	size_t len;		/* bytes produced so far, stored or not */
};

static void sink_emit(void *ctx, const char *s, size_t n)
{
	struct sink *k = ctx;
	size_t room;

	if (k->len + 1 < k->size) {
		room = k->size - 1 - k->len;
		memcpy(k->buf + k->len, s, n < room ? n : room);
	}
	k->len += n;
}

/* Returns the full length (C99), or -1 when that exceeds INT_MAX. */
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
	      va_list ap)
{
	struct sink k = { .buf = buf, .size = size, .len = 0 };
	size_t total = vcbprintf(sink_emit, &k, fmt, ap);

	if (size)
		buf[total < size - 1 ? total : size - 1] = '\0';
	return total > INT_MAX ? -1 : (int)total;
}
