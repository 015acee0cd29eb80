/*
 * The program fds.c execs to see its descriptors from the far side of
 * execve. Each argument is a claim: "N:open", "N:closed" or "N:off=K" (N is
 * open with offset K); it exits with the number of false claims, each
 * described on a "# fdcheck:" line.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"

int main(int argc, char **argv)
{
	int wrong = 0;

	for (int i = 1; i < argc; i++) {
		char *rest;
		long fd = strtol(argv[i], &rest, 10);
		bool open = fcntl(fd, F_GETFD) != -1;
		bool ok;

		if (strcmp(rest, ":open") == 0)
			ok = open;
		else if (strcmp(rest, ":closed") == 0)
			ok = !open && errno == EBADF;
		else if (strncmp(rest, ":off=", 5) == 0)
			ok = open && lseek(fd, 0, SEEK_CUR) == atol(rest + 5);
		else
			ok = false;
		if (!ok) {
			say("# fdcheck: %s is false (F_GETFD %s, offset %ld)\n", argv[i], open ? "ok" : "fails",
			    open ? (long)lseek(fd, 0, SEEK_CUR) : -1L);
			wrong++;
		}
	}
	return wrong;
}
