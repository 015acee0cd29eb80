/*
 * PID 1: made at the end of kmain as a kernel thread numbered 1, its own
 * process group and session leader (the session a getty or shell makes
 * comes later), the reaper of orphans. It execs init= or the first of
 * Linux's fallbacks that works, then leaves for user mode. If PID 1 ever
 * exits, do_exit panics as Linux does.
 */
#include <string.h>
#include <breenix/exec.h>
#include <breenix/cmdline.h>
#include <breenix/cred.h>
#include <breenix/fdtable.h>
#include <breenix/fs_struct.h>
#include <breenix/init_args.h>
#include <breenix/panic.h>
#include <breenix/pid.h>
#include <breenix/printk.h>
#include <breenix/process.h>
#include <breenix/sched.h>
#include <breenix/signal.h>
#include <breenix/time.h>
#include <breenix/vfs.h>
#include <asm/processor.h>
#include <uapi/linux/signal.h>
#include "proc_internal.h"

static struct init_args init_args;

static int try_init(const char *path)
{
	int err;

	init_args.argv[0] = path;
	err = kernel_execve(path, init_args.argv, init_args.envp);
	if (err)
		pr_info("Failed to execute %s (error %d)\n", path, err);
	return err;
}

/*
 * Linux's console_on_rootfs: /dev/console as descriptors 0, 1 and 2, one
 * open file shared by all three; without it init runs with none.
 */
static void console_on_rootfs(void)
{
	struct file *file;
	int i, fd;

	if (vfs_open(NULL, "/dev/console", O_RDWR, 0, &vfs_root_cred, &file)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	for (i = 0; i < 3; i++) {
		fd = get_unused_fd_flags(0);
		if (fd < 0)
			break;
		fd_install((unsigned int)fd, get_file(file));
	}
	fput(file);
}

static int init_thread(void *unused)
{
	static const char *const fallback[] = {
		"/sbin/init", "/etc/init", "/bin/init", "/bin/sh",
	};
	const char *path = cmdline_get("init");
	size_t i;
	int err;

	(void)unused;
	console_on_rootfs();
	if (path && *path) {
		err = try_init(path);
		if (!err)
			ret_to_user();
		panic("Requested init %s failed (error %d).", path, err);
	}
	for (i = 0; i < sizeof(fallback) / sizeof(fallback[0]); i++)
		if (!try_init(fallback[i]))
			ret_to_user();
	panic("No working init found.");
}

void start_init(void)
{
	struct signal_struct *sig;
	const char *bad = NULL;
	struct pid *pid;
	struct task *t;

	if (init_args_build(&init_args, cmdline_next_word, cmdline_is_kernel_param, &bad))
		panic("Too many boot init vars at `%s'", bad);
	set_max_threads();
	if (alloc_pid_nr(1, &pid))
		panic("init: cannot reserve PID 1");
	t = task_create_pid(init_thread, NULL, "init", pid);
	if (!t)
		panic("init: no memory for PID 1");
	sig = alloc_signal_struct(init_rlimits, pid, pid);
	if (!sig)
		panic("init: no memory for PID 1");
	/* Linux's fork_init: half of max_threads, so one user cannot take all. */
	sig->rlim[RLIMIT_NPROC].rlim_cur = (uint64_t)max_threads / 2;
	sig->rlim[RLIMIT_NPROC].rlim_max = (uint64_t)max_threads / 2;
	sig->flags = SIGNAL_UNKILLABLE;
	t->signal = sig;
	t->files = files_alloc();
	t->fs = fs_alloc();
	if (!t->files || !t->fs || copy_sighand(0, t))
		panic("init: no memory for PID 1");
	t->exit_signal = SIGCHLD;
	t->start_time = ktime_get_ns();
	list_add_tail(&t->thread_node, &sig->thread_head);
	sig->nr_threads = 1;
	sig->live = 1;
	nr_threads++;
	root_user.processes++;
	child_reaper = t;
	/* Our reference is the one a parent's reap would drop: kept forever. */
	wake_up_process(t);
}
