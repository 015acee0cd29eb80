/*
 * Credentials: who a task acts as. Shared between tasks (clone without
 * CLONE_NEWUSER shares them) and copied on change, so a struct cred that
 * others can see is never modified.
 */
#ifndef BREENIX_CRED_H
#define BREENIX_CRED_H

#include <stdint.h>

typedef uint32_t kuid_t;
typedef uint32_t kgid_t;

struct cred {
	int usage;
	kuid_t uid, euid, suid, fsuid;
	kgid_t gid, egid, sgid, fsgid;
	unsigned int ngroups;		/* supplementary groups */
	kgid_t *groups;			/* kmalloc'd, ngroups long */
};

/* root's credentials, which the boot task and kernel threads share. */
extern struct cred root_cred;

struct cred *get_cred(struct cred *cred);
void put_cred(struct cred *cred);

#endif
