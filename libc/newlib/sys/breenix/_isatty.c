/*
 * isatty's hook: a terminal is what answers TCGETS, in place of newlib's
 * test for any character device (libc/posix/_isatty.c), which /dev/null passes.
 */
#include <errno.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int _isatty(int fd)
{
	struct termios t;

	return ioctl(fd, TCGETS, &t) == 0;
}
