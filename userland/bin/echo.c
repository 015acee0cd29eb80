/*
 * echo: write the arguments, separated by spaces, and a newline. Options as
 * coreutils: -n (no newline), -e (interpret backslash escapes), -E (do not,
 * the default); an argument is an option only if it is all of those letters,
 * and "--help" or "--version" only when it is the sole argument.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static bool echo_is_option(const char *arg)
{
	if (arg[0] != '-' || !arg[1])
		return false;
	return strspn(arg + 1, "neE") == strlen(arg + 1);
}

static int octal_digit(char c)
{
	return c >= '0' && c <= '7' ? c - '0' : -1;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * The escape after a backslash at *s: its byte into *out and *s moved past
 * it. Returns false for \c (stop all output). An unknown escape is the
 * backslash itself, the letter following as plain text.
 */
static bool echo_escape(const char **s, int *out)
{
	static const char plain[] = "\\abefnrtv";
	static const char bytes[] = "\\\a\b\033\f\n\r\t\v";
	const char *p = *s, *hit;
	int c = 0, d;

	if (*p == 'c')
		return false;
	if (*p && (hit = strchr(plain, *p))) {
		*out = bytes[hit - plain];
		*s = p + 1;
		return true;
	}
	if (*p == 'x' && hex_digit(p[1]) >= 0) {
		c = hex_digit(*++p);
		if (hex_digit(*++p) >= 0)
			c = c * 16 + hex_digit(*p++);
	} else if (octal_digit(*p) >= 0) {
		/* \0NNN and \NNN: up to three octal digits after a 0 prefix. */
		int left = 3;

		if (*p == '0')
			p++;
		while (left-- && (d = octal_digit(*p)) >= 0)
			c = c * 8 + d, p++;
	} else {
		*out = '\\';
		return true;
	}
	*out = c & 0xff;
	*s = p;
	return true;
}

/* Print arg with escapes interpreted; false after \c. */
static bool echo_escaped(const char *arg)
{
	int c;

	while (*arg) {
		if (*arg != '\\') {
			putchar(*arg++);
			continue;
		}
		arg++;
		if (!echo_escape(&arg, &c))
			return false;
		putchar(c);
	}
	return true;
}

int main(int argc, char **argv)
{
	bool newline = true, escapes = false;
	int i = 1;

	cli_init(argv[0], "[-neE] [STRING]...", 1);
	cli_sole_option(argc, argv);
	for (; i < argc && echo_is_option(argv[i]); i++) {
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'n')
				newline = false;
			else
				escapes = *p == 'e';
		}
	}
	for (; i < argc; i++) {
		if (escapes) {
			if (!echo_escaped(argv[i]))
				cli_exit(0);
		} else {
			fputs(argv[i], stdout);
		}
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	cli_exit(0);
}
