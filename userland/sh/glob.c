/*
 * Pathname expansion (XCU 2.13.3): a pattern is matched one component at a
 * time against directory entries; a leading "." must be matched explicitly;
 * the names are sorted. Components without pattern characters are taken
 * as they are.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "match.h"
#include "sh.h"

/* A pattern component without its backslashes, for a literal name. */
static char *unescape(const char *s, size_t n)
{
	struct strbuf sb;

	sb_init(&sb);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n)
			i++;
		sb_putc(&sb, s[i]);
	}
	return sb_take(&sb);
}

static void glob_walk(struct strbuf *path, const char *pat, struct wordlist *out);

/* @name matched the component: on to the rest of the pattern, or done. */
static void glob_found(struct strbuf *path, const char *name, const char *rest,
		       struct wordlist *out)
{
	size_t len = path->len;
	struct stat st;

	sb_puts(path, name);
	if (!*rest) {
		if (lstat(path->s, &st) == 0)
			wl_add(out, xstrdup(path->s));
	} else if (stat(path->s, &st) == 0 && S_ISDIR(st.st_mode)) {
		sb_putc(path, '/');
		glob_walk(path, rest, out);
	}
	path->len = len;
	path->s[len] = '\0';
}

static void glob_dir(struct strbuf *path, const char *comp, const char *rest,
		     struct wordlist *out)
{
	DIR *d = opendir(path->len ? path->s : ".");
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (e->d_name[0] == '.' && comp[0] != '.')
			continue;
		if (pmatch(comp, e->d_name))
			glob_found(path, e->d_name, rest, out);
	}
	closedir(d);
}

/* @path (ending in "/" or empty) matched so far; @pat is what remains. */
static void glob_walk(struct strbuf *path, const char *pat, struct wordlist *out)
{
	const char *slash = strchr(pat, '/');
	size_t n = slash ? (size_t)(slash - pat) : strlen(pat);
	const char *rest = slash ? slash + 1 : "";
	char *comp = xstrndup(pat, n);

	while (*rest == '/')
		rest++;
	if (pmatch_has_meta(comp)) {
		glob_dir(path, comp, rest, out);
	} else {
		char *name = unescape(pat, n);

		glob_found(path, name, rest, out);
		free(name);
	}
	free(comp);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int glob_expand(const char *pattern, struct wordlist *out)
{
	struct strbuf path;
	int before = out->n;

	sb_init(&path);
	sb_puts(&path, "");
	while (*pattern == '/') {
		sb_putc(&path, '/');
		pattern++;
	}
	glob_walk(&path, pattern, out);
	sb_free(&path);
	if (out->n > before)
		qsort(out->v + before, out->n - before, sizeof(char *), cmp_str);
	return out->n - before;
}
