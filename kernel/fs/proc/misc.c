/*
 * The system-wide files of /proc: meminfo, uptime, loadavg, version,
 * mounts and filesystems. Each gathers its numbers here and leaves the
 * text to proc_fmt.c.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/loadavg.h>
#include <breenix/mm.h>
#include <breenix/pid.h>
#include <breenix/proc_fmt.h>
#include <breenix/sched.h>
#include <breenix/shmem.h>
#include <breenix/slab.h>
#include <breenix/task.h>
#include <breenix/time.h>
#include <breenix/tmpfs.h>
#include <breenix/version.h>
#include <asm/page.h>
#include "internal.h"

#define PAGE_KB		(PAGE_SIZE / 1024)

/* Pages held by slab caches; kmalloc's page-sized requests are not slabs. */
static int slab_pages(uint64_t *pages)
{
	/* A few more slots in case a cache is made meanwhile. */
	size_t max = slab_get_stats(NULL, 0) + 4, n, i;
	struct slab_stats *st = kmalloc(max * sizeof(*st), GFP_KERNEL);

	*pages = 0;
	if (!st)
		return -ENOMEM;
	n = slab_get_stats(st, max);
	if (n > max)
		n = max;
	for (i = 0; i < n; i++)
		*pages += (uint64_t)st[i].total_slabs * st[i].pages_per_slab;
	kfree(st);
	return 0;
}

/*
 * Breenix has no swap, no block devices (no buffers, nothing dirty) and no
 * LRU lists (Active/Inactive 0); nothing in the kernel is reclaimable, so
 * MemAvailable is MemFree. Shmem (and so Cached) is what Linux puts there:
 * tmpfs file pages and shared anonymous memory.
 */
int proc_show_meminfo(struct seq_buf *s, struct task *t)
{
	struct proc_meminfo mi;
	struct mem_stats ms;
	uint64_t slab;
	int err;

	(void)t;
	err = slab_pages(&slab);
	if (err)
		return err;
	memset(&mi, 0, sizeof(mi));
	mm_get_stats(&ms);
	mi.mem_total = ms.total_pages * PAGE_KB;
	mi.mem_free = ms.free_pages * PAGE_KB;
	mi.mem_available = mi.mem_free;
	mi.shmem = (shmem_total_pages() + tmpfs_total_pages()) * PAGE_KB;
	mi.cached = mi.shmem;
	mi.slab = slab * PAGE_KB;
	mi.sunreclaim = mi.slab;
	mi.kernel_stack = (uint64_t)pid_nr_tasks() * (THREAD_STACK_SIZE / 1024);
	mi.vmalloc_total = (VMALLOC_END - VMALLOC_START) / 1024;
	proc_fmt_meminfo(s, &mi);
	return 0;
}

int proc_show_uptime(struct seq_buf *s, struct task *t)
{
	(void)t;
	proc_fmt_uptime(s, ktime_get_ns(), sched_idle_time());
	return 0;
}

int proc_show_loadavg(struct seq_buf *s, struct task *t)
{
	unsigned long loads[3];

	(void)t;
	/* Linux adds FIXED_1/200 so that two decimals round to nearest. */
	get_avenrun(loads, FIXED_1 / 200, 0);
	proc_fmt_loadavg(s, loads, sched_nr_running(), pid_nr_tasks(),
			 pid_last_nr());
	return 0;
}

#if defined(__clang__)
#define COMPILER	"clang version " __clang_version__
#else
#define COMPILER	"gcc version " __VERSION__
#endif

int proc_show_version(struct seq_buf *s, struct task *t)
{
	(void)t;
	proc_fmt_version(s, BREENIX_VERSION, COMPILER);
	return 0;
}

/*
 * The path of a mount's root from the namespace root, as d_path builds
 * it: names from the mountpoint up, crossing into parent mounts.
 */
static void mount_path(struct vfsmount *mnt, char *buf, size_t size)
{
	struct dentry *d = mnt->mnt_root;
	size_t pos = size - 1;

	buf[pos] = '\0';
	spin_lock(&dcache_lock);
	for (;;) {
		if (d == mnt->mnt_root) {
			if (mnt->mnt_parent == mnt)
				break;
			d = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		if (d->d_name.len + 1 > pos)
			break;
		pos -= d->d_name.len;
		memcpy(buf + pos, d->d_name.name, d->d_name.len);
		buf[--pos] = '/';
		d = d->d_parent;
	}
	spin_unlock(&dcache_lock);
	if (pos == size - 1)
		buf[--pos] = '/';
	memmove(buf, buf + pos, size - pos);
}

struct mounts_ctx {
	struct seq_buf *s;
	char *path;
};

/*
 * Mounts carry no source name yet: the type stands in for it, as
 * "mount -t tmpfs tmpfs /dir" gives. No mount flags exist yet: all "rw".
 */
static void show_one_mount(struct vfsmount *mnt, void *arg)
{
	struct mounts_ctx *c = arg;
	const char *type = mnt->mnt_sb->s_type->name;

	mount_path(mnt, c->path, PATH_MAX);
	proc_fmt_mount(c->s, type, c->path, type, "rw");
}

int proc_show_mounts(struct seq_buf *s, struct task *t)
{
	struct mounts_ctx c = { .s = s };

	(void)t;
	c.path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!c.path)
		return -ENOMEM;
	iterate_mounts(show_one_mount, &c);
	kfree(c.path);
	return 0;
}

static void show_one_filesystem(const struct file_system_type *fs, void *arg)
{
	proc_fmt_filesystem(arg, fs->name, fs->fs_flags & FS_REQUIRES_DEV);
}

int proc_show_filesystems(struct seq_buf *s, struct task *t)
{
	(void)t;
	iterate_filesystems(show_one_filesystem, s);
	return 0;
}
