/*
 * sysinfo(2): uptime, load, memory and process counts in one call, as
 * Linux fills them (kernel/sys.c do_sysinfo). There is no swap, no high
 * memory and no buffer cache, so those read 0; shared memory is tmpfs file
 * pages and MAP_SHARED anonymous mappings, as Linux counts it.
 */
#include <string.h>
#include <breenix/loadavg.h>
#include <breenix/mm.h>
#include <breenix/shmem.h>
#include <breenix/tmpfs.h>
#include <breenix/syscall.h>
#include <breenix/time.h>
#include <breenix/uaccess.h>
#include <uapi/linux/sysinfo.h>
#include "proc_internal.h"

_Static_assert(sizeof(struct sysinfo) == 112, "Linux's x86_64 struct sysinfo");

SYSCALL_DEFINE1(sysinfo, struct sysinfo *, uinfo)
{
	struct sysinfo info;
	struct mem_stats ms;
	uint64_t up = ktime_get_ns();

	memset(&info, 0, sizeof(info));
	/* Linux rounds a started second up. */
	info.uptime = up / 1000000000 + (up % 1000000000 ? 1 : 0);
	get_avenrun(info.loads, 0, SI_LOAD_SHIFT - FSHIFT);
	mm_get_stats(&ms);
	/* Sizes in bytes (mem_unit 1), as Linux gives them on 64-bit. */
	info.totalram = ms.total_pages * PAGE_SIZE;
	info.freeram = ms.free_pages * PAGE_SIZE;
	info.sharedram = (shmem_total_pages() + tmpfs_total_pages()) * PAGE_SIZE;
	info.procs = __atomic_load_n(&nr_threads, __ATOMIC_RELAXED);
	info.mem_unit = 1;
	return copy_to_user(uinfo, &info, sizeof(info));
}
