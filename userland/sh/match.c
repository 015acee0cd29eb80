/*
 * Pattern matching notation (XCU 2.13): * ? and bracket expressions, with
 * backslash quoting the next character, for case, ${VAR#pattern} and
 * pathname expansion. Pure: the host tests run it over a table.
 */
#include <ctype.h>
#include <string.h>

#include "match.h"

struct char_class {
	const char *name;
	int (*is)(int c);
};

static const struct char_class classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
	{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
	{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
	{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

/*
 * "[:name:]" at @p (just after its "["): whether @c is in the class, and
 * where the expression continues. Returns -1 if it is not a class.
 */
static int match_class(const char **p, unsigned char c)
{
	const char *end = strstr(*p + 1, ":]");

	if (**p != ':' || !end)
		return -1;
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		size_t n = strlen(classes[i].name);

		if ((size_t)(end - (*p + 1)) == n && !strncmp(*p + 1, classes[i].name, n)) {
			*p = end + 2;
			return classes[i].is(c) != 0;
		}
	}
	*p = end + 2;
	return 0;
}

/*
 * A bracket expression at @p (just after "["): returns where the pattern
 * continues after "]" with *matched set, or NULL if there is no "]" (then
 * "[" is an ordinary character).
 */
static const char *match_bracket(const char *p, unsigned char c, int *matched)
{
	int negate = 0, found = 0, first = 1;

	if (*p == '!' || *p == '^') {
		negate = 1;
		p++;
	}
	while (*p && (*p != ']' || first)) {
		unsigned char lo, hi;

		first = 0;
		if (p[0] == '[' && p[1] == ':') {
			const char *q = p + 1;
			int r = match_class(&q, c);

			if (r >= 0) {
				found |= r;
				p = q;
				continue;
			}
		}
		if (*p == '\\' && p[1])
			p++;
		lo = hi = (unsigned char)*p++;
		if (p[0] == '-' && p[1] && p[1] != ']') {
			p++;
			if (*p == '\\' && p[1])
				p++;
			hi = (unsigned char)*p++;
		}
		if (c >= lo && c <= hi)
			found = 1;
	}
	if (*p != ']')
		return NULL;
	*matched = found != negate;
	return p + 1;
}

/*
 * Does the pattern character at *pp match @c? Advances *pp past it.
 */
static int match_one(const char **pp, unsigned char c)
{
	const char *p = *pp;

	if (*p == '?') {
		*pp = p + 1;
		return 1;
	}
	if (*p == '[') {
		int matched;
		const char *next = match_bracket(p + 1, c, &matched);

		if (next) {
			*pp = next;
			return matched;
		}
	}
	if (*p == '\\' && p[1])
		p++;
	*pp = p + 1;
	return (unsigned char)*p == c;
}

/*
 * The usual matcher: on a mismatch after a "*", the star takes one more
 * character and matching resumes after it.
 */
int pmatch(const char *pat, const char *s)
{
	const char *star_p = NULL, *star_s = NULL;

	for (;;) {
		if (*pat == '*') {
			while (*pat == '*')
				pat++;
			star_p = pat;
			star_s = s;
			continue;
		}
		if (!*pat && !*s)
			return 1;
		if (*s && *pat) {
			const char *p = pat;

			if (match_one(&p, (unsigned char)*s)) {
				pat = p;
				s++;
				continue;
			}
		}
		if (!star_p || !*star_s)
			return 0;
		pat = star_p;
		s = ++star_s;
	}
}

int pmatch_has_meta(const char *pat)
{
	for (; *pat; pat++) {
		if (*pat == '\\' && pat[1])
			pat++;
		else if (*pat == '*' || *pat == '?')
			return 1;
		else if (*pat == '[' && strchr(pat + 1, ']'))
			return 1;
	}
	return 0;
}

/* Does @pat match the @n characters at @s? */
static int match_n(const char *pat, const char *s, size_t n, char *scratch)
{
	memcpy(scratch, s, n);
	scratch[n] = '\0';
	return pmatch(pat, scratch);
}

int pmatch_trim(const char *value, const char *pat, enum trim op, char *scratch,
		size_t *start, size_t *len)
{
	size_t n = strlen(value);

	*start = 0;
	*len = n;
	for (size_t i = 0; i <= n; i++) {
		size_t k = (op == TRIM_LONG_PREFIX || op == TRIM_LONG_SUFFIX) ? n - i : i;

		if (op == TRIM_PREFIX || op == TRIM_LONG_PREFIX) {
			if (match_n(pat, value, k, scratch)) {
				*start = k;
				*len = n - k;
				return 1;
			}
		} else if (pmatch(pat, value + n - k)) {
			*len = n - k;
			return 1;
		}
	}
	return 0;
}
