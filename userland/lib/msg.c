/*
 * Diagnostics for the utilities: "prog: message[: strerror]" on stderr.
 * errno is read before anything is printed, as printing may change it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"

const char *msg_prog = "?";

void msg_init(const char *argv0)
{
	const char *slash;

	if (!argv0 || !*argv0)
		return;
	slash = strrchr(argv0, '/');
	msg_prog = slash ? slash + 1 : argv0;
}

static void msg_vprint(int err, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", msg_prog);
	vfprintf(stderr, fmt, ap);
	if (err >= 0)
		fprintf(stderr, ": %s", strerror(err));
	fputc('\n', stderr);
}

void msg_warn(const char *fmt, ...)
{
	int err = errno;
	va_list ap;

	va_start(ap, fmt);
	msg_vprint(err, fmt, ap);
	va_end(ap);
}

void msg_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vprint(-1, fmt, ap);
	va_end(ap);
}

void msg_vwarnx(const char *fmt, va_list ap)
{
	msg_vprint(-1, fmt, ap);
}

void msg_die(int status, const char *fmt, ...)
{
	int err = errno;
	va_list ap;

	va_start(ap, fmt);
	msg_vprint(err, fmt, ap);
	va_end(ap);
	exit(status);
}

void msg_diex(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vprint(-1, fmt, ap);
	va_end(ap);
	exit(status);
}
