/*
 * The consoles as PID 1's children see them (guest only): fds 0-2 are
 * /dev/console (5:1), which console=ttyS0 makes the serial line, and
 * /dev/tty1 is the framebuffer console with the PS/2 keyboard. Both are
 * in canonical mode with echo: once this program asks, the harness types
 * "ab" and Enter on the keyboard and sends "xy" and CR on the serial line,
 * and each terminal reads its own line.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <termios.h>
#include <unistd.h>

#include "tap.h"

static void read_line(int fd, const char *want, const char *name)
{
	char buf[16];
	ssize_t n = read(fd, buf, sizeof(buf) - 1);

	buf[n > 0 ? n : 0] = '\0';
	check(!strcmp(buf, want), name, "got %zd '%s'", n, buf);
}

int main(void)
{
	struct termios t;
	struct stat st;
	int vt;

	if (!on_breenix()) {
		skip("console input", "the harness types into Breenix's console only");
		return done();
	}
	check(fstat(0, &st) == 0 && S_ISCHR(st.st_mode) && major(st.st_rdev) == 5 &&
	      minor(st.st_rdev) == 1, "fd 0 is /dev/console (5:1)", "%s", strerror(errno));
	check(tcgetattr(0, &t) == 0 && (t.c_lflag & (ICANON | ECHO)) == (ICANON | ECHO),
	      "the console is canonical with echo", "%s", strerror(errno));
	vt = open("/dev/tty1", O_RDWR | O_NOCTTY);
	check(vt >= 0 && isatty(vt), "/dev/tty1 is a terminal", "%s", strerror(errno));
	say("# waiting for input\n");
	read_line(vt, "ab\n", "tty1 reads the keyboard's line");
	read_line(0, "xy\n", "the console reads the serial line's, CR mapped to NL");
	close(vt);
	return done();
}
