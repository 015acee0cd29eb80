/*
 * Supplementary groups (Linux's kernel/groups.c): getgroups and
 * setgroups. The list is kept sorted, as Linux keeps it (getgroups
 * returns it in that order); only root may set it.
 */
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/slab.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
#include <breenix/uaccess.h>

/* include/uapi/linux/limits.h */
#define NGROUPS_MAX	65536

/* Shell sort with Knuth's gaps: in place, no recursion, fine at 65536. */
static void groups_sort(kgid_t *g, unsigned int n)
{
	unsigned int gap = 1, i, j;

	while (gap < n / 3)
		gap = gap * 3 + 1;
	for (; gap; gap /= 3) {
		for (i = gap; i < n; i++) {
			kgid_t v = g[i];

			for (j = i; j >= gap && g[j - gap] > v; j -= gap)
				g[j] = g[j - gap];
			g[j] = v;
		}
	}
}

SYSCALL_DEFINE2(getgroups, int, gidsetsize, kgid_t *, grouplist)
{
	const struct cred *c = current->cred;

	if (gidsetsize < 0)
		return -EINVAL;
	if (!gidsetsize)
		return c->ngroups;
	if ((unsigned int)gidsetsize < c->ngroups)
		return -EINVAL;
	if (copy_to_user(grouplist, c->groups, c->ngroups * sizeof(kgid_t)))
		return -EFAULT;
	return c->ngroups;
}

SYSCALL_DEFINE2(setgroups, int, gidsetsize, const kgid_t *, grouplist)
{
	struct cred *new;
	kgid_t *groups = NULL;
	size_t bytes;

	if (!capable_root())
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	bytes = (size_t)gidsetsize * sizeof(kgid_t);
	if (gidsetsize) {
		groups = kmalloc(bytes, GFP_KERNEL);
		if (!groups)
			return -ENOMEM;
		if (copy_from_user(groups, grouplist, bytes)) {
			kfree(groups);
			return -EFAULT;
		}
		groups_sort(groups, (unsigned int)gidsetsize);
	}
	new = prepare_creds();
	if (!new) {
		kfree(groups);
		return -ENOMEM;
	}
	kfree(new->groups);
	new->groups = groups;
	new->ngroups = (unsigned int)gidsetsize;
	return commit_creds(new);
}
