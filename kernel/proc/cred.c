/*
 * Credentials: reference counting, copy-on-change (prepare_creds,
 * commit_creds), the per-user process counts RLIMIT_NPROC is enforced
 * against, and the uid/gid system calls with Linux's permission rules
 * (kernel/sys.c): root (euid 0) may set any id, others only ids they
 * already hold as real, effective or saved.
 */
#include <string.h>
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/slab.h>
#include <breenix/spinlock.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
#include <breenix/uaccess.h>

/* Never freed: the boot task, kernel threads and init start with them. */
struct user_struct root_user = {
	.count = 1,
	.uid = 0,
	.node = LIST_HEAD_INIT(root_user.node),
};

struct cred root_cred = { .usage = 1, .user = &root_user };

static LIST_HEAD(user_list);
static spinlock_t uid_lock = SPINLOCK_INIT;
/* Taken to swap a task's cred pointer and to read another task's. */
static spinlock_t cred_lock = SPINLOCK_INIT;

struct user_struct *alloc_uid(kuid_t uid)
{
	struct user_struct *up, *new;
	unsigned long flags;

	if (uid == 0) {
		__atomic_add_fetch(&root_user.count, 1, __ATOMIC_RELAXED);
		return &root_user;
	}
	new = kmalloc(sizeof(*new), GFP_KERNEL);
	flags = spin_lock_irqsave(&uid_lock);
	list_for_each_entry(up, &user_list, node) {
		if (up->uid == uid) {
			up->count++;
			spin_unlock_irqrestore(&uid_lock, flags);
			kfree(new);
			return up;
		}
	}
	if (new) {
		new->count = 1;
		new->uid = uid;
		new->processes = 0;
		list_add(&new->node, &user_list);
	}
	spin_unlock_irqrestore(&uid_lock, flags);
	return new;
}

void free_uid(struct user_struct *up)
{
	unsigned long flags;

	if (up == &root_user) {
		__atomic_sub_fetch(&root_user.count, 1, __ATOMIC_RELAXED);
		return;
	}
	flags = spin_lock_irqsave(&uid_lock);
	if (--up->count) {
		spin_unlock_irqrestore(&uid_lock, flags);
		return;
	}
	list_del(&up->node);
	spin_unlock_irqrestore(&uid_lock, flags);
	kfree(up);
}

struct cred *get_cred(struct cred *cred)
{
	__atomic_add_fetch(&cred->usage, 1, __ATOMIC_RELAXED);
	return cred;
}

void put_cred(struct cred *cred)
{
	if (__atomic_sub_fetch(&cred->usage, 1, __ATOMIC_ACQ_REL))
		return;
	if (cred->user)
		free_uid(cred->user);
	kfree(cred->groups);
	kfree(cred);
}

struct cred *get_task_cred(struct task *t)
{
	unsigned long flags = spin_lock_irqsave(&cred_lock);
	struct cred *c = get_cred(t->cred);

	spin_unlock_irqrestore(&cred_lock, flags);
	return c;
}

struct cred *prepare_creds(void)
{
	const struct cred *old = current->cred;
	struct cred *new = kmalloc(sizeof(*new), GFP_KERNEL);

	if (!new)
		return NULL;
	*new = *old;
	new->usage = 1;
	new->groups = NULL;
	if (old->ngroups) {
		new->groups = kmalloc(old->ngroups * sizeof(kgid_t), GFP_KERNEL);
		if (!new->groups) {
			kfree(new);
			return NULL;
		}
		memcpy(new->groups, old->groups, old->ngroups * sizeof(kgid_t));
	}
	__atomic_add_fetch(&new->user->count, 1, __ATOMIC_RELAXED);
	return new;
}

int commit_creds(struct cred *new)
{
	struct task *tsk = current;
	struct cred *old = tsk->cred;
	struct user_struct *up = NULL;
	unsigned long flags;

	if (new->uid != old->uid) {
		up = alloc_uid(new->uid);
		if (!up) {
			put_cred(new);
			return -ENOMEM;
		}
		free_uid(new->user);
		new->user = up;
		/* The task now counts against its new real uid (only processes count). */
		if (tsk->signal) {
			__atomic_add_fetch(&up->processes, 1, __ATOMIC_RELAXED);
			__atomic_sub_fetch(&old->user->processes, 1,
					   __ATOMIC_RELAXED);
		}
	}
	flags = spin_lock_irqsave(&cred_lock);
	tsk->cred = new;
	spin_unlock_irqrestore(&cred_lock, flags);
	put_cred(old);
	return 0;
}

bool capable_root(void)
{
	return current->cred->euid == 0;
}

SYSCALL_DEFINE0(getuid)
{
	return current->cred->uid;
}

SYSCALL_DEFINE0(geteuid)
{
	return current->cred->euid;
}

SYSCALL_DEFINE0(getgid)
{
	return current->cred->gid;
}

SYSCALL_DEFINE0(getegid)
{
	return current->cred->egid;
}

SYSCALL_DEFINE1(setuid, kuid_t, uid)
{
	const struct cred *old = current->cred;
	struct cred *new;

	if (uid == INVALID_UID)
		return -EINVAL;
	if (!capable_root() && uid != old->uid && uid != old->suid)
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable_root())
		new->uid = new->suid = uid;
	new->euid = new->fsuid = uid;
	return commit_creds(new);
}

SYSCALL_DEFINE1(setgid, kgid_t, gid)
{
	const struct cred *old = current->cred;
	struct cred *new;

	if (gid == INVALID_GID)
		return -EINVAL;
	if (!capable_root() && gid != old->gid && gid != old->sgid)
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable_root())
		new->gid = new->sgid = gid;
	new->egid = new->fsgid = gid;
	return commit_creds(new);
}

/* Whether an unprivileged task may take @id: one of its three ids. */
static bool holds_id(uint32_t id, uint32_t r, uint32_t e, uint32_t s)
{
	return id == r || id == e || id == s;
}

SYSCALL_DEFINE2(setreuid, kuid_t, ruid, kuid_t, euid)
{
	const struct cred *old = current->cred;
	bool root = capable_root();
	struct cred *new;

	if (ruid != INVALID_UID && !root && ruid != old->uid &&
	    ruid != old->euid)
		return -EPERM;
	if (euid != INVALID_UID && !root &&
	    !holds_id(euid, old->uid, old->euid, old->suid))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (ruid != INVALID_UID)
		new->uid = ruid;
	if (euid != INVALID_UID)
		new->euid = euid;
	/* Linux: the saved id follows the effective one when either changes. */
	if (ruid != INVALID_UID || (euid != INVALID_UID && euid != old->uid))
		new->suid = new->euid;
	new->fsuid = new->euid;
	return commit_creds(new);
}

SYSCALL_DEFINE2(setregid, kgid_t, rgid, kgid_t, egid)
{
	const struct cred *old = current->cred;
	bool root = capable_root();
	struct cred *new;

	if (rgid != INVALID_GID && !root && rgid != old->gid &&
	    rgid != old->egid)
		return -EPERM;
	if (egid != INVALID_GID && !root &&
	    !holds_id(egid, old->gid, old->egid, old->sgid))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != INVALID_GID)
		new->gid = rgid;
	if (egid != INVALID_GID)
		new->egid = egid;
	if (rgid != INVALID_GID || (egid != INVALID_GID && egid != old->gid))
		new->sgid = new->egid;
	new->fsgid = new->egid;
	return commit_creds(new);
}

SYSCALL_DEFINE3(setresuid, kuid_t, ruid, kuid_t, euid, kuid_t, suid)
{
	const struct cred *old = current->cred;
	struct cred *new;

	if (!capable_root()) {
		if (ruid != INVALID_UID &&
		    !holds_id(ruid, old->uid, old->euid, old->suid))
			return -EPERM;
		if (euid != INVALID_UID &&
		    !holds_id(euid, old->uid, old->euid, old->suid))
			return -EPERM;
		if (suid != INVALID_UID &&
		    !holds_id(suid, old->uid, old->euid, old->suid))
			return -EPERM;
	}
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (ruid != INVALID_UID)
		new->uid = ruid;
	if (euid != INVALID_UID)
		new->euid = euid;
	if (suid != INVALID_UID)
		new->suid = suid;
	new->fsuid = new->euid;
	return commit_creds(new);
}

SYSCALL_DEFINE3(setresgid, kgid_t, rgid, kgid_t, egid, kgid_t, sgid)
{
	const struct cred *old = current->cred;
	struct cred *new;

	if (!capable_root()) {
		if (rgid != INVALID_GID &&
		    !holds_id(rgid, old->gid, old->egid, old->sgid))
			return -EPERM;
		if (egid != INVALID_GID &&
		    !holds_id(egid, old->gid, old->egid, old->sgid))
			return -EPERM;
		if (sgid != INVALID_GID &&
		    !holds_id(sgid, old->gid, old->egid, old->sgid))
			return -EPERM;
	}
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != INVALID_GID)
		new->gid = rgid;
	if (egid != INVALID_GID)
		new->egid = egid;
	if (sgid != INVALID_GID)
		new->sgid = sgid;
	new->fsgid = new->egid;
	return commit_creds(new);
}

/* Linux writes the three ids in order and stops at the first fault. */
static long put_ids(uint32_t r, uint32_t e, uint32_t s, uint32_t *ur,
		    uint32_t *ue, uint32_t *us)
{
	if (put_user(r, ur) || put_user(e, ue) || put_user(s, us))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresuid, kuid_t *, ruidp, kuid_t *, euidp, kuid_t *, suidp)
{
	const struct cred *c = current->cred;

	return put_ids(c->uid, c->euid, c->suid, ruidp, euidp, suidp);
}

SYSCALL_DEFINE3(getresgid, kgid_t *, rgidp, kgid_t *, egidp, kgid_t *, sgidp)
{
	const struct cred *c = current->cred;

	return put_ids(c->gid, c->egid, c->sgid, rgidp, egidp, sgidp);
}
