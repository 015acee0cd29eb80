/*
 * Reading the colon-separated /etc databases (passwd(5), group(5)) for
 * getpwent.c and grp.c: one lookup loop, one growing static buffer.
 */
#ifndef _BREENIX_DBFILE_H
#define _BREENIX_DBFILE_H

#include <stdio.h>

/*
 * A format's parser: fills REC from the entry at the start of BUF (SIZE
 * bytes, the entry's LEN included); returns 0, -1 for a malformed entry,
 * or ERANGE when BUF has no room for what REC points to.
 */
typedef int (*db_parse_fn)(char *buf, size_t len, size_t size, void *rec);
/* Whether REC is the one KEY asks for. */
typedef int (*db_match_fn)(const void *rec, const void *key);

struct db_format {
	const char *path;
	db_parse_fn parse;
	db_match_fn match;
};

/* The _r lookups: 0 or an error number; *RESULT is REC or NULL (not found). */
int __db_lookup(const struct db_format *fmt, const void *key, void *rec, char *buf,
		size_t size, void **result);

/* The static lookups: a buffer grown until the entry fits. */
struct db_static {
	char *buf;
	size_t size;
};
void *__db_lookup_static(const struct db_format *fmt, const void *key, void *rec,
			 struct db_static *st);

/* getXXent(): the next well-formed entry of an open file into REC. */
void *__db_next_entry(const struct db_format *fmt, FILE **f, struct db_static *st, void *rec);

FILE *__db_open(const char *path);
int __db_split(char *line, char **fields, int n);
int __db_id(const char *s, unsigned int *id);

#endif
