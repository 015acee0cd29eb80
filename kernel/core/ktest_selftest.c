/* Tests of the kernel's own basics: the log and the command line. */
#include <stdio.h>
#include <string.h>
#include <breenix/cmdline.h>
#include <breenix/ktest.h>

KTEST(cmdline_has_test_switch)
{
	KT_ASSERT(cmdline_get("test") != NULL);
	KT_ASSERT(!strcmp(cmdline_get("test"), "ktest"));
}

KTEST(snprintf_in_kernel)
{
	char buf[32];

	KT_ASSERT_EQ(snprintf(buf, sizeof(buf), "%d-%s-%#x", -5, "ab", 255), 10);
	KT_ASSERT(!strcmp(buf, "-5-ab-0xff"));
}
