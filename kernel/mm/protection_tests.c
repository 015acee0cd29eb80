/*
 * Boot tests that must end in a panic: they prove W^X and guard pages work.
 * Each does one forbidden thing; the harness checks the panic names it.
 */
#include <string.h>
#include <breenix/boottest.h>
#include <breenix/printk.h>
#include <breenix/slab.h>
#include <breenix/vmalloc.h>

#define KSTACK_SIZE	16384

/* Kernel text is mapped read-execute: this write must fault. */
BOOT_TEST(wp_text)
{
	volatile unsigned char *text = (volatile unsigned char *)&printk;

	pr_info("test: writing to kernel text at %p\n", (void *)text);
	*text = 0xcc;
	return false;
}

/* The heap is no-execute: calling into it must fault. */
BOOT_TEST(nx_heap)
{
	unsigned char *buf = kmalloc(64, GFP_KERNEL);
	void (*fn)(void) = (void (*)(void))buf;

	if (!buf)
		return false;
	buf[0] = 0xc3;	/* ret */
	pr_info("test: executing heap memory at %p\n", (void *)buf);
	fn();
	return false;
}

/* Far deeper than any stack: the guard page is reached long before. */
static volatile int recursion_limit = 1 << 30;

static __attribute__((noinline)) int recurse(int depth)
{
	volatile char pad[256];

	pad[0] = depth;
	if (depth < recursion_limit)
		return recurse(depth + 1) + pad[0];
	return pad[0];
}

static void overflow_entry(void)
{
	recurse(0);
}

/* A vmalloc'ed stack (as kernel stacks are) overflows into its guard page. */
BOOT_TEST(stack_overflow)
{
	char *stack = vmalloc(KSTACK_SIZE);

	if (!stack)
		return false;
	pr_info("test: recursing on the stack at %p-%p\n", (void *)stack,
		(void *)(stack + KSTACK_SIZE));
	/* inline asm: switching stacks has no C equivalent; never returns. */
	__asm__ volatile("movq %0, %%rsp\n\t"
			 "xorl %%ebp, %%ebp\n\t"
			 "call *%1"
			 : : "r"(stack + KSTACK_SIZE), "r"(overflow_entry)
			 : "memory");
	return false;
}
