/*
 * ttyname_r(3): the terminal's path from /proc/self/fd/N, in place of
 * newlib's search of /dev (libc/unix/ttyname_r.c). Returns the error number.
 */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

int ttyname_r(int fd, char *buf, size_t size)
{
	char link[32];
	ssize_t n;

	if (!isatty(fd))
		return errno;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, buf, size);
	if (n < 0)
		return errno;
	if ((size_t)n == size)
		return ERANGE;
	buf[n] = '\0';
	return 0;
}
