/*
 * tr: translate, delete (-d) or squeeze (-s) bytes, as POSIX and
 * coreutils. SETs hold characters, backslash escapes (\n, \\, \NNN octal),
 * ranges a-z, classes [:alpha:], [=c=], and in SET2 the repeats [c*n] and
 * [c*] (fill to SET1's length); -c uses SET1's complement. A short SET2 is
 * padded with its last character.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

#define TR_CHUNK 65536

struct set {
	unsigned char *c;
	size_t len, cap;
	long star;	/* index of a [c*] to fill, or -1 */
};

static const struct {
	const char *name;
	int (*is)(int);
} classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
	{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
	{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
	{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

static void add(struct set *s, unsigned char c, unsigned long long times)
{
	while (times--) {
		if (s->len == s->cap) {
			s->cap = s->cap ? 2 * s->cap : 64;
			s->c = realloc(s->c, s->cap);
			if (!s->c)
				msg_die(1, "out of memory");
		}
		s->c[s->len++] = c;
	}
}

/* One character at *p, a backslash escape included; *p moves past it. */
static unsigned char next_char(const char **p)
{
	static const char names[] = "abfnrtv";
	static const char bytes[] = "\a\b\f\n\r\t\v";
	const char *s = *p, *hit;
	unsigned v = 0;

	if (*s != '\\' || !s[1]) {
		*p = s + 1;
		return *s;
	}
	s++;
	if (*s >= '0' && *s <= '7') {
		for (int i = 0; i < 3 && *s >= '0' && *s <= '7'; i++)
			v = v * 8 + (*s++ - '0');
		*p = s;
		return v & 0xff;
	}
	*p = s + 1;
	hit = strchr(names, *s);
	return hit ? bytes[hit - names] : (unsigned char)*s;
}

static void add_class(struct set *s, const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		if (strlen(classes[i].name) != len || strncmp(classes[i].name, name, len))
			continue;
		for (int c = 0; c < 256; c++)
			if (classes[i].is(c))
				add(s, c, 1);
		return;
	}
	msg_diex(1, "invalid character class '%.*s'", (int)len, name);
}

/* [c*n] or [c*] at p (p at '['): added to s and true, or false if not one. */
static bool repeat(struct set *s, const char **p, bool allowed)
{
	const char *q = *p + 1, *end;
	unsigned char c = next_char(&q);
	unsigned long long n;
	char *num_end;

	if (*q != '*' || !(end = strchr(q, ']')))
		return false;
	n = strtoull(q + 1, &num_end, q[1] == '0' ? 8 : 10);
	if (num_end != end)
		return false;
	if (!allowed)
		msg_diex(1, "the [c*] repeat construct may not appear in string1");
	if (end == q + 1 || !n) {
		if (s->star >= 0)
			msg_diex(1, "only one [c*] repeat construct may appear in string2");
		s->star = s->len;
		n = 1;
	}
	add(s, c, n);
	*p = end + 1;
	return true;
}

static void parse_set(struct set *s, const char *arg, bool is_set2)
{
	const char *p = arg, *end;

	s->star = -1;
	while (*p) {
		if (p[0] == '[' && p[1] == ':' && (end = strstr(p + 2, ":]"))) {
			add_class(s, p + 2, end - p - 2);
			p = end + 2;
		} else if (p[0] == '[' && p[1] == '=' && p[2] && p[3] == '=' && p[4] == ']') {
			add(s, p[2], 1);
			p += 5;
		} else if (p[0] == '[' && p[1] && repeat(s, &p, is_set2)) {
			continue;
		} else {
			const char *start = p;
			unsigned char lo = next_char(&p), hi;

			if (*p != '-' || !p[1]) {
				add(s, lo, 1);
				continue;
			}
			p++;
			hi = next_char(&p);
			if (hi < lo)
				msg_diex(1, "range-endpoints of '%.*s' are in reverse collating sequence order",
					 (int)(p - start), start);
			for (unsigned c = lo; c <= hi; c++)
				add(s, c, 1);
		}
	}
}

static void complement(struct set *s)
{
	bool in[256] = { false };
	struct set out = { NULL, 0, 0, -1 };

	for (size_t i = 0; i < s->len; i++)
		in[s->c[i]] = true;
	for (int c = 0; c < 256; c++)
		if (!in[c])
			add(&out, c, 1);
	free(s->c);
	*s = out;
}

/* Fill SET2's [c*] and pad it with its last character to SET1's length. */
static void fit(struct set *s2, size_t len1)
{
	if (s2->star >= 0 && s2->len < len1) {
		size_t extra = len1 - s2->len, tail = s2->len - s2->star - 1;

		add(s2, 0, extra);
		memmove(s2->c + s2->star + 1 + extra, s2->c + s2->star + 1, tail);
		memset(s2->c + s2->star + 1, s2->c[s2->star], extra);
	}
	if (s2->len < len1)
		add(s2, s2->c[s2->len - 1], len1 - s2->len);
}

static void run(const unsigned char *map, const bool *del, const bool *squeeze)
{
	static unsigned char in[TR_CHUNK], out[TR_CHUNK];
	int last = -1;
	size_t got;

	while ((got = fread(in, 1, sizeof(in), stdin)) > 0) {
		size_t n = 0;

		for (size_t i = 0; i < got; i++) {
			unsigned char c = in[i];

			if (del[c])
				continue;
			c = map[c];
			if (squeeze[c] && c == last)
				continue;
			out[n++] = c;
			last = c;
		}
		if (fwrite(out, 1, n, stdout) < n)
			cli_write_error();
	}
	if (ferror(stdin))
		msg_die(1, "read error");
}

/* coreutils' long names of tr's options. */
static const struct cli_option longopts[] = {
	{ "complement", CLI_NO_ARG, 'c' },
	{ "delete", CLI_NO_ARG, 'd' },
	{ "squeeze-repeats", CLI_NO_ARG, 's' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	bool comp = false, delete = false, squeeze_opt = false;
	bool del[256] = { false }, squeeze[256] = { false };
	struct set s1 = { 0 }, s2 = { 0 };
	unsigned char map[256];
	int c, nsets;

	cli_init(argv[0], "[-cCds] SET1 [SET2]", 1);
	while ((c = cli_getopt_long(argc, argv, "+cCds", longopts)) != -1) {
		if (c == 'c' || c == 'C')
			comp = true;
		else if (c == 'd')
			delete = true;
		else
			squeeze_opt = true;
	}
	nsets = argc - optind;
	if (nsets < 1)
		cli_usage_error("missing operand");
	if (nsets == 1 && !delete && !squeeze_opt)
		cli_usage_error("missing operand after '%s' (two strings must be given when translating)",
			       argv[optind]);
	if (nsets > 2 || (nsets == 2 && delete && !squeeze_opt))
		cli_usage_error("extra operand '%s'", argv[optind + (nsets > 2 ? 2 : 1)]);
	parse_set(&s1, argv[optind], false);
	if (comp)
		complement(&s1);
	if (nsets == 2)
		parse_set(&s2, argv[optind + 1], true);
	for (int i = 0; i < 256; i++)
		map[i] = i;
	if (nsets == 2 && !delete) {
		if (!s2.len)
			msg_diex(1, "when not truncating set1, string2 must be non-empty");
		fit(&s2, s1.len);
		for (size_t i = 0; i < s1.len; i++)
			map[s1.c[i]] = s2.c[i];
	}
	for (size_t i = 0; delete && i < s1.len; i++)
		del[s1.c[i]] = true;
	/* Squeeze what is printed: SET2 if there is one, else SET1. */
	for (size_t i = 0; squeeze_opt && i < (nsets == 2 ? s2.len : s1.len); i++)
		squeeze[nsets == 2 ? s2.c[i] : s1.c[i]] = true;
	run(map, del, squeeze);
	cli_exit(0);
}
