/*
 * <spawn.h>: posix_spawn(3) and its file actions and attributes, in place
 * of newlib's header (whose attributes are pointers to malloc'd state).
 * The flag values are glibc's. Scheduling attributes (POSIX's optional
 * Process Scheduling) are not offered: Breenix has no scheduling policies.
 */
#ifndef _SPAWN_H_
#define _SPAWN_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <signal.h>

#define POSIX_SPAWN_RESETIDS	0x01
#define POSIX_SPAWN_SETPGROUP	0x02
#define POSIX_SPAWN_SETSIGDEF	0x04
#define POSIX_SPAWN_SETSIGMASK	0x08
#define POSIX_SPAWN_SETSID	0x80

typedef struct {
	short __flags;
	pid_t __pgrp;
	sigset_t __sigdefault;
	sigset_t __sigmask;
} posix_spawnattr_t;

struct __spawn_action;

typedef struct {
	int __count;
	int __capacity;
	struct __spawn_action *__actions;
} posix_spawn_file_actions_t;

_BEGIN_STD_C

int posix_spawn(pid_t *__restrict, const char *__restrict, const posix_spawn_file_actions_t *,
		const posix_spawnattr_t *__restrict, char *const [], char *const []);
int posix_spawnp(pid_t *__restrict, const char *__restrict, const posix_spawn_file_actions_t *,
		 const posix_spawnattr_t *__restrict, char *const [], char *const []);

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *);
int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *);
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *__restrict, int,
				     const char *__restrict, int, mode_t);
int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *, int);
int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *, int, int);
#if __GNU_VISIBLE
int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *__restrict,
					 const char *__restrict);
int posix_spawn_file_actions_addfchdir_np(posix_spawn_file_actions_t *, int);
#endif

int posix_spawnattr_init(posix_spawnattr_t *);
int posix_spawnattr_destroy(posix_spawnattr_t *);
int posix_spawnattr_getflags(const posix_spawnattr_t *__restrict, short *__restrict);
int posix_spawnattr_setflags(posix_spawnattr_t *, short);
int posix_spawnattr_getpgroup(const posix_spawnattr_t *__restrict, pid_t *__restrict);
int posix_spawnattr_setpgroup(posix_spawnattr_t *, pid_t);
int posix_spawnattr_getsigdefault(const posix_spawnattr_t *__restrict, sigset_t *__restrict);
int posix_spawnattr_setsigdefault(posix_spawnattr_t *__restrict, const sigset_t *__restrict);
int posix_spawnattr_getsigmask(const posix_spawnattr_t *__restrict, sigset_t *__restrict);
int posix_spawnattr_setsigmask(posix_spawnattr_t *__restrict, const sigset_t *__restrict);

_END_STD_C

#endif
