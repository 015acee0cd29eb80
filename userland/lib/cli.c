/*
 * The command line of every utility (see cli.h): usage and --help, option
 * errors, GNU option permutation, "-" as stdin, the checked exit.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char *cli_usage_text = "";
static int cli_usage_status = 2;

void cli_init(const char *argv0, const char *usage, int usage_status)
{
	msg_init(argv0);
	cli_usage_text = usage;
	cli_usage_status = usage_status;
}

/* "usage: prog SYNOPSIS" and len bytes of the text (no space if none). */
static void print_usage(FILE *f, int len)
{
	const char *sep = *cli_usage_text && *cli_usage_text != '\n' ? " " : "";

	fprintf(f, "usage: %s%s%.*s\n", msg_prog, sep, len, cli_usage_text);
}

void cli_help(void)
{
	print_usage(stdout, (int)strlen(cli_usage_text));
	cli_exit(0);
}

void cli_check_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return;
		if (!strcmp(argv[i], "--help"))
			cli_help();
		if (argv[i][0] != '-' || !argv[i][1])
			return;
	}
}

void cli_usage(void)
{
	fflush(stdout);
	print_usage(stderr, (int)strcspn(cli_usage_text, "\n"));
	exit(cli_usage_status);
}

void cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vwarnx(fmt, ap);
	va_end(ap);
	cli_usage();
}

/* How many arguments the option word arg takes from argv: 1 or 2. */
static int option_words(const char *arg, const char *optstring)
{
	if (arg[1] == '-')
		return 1;
	for (const char *p = arg + 1; *p; p++) {
		const char *o = *p == ':' ? NULL : strchr(optstring, *p);

		/* "x::": an optional argument is only ever in the same word. */
		if (o && o[1] == ':')
			return p[1] || o[2] == ':' ? 1 : 2;
	}
	return 1;
}

/* Options (with their arguments) before the operands, in their order. */
static void permute(int argc, char **argv, const char *optstring)
{
	char **operands;
	int nopts = 1, nops = 0, i = 1;

	if (getenv("POSIXLY_CORRECT") || argc < 3)
		return;
	operands = malloc(argc * sizeof(*operands));
	if (!operands)
		msg_die(2, "out of memory");
	while (i < argc) {
		if (!strcmp(argv[i], "--")) {
			argv[nopts++] = argv[i++];
			while (i < argc)
				operands[nops++] = argv[i++];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			int words = option_words(argv[i], optstring);

			for (int w = 0; w < words && i < argc; w++)
				argv[nopts++] = argv[i++];
		} else {
			operands[nops++] = argv[i++];
		}
	}
	memcpy(argv + nopts, operands, nops * sizeof(*operands));
	free(operands);
}

int cli_getopt(int argc, char **argv, const char *optstring)
{
	static bool permuted;
	char spec[64];
	int c;

	if (*optstring == '+')
		optstring++;
	else if (!permuted)
		permute(argc, argv, optstring);
	permuted = true;
	/* glibc's getopt permutes unless told '+'; the work is done above. */
	if (snprintf(spec, sizeof(spec), "+%s", optstring) >= (int)sizeof(spec))
		msg_diex(2, "option string too long");
	if (optind < argc && !strcmp(argv[optind], "--help"))
		cli_help();
	c = getopt(argc, argv, spec);
	if (c == '?')
		cli_usage();
	return c;
}

FILE *cli_open(const char *name)
{
	FILE *f;

	if (!strcmp(name, "-"))
		return stdin;
	f = fopen(name, "r");
	if (!f)
		msg_warn("%s", name);
	return f;
}

bool cli_close(FILE *f, const char *name)
{
	bool ok = !ferror(f);

	if (!ok)
		msg_warn("%s", name);
	if (f == stdin)
		clearerr(f);
	else
		fclose(f);
	return ok;
}

void cli_write_error(void)
{
	msg_die(1, "write error");
}

void cli_exit(int status)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		if (!errno)
			errno = EIO;
		cli_write_error();
	}
	exit(status);
}

bool cli_parse_count(const char *s, unsigned long long max, unsigned long long *out)
{
	unsigned long long v;
	char *end;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end || errno || v > max)
		return false;
	*out = v;
	return true;
}

/* The power of the base a size's unit letter stands for; -1 if none. */
static int size_power(char unit)
{
	static const char units[] = "kMGTPEZY";
	const char *u;

	if (unit == 'K')
		return 1;
	if (unit == 'm')
		return 2;
	u = unit ? strchr(units, unit) : NULL;
	return u ? (int)(u - units) + 1 : -1;
}

int cli_parse_size(const char *s, unsigned long long *out)
{
	unsigned long long v, base = 1024, scale = 1;
	int power = 0;
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s < '0' || *s > '9')
		return EINVAL;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return EOVERFLOW;
	if (*end == 'b') {
		scale = 512;
		end++;
	} else if (*end) {
		power = size_power(*end++);
		if (power < 0)
			return EINVAL;
		if (*end == 'B')
			base = 1000, end++;
		else if (end[0] == 'i' && end[1] == 'B')
			end += 2;
	}
	if (*end)
		return EINVAL;
	while (power--) {
		if (scale > -1ULL / base)
			return EOVERFLOW;
		scale *= base;
	}
	if (v && scale > -1ULL / v)
		return EOVERFLOW;
	*out = v * scale;
	return 0;
}

unsigned long long cli_size_arg(const char *s, const char *arg, const char *what)
{
	unsigned long long v;
	int err = cli_parse_size(s, &v);

	if (err == EOVERFLOW) {
		errno = err;
		msg_die(1, "invalid number of %s: '%s'", what, arg);
	}
	if (err)
		msg_diex(1, "invalid number of %s: '%s'", what, arg);
	return v;
}
