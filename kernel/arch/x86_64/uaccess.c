/*
 * copy_from_user and friends: a range check against the kernel half, then
 * the exception-table-protected copies of usercopy.S; and the table search
 * the fault handlers use to turn a bad user access into -EFAULT.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/uaccess.h>
#include <breenix/printk.h>
#include <asm/cpu.h>
#include <asm/extable.h>
#include <asm/msr.h>
#include <asm/smap.h>

/* Intel SDM 2A CPUID leaf 7 EBX, and SDM 3A 2.5 CR4 bits. */
#define CPUID_7_EBX_SMEP	(1U << 7)
#define CPUID_7_EBX_SMAP	(1U << 20)
#define CR4_SMEP		(1UL << 20)
#define CR4_SMAP		(1UL << 21)

unsigned char uaccess_smap;

size_t __copy_user(void *dst, const void *src, size_t n);
size_t __clear_user(void *dst, size_t n);
long __strncpy_from_user(char *dst, const char *src, size_t n);
size_t __strnlen_user(const char *src, size_t n);

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

/*
 * SMEP keeps the kernel from executing user pages and SMAP from touching
 * them outside usercopy.S's stac/clac windows, where the CPU has them: a
 * stray user pointer then faults instead of being followed.
 */
void uaccess_init(void)
{
	uint32_t max, a, b, c, d;
	uint64_t cr4 = read_cr4();

	cpuid(0, &max, &b, &c, &d);
	if (max < 7)
		return;
	cpuid_count(7, 0, &a, &b, &c, &d);
	if (b & CPUID_7_EBX_SMEP)
		cr4 |= CR4_SMEP;
	if (b & CPUID_7_EBX_SMAP) {
		cr4 |= CR4_SMAP;
		uaccess_smap = 1;
	}
	write_cr4(cr4);
	pr_info("uaccess: SMEP %s, SMAP %s\n", b & CPUID_7_EBX_SMEP ? "on" : "absent",
		b & CPUID_7_EBX_SMAP ? "on" : "absent");
}

/* The bytes of [addr, addr+n) that lie in user space. */
static size_t user_part(const void *addr, size_t n)
{
	uintptr_t a = (uintptr_t)addr;

	if (a >= TASK_SIZE)
		return 0;
	return n < TASK_SIZE - a ? n : TASK_SIZE - a;
}

size_t copy_from_user_partial(void *dst, const void *usrc, size_t n)
{
	size_t ok = user_part(usrc, n);

	return n - ok + (ok ? __copy_user(dst, usrc, ok) : 0);
}

size_t copy_to_user_partial(void *udst, const void *src, size_t n)
{
	size_t ok = user_part(udst, n);

	return n - ok + (ok ? __copy_user(udst, src, ok) : 0);
}

size_t clear_user_partial(void *udst, size_t n)
{
	size_t ok = user_part(udst, n);

	return n - ok + (ok ? __clear_user(udst, ok) : 0);
}

int copy_from_user(void *dst, const void *usrc, size_t n)
{
	size_t left = n;

	if (access_ok(usrc, n))
		left = __copy_user(dst, usrc, n);
	if (!left)
		return 0;
	/* What could not be read reads as zeros: no stale kernel bytes. */
	memset((char *)dst + (n - left), 0, left);
	return -EFAULT;
}

int copy_to_user(void *udst, const void *src, size_t n)
{
	if (!access_ok(udst, n))
		return -EFAULT;
	return __copy_user(udst, src, n) ? -EFAULT : 0;
}

int clear_user(void *udst, size_t n)
{
	if (!access_ok(udst, n))
		return -EFAULT;
	return __clear_user(udst, n) ? -EFAULT : 0;
}

long strncpy_from_user(char *dst, const char *usrc, size_t n)
{
	uintptr_t room;
	long len;

	if (!n)
		return -ENAMETOOLONG;
	if ((uintptr_t)usrc >= TASK_SIZE)
		return -EFAULT;
	/* The string may end before the kernel half: stop reading there. */
	room = TASK_SIZE - (uintptr_t)usrc;
	len = __strncpy_from_user(dst, usrc, n < room ? n : room);
	if (len < 0)
		return len;
	if ((size_t)len == n)
		return -ENAMETOOLONG;
	if ((uintptr_t)len == room)
		return -EFAULT;
	return len;
}

size_t strnlen_user(const char *usrc, size_t n)
{
	uintptr_t room;
	size_t len;

	if ((uintptr_t)usrc >= TASK_SIZE)
		return 0;
	room = TASK_SIZE - (uintptr_t)usrc;
	len = __strnlen_user(usrc, n < room ? n : room);
	if (n >= room && len == room + 1)
		return 0;	/* ran into the kernel half without a NUL */
	return len;
}

static const struct exception_table_entry *search(uint64_t rip)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == rip)
			return e;
	return NULL;
}

bool search_exception_tables(uint64_t rip)
{
	return search(rip) != NULL;
}

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e = search(regs->rip);

	if (!e)
		return false;
	regs->rip = e->fixup;
	return true;
}
