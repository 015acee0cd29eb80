/*
 * Diagnostics for the utilities, in the form users know from every Unix:
 * "prog: what: why". msg_init() takes the program's name from argv[0].
 */
#ifndef USERLAND_MSG_H
#define USERLAND_MSG_H

#include <stdarg.h>

extern const char *msg_prog;

void msg_init(const char *argv0);
/* "prog: <fmt>: strerror(errno)" on stderr. */
void msg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "prog: <fmt>" on stderr. */
void msg_warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* msg_warnx with the arguments as a va_list. */
void msg_vwarnx(const char *fmt, va_list ap);
/* As msg_warn / msg_warnx, then exit(status). */
void msg_die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));
void msg_diex(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

#endif
