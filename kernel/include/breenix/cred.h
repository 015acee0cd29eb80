/*
 * Credentials: who a task acts as. Shared between tasks (clone without
 * CLONE_NEWUSER shares them) and copied on change, so a struct cred that
 * others can see is never modified: prepare_creds() copies, the caller
 * edits the copy, commit_creds() installs it.
 */
#ifndef BREENIX_CRED_H
#define BREENIX_CRED_H

#include <stdbool.h>
#include <stdint.h>
#include <breenix/list.h>

struct task;

typedef uint32_t kuid_t;
typedef uint32_t kgid_t;

#define INVALID_UID	((kuid_t)-1)
#define INVALID_GID	((kgid_t)-1)

/*
 * One per real uid in use (Linux's user_struct): counts that user's
 * processes and threads for RLIMIT_NPROC, and signals queued to them for
 * RLIMIT_SIGPENDING.
 */
struct user_struct {
	int count;			/* creds that point here */
	kuid_t uid;
	int processes;			/* tasks, zombies included */
	int sigpending;			/* queued signals: RLIMIT_SIGPENDING */
	struct list_head node;
};

struct cred {
	int usage;
	kuid_t uid, euid, suid, fsuid;
	kgid_t gid, egid, sgid, fsgid;
	unsigned int ngroups;		/* supplementary groups */
	kgid_t *groups;			/* kmalloc'd, ngroups long */
	struct user_struct *user;	/* the real uid's */
};

/* root's credentials, which the boot task and kernel threads share. */
extern struct cred root_cred;
extern struct user_struct root_user;

struct cred *get_cred(struct cred *cred);
void put_cred(struct cred *cred);

/* @t's credentials, referenced: safe against @t changing them meanwhile. */
struct cred *get_task_cred(struct task *t);

/* A private copy of the current task's credentials; NULL without memory. */
struct cred *prepare_creds(void);
/*
 * Installs @new (from prepare_creds) as the current task's credentials and
 * drops the old; moves the task's RLIMIT_NPROC count when the real uid
 * changes. 0, or -ENOMEM (then @new is dropped, nothing changed).
 */
int commit_creds(struct cred *new);

/* Whether the current task may act as root (capable(CAP_SYS_ADMIN) etc.). */
bool capable_root(void);

/* Takes a reference on @uid's user_struct, creating it; NULL without memory. */
struct user_struct *alloc_uid(kuid_t uid);
void free_uid(struct user_struct *up);

#endif
