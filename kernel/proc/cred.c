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
		new->sigpending = 0;
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

/*
 * The set*id calls treat user and group ids alike: each kind has a real,
 * effective, saved and filesystem id (kuid_t and kgid_t are both 32-bit,
 * with -1 as "unchanged"), so one implementation serves both.
 */
enum { ID_REAL, ID_EFF, ID_SAVED, ID_FS, NR_IDS };
#define ID_UNCHANGED	((uint32_t)-1)

_Static_assert(INVALID_UID == ID_UNCHANGED && INVALID_GID == ID_UNCHANGED,
	       "one 'unchanged' value for both kinds");

static void cred_ids(struct cred *c, bool gid, uint32_t *ids[NR_IDS])
{
	ids[ID_REAL] = gid ? &c->gid : &c->uid;
	ids[ID_EFF] = gid ? &c->egid : &c->euid;
	ids[ID_SAVED] = gid ? &c->sgid : &c->suid;
	ids[ID_FS] = gid ? &c->fsgid : &c->fsuid;
}

/* Whether an unprivileged task may take @id: one of its three ids. */
static bool holds_id(struct cred *c, bool gid, uint32_t id)
{
	uint32_t *ids[NR_IDS];

	cred_ids(c, gid, ids);
	return id == *ids[ID_REAL] || id == *ids[ID_EFF] || id == *ids[ID_SAVED];
}

/* Commits a copy of the caller's credentials with @set applied to it. */
static long change_ids(bool gid, void (*set)(uint32_t **ids, uint32_t **old,
					     const uint32_t *arg),
		       const uint32_t *arg)
{
	uint32_t *ids[NR_IDS], *old[NR_IDS];
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	cred_ids(new, gid, ids);
	cred_ids(current->cred, gid, old);
	set(ids, old, arg);
	*ids[ID_FS] = *ids[ID_EFF];
	return commit_creds(new);
}

/* setuid/setgid: root sets all three, others only the effective id. */
static void set_one(uint32_t **ids, uint32_t **old, const uint32_t *arg)
{
	(void)old;
	if (capable_root())
		*ids[ID_REAL] = *ids[ID_SAVED] = arg[0];
	*ids[ID_EFF] = arg[0];
}

static long do_setid(bool gid, uint32_t id)
{
	struct cred *c = current->cred;
	uint32_t *ids[NR_IDS];

	if (id == ID_UNCHANGED)
		return -EINVAL;
	cred_ids(c, gid, ids);
	if (!capable_root() && id != *ids[ID_REAL] && id != *ids[ID_SAVED])
		return -EPERM;
	return change_ids(gid, set_one, &id);
}

/* Linux: the saved id follows the effective one when either changes. */
static void set_re(uint32_t **ids, uint32_t **old, const uint32_t *arg)
{
	if (arg[0] != ID_UNCHANGED)
		*ids[ID_REAL] = arg[0];
	if (arg[1] != ID_UNCHANGED)
		*ids[ID_EFF] = arg[1];
	if (arg[0] != ID_UNCHANGED ||
	    (arg[1] != ID_UNCHANGED && arg[1] != *old[ID_REAL]))
		*ids[ID_SAVED] = *ids[ID_EFF];
}

static long do_setreid(bool gid, uint32_t r, uint32_t e)
{
	struct cred *c = current->cred;
	uint32_t *ids[NR_IDS], arg[2] = { r, e };
	bool root = capable_root();

	cred_ids(c, gid, ids);
	if (r != ID_UNCHANGED && !root && r != *ids[ID_REAL] && r != *ids[ID_EFF])
		return -EPERM;
	if (e != ID_UNCHANGED && !root && !holds_id(c, gid, e))
		return -EPERM;
	return change_ids(gid, set_re, arg);
}

static void set_res(uint32_t **ids, uint32_t **old, const uint32_t *arg)
{
	int i;

	(void)old;
	for (i = ID_REAL; i <= ID_SAVED; i++)
		if (arg[i] != ID_UNCHANGED)
			*ids[i] = arg[i];
}

static long do_setresid(bool gid, uint32_t r, uint32_t e, uint32_t s)
{
	struct cred *c = current->cred;
	uint32_t arg[3] = { r, e, s };
	int i;

	for (i = 0; i < 3 && !capable_root(); i++)
		if (arg[i] != ID_UNCHANGED && !holds_id(c, gid, arg[i]))
			return -EPERM;
	return change_ids(gid, set_res, arg);
}

SYSCALL_DEFINE1(setuid, kuid_t, uid)
{
	return do_setid(false, uid);
}

SYSCALL_DEFINE1(setgid, kgid_t, gid)
{
	return do_setid(true, gid);
}

SYSCALL_DEFINE2(setreuid, kuid_t, ruid, kuid_t, euid)
{
	return do_setreid(false, ruid, euid);
}

SYSCALL_DEFINE2(setregid, kgid_t, rgid, kgid_t, egid)
{
	return do_setreid(true, rgid, egid);
}

SYSCALL_DEFINE3(setresuid, kuid_t, ruid, kuid_t, euid, kuid_t, suid)
{
	return do_setresid(false, ruid, euid, suid);
}

SYSCALL_DEFINE3(setresgid, kgid_t, rgid, kgid_t, egid, kgid_t, sgid)
{
	return do_setresid(true, rgid, egid, sgid);
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
