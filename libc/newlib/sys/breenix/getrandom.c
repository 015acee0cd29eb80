/* getrandom(2), and getentropy(3) over it (at most 256 bytes, all or an error). */
#include <errno.h>
#include <sys/random.h>
#include <unistd.h>
#include "syscall.h"

ssize_t getrandom(void *buf, size_t len, unsigned int flags)
{
	return SYSCALL3(SYS_getrandom, buf, len, flags);
}

int getentropy(void *buf, size_t len)
{
	size_t done = 0;
	ssize_t n;

	if (len > 256) {
		errno = EIO;
		return -1;
	}
	while (done < len) {
		n = getrandom((char *)buf + done, len - done, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		done += (size_t)n;
	}
	return 0;
}
