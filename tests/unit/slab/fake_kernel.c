/*
 * What the slab code calls in the rest of the kernel, for the host: printk
 * keeps the last message, and panic (a report with no hook) aborts, which
 * the tests that expect it see as SIGABRT.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <breenix/panic.h>
#include <breenix/printk.h>
#include "fake_kernel.h"

char last_printk[512];

int vprintk(const char *fmt, va_list ap)
{
	return vsnprintf(last_printk, sizeof(last_printk), fmt, ap);
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

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("panic: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	abort();
}
