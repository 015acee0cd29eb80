/*
 * Write errors on standard output. A reader that went away (EPIPE) ends
 * the program quietly, as SIGPIPE would once Breenix has signals.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "msg.h"
#include "outcheck.h"

void outcheck_fail(void)
{
	if (errno == EPIPE)
		exit(1);
	msg_die(1, "write error");
}

void outcheck_flush(void)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		if (!errno)
			errno = EIO;
		outcheck_fail();
	}
}
