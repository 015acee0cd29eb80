/*
 * getpass(3) as glibc and musl do it, in place of newlib's
 * (libc/unix/getpass.c, which reads through stdio and can over-read a
 * pipe): prompt and read on /dev/tty, or stderr and stdin without one;
 * echo and the signal characters off while the line is typed, the
 * terminal restored after. At most PASS_MAX characters are kept; end of
 * input gives "" (as glibc), a read error NULL.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define PASS_MAX 128

/* A line from FD, a byte at a time so nothing past it is consumed. */
static char *read_line(int fd, char *buf, size_t size)
{
	size_t n = 0;
	ssize_t r;
	char c;

	while ((r = read(fd, &c, 1)) == 1 && c != '\n')
		if (n < size - 1)
			buf[n++] = c;
	buf[n] = '\0';
	return r < 0 ? NULL : buf;
}

char *getpass(const char *prompt)
{
	static char buf[PASS_MAX + 1];
	int tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	int in = tty >= 0 ? tty : STDIN_FILENO, out = tty >= 0 ? tty : STDERR_FILENO;
	struct termios old, quiet;
	int restore = !tcgetattr(in, &old);
	char *line;

	if (restore) {
		quiet = old;
		quiet.c_lflag &= ~(ECHO | ISIG);
		quiet.c_lflag |= ICANON;
		tcsetattr(in, TCSAFLUSH, &quiet);
	}
	write(out, prompt, strlen(prompt));
	line = read_line(in, buf, sizeof(buf));
	if (restore) {
		tcsetattr(in, TCSAFLUSH, &old);
		/* The user's Enter was not echoed. */
		write(out, "\n", 1);
	}
	if (tty >= 0)
		close(tty);
	return line;
}
