/*
 * Command-line and stream helpers shared by the text utilities: option
 * errors worded as glibc's getopt words them (musl and newlib word them
 * otherwise), "-" as stdin, and a checked flush of stdout at exit.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "ub_cli.h"

static const char *ub_usage_text = "";
static int ub_usage_status = 2;

void ub_init(const char *argv0, const char *usage, int usage_status)
{
	msg_init(argv0);
	ub_usage_text = usage;
	ub_usage_status = usage_status;
}

void ub_help(void)
{
	printf("usage: %s %s\n", msg_prog, ub_usage_text);
	ub_exit(0);
}

void ub_check_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return;
		if (!strcmp(argv[i], "--help"))
			ub_help();
		if (argv[i][0] != '-' || !argv[i][1])
			return;
	}
}

void ub_usage_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", msg_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: %s %s\n", msg_prog, ub_usage_text);
	exit(ub_usage_status);
}

int ub_getopt(int argc, char **argv, const char *optstring)
{
	char spec[64];
	int c;

	/* A leading '+' asks glibc not to permute; ':' for missing arguments. */
	if (snprintf(spec, sizeof(spec), "+:%s", optstring) >= (int)sizeof(spec))
		msg_diex(2, "option string too long");
	opterr = 0;
	c = getopt(argc, argv, spec);
	if (c == '?')
		ub_usage_error("invalid option -- '%c'", optopt);
	if (c == ':')
		ub_usage_error("option requires an argument -- '%c'", optopt);
	return c;
}

/* How many arguments the option cluster arg takes from argv: 1 or 2. */
static int option_words(const char *arg, const char *optstring)
{
	for (const char *p = arg + 1; *p; p++) {
		const char *o = *p == ':' ? NULL : strchr(optstring, *p);

		if (o && o[1] == ':')
			return p[1] ? 1 : 2;
	}
	return 1;
}

void ub_permute(int argc, char **argv, const char *optstring)
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

FILE *ub_open(const char *name)
{
	FILE *f;

	if (!strcmp(name, "-"))
		return stdin;
	f = fopen(name, "r");
	if (!f)
		msg_warn("%s", name);
	return f;
}

bool ub_close(FILE *f, const char *name)
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

void ub_exit(int status)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		msg_die(1, "write error");
	exit(status);
}

bool ub_parse_count(const char *s, unsigned long long max, unsigned long long *out)
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
