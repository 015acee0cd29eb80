/* ttyname(3): ttyname_r into a static buffer. */
#include <errno.h>
#include <limits.h>
#include <unistd.h>

char *ttyname(int fd)
{
	static char name[TTY_NAME_MAX];
	int err = ttyname_r(fd, name, sizeof(name));

	if (err) {
		errno = err;
		return NULL;
	}
	return name;
}
