/*
 * test and [: evaluate a condition (lib/testexpr.c, which the shell's
 * builtin shares). Exit 0 true, 1 false, 2 error.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "msg.h"
#include "testexpr.h"

int main(int argc, char **argv)
{
	char err[256];
	int ret;

	cli_init(argv[0], "EXPRESSION | [ EXPRESSION ]", TESTEXPR_ERROR);
	if (!strcmp(msg_prog, "[")) {
		cli_sole_option(argc, argv);
		if (argc < 2 || strcmp(argv[argc - 1], "]"))
			msg_diex(TESTEXPR_ERROR, "missing ']'");
		argc--;
	}
	ret = testexpr_eval(argv + 1, argc - 1, err, sizeof(err));
	if (ret == TESTEXPR_ERROR)
		msg_warnx("%s", err);
	return ret;
}
