/*
 * main() for the libc test programs: run the program's suite and exit
 * non-zero when a case fails, for CTest.
 */
#include <stdlib.h>

#include "test_main.h"

int main(void)
{
	SRunner *sr = srunner_create(libc_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
