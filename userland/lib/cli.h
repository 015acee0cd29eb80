/*
 * The command line of every utility, handled one way: the usage text and
 * --help, --version, GNU's long options, bad options (getopt's words, then
 * the usage line), GNU's option permutation, "-" as standard input, and an
 * exit that reports a failed write to standard output, so that nothing is
 * lost without a word.
 */
#ifndef USERLAND_CLI_H
#define USERLAND_CLI_H

#include <stdbool.h>
#include <stdio.h>

/*
 * msg_init(argv0) and remember the usage text and the exit status of a
 * usage error. The text follows "usage: prog ": its first line is the
 * synopsis ("[-u] [FILE]..."), any further lines are help for --help only.
 */
void cli_init(const char *argv0, const char *usage, int usage_status);
/* The whole usage text on stdout, then cli_exit(0). */
void cli_help(void) __attribute__((noreturn));
/*
 * For command lines parsed by hand: cli_help() or cli_version() if an
 * option before the first operand or "--" is "--help" or "--version".
 */
void cli_check_help(int argc, char **argv);
/*
 * For programs that take no options but these, as coreutils' echo, printf,
 * true and [: cli_help() or cli_version() if the only argument is
 * "--help" or "--version".
 */
void cli_sole_option(int argc, char **argv);
/*
 * getopt() the same on every libc: "--help" as an option is cli_help(), a
 * bad or incomplete option is reported by getopt and ends in cli_usage().
 * Options are first moved before the operands, as GNU's getopt does
 * ("grep x file -n"), unless optstring starts with '+' (the operands stop
 * the options, as POSIX: "env FOO=1 ls -l", "xargs grep -n") or
 * POSIXLY_CORRECT is set. Everything after "--" stays an operand.
 */
int cli_getopt(int argc, char **argv, const char *optstring);
/* How a long option takes its argument, as glibc's has_arg. */
enum cli_arg {
	CLI_NO_ARG,
	/* "--name=VALUE" or "--name VALUE" */
	CLI_REQUIRED_ARG,
	/* only "--name=VALUE": "--name VALUE" leaves VALUE an operand */
	CLI_OPTIONAL_ARG,
};

/*
 * A long option: "--name" means val, the short option letter it is an
 * alias of, or a code above 255 (CLI_LONG + n) for one without a letter.
 * A table ends with a NULL name.
 */
struct cli_option {
	const char *name;
	enum cli_arg arg;
	int val;
};

#define CLI_LONG 256

/*
 * cli_getopt() with the long options of longopts (NULL for none) besides
 * --help and --version (cli_version()), which every program has: matched
 * as glibc's getopt_long does, by their whole name or a prefix of one
 * name only (or of several that mean the same), the argument in optarg.
 * An unknown or ambiguous name, a missing argument or one given to an
 * option without any gets glibc's words and ends in cli_usage().
 */
int cli_getopt_long(int argc, char **argv, const char *optstring,
		    const struct cli_option *longopts);
/*
 * The value of arg, the argument of the long option named option, as
 * coreutils' argmatch finds it: values[i] (i if values is NULL) for the
 * name names[i] (NULL-ended) that arg is, or that it alone begins, or
 * the first of those it begins that all have the same value. Otherwise
 * "invalid argument" or "ambiguous argument" with the valid names (those
 * of one value on one line), then cli_usage().
 */
int cli_choice(const char *arg, const char *option, const char *const *names,
	       const int *values);
/* "prog (Breenix) VERSION" on stdout, then cli_exit(0). */
void cli_version(void) __attribute__((noreturn));
/* The usage line on stderr, exit with the usage status. */
void cli_usage(void) __attribute__((noreturn));
/* "prog: <fmt>" and the usage line on stderr, exit with the usage status. */
void cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* The named file for reading, stdin for "-"; NULL after a warning. */
FILE *cli_open(const char *name);
/* Close what cli_open() gave; false after a warning on a read error. */
bool cli_close(FILE *f, const char *name);
/* Report the failed write to stdout that errno holds, exit 1. */
void cli_write_error(void) __attribute__((noreturn));
/* Flush stdout and exit(status), or cli_write_error(). */
void cli_exit(int status) __attribute__((noreturn));

/* A decimal number in [0, max] (all of s); false if it is not one. */
bool cli_parse_count(const char *s, unsigned long long max, unsigned long long *out);

/*
 * A size as coreutils reads it (head -c, tail -c): decimal digits after
 * optional blanks, then an optional unit: b (512), k or K (1024), m or M,
 * G, T, P, E, Z, Y (powers of 1024), each but b also with "iB" (the same)
 * or "B" (powers of 1000: kB, MB...). 0, or EINVAL (not a size) or
 * EOVERFLOW (too large).
 */
int cli_parse_size(const char *s, unsigned long long *out);
/*
 * cli_parse_size(s), or exit 1 after coreutils' "invalid number of WHAT:
 * 'ARG'" (ARG: the text as the user wrote it, s its number part).
 */
unsigned long long cli_size_arg(const char *s, const char *arg, const char *what);

#endif
