/*
 * Directory streams over getdents64(2), in place of newlib's (compiled out
 * by HAVE_OPENDIR), whose records lack Linux's d_off and d_type. The
 * kernel's records are struct dirent itself, handed out from the buffer.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "syscall.h"

struct __dirstream {
	int fd;
	size_t pos;		/* next record in buf */
	size_t len;		/* bytes getdents left in buf */
	off_t tell;		/* d_off of the last record handed out */
	char buf[4096] __attribute__((aligned(8)));
};

ssize_t getdents(int fd, void *buf, size_t size)
{
	return SYSCALL3(SYS_getdents64, fd, buf, size);
}

DIR *fdopendir(int fd)
{
	struct stat st;
	DIR *d;

	if (fstat(fd, &st) < 0)
		return NULL;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return NULL;
	}
	d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	d->fd = fd;
	return d;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d;

	if (fd < 0)
		return NULL;
	d = fdopendir(fd);
	if (!d)
		close(fd);
	return d;
}

int closedir(DIR *d)
{
	int r = close(d->fd);

	free(d);
	return r;
}

int dirfd(DIR *d)
{
	return d->fd;
}

/* End of directory leaves errno alone; an error sets it (readdir(3)). */
struct dirent *readdir(DIR *d)
{
	struct dirent *de;

	if (d->pos >= d->len) {
		ssize_t n = getdents(d->fd, d->buf, sizeof(d->buf));

		if (n <= 0)
			return NULL;
		d->len = (size_t)n;
		d->pos = 0;
	}
	de = (struct dirent *)(d->buf + d->pos);
	d->pos += de->d_reclen;
	d->tell = de->d_off;
	return de;
}

int readdir_r(DIR *d, struct dirent *entry, struct dirent **result)
{
	int saved = errno;
	struct dirent *de;

	errno = 0;
	de = readdir(d);
	if (!de && errno)
		return errno;
	errno = saved;
	if (de)
		memcpy(entry, de, de->d_reclen);
	*result = de ? entry : NULL;
	return 0;
}

void seekdir(DIR *d, long pos)
{
	if (lseek(d->fd, pos, SEEK_SET) < 0)
		return;
	d->pos = d->len = 0;
	d->tell = pos;
}

void rewinddir(DIR *d)
{
	seekdir(d, 0);
}

long telldir(DIR *d)
{
	return d->tell;
}

int alphasort(const struct dirent **a, const struct dirent **b)
{
	return strcoll((*a)->d_name, (*b)->d_name);
}

/* scandir(3): the entries FILTER keeps, sorted by COMPAR. */
int scandir(const char *path, struct dirent ***list, int (*filter)(const struct dirent *),
	    int (*compar)(const struct dirent **, const struct dirent **))
{
	DIR *d = opendir(path);
	struct dirent *de, **v = NULL, **bigger;
	size_t n = 0, cap = 0;

	if (!d)
		return -1;
	errno = 0;
	while ((de = readdir(d))) {
		if (filter && !filter(de))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			bigger = realloc(v, cap * sizeof(*v));
			if (!bigger)
				goto fail;
			v = bigger;
		}
		v[n] = malloc(de->d_reclen);
		if (!v[n])
			goto fail;
		memcpy(v[n++], de, de->d_reclen);
	}
	if (errno)
		goto fail;
	closedir(d);
	if (compar && n)
		qsort(v, n, sizeof(*v), (int (*)(const void *, const void *))compar);
	*list = v;
	return (int)n;
fail:
	while (n)
		free(v[--n]);
	free(v);
	closedir(d);
	return -1;
}
