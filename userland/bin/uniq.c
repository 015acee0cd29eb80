/*
 * uniq: drop the repeats of adjacent equal lines, as POSIX and coreutils:
 * -c prefixes counts, -d prints only repeated lines, -u only unrepeated
 * ones; -i ignores case, -f N and -s N skip fields and characters before
 * comparing, -w N compares at most N characters. [INPUT [OUTPUT]].
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

struct line {
	char *text;
	size_t cap;
	ssize_t len;	/* without the newline */
};

static bool show_count, only_repeated, only_single, ignore_case;
static unsigned long long skip_fields, skip_chars, compare_max = -1ULL;

/* Where comparing starts: after skip_fields fields and skip_chars chars. */
static const char *key(const struct line *l, size_t *len)
{
	const char *p = l->text, *end = l->text + l->len;

	for (unsigned long long f = 0; f < skip_fields && p < end; f++) {
		while (p < end && isblank((unsigned char)*p))
			p++;
		while (p < end && !isblank((unsigned char)*p))
			p++;
	}
	p += (unsigned long long)(end - p) < skip_chars ? (size_t)(end - p) : skip_chars;
	*len = end - p;
	if (*len > compare_max)
		*len = compare_max;
	return p;
}

static bool same(const struct line *a, const struct line *b)
{
	size_t alen, blen;
	const char *ka = key(a, &alen), *kb = key(b, &blen);

	if (alen != blen)
		return false;
	return ignore_case ? !strncasecmp(ka, kb, alen) : !memcmp(ka, kb, alen);
}

static void emit(const struct line *l, unsigned long long n)
{
	if ((only_repeated && n < 2) || (only_single && n > 1))
		return;
	if (show_count)
		printf("%7llu ", n);
	fwrite(l->text, 1, l->len, stdout);
	putchar('\n');
}

static bool read_line(struct line *l, FILE *f)
{
	l->len = getline(&l->text, &l->cap, f);
	if (l->len <= 0)
		return false;
	if (l->text[l->len - 1] == '\n')
		l->len--;
	return true;
}

static void parse_number(const char *arg, unsigned long long *out, const char *what)
{
	if (!cli_parse_count(arg, -1ULL, out))
		cli_usage_error("invalid number of %s: '%s'", what, arg);
}

/* coreutils' long names of uniq's options. */
static const struct cli_option longopts[] = {
	{ "count", CLI_NO_ARG, 'c' },
	{ "repeated", CLI_NO_ARG, 'd' },
	{ "skip-fields", CLI_REQUIRED_ARG, 'f' },
	{ "ignore-case", CLI_NO_ARG, 'i' },
	{ "skip-chars", CLI_REQUIRED_ARG, 's' },
	{ "unique", CLI_NO_ARG, 'u' },
	{ "check-chars", CLI_REQUIRED_ARG, 'w' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	struct line cur = { 0 }, next = { 0 }, tmp;
	unsigned long long n;
	const char *in = "-";
	FILE *f;
	int c;

	cli_init(argv[0], "[-c|-d|-u] [-i] [-f N] [-s N] [-w N] [INPUT [OUTPUT]]", 1);
	while ((c = cli_getopt_long(argc, argv, "cdiuf:s:w:", longopts)) != -1) {
		if (c == 'c')
			show_count = true;
		else if (c == 'd')
			only_repeated = true;
		else if (c == 'u')
			only_single = true;
		else if (c == 'i')
			ignore_case = true;
		else if (c == 'f')
			parse_number(optarg, &skip_fields, "fields to skip");
		else if (c == 's')
			parse_number(optarg, &skip_chars, "bytes to skip");
		else
			parse_number(optarg, &compare_max, "bytes to compare");
	}
	if (argc - optind > 2)
		cli_usage_error("extra operand '%s'", argv[optind + 2]);
	if (optind < argc)
		in = argv[optind];
	if (argc - optind == 2 && strcmp(argv[optind + 1], "-") &&
	    !freopen(argv[optind + 1], "w", stdout))
		msg_die(1, "%s", argv[optind + 1]);
	f = cli_open(in);
	if (!f)
		cli_exit(1);
	if (read_line(&cur, f)) {
		for (n = 1; read_line(&next, f); n++) {
			if (same(&cur, &next))
				continue;
			emit(&cur, n);
			tmp = cur, cur = next, next = tmp;
			n = 0;
		}
		emit(&cur, n);
	}
	free(cur.text);
	free(next.text);
	cli_exit(cli_close(f, in) ? 0 : 1);
}
