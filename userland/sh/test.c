/*
 * The test and [ builtins: the expression is lib/testexpr.c's, the same
 * evaluator as /bin/test; errors are reported as the shell's ("sh: [: ...").
 */
#include <string.h>

#include "sh.h"
#include "testexpr.h"

int builtin_test(int argc, char **argv)
{
	char err[256];
	int ret;

	if (!strcmp(argv[0], "[")) {
		if (argc < 2 || strcmp(argv[argc - 1], "]")) {
			sh_warn("[: missing ']'");
			return TESTEXPR_ERROR;
		}
		argc--;
	}
	ret = testexpr_eval(argv + 1, argc - 1, err, sizeof(err));
	if (ret == TESTEXPR_ERROR)
		sh_warn("%s: %s", argv[0], err);
	return ret;
}
