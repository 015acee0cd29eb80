/*
 * In-kernel tests of the user-access primitives where no user mapping is
 * needed: every failure path ends in -EFAULT through the exception table
 * (page 0 is never mapped, the kernel half is refused before any access),
 * and a failed copy_from_user leaves zeros, never stale kernel bytes.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/ktest.h>
#include <breenix/uaccess.h>
#include <asm/extable.h>
#include <asm/page.h>

KTEST(uaccess_null_faults)
{
	char buf[32];
	long r;

	memset(buf, 0x5a, sizeof(buf));
	KT_ASSERT_EQ(copy_from_user(buf, NULL, sizeof(buf)), -EFAULT);
	KT_ASSERT_EQ(buf[0], 0);
	KT_ASSERT_EQ(buf[31], 0);
	KT_ASSERT_EQ(copy_to_user((void *)8, buf, 4), -EFAULT);
	KT_ASSERT_EQ(clear_user((void *)PAGE_SIZE, 16), -EFAULT);
	r = strncpy_from_user(buf, (const char *)16, sizeof(buf));
	KT_ASSERT_EQ(r, -EFAULT);
	KT_ASSERT_EQ(strnlen_user((const char *)16, 64), 0);
	KT_ASSERT_EQ(put_user(1, (int *)64), -EFAULT);
}

KTEST(uaccess_kernel_half_refused)
{
	static const char secret[] = "kernel";
	char buf[8];

	KT_ASSERT_EQ(copy_from_user(buf, secret, sizeof(secret)), -EFAULT);
	KT_ASSERT(buf[0] == 0);
	KT_ASSERT_EQ(copy_to_user((void *)DIRECT_MAP_BASE, buf, 1), -EFAULT);
	KT_ASSERT_EQ(strncpy_from_user(buf, secret, sizeof(buf)), -EFAULT);
	KT_ASSERT_EQ(strnlen_user(secret, sizeof(buf)), 0);
	/* A range that starts in user space and runs into the kernel half. */
	KT_ASSERT_EQ(copy_from_user(buf, (const void *)(TASK_SIZE - 4), 8), -EFAULT);
	KT_ASSERT_EQ(copy_from_user(buf, (const void *)~0UL, 2), -EFAULT);
	KT_ASSERT(!access_ok((const void *)TASK_SIZE, 1));
	KT_ASSERT(access_ok((const void *)(TASK_SIZE - 1), 1));
	KT_ASSERT(!access_ok((const void *)1, TASK_SIZE));
}

KTEST(uaccess_extable_lists_only_copies)
{
	KT_ASSERT(!search_exception_tables((uint64_t)&copy_from_user));
	KT_ASSERT(!search_exception_tables(0));
}
