/*
 * nftw(3) and ftw(3): a depth-first walk with one path buffer; a directory
 * is read whole before its entries are visited, so the walk holds one
 * descriptor at a time whatever the depth (FD_LIMIT is then never reached).
 */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef int (*nftw_fn)(const char *, const struct stat *, int, struct FTW *);

struct walk {
	char path[PATH_MAX];
	nftw_fn fn;
	int flags;
	dev_t dev;
};

static int visit(struct walk *w, size_t len, int base, int level);

/* The names in the directory at W->path, NULL-separated, or NULL. */
static char *read_names(const char *path, size_t *size)
{
	DIR *d = opendir(path);
	struct dirent *de;
	char *names = NULL, *bigger;
	size_t used = 0, cap = 0, n;

	if (!d)
		return NULL;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		n = strlen(de->d_name) + 1;
		if (used + n > cap) {
			cap = (used + n) * 2;
			bigger = realloc(names, cap);
			if (!bigger) {
				free(names);
				closedir(d);
				return NULL;
			}
			names = bigger;
		}
		memcpy(names + used, de->d_name, n);
		used += n;
	}
	closedir(d);
	*size = used;
	return names ? names : calloc(1, 1);
}

static int walk_dir(struct walk *w, size_t len, int level)
{
	size_t size, n;
	char *names = read_names(w->path, &size), *p;
	int r = 0;

	if (!names)
		return -1;
	for (p = names; !r && p < names + size; p += n + 1) {
		n = strlen(p);
		if (len + 1 + n >= sizeof(w->path)) {
			errno = ENAMETOOLONG;
			r = -1;
			break;
		}
		w->path[len] = '/';
		memcpy(w->path + len + 1, p, n + 1);
		r = visit(w, len + 1 + n, (int)len + 1, level + 1);
	}
	w->path[len] = '\0';
	free(names);
	return r;
}

static int visit(struct walk *w, size_t len, int base, int level)
{
	struct FTW ftw = { base, level };
	struct stat st;
	int type, r;
	int failed = (w->flags & FTW_PHYS) ? lstat(w->path, &st) : stat(w->path, &st);

	if (failed)
		type = (!(w->flags & FTW_PHYS) && !lstat(w->path, &st)) ? FTW_SLN : FTW_NS;
	else if (S_ISLNK(st.st_mode))
		type = FTW_SL;
	else if (S_ISDIR(st.st_mode))
		type = access(w->path, R_OK) ? FTW_DNR : FTW_D;
	else
		type = FTW_F;
	if (level == 0)
		w->dev = st.st_dev;
	else if ((w->flags & FTW_MOUNT) && !failed && st.st_dev != w->dev)
		return 0;
	if (type != FTW_D)
		return w->fn(w->path, &st, type, &ftw);
	if (!(w->flags & FTW_DEPTH) && (r = w->fn(w->path, &st, FTW_D, &ftw)))
		return r;
	if (walk_dir(w, len, level) && errno != EACCES)
		return -1;
	if (w->flags & FTW_DEPTH)
		return w->fn(w->path, &st, FTW_DP, &ftw);
	return 0;
}

int nftw(const char *path, nftw_fn fn, int fd_limit, int flags)
{
	struct walk *w;
	size_t len = strlen(path);
	const char *slash;
	int r;

	(void)fd_limit;
	if (len >= PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	w = malloc(sizeof(*w));
	if (!w)
		return -1;
	memcpy(w->path, path, len + 1);
	w->fn = fn;
	w->flags = flags;
	slash = strrchr(path, '/');
	r = visit(w, len, slash && slash[1] ? (int)(slash - path) + 1 : 0, 0);
	free(w);
	return r;
}

/* ftw: nftw following symbolic links, with the three-argument callback. */
static int (*ftw_fn)(const char *, const struct stat *, int);

static int ftw_adapter(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)f;
	return ftw_fn(path, st, type == FTW_DP ? FTW_D : type);
}

int ftw(const char *path, int (*fn)(const char *, const struct stat *, int), int fd_limit)
{
	ftw_fn = fn;
	return nftw(path, ftw_adapter, fd_limit, 0);
}
