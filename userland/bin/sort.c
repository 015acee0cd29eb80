/*
 * sort: sort lines, as POSIX and coreutils in the C locale: -n numeric,
 * -r reverse, -f fold case, -d dictionary order, -i printable only, -b skip
 * blanks, -k F[.C][OPTS][,F[.C][OPTS]] keys, -t field separator, -u one of
 * each run of equal lines, -s stable (no whole-line last resort), -c/-C
 * check, -o FILE (written after all input is read, so it may be an input).
 * A stable merge sort; exit 2 on errors, as POSIX says.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

#define SORT_ERROR 2
#define SORT_OPTIONS "bcCdfik:mno:rst:u"

struct line {
	char *s;
	size_t len;	/* without the newline */
};

struct key {
	unsigned long sfield, schar, efield, echar;	/* 1-based; efield 0: end of line */
	bool skip_start, skip_end, numeric, reverse, fold, dict, printable;
};

static struct key *keys;
static size_t nkeys;
static struct key global = { 1, 1, 0, 0, false, false, false, false, false, false, false };
static int tab = -1;
static bool unique, stable;

/* Move from p past one field (its separator with -t, else blanks then non-blanks). */
static const char *skip_field(const char *p, const char *end)
{
	if (tab >= 0) {
		const char *t = memchr(p, tab, end - p);

		return t ? t + 1 : end;
	}
	while (p < end && isblank((unsigned char)*p))
		p++;
	while (p < end && !isblank((unsigned char)*p))
		p++;
	return p;
}

static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end && isblank((unsigned char)*p))
		p++;
	return p;
}

static const char *advance(const char *p, const char *end, unsigned long n)
{
	return (unsigned long)(end - p) < n ? end : p + n;
}

static void key_span(const struct line *l, const struct key *k, const char **b, const char **e)
{
	const char *end = l->s + l->len, *p = l->s;

	for (unsigned long f = 1; f < k->sfield && p < end; f++)
		p = skip_field(p, end);
	if (k->skip_start)
		p = skip_blanks(p, end);
	*b = advance(p, end, k->schar - 1);
	*e = end;
	if (k->efield) {
		p = l->s;
		for (unsigned long f = 1; f < k->efield && p < end; f++)
			p = skip_field(p, end);
		if (!k->echar) {
			if (tab >= 0) {
				const char *t = memchr(p, tab, end - p);

				*e = t ? t : end;
			} else {
				*e = skip_field(p, end);
			}
		} else {
			if (k->skip_end)
				p = skip_blanks(p, end);
			*e = advance(p, end, k->echar);
		}
	}
	if (*e < *b)
		*e = *b;
}

struct number {
	bool neg;
	const char *ip, *fp;	/* integer part without leading zeros, fraction */
	size_t ilen, flen;	/* and without trailing zeros */
};

/* A leading number [-]digits[.digits] after blanks; none counts as 0. */
static struct number parse_number(const char *p, const char *end)
{
	struct number n = { false, NULL, NULL, 0, 0 };

	p = skip_blanks(p, end);
	if (p < end && *p == '-')
		n.neg = true, p++;
	while (p < end && *p == '0')
		p++;
	for (n.ip = p; p < end && isdigit((unsigned char)*p); p++)
		n.ilen++;
	n.fp = p;
	if (p < end && *p == '.')
		for (n.fp = ++p; p < end && isdigit((unsigned char)*p); p++)
			n.flen++;
	while (n.flen && n.fp[n.flen - 1] == '0')
		n.flen--;
	if (!n.ilen && !n.flen)
		n.neg = false;
	return n;
}

/* Compare two decimal numbers as numbers, however long, without converting. */
static int num_compare(const char *a, const char *ae, const char *b, const char *be)
{
	struct number x = parse_number(a, ae), y = parse_number(b, be);
	size_t common = x.flen < y.flen ? x.flen : y.flen;
	int r;

	if (x.neg != y.neg)
		return x.neg ? -1 : 1;
	if (x.ilen != y.ilen)
		r = x.ilen < y.ilen ? -1 : 1;
	else if (!(r = memcmp(x.ip, y.ip, x.ilen)) && !(r = memcmp(x.fp, y.fp, common)))
		r = (x.flen > common) - (y.flen > common);
	return x.neg ? -r : r;
}

/* Is c left out of the comparison by -d or -i? */
static bool ignored(const struct key *k, unsigned char c)
{
	return (k->dict && !isblank(c) && !isalnum(c)) || (k->printable && !isprint(c));
}

static int text_compare(const struct key *k, const char *a, const char *ae, const char *b,
			const char *be)
{
	for (;;) {
		while (a < ae && ignored(k, *a))
			a++;
		while (b < be && ignored(k, *b))
			b++;
		if (a == ae || b == be)
			return (a < ae) - (b < be);
		int ca = (unsigned char)*a++, cb = (unsigned char)*b++;

		if (k->fold)
			ca = toupper(ca), cb = toupper(cb);
		if (ca != cb)
			return ca - cb;
	}
}

static int key_compare(const struct line *a, const struct line *b, const struct key *k)
{
	const char *ab, *ae, *bb, *be;
	int r;

	key_span(a, k, &ab, &ae);
	key_span(b, k, &bb, &be);
	if (k->numeric)
		r = num_compare(ab, ae, bb, be);
	else
		r = text_compare(k, ab, ae, bb, be);
	return k->reverse ? -r : r;
}

/* The keys in order; equal keys fall back on the whole line unless -s or -u. */
static int line_compare(const struct line *a, const struct line *b, bool last_resort)
{
	size_t common = a->len < b->len ? a->len : b->len;
	int r;

	for (size_t i = 0; i < nkeys; i++)
		if ((r = key_compare(a, b, &keys[i])))
			return r;
	if (nkeys && !last_resort)
		return 0;
	if (!nkeys) {
		r = key_compare(a, b, &global);
		if (r || !last_resort)
			return r;
	}
	r = memcmp(a->s, b->s, common);
	if (!r)
		r = (a->len > common) - (b->len > common);
	return global.reverse ? -r : r;
}

static void merge_sort(struct line *v, struct line *tmp, size_t n, bool last_resort)
{
	size_t half = n / 2, i = 0, j = half, o = 0;

	if (n < 2)
		return;
	merge_sort(v, tmp, half, last_resort);
	merge_sort(v + half, tmp, n - half, last_resort);
	while (i < half && j < n)
		tmp[o++] = line_compare(&v[j], &v[i], last_resort) < 0 ? v[j++] : v[i++];
	while (i < half)
		tmp[o++] = v[i++];
	memcpy(v, tmp, o * sizeof(*v));
}

/* The letters bdfinr after a key position, or global ones for none. */
static const char *key_options(const char *p, struct key *k, bool at_end)
{
	for (;; p++) {
		if (*p == 'b')
			*(at_end ? &k->skip_end : &k->skip_start) = true;
		else if (*p == 'd')
			k->dict = true;
		else if (*p == 'f')
			k->fold = true;
		else if (*p == 'i')
			k->printable = true;
		else if (*p == 'n')
			k->numeric = true;
		else if (*p == 'r')
			k->reverse = true;
		else
			return p;
	}
}

static const char *key_number(const char *p, unsigned long *out, const char *arg)
{
	char *end;

	if (!isdigit((unsigned char)*p))
		msg_diex(SORT_ERROR, "invalid field specification '%s'", arg);
	*out = strtoul(p, &end, 10);
	return end;
}

static void add_key(const char *arg)
{
	struct key k = { 0 };
	const char *p = arg;

	p = key_number(p, &k.sfield, arg);
	if (!k.sfield)
		msg_diex(SORT_ERROR, "field number is zero: invalid field specification '%s'", arg);
	k.schar = 1;
	if (*p == '.')
		p = key_number(p + 1, &k.schar, arg);
	if (!k.schar)
		msg_diex(SORT_ERROR, "character offset is zero: invalid field specification '%s'", arg);
	p = key_options(p, &k, false);
	if (*p == ',') {
		p = key_number(p + 1, &k.efield, arg);
		if (!k.efield)
			msg_diex(SORT_ERROR, "field number is zero: invalid field specification '%s'", arg);
		if (*p == '.')
			p = key_number(p + 1, &k.echar, arg);
		p = key_options(p, &k, true);
	}
	if (*p)
		msg_diex(SORT_ERROR, "invalid field specification '%s'", arg);
	keys = realloc(keys, (nkeys + 1) * sizeof(*keys));
	if (!keys)
		msg_die(SORT_ERROR, "out of memory");
	keys[nkeys++] = k;
}

/* A key with none of its own options takes the global ones. */
static void inherit_options(struct key *k)
{
	if (k->skip_start || k->skip_end || k->numeric || k->reverse || k->fold || k->dict ||
	    k->printable)
		return;
	k->skip_start = global.skip_start;
	k->skip_end = global.skip_end;
	k->numeric = global.numeric;
	k->reverse = global.reverse;
	k->fold = global.fold;
	k->dict = global.dict;
	k->printable = global.printable;
}

struct lines {
	struct line *v;
	size_t n, cap;
};

static bool read_lines(const char *name, struct lines *all)
{
	FILE *f = cli_open(name);
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!f)
		return false;
	while ((len = getline(&buf, &cap, f)) > 0) {
		if (all->n == all->cap) {
			all->cap = all->cap ? 2 * all->cap : 1024;
			all->v = realloc(all->v, all->cap * sizeof(*all->v));
			if (!all->v)
				msg_die(SORT_ERROR, "out of memory");
		}
		if (buf[len - 1] == '\n')
			len--;
		all->v[all->n].s = buf;
		all->v[all->n++].len = len;
		buf = NULL;
		cap = 0;
	}
	free(buf);
	return cli_close(f, name);
}

/* -c: the first line out of order, reported unless quiet; 1 if there is one. */
static int check(const struct lines *all, const char *name, bool quiet)
{
	for (size_t i = 1; i < all->n; i++) {
		int r = line_compare(&all->v[i - 1], &all->v[i], !unique && !stable);

		if (r > 0 || (unique && !r)) {
			if (!quiet)
				fprintf(stderr, "%s: %s:%zu: disorder: %.*s\n", msg_prog, name, i + 1,
					(int)all->v[i].len, all->v[i].s);
			return 1;
		}
	}
	return 0;
}

/* coreutils' long names of sort's options: --check[=quiet] is -c or -C. */
static const struct cli_option longopts[] = {
	{ "ignore-leading-blanks", CLI_NO_ARG, 'b' },
	{ "check", CLI_OPTIONAL_ARG, CLI_LONG },
	{ "dictionary-order", CLI_NO_ARG, 'd' },
	{ "ignore-case", CLI_NO_ARG, 'f' },
	{ "ignore-nonprinting", CLI_NO_ARG, 'i' },
	{ "key", CLI_REQUIRED_ARG, 'k' },
	{ "merge", CLI_NO_ARG, 'm' },
	{ "numeric-sort", CLI_NO_ARG, 'n' },
	{ "output", CLI_REQUIRED_ARG, 'o' },
	{ "reverse", CLI_NO_ARG, 'r' },
	{ "stable", CLI_NO_ARG, 's' },
	{ "field-separator", CLI_REQUIRED_ARG, 't' },
	{ "unique", CLI_NO_ARG, 'u' },
	{ NULL, CLI_NO_ARG, 0 },
};

static void options(int argc, char **argv, int *checking, const char **output)
{
	/* --check=WHAT: -C's quiet check (2) or -c's (1), in coreutils' order. */
	static const char *const checks[] = { "quiet", "silent", "diagnose-first", NULL };
	static const int levels[] = { 2, 2, 1 };
	int c;

	while ((c = cli_getopt_long(argc, argv, SORT_OPTIONS, longopts)) != -1) {
		switch (c) {
		case 'b':
			global.skip_start = global.skip_end = true;
			break;
		case 'c':
			*checking = 1;
			break;
		case 'C':
			*checking = 2;
			break;
		case CLI_LONG:
			*checking = optarg ? cli_choice(optarg, "check", checks, levels) : 1;
			break;
		case 'd':
			global.dict = true;
			break;
		case 'f':
			global.fold = true;
			break;
		case 'i':
			global.printable = true;
			break;
		case 'k':
			add_key(optarg);
			break;
		case 'm': break;	/* merging sorted files is sorting them */
		case 'n':
			global.numeric = true;
			break;
		case 'o':
			*output = optarg;
			break;
		case 'r':
			global.reverse = true;
			break;
		case 's':
			stable = true;
			break;
		case 'u':
			unique = true;
			break;
		default:
			if (strlen(optarg) != 1 && strcmp(optarg, "\\0"))
				msg_diex(SORT_ERROR, "multi-character tab '%s'", optarg);
			tab = strlen(optarg) == 1 ? (unsigned char)optarg[0] : 0;
		}
	}
}

int main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	struct lines all = { NULL, 0, 0 };
	const char *output = NULL;
	int checking = 0, nfiles;
	struct line *tmp;
	char **files;

	cli_init(argv[0], "[-bcCdfimnrsu] [-k F[.C][OPTS][,F[.C][OPTS]]]... [-t SEP] [-o FILE] [FILE]...",
		SORT_ERROR);
	options(argc, argv, &checking, &output);
	for (size_t i = 0; i < nkeys; i++)
		inherit_options(&keys[i]);
	files = optind < argc ? argv + optind : stdin_only;
	nfiles = optind < argc ? argc - optind : 1;
	if (checking && nfiles > 1)
		cli_usage_error("extra operand '%s' not allowed with -c", files[1]);
	for (int i = 0; i < nfiles; i++)
		if (!read_lines(files[i], &all))
			cli_exit(SORT_ERROR);
	if (checking)
		cli_exit(check(&all, files[0], checking == 2));
	tmp = malloc((all.n ? all.n : 1) * sizeof(*tmp));
	if (!tmp)
		msg_die(SORT_ERROR, "out of memory");
	merge_sort(all.v, tmp, all.n, !stable && !unique);
	free(tmp);
	if (output && strcmp(output, "-") && !freopen(output, "w", stdout))
		msg_die(SORT_ERROR, "%s", output);
	for (size_t i = 0; i < all.n; i++) {
		if (unique && i && !line_compare(&all.v[i - 1], &all.v[i], false))
			continue;
		fwrite(all.v[i].s, 1, all.v[i].len, stdout);
		putchar('\n');
	}
	if (fflush(stdout) == EOF)
		msg_die(SORT_ERROR, "write error");
	cli_exit(0);
}
