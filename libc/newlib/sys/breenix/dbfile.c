/*
 * The /etc database reader: a line at a time (comments and blank lines
 * skipped), split at colons into exactly the fields a format has, numeric
 * ids checked in full.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dbfile.h"

/* Close-on-exec, so a program that execs does not leak the file. */
FILE *__db_open(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	FILE *f;

	if (fd < 0)
		return NULL;
	f = fdopen(fd, "r");
	if (!f)
		close(fd);
	return f;
}

/* The next entry, its newline removed, or NULL at the end (errno on error). */
static char *next_line(FILE *f, char **line, size_t *cap)
{
	ssize_t n;

	while ((n = getline(line, cap, f)) >= 0) {
		if (n && (*line)[n - 1] == '\n')
			(*line)[--n] = '\0';
		if (n && (*line)[0] != '#')
			return *line;
	}
	return NULL;
}

/* Copies LINE into BUF and parses it there: 0, -1 (malformed) or ERANGE. */
static int parse_into(const struct db_format *fmt, const char *line, void *rec, char *buf,
		      size_t size)
{
	size_t len = strlen(line) + 1;

	if (len > size)
		return ERANGE;
	memcpy(buf, line, len);
	return fmt->parse(buf, len, size, rec);
}

int __db_lookup(const struct db_format *fmt, const void *key, void *rec, char *buf,
		size_t size, void **result)
{
	FILE *f = __db_open(fmt->path);
	char *line = NULL;
	size_t cap = 0;
	int err = 0, r;

	*result = NULL;
	if (!f)
		return errno == ENOENT ? 0 : errno;
	errno = 0;
	while (next_line(f, &line, &cap)) {
		r = parse_into(fmt, line, rec, buf, size);
		if (r == ERANGE) {
			err = ERANGE;
			break;
		}
		if (!r && fmt->match(rec, key)) {
			*result = rec;
			break;
		}
	}
	if (!*result && !err)
		err = errno;
	free(line);
	fclose(f);
	return err;
}

static int grow(struct db_static *st)
{
	size_t size = st->size ? 2 * st->size : 256;
	char *buf = realloc(st->buf, size);

	if (!buf)
		return -1;
	st->buf = buf;
	st->size = size;
	return 0;
}

void *__db_lookup_static(const struct db_format *fmt, const void *key, void *rec,
			 struct db_static *st)
{
	void *result = NULL;
	int err = ERANGE;

	while (err == ERANGE) {
		if (st->buf)
			err = __db_lookup(fmt, key, rec, st->buf, st->size, &result);
		if (err == ERANGE && grow(st))
			return NULL;
	}
	if (err)
		errno = err;
	return result;
}

void *__db_next_entry(const struct db_format *fmt, FILE **f, struct db_static *st, void *rec)
{
	char *line = NULL;
	size_t cap = 0;
	void *result = NULL;
	int r;

	if (!*f)
		*f = __db_open(fmt->path);
	if (!*f)
		return NULL;
	while (!result && next_line(*f, &line, &cap)) {
		while ((r = st->buf ? parse_into(fmt, line, rec, st->buf, st->size) : ERANGE) == ERANGE)
			if (grow(st))
				goto out;
		if (!r)
			result = rec;
	}
out:
	free(line);
	return result;
}

/* 0 when LINE has exactly N colon-separated fields, now in FIELDS. */
int __db_split(char *line, char **fields, int n)
{
	for (int i = 0; i < n; i++) {
		fields[i] = line;
		line = strchr(line, ':');
		if (i == n - 1)
			return line ? -1 : 0;
		if (!line)
			return -1;
		*line++ = '\0';
	}
	return -1;
}

int __db_id(const char *s, unsigned int *id)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -1;
	v = strtoul(s, &end, 10);
	if (*end || v > UINT_MAX)
		return -1;
	*id = (unsigned int)v;
	return 0;
}
