/*
 * posix_spawn's file actions (a growing array, performed in order by the
 * child: spawn.c) and attributes (flags, process group, signal sets).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "spawn_impl.h"

#define SPAWN_FLAGS (POSIX_SPAWN_RESETIDS | POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | \
		     POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSID)

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa)
{
	memset(fa, 0, sizeof(*fa));
	return 0;
}

int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa)
{
	for (int i = 0; i < fa->__count; i++)
		free(fa->__actions[i].path);
	free(fa->__actions);
	memset(fa, 0, sizeof(*fa));
	return 0;
}

/* POSIX: EBADF for a descriptor below 0 or not below {OPEN_MAX}. */
static int bad_fd(int fd)
{
	return fd < 0 || fd >= sysconf(_SC_OPEN_MAX);
}

/* Appends A (its path copied): 0 or ENOMEM. */
static int add(posix_spawn_file_actions_t *fa, struct __spawn_action a, const char *path)
{
	if (fa->__count == fa->__capacity) {
		int n = fa->__capacity ? 2 * fa->__capacity : 4;
		struct __spawn_action *grown = realloc(fa->__actions, n * sizeof(*grown));

		if (!grown)
			return ENOMEM;
		fa->__actions = grown;
		fa->__capacity = n;
	}
	a.path = NULL;
	if (path && !(a.path = strdup(path)))
		return ENOMEM;
	fa->__actions[fa->__count++] = a;
	return 0;
}

int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *fa, int fd, const char *path,
				     int oflag, mode_t mode)
{
	if (bad_fd(fd))
		return EBADF;
	return add(fa, (struct __spawn_action){ .kind = ACT_OPEN, .fd = fd, .oflag = oflag,
						.mode = mode }, path);
}

int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd)
{
	if (bad_fd(fd))
		return EBADF;
	return add(fa, (struct __spawn_action){ .kind = ACT_CLOSE, .fd = fd }, NULL);
}

int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd, int newfd)
{
	if (bad_fd(fd) || bad_fd(newfd))
		return EBADF;
	return add(fa, (struct __spawn_action){ .kind = ACT_DUP2, .fd = fd, .newfd = newfd },
		   NULL);
}

int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *fa, const char *path)
{
	return add(fa, (struct __spawn_action){ .kind = ACT_CHDIR }, path);
}

int posix_spawn_file_actions_addfchdir_np(posix_spawn_file_actions_t *fa, int fd)
{
	if (bad_fd(fd))
		return EBADF;
	return add(fa, (struct __spawn_action){ .kind = ACT_FCHDIR, .fd = fd }, NULL);
}

int posix_spawnattr_init(posix_spawnattr_t *attr)
{
	memset(attr, 0, sizeof(*attr));
	return 0;
}

int posix_spawnattr_destroy(posix_spawnattr_t *attr)
{
	(void)attr;
	return 0;
}

int posix_spawnattr_getflags(const posix_spawnattr_t *attr, short *flags)
{
	*flags = attr->__flags;
	return 0;
}

int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags)
{
	if (flags & ~SPAWN_FLAGS)
		return EINVAL;
	attr->__flags = flags;
	return 0;
}

int posix_spawnattr_getpgroup(const posix_spawnattr_t *attr, pid_t *pgrp)
{
	*pgrp = attr->__pgrp;
	return 0;
}

int posix_spawnattr_setpgroup(posix_spawnattr_t *attr, pid_t pgrp)
{
	attr->__pgrp = pgrp;
	return 0;
}

int posix_spawnattr_getsigdefault(const posix_spawnattr_t *attr, sigset_t *set)
{
	*set = attr->__sigdefault;
	return 0;
}

int posix_spawnattr_setsigdefault(posix_spawnattr_t *attr, const sigset_t *set)
{
	attr->__sigdefault = *set;
	return 0;
}

int posix_spawnattr_getsigmask(const posix_spawnattr_t *attr, sigset_t *set)
{
	*set = attr->__sigmask;
	return 0;
}

int posix_spawnattr_setsigmask(posix_spawnattr_t *attr, const sigset_t *set)
{
	attr->__sigmask = *set;
	return 0;
}
