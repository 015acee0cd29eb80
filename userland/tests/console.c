/*
 * The console as PID 1's children see it (guest only): fds 0-2 are
 * /dev/console (5:1), and reading fd 0 gets what was typed on the PS/2
 * keyboard and sent on the serial line (the harness types "ab", then
 * sends "xy", once this program asks).
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "tap.h"

int main(void)
{
	char buf[16];
	struct stat st;
	size_t got = 0;

	if (!on_breenix()) {
		skip("console input", "the harness types into Breenix's console only");
		return done();
	}
	check(fstat(0, &st) == 0 && S_ISCHR(st.st_mode) && major(st.st_rdev) == 5 &&
	      minor(st.st_rdev) == 1, "fd 0 is /dev/console (5:1)", "%s", strerror(errno));
	say("# waiting for input\n");
	while (got < 4) {
		ssize_t n = read(0, buf + got, sizeof(buf) - 1 - got);

		if (n <= 0)
			break;
		got += (size_t)n;
	}
	buf[got] = '\0';
	check(strcmp(buf, "abxy") == 0, "fd 0 reads the keyboard's bytes, then the serial line's",
	      "got '%s'", buf);
	return done();
}
