/*
 * Pattern matching (XCU 2.13) and the pattern forms of parameter expansion
 * (${VAR#p} ${VAR##p} ${VAR%p} ${VAR%%p}). Patterns quote a character with a
 * backslash before it.
 */
#ifndef SH_MATCH_H
#define SH_MATCH_H

#include <stddef.h>

/* Does pattern @pat match all of @s? */
int pmatch(const char *pat, const char *s);
/* Has @pat an unquoted * ? or bracket expression (so it needs matching)? */
int pmatch_has_meta(const char *pat);

enum trim {
	TRIM_PREFIX,		/* #  : the shortest matching prefix */
	TRIM_LONG_PREFIX,	/* ## : the longest */
	TRIM_SUFFIX,		/* %  */
	TRIM_LONG_SUFFIX,	/* %% */
};

/*
 * What remains of @value after removing the part @pat matches, as *start
 * and *len; returns whether anything matched. @scratch holds
 * strlen(value) + 1 bytes.
 */
int pmatch_trim(const char *value, const char *pat, enum trim op, char *scratch,
		size_t *start, size_t *len);

#endif
