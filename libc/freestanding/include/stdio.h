/*
 * <stdio.h> for the kernel: only the snprintf family, since the kernel has
 * no FILE streams. The formatter behind it is in <breenix_fmt.h>.
 */
#ifndef BREENIX_LIBC_STDIO_H
#define BREENIX_LIBC_STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
	__attribute__((__format__(__printf__, 3, 4)));
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
	      va_list ap)
	__attribute__((__format__(__printf__, 3, 0)));

#endif
