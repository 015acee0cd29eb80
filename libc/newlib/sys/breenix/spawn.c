/*
 * posix_spawn and posix_spawnp over vfork, in place of newlib's
 * (libc/posix/posix_spawn.c), which lets the parent's signal handlers run
 * in the child on the borrowed stack and fails on a full SETSIGDEF set.
 * All signals stay blocked across the vfork; the child resets caught ones
 * before unblocking, and reports a failure through the shared memory.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spawn_impl.h"

/* What the vfork child needs; err is written by the child, read by the parent. */
struct spawn_args {
	const char *path;
	const posix_spawn_file_actions_t *fa;
	const posix_spawnattr_t *attr;
	char *const *argv;
	char *const *envp;
	int search;
	sigset_t parent_mask;
	volatile int err;
};

/*
 * Handlers the child must not run (they are the parent's, and exec would
 * reset them anyway) and the SETSIGDEF set go back to SIG_DFL; ignored
 * signals stay ignored, as across exec.
 */
static void reset_signals(const posix_spawnattr_t *attr)
{
	int setdef = attr && (attr->__flags & POSIX_SPAWN_SETSIGDEF);
	struct sigaction sa;

	for (int sig = 1; sig < NSIG; sig++) {
		if (sig == SIGKILL || sig == SIGSTOP)
			continue;
		if (!(setdef && sigismember(&attr->__sigdefault, sig))) {
			if (sigaction(sig, NULL, &sa) || sa.sa_handler == SIG_IGN ||
			    sa.sa_handler == SIG_DFL)
				continue;
		}
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = SIG_DFL;
		sigaction(sig, &sa, NULL);
	}
}

/* open as POSIX says: a descriptor already open at FD is closed first. */
static int do_open(const struct __spawn_action *a)
{
	int fd;

	close(a->fd);
	fd = open(a->path, a->oflag, a->mode);
	if (fd < 0)
		return -1;
	if (fd != a->fd) {
		if (dup2(fd, a->fd) < 0)
			return -1;
		close(fd);
	}
	return 0;
}

static int do_action(const struct __spawn_action *a)
{
	switch (a->kind) {
	case ACT_OPEN:
		return do_open(a);
	case ACT_CLOSE:
		/* Closing what is not open is no failure (as glibc). */
		close(a->fd);
		return 0;
	case ACT_DUP2:
		/* dup2 onto itself keeps the descriptor across exec (POSIX.1-2017). */
		if (a->fd == a->newfd)
			return fcntl(a->fd, F_SETFD, 0) < 0 ? -1 : 0;
		return dup2(a->fd, a->newfd) < 0 ? -1 : 0;
	case ACT_CHDIR:
		return chdir(a->path);
	case ACT_FCHDIR:
		return fchdir(a->fd);
	}
	errno = EINVAL;
	return -1;
}

/* The attributes' process changes, in glibc's order. */
static int apply_attr(const posix_spawnattr_t *attr)
{
	if (!attr)
		return 0;
	if ((attr->__flags & POSIX_SPAWN_SETSID) && setsid() < 0)
		return -1;
	if ((attr->__flags & POSIX_SPAWN_SETPGROUP) && setpgid(0, attr->__pgrp))
		return -1;
	if ((attr->__flags & POSIX_SPAWN_RESETIDS) && (setegid(getgid()) || seteuid(getuid())))
		return -1;
	return 0;
}

/* The vfork child: never returns, so the parent's frame stays intact. */
static __attribute__((noreturn)) void child(struct spawn_args *a)
{
	const sigset_t *mask = &a->parent_mask;

	reset_signals(a->attr);
	if (apply_attr(a->attr))
		goto fail;
	for (int i = 0; a->fa && i < a->fa->__count; i++)
		if (do_action(&a->fa->__actions[i]))
			goto fail;
	if (a->attr && (a->attr->__flags & POSIX_SPAWN_SETSIGMASK))
		mask = &a->attr->__sigmask;
	sigprocmask(SIG_SETMASK, mask, NULL);
	if (a->search)
		execvpe(a->path, a->argv, a->envp);
	else
		execve(a->path, a->argv, a->envp);
fail:
	a->err = errno;
	_exit(127);
}

static int spawn(pid_t *pid, struct spawn_args *a)
{
	sigset_t all;
	pid_t p;
	int err;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &a->parent_mask);
	a->err = 0;
	p = vfork();
	if (!p)
		child(a);
	err = p < 0 ? errno : a->err;
	/* A child that failed has exited: reap it, the caller never saw it. */
	if (p > 0 && err)
		while (waitpid(p, NULL, 0) < 0 && errno == EINTR)
			;
	sigprocmask(SIG_SETMASK, &a->parent_mask, NULL);
	if (!err && pid)
		*pid = p;
	return err;
}

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
		const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
	struct spawn_args a = { .path = path, .fa = fa, .attr = attr, .argv = argv, .envp = envp };

	return spawn(pid, &a);
}

int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
		 const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
	struct spawn_args a = { .path = file, .fa = fa, .attr = attr, .argv = argv, .envp = envp,
				.search = 1 };

	return spawn(pid, &a);
}
