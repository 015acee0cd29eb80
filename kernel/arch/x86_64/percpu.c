/*
 * CPU 0's per-CPU area and the MSR write that makes GS reach it. The
 * boot task is CPU 0's current from the first instruction of kmain.
 */
#include <stddef.h>
#include <stdint.h>
#include <breenix/percpu.h>
#include <breenix/task.h>
#include <asm/msr.h>

_Static_assert(offsetof(struct percpu, user_rsp) == PERCPU_USER_RSP,
	       "entry assembly's PERCPU_USER_RSP");
_Static_assert(offsetof(struct percpu, top_of_stack) == PERCPU_TOP_OF_STACK,
	       "entry assembly's PERCPU_TOP_OF_STACK");

static struct percpu cpu0_percpu = {
	.self = &cpu0_percpu,
	.cpu = 0,
	.current_task = &boot_task,
};

void percpu_init_boot(void)
{
	/* Intel SDM 3A 3.4.4: GS base in 64-bit mode comes from this MSR;
	 * KERNEL_GS_BASE holds the user's base for swapgs later. */
	wrmsr(MSR_GS_BASE, (uint64_t)&cpu0_percpu);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}
