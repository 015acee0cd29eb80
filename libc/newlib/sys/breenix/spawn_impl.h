/*
 * A posix_spawn file action as spawn_actions.c records it and spawn.c's
 * child performs it.
 */
#ifndef _BREENIX_SPAWN_IMPL_H
#define _BREENIX_SPAWN_IMPL_H

#include <sys/types.h>

enum action_kind { ACT_OPEN, ACT_CLOSE, ACT_DUP2, ACT_CHDIR, ACT_FCHDIR };

struct __spawn_action {
	enum action_kind kind;
	int fd;
	int newfd;			/* dup2's target */
	int oflag;
	mode_t mode;
	char *path;			/* open's and chdir's, a copy */
};

#endif
