/*
 * The command line of every utility (see cli.h): usage, --help and
 * --version, long options, option errors, GNU option permutation, "-" as
 * stdin, the checked exit.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

/* The project's version (CMakeLists.txt), which every utility reports. */
#define CLI_VERSION_TEXT "0.1.0"

enum { CLI_HELP = CLI_LONG - 1, CLI_VERSION = CLI_LONG - 2 };

/* Last in every table, as coreutils puts them: "--vers" is ambiguous in sort. */
static const struct cli_option cli_common[] = {
	{ "help", CLI_NO_ARG, CLI_HELP },
	{ "version", CLI_NO_ARG, CLI_VERSION },
	{ NULL, CLI_NO_ARG, 0 },
};

static const char *cli_usage_text = "";
/* The options were put before the operands (once: getopt is called again). */
static bool cli_permuted;
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

void cli_version(void)
{
	printf("%s (Breenix) %s\n", msg_prog, CLI_VERSION_TEXT);
	cli_exit(0);
}

void cli_check_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return;
		if (!strcmp(argv[i], "--help"))
			cli_help();
		if (!strcmp(argv[i], "--version"))
			cli_version();
		if (argv[i][0] != '-' || !argv[i][1])
			return;
	}
}

void cli_sole_option(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--help"))
		cli_help();
	if (argc == 2 && !strcmp(argv[1], "--version"))
		cli_version();
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

/* The i-th long option: those of the table, then the common ones. */
static const struct cli_option *long_at(const struct cli_option *table, int i)
{
	for (; table && table->name; table++, i--)
		if (!i)
			return table;
	return cli_common[i].name ? &cli_common[i] : NULL;
}

/* Whether the first len bytes of word begin the long option o's name. */
static bool long_prefix(const struct cli_option *o, const char *word, size_t len)
{
	return !strncmp(o->name, word, len);
}

/* Whether two long options are the same but for their names. */
static bool long_same(const struct cli_option *a, const struct cli_option *b)
{
	return a->arg == b->arg && a->val == b->val;
}

/*
 * The long option that the first len bytes of word name: the one with
 * that whole name, else the only one they begin (or the first of several
 * that mean the same). NULL if none; *ambiguous if they begin others too.
 */
static const struct cli_option *long_find(const struct cli_option *table,
					  const char *word, size_t len, bool *ambiguous)
{
	const struct cli_option *o, *found = NULL;

	*ambiguous = false;
	for (int i = 0; (o = long_at(table, i)); i++) {
		if (!long_prefix(o, word, len))
			continue;
		if (!o->name[len])
			return o;
		if (!found)
			found = o;
		else if (!long_same(found, o))
			*ambiguous = true;
	}
	return *ambiguous ? NULL : found;
}

/* glibc's words for an ambiguous prefix: those it begins that differ. */
static void long_ambiguous(const struct cli_option *table, const char *word, size_t len)
{
	const struct cli_option *o, *first = NULL;

	fflush(stdout);
	fprintf(stderr, "%s: option '--%s' is ambiguous; possibilities:", msg_prog, word);
	for (int i = 0; (o = long_at(table, i)); i++) {
		if (!long_prefix(o, word, len))
			continue;
		if (!first)
			first = o;
		if (o == first || !long_same(first, o))
			fprintf(stderr, " '--%s'", o->name);
	}
	fputc('\n', stderr);
	cli_usage();
}

/*
 * The long option argv[optind] ("--name[=value]"): its val, optarg set,
 * optind past it and its argument; --help and --version acted on.
 */
static int long_option(int argc, char **argv, const struct cli_option *table)
{
	const char *word = argv[optind++] + 2;
	size_t len = strcspn(word, "=");
	const struct cli_option *o;
	bool ambiguous;

	o = long_find(table, word, len, &ambiguous);
	if (ambiguous)
		long_ambiguous(table, word, len);
	if (!o)
		cli_usage_error("unrecognized option '--%s'", word);
	optarg = NULL;
	if (word[len] == '=') {
		if (o->arg == CLI_NO_ARG)
			cli_usage_error("option '--%s' doesn't allow an argument", o->name);
		optarg = (char *)word + len + 1;
	} else if (o->arg == CLI_REQUIRED_ARG) {
		if (optind >= argc)
			cli_usage_error("option '--%s' requires an argument", o->name);
		optarg = argv[optind++];
	}
	if (o->val == CLI_HELP)
		cli_help();
	if (o->val == CLI_VERSION)
		cli_version();
	return o->val;
}

/* The value of names[i] for cli_choice(): values[i], or i without values. */
static int choice_value(const int *values, int i)
{
	return values ? values[i] : i;
}

int cli_choice(const char *arg, const char *option, const char *const *names,
	       const int *values)
{
	size_t len = strlen(arg);
	bool ambiguous = false;
	int found = -1;

	for (int i = 0; names[i]; i++) {
		if (!strcmp(names[i], arg))
			return choice_value(values, i);
		if (strncmp(names[i], arg, len))
			continue;
		if (found < 0)
			found = i;
		else if (choice_value(values, i) != choice_value(values, found))
			ambiguous = true;
	}
	if (found >= 0 && !ambiguous)
		return choice_value(values, found);
	msg_warnx("%s argument '%s' for '--%s'", ambiguous ? "ambiguous" : "invalid", arg, option);
	fputs("Valid arguments are:", stderr);
	for (int i = 0; names[i]; i++) {
		bool same = i && choice_value(values, i) == choice_value(values, i - 1);

		fprintf(stderr, "%s'%s'", same ? ", " : "\n  - ", names[i]);
	}
	fputc('\n', stderr);
	cli_usage();
}

/* How many arguments the option word arg takes from argv: 1 or 2. */
static int option_words(const char *arg, const char *optstring,
			const struct cli_option *table)
{
	if (arg[1] == '-') {
		size_t len = strcspn(arg + 2, "=");
		bool ambiguous;
		const struct cli_option *o = long_find(table, arg + 2, len, &ambiguous);

		return o && !arg[2 + len] && o->arg == CLI_REQUIRED_ARG ? 2 : 1;
	}
	for (const char *p = arg + 1; *p; p++) {
		const char *o = *p == ':' ? NULL : strchr(optstring, *p);

		/* "x::": an optional argument is only ever in the same word. */
		if (o && o[1] == ':')
			return p[1] || o[2] == ':' ? 1 : 2;
	}
	return 1;
}

/*
 * newlib's getopt starts with optind 0 and sets itself up on its first
 * call: make that call on an empty command line, so that optind is 1
 * when a long option, which getopt never sees, comes first.
 */
static void getopt_start(void)
{
	static char empty[] = "";
	static char *none[] = { empty, NULL };

	if (optind == 0)
		getopt(1, none, "+");
}

/*
 * The option word last on the line lacks its argument: report it as
 * getopt does rather than let it take an operand moved after it.
 */
static void missing_argument(char *argv0, char *word, const char *optstring,
			     const struct cli_option *table)
{
	char *args[] = { argv0, word, NULL };

	optind = 1;
	while (cli_getopt_long(2, args, optstring, table) != -1)
		;
}

/* Options (with their arguments) before the operands, in their order. */
static void permute(int argc, char **argv, const char *optstring,
		    const struct cli_option *table)
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
			int words = option_words(argv[i], optstring, table);

			if (words == 2 && i == argc - 1)
				missing_argument(argv[0], argv[i], optstring, table);

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
	return cli_getopt_long(argc, argv, optstring, NULL);
}

int cli_getopt_long(int argc, char **argv, const char *optstring,
		    const struct cli_option *longopts)
{
	char spec[64];
	int c;

	getopt_start();
	if (*optstring == '+') {
		optstring++;
	} else if (!cli_permuted) {
		cli_permuted = true;
		permute(argc, argv, optstring, longopts);
	}
	/* glibc's getopt permutes unless told '+'; the work is done above. */
	if (snprintf(spec, sizeof(spec), "+%s", optstring) >= (int)sizeof(spec))
		msg_diex(2, "option string too long");
	/* Only at a word's start: getopt is never inside "--NAME". */
	if (optind < argc && !strncmp(argv[optind], "--", 2) && argv[optind][2])
		return long_option(argc, argv, longopts);
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
