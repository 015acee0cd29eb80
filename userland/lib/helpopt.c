/*
 * --help and usage errors for the utilities (see helpopt.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpopt.h"
#include "outcheck.h"

void helpopt_check(int argc, char **argv, const char *usage)
{
	if (argc > 1 && !strcmp(argv[1], "--help")) {
		fputs(usage, stdout);
		outcheck_flush();
		exit(0);
	}
}

void helpopt_fail(const char *usage, int status)
{
	fprintf(stderr, "%.*s\n", (int)strcspn(usage, "\n"), usage);
	exit(status);
}
