/*
 * Credential reference counting. Kernel threads share root_cred; user
 * processes get copies once exec and setuid exist.
 */
#include <breenix/cred.h>
#include <breenix/slab.h>

struct cred root_cred = { .usage = 1 };

struct cred *get_cred(struct cred *cred)
{
	__atomic_add_fetch(&cred->usage, 1, __ATOMIC_RELAXED);
	return cred;
}

void put_cred(struct cred *cred)
{
	if (__atomic_sub_fetch(&cred->usage, 1, __ATOMIC_ACQ_REL))
		return;
	kfree(cred->groups);
	kfree(cred);
}
