/*
 * realpath(3): the kernel resolves the path when it opens it (O_PATH, so
 * no permission to read is needed), and /proc/self/fd/N names the result.
 * A NULL buffer is allocated, as POSIX 2008 specifies.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *realpath(const char *__restrict path, char *__restrict resolved)
{
	char link[32], buf[PATH_MAX];
	ssize_t n;
	int fd;

	if (!path) {
		errno = EINVAL;
		return NULL;
	}
	fd = open(path, O_PATH | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return NULL;
	if (n == sizeof(buf) - 1) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	buf[n] = '\0';
	if (!resolved)
		return strdup(buf);
	memcpy(resolved, buf, (size_t)n + 1);
	return resolved;
}
