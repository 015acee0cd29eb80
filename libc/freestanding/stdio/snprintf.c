/*
 * snprintf: vsnprintf with its arguments inline.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return r;
}
