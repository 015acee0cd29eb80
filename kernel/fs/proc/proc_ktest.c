/*
 * procfs in the guest: mounted on a tmpfs directory and read through the
 * in-kernel file API, as a process will read it. User processes' files
 * (cmdline, environ, maps of a real address space) are covered by the
 * in-guest user tests once mount(2) exists; here a kernel thread stands in.
 */
#include <stdio.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/kthread.h>
#include <breenix/ktest.h>
#include <breenix/namei.h>
#include <breenix/sched.h>
#include <breenix/slab.h>
#include <breenix/vfs.h>
#include <breenix/wait.h>
#include "internal.h"

#define R		(&vfs_root_cred)
#define MNT		"/kt-proc"

static const struct vfs_cred user = { .uid = 1000, .gid = 1000 };

static int mount_proc(void)
{
	int err = vfs_mkdir(NULL, MNT, 0555, R);

	if (err && err != -EEXIST)
		return err;
	return vfs_mount("proc", NULL, MNT, NULL, R);
}

static void umount_proc(void)
{
	vfs_umount(NULL, MNT, LOOKUP_FOLLOW, R);
	vfs_rmdir(NULL, MNT, R);
}

/* Reads a whole file in @chunk-byte reads into buf (NUL-terminated). */
static long read_file(const char *path, char *buf, size_t size, size_t chunk,
		      const struct vfs_cred *cred)
{
	struct file *f;
	size_t done = 0;
	long n;
	int err = vfs_open(NULL, path, O_RDONLY, 0, cred, &f);

	if (err)
		return err;
	do {
		size_t want = size - 1 - done < chunk ? size - 1 - done : chunk;

		n = vfs_read(f, buf + done, want, NULL);
		if (n > 0)
			done += (size_t)n;
	} while (n > 0 && done < size - 1);
	vfs_close(f);
	buf[done] = '\0';
	return n < 0 ? n : (long)done;
}

KTEST(procfs_system_files)
{
	char *buf = kmalloc(16384, GFP_KERNEL);
	struct file *f;
	char path[64];
	long n;

	KT_ASSERT(buf);
	KT_ASSERT_EQ(mount_proc(), 0);
	n = read_file(MNT "/meminfo", buf, 16384, 4096, R);
	KT_ASSERT_MSG(n > 0 && !strncmp(buf, "MemTotal:       ", 16) &&
		      strstr(buf, "\nMemFree:        ") &&
		      strstr(buf, "\nSwapTotal:             0 kB\n"),
		      "meminfo: %ld %.80s", n, buf);
	n = read_file(MNT "/uptime", buf, 16384, 4096, R);
	KT_ASSERT_MSG(n >= 10 && buf[n - 1] == '\n' && strchr(buf, '.') &&
		      strchr(buf, ' '), "uptime: %s", buf);
	n = read_file(MNT "/loadavg", buf, 16384, 4096, R);
	KT_ASSERT_MSG(n > 0 && buf[4] == ' ' && strchr(buf, '/'),
		      "loadavg: %s", buf);
	n = read_file(MNT "/version", buf, 16384, 4096, R);
	KT_ASSERT_MSG(n > 0 && !strncmp(buf, "Breenix version ", 16),
		      "version: %s", buf);
	n = read_file(MNT "/cpuinfo", buf, 16384, 4096, R);
	KT_ASSERT_MSG(n > 0 && !strncmp(buf, "processor\t: 0\nvendor_id\t: ", 26) &&
		      strstr(buf, "\nflags\t\t: fpu ") &&
		      !strcmp(buf + n - 2, "\n\n"), "cpuinfo: %.200s", buf);
	n = read_file(MNT "/mounts", buf, 16384, 4096, R);
	KT_ASSERT_MSG(n > 0 && !strncmp(buf, "tmpfs / tmpfs rw 0 0\n", 21) &&
		      strstr(buf, "\ndevfs /dev devfs rw 0 0\n") &&
		      strstr(buf, "\nproc " MNT " proc rw 0 0\n"),
		      "mounts: %s", buf);
	n = read_file(MNT "/filesystems", buf, 16384, 4096, R);
	KT_ASSERT_MSG(n > 0 && strstr(buf, "nodev\ttmpfs\n") &&
		      strstr(buf, "nodev\tproc\n"), "filesystems: %s", buf);
	/* /proc/self names the reader's process. */
	n = vfs_readlink(NULL, MNT "/self", buf, 64, R);
	snprintf(path, sizeof(path), "%d", current->tgid);
	KT_ASSERT(n == (long)strlen(path) && !memcmp(buf, path, (size_t)n));
	KT_ASSERT_EQ(vfs_open(NULL, MNT "/nonesuch", O_RDONLY, 0, R, &f),
		     -ENOENT);
	KT_ASSERT_EQ(vfs_mkdir(NULL, MNT "/x", 0755, R), -EPERM);
	KT_ASSERT_EQ(vfs_mkdir(NULL, MNT "/x", 0755, &user), -EACCES);
	umount_proc();
	kfree(buf);
}

/* Short reads, a rewind and a read past the end, as through read(2). */
KTEST(procfs_offsets_and_seek)
{
	char whole[256], part[256];
	struct file *f;
	long n, total = 0;

	KT_ASSERT_EQ(mount_proc(), 0);
	n = read_file(MNT "/version", whole, sizeof(whole), 256, R);
	KT_ASSERT(n > 20);
	KT_ASSERT_EQ(vfs_open(NULL, MNT "/version", O_RDONLY, 0, R, &f), 0);
	while ((n = vfs_read(f, part + total, 7, NULL)) > 0)
		total += n;
	KT_ASSERT_EQ(n, 0);
	part[total] = '\0';
	KT_ASSERT(!strcmp(part, whole));
	KT_ASSERT_EQ(vfs_read(f, part, sizeof(part), NULL), 0);
	KT_ASSERT_EQ(f->f_op->llseek(f, 8, SEEK_SET), 8);
	KT_ASSERT_EQ(f->f_op->llseek(f, -2, SEEK_CUR), 6);
	KT_ASSERT_EQ(f->f_op->llseek(f, 0, SEEK_END), -EINVAL);
	KT_ASSERT_EQ(f->f_op->llseek(f, -7, SEEK_CUR), -EINVAL);
	n = vfs_read(f, part, 5, NULL);
	KT_ASSERT(n == 5 && !memcmp(part, whole + 6, 5));
	/* pread at 0 makes the text again; past the end reads nothing. */
	total = 0;
	n = vfs_read(f, part, sizeof(part), &total);
	KT_ASSERT(n == (long)strlen(whole) && !memcmp(part, whole, (size_t)n));
	total = 4096;
	KT_ASSERT_EQ(vfs_read(f, part, sizeof(part), &total), 0);
	KT_ASSERT_EQ(vfs_write(f, "x", 1, NULL), -EBADF);
	vfs_close(f);
	KT_ASSERT_EQ(vfs_open(NULL, MNT "/version", O_WRONLY, 0, R, &f),
		     -EACCES);
	umount_proc();
}

static DECLARE_WAIT_QUEUE_HEAD(park_wq);
static int park_release;

static int parked_fn(void *arg)
{
	(void)arg;
	wait_event(park_wq, __atomic_load_n(&park_release, __ATOMIC_ACQUIRE));
	return 7;
}

struct names {
	struct dir_context ctx;
	const char *want;
	bool found;
	int count;
};

static bool note_name(struct dir_context *ctx, const char *name,
		      unsigned int len, loff_t pos, uint64_t ino,
		      unsigned int type)
{
	struct names *n = (struct names *)ctx;

	(void)pos;
	(void)ino;
	(void)type;
	n->count++;
	if (strlen(n->want) == len && !memcmp(name, n->want, len))
		n->found = true;
	return true;
}

static bool dir_has(const char *dir, const char *want)
{
	struct names n = { .ctx.actor = note_name, .want = want };
	struct file *f;

	if (vfs_open(NULL, dir, O_RDONLY | O_DIRECTORY, 0, R, &f))
		return false;
	vfs_readdir(f, &n.ctx);
	vfs_close(f);
	return n.found;
}

/*
 * /proc/<pid> of a kernel thread: there while it lives, gone once it is
 * reaped, and a file opened before reads -ESRCH after. A kernel thread
 * has no memory: cmdline, environ and maps are empty, as in Linux.
 */
KTEST(procfs_pid_directory_lifetime)
{
	char *buf = kmalloc(4096, GFP_KERNEL);
	char dir[48], path[64], name[16];
	struct file *stat_file;
	struct task *k;
	struct kstat st;
	long n;

	KT_ASSERT(buf);
	KT_ASSERT_EQ(mount_proc(), 0);
	__atomic_store_n(&park_release, 0, __ATOMIC_RELEASE);
	k = kthread_run(parked_fn, NULL, "procfs-kt");
	KT_ASSERT(k);
	snprintf(name, sizeof(name), "%d", k->tid);
	snprintf(dir, sizeof(dir), MNT "/%d", k->tid);
	KT_ASSERT(dir_has(MNT, name));
	KT_ASSERT(dir_has(MNT, "meminfo"));
	KT_ASSERT(dir_has(dir, "maps"));
	KT_ASSERT_EQ(vfs_stat(NULL, dir, 0, R, &st), 0);
	KT_ASSERT(S_ISDIR(st.mode));

	snprintf(path, sizeof(path), "%s/stat", dir);
	n = read_file(path, buf, 4096, 4096, R);
	snprintf(path, sizeof(path), "%d (procfs-kt) ", k->tid);
	KT_ASSERT_MSG(n > 0 && !strncmp(buf, path, strlen(path)),
		      "stat: %s", buf);
	snprintf(path, sizeof(path), "%s/status", dir);
	n = read_file(path, buf, 4096, 4096, R);
	KT_ASSERT_MSG(n > 0 && !strncmp(buf, "Name:\tprocfs-kt\nState:\t", 23) &&
		      strstr(buf, "\nKthread:\t1\n") && !strstr(buf, "VmSize"),
		      "status: %s", buf);
	snprintf(path, sizeof(path), "%s/comm", dir);
	n = read_file(path, buf, 4096, 4096, R);
	KT_ASSERT(n == 10 && !strcmp(buf, "procfs-kt\n"));
	snprintf(path, sizeof(path), "%s/cmdline", dir);
	KT_ASSERT_EQ(read_file(path, buf, 4096, 4096, R), 0);
	snprintf(path, sizeof(path), "%s/maps", dir);
	KT_ASSERT_EQ(read_file(path, buf, 4096, 4096, R), 0);
	/*
	 * environ is mode 0400, the owner's (root's). The ptrace rule that
	 * also guards maps asks the calling task's credentials, not the
	 * vfs_cred: the user tests check it after setuid(1000).
	 */
	snprintf(path, sizeof(path), "%s/environ", dir);
	KT_ASSERT_EQ(read_file(path, buf, 4096, 4096, R), 0);
	KT_ASSERT_EQ(read_file(path, buf, 4096, 4096, &user), -EACCES);

	snprintf(path, sizeof(path), "%s/stat", dir);
	KT_ASSERT_EQ(vfs_open(NULL, path, O_RDONLY, 0, R, &stat_file), 0);
	__atomic_store_n(&park_release, 1, __ATOMIC_RELEASE);
	wake_up_all(&park_wq);
	KT_ASSERT_EQ(kthread_join(k), 7);
	/* The open file holds the pid number: the task is gone all the same. */
	KT_ASSERT_EQ(vfs_read(stat_file, buf, 4096, NULL), -ESRCH);
	vfs_close(stat_file);
	KT_ASSERT(!dir_has(MNT, name));
	KT_ASSERT_EQ(vfs_stat(NULL, dir, 0, R, &st), -ENOENT);
	KT_ASSERT_EQ(vfs_stat(NULL, path, 0, R, &st), -ENOENT);
	umount_proc();
	kfree(buf);
}
