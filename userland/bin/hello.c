/*
 * hello: the first program a new system runs. Greets the world, or whoever
 * is named on the command line.
 */
#include <stdio.h>
#include <string.h>

#include "msg.h"

int main(int argc, char **argv)
{
	msg_init(argv[0]);
	if (argc > 1 && !strcmp(argv[1], "--help")) {
		printf("usage: %s [NAME...]\nPrint a greeting to NAME, or to the world.\n", msg_prog);
		return 0;
	}
	if (argc < 2) {
		puts("Hello, world!");
	} else {
		for (int i = 1; i < argc; i++)
			printf("Hello, %s!\n", argv[i]);
	}
	if (fflush(stdout) == EOF)
		msg_die(1, "write error");
	return 0;
}
