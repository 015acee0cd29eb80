/*
 * main() for the host unit test programs: run the program's suites and exit
 * non-zero when a case fails, for CTest. See unit.h.
 */
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"

#define UNIT_MAX_EXTRA_SUITES 8

static Suite *extra_suites[UNIT_MAX_EXTRA_SUITES];
static int nr_extra_suites;

void unit_add_suite(Suite *s)
{
	if (nr_extra_suites == UNIT_MAX_EXTRA_SUITES) {
		fprintf(stderr, "unit_add_suite: more than %d extra suites\n",
			UNIT_MAX_EXTRA_SUITES);
		exit(EXIT_FAILURE);
	}
	extra_suites[nr_extra_suites++] = s;
}

int main(void)
{
	enum print_output mode = getenv("UNIT_VERBOSE") ? CK_VERBOSE : CK_NORMAL;
	SRunner *sr = srunner_create(unit_suite());
	int failed;
	int i;

	for (i = 0; i < nr_extra_suites; i++)
		srunner_add_suite(sr, extra_suites[i]);
	srunner_run_all(sr, mode);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
