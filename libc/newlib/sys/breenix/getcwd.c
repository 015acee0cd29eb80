/*
 * getcwd(3) over the system call, in place of newlib's walk up ".."
 * (libc/unix/getcwd.c). A NULL buffer is allocated (size 0: as needed),
 * as Linux's C libraries do.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "syscall.h"

char *getcwd(char *buf, size_t size)
{
	char tmp[PATH_MAX];
	long r;

	if (buf) {
		if (!size) {
			errno = EINVAL;
			return NULL;
		}
		return SYSCALL2(SYS_getcwd, buf, size) < 0 ? NULL : buf;
	}
	r = SYSCALL2(SYS_getcwd, tmp, sizeof(tmp));
	if (r < 0)
		return NULL;
	if (size && (size_t)r > size) {
		errno = ERANGE;
		return NULL;
	}
	buf = malloc(size ? size : (size_t)r);
	if (buf)
		memcpy(buf, tmp, (size_t)r);
	return buf;
}
