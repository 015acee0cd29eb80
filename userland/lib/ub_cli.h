/*
 * Command-line and stream helpers shared by the text utilities (echo, wc,
 * grep, sed...): uniform option errors whatever getopt the libc has, "-" as
 * standard input, and an exit that reports a failed write to stdout.
 */
#ifndef USERLAND_UB_CLI_H
#define USERLAND_UB_CLI_H

#include <stdbool.h>
#include <stdio.h>

/*
 * msg_init(argv0) and remember the usage line ("[OPTION]... FILE...",
 * printed after "usage: prog ") and the exit status of a usage error.
 */
void ub_init(const char *argv0, const char *usage, int usage_status);
/* If an option before the first operand or "--" is "--help": usage, exit 0. */
void ub_check_help(int argc, char **argv);
/* The usage line on stdout and exit 0. */
void ub_help(void) __attribute__((noreturn));
/* "prog: <fmt>" and the usage line on stderr, exit with the usage status. */
void ub_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
/*
 * getopt() that stops at the first operand (as POSIX, and the same on every
 * libc) and reports a bad option itself, as glibc words it.
 */
int ub_getopt(int argc, char **argv, const char *optstring);

/*
 * Move the options (with their arguments) before the operands, as GNU's
 * getopt does, so "grep x file -n" works; not when POSIXLY_CORRECT is set.
 * Everything after "--" stays an operand.
 */
void ub_permute(int argc, char **argv, const char *optstring);

/* The named file for reading, stdin for "-"; NULL after a warning. */
FILE *ub_open(const char *name);
/* Close what ub_open() gave; false after a warning on a read error. */
bool ub_close(FILE *f, const char *name);
/* Flush stdout and exit(status), or exit(1) with "write error". */
void ub_exit(int status) __attribute__((noreturn));

/* A decimal number in [0, max] (all of s); false if it is not one. */
bool ub_parse_count(const char *s, unsigned long long max, unsigned long long *out);

#endif
