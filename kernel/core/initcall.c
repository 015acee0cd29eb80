/*
 * Runs the initcalls of one level in link order. A failing initcall is
 * reported and the boot goes on: one broken driver must not stop the rest.
 */
#include <breenix/init.h>
#include <breenix/printk.h>

extern const initcall_t __initcall0_start[], __initcall1_start[];
extern const initcall_t __initcall2_start[], __initcall_end[];

static const initcall_t *const initcall_levels[INITCALL_LEVELS + 1] = {
	__initcall0_start,
	__initcall1_start,
	__initcall2_start,
	__initcall_end,
};

void do_initcalls(enum initcall_level level)
{
	const initcall_t *call;
	int err;

	for (call = initcall_levels[level]; call < initcall_levels[level + 1];
	     call++) {
		err = (*call)();
		if (err)
			pr_err("initcall %p failed: error %d\n", (void *)*call, err);
	}
}
