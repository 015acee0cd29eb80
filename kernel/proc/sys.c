/*
 * Small process system calls with Linux's semantics (kernel/sys.c):
 * identities (getpid, getppid, gettid, set_tid_address), sched_yield,
 * uname and getrandom.
 */
#include <stdio.h>
#include <string.h>
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/process.h>
#include <breenix/random.h>
#include <breenix/sched.h>
#include <breenix/spinlock.h>
#include <breenix/syscall.h>
#include <breenix/uaccess.h>
#include <breenix/uio.h>
#include <breenix/version.h>
#include <uapi/linux/random.h>
#include <uapi/linux/utsname.h>
#include "proc_internal.h"

SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->tid;
}

/* 0 for PID 1, whose parent is no process. */
SYSCALL_DEFINE0(getppid)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct task *p = current->group_leader->real_parent;
	int ppid = p ? p->tgid : 0;

	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ppid;
}

SYSCALL_DEFINE1(set_tid_address, int *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->tid;
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

/* The names root may set (sethostname, setdomainname), one system-wide copy. */
static spinlock_t uts_lock = SPINLOCK_INIT;
static char uts_nodename[__NEW_UTS_LEN + 1] = "breenix";
static char uts_domainname[__NEW_UTS_LEN + 1] = "(none)";

/* Linux's sethostname/setdomainname: root only, at most __NEW_UTS_LEN bytes, no NUL needed. */
static long set_uts_name(char *dst, const char *uname, int len)
{
	char buf[__NEW_UTS_LEN];
	unsigned long flags;

	if (!capable_root())
		return -EPERM;
	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(buf, uname, (size_t)len))
		return -EFAULT;
	flags = spin_lock_irqsave(&uts_lock);
	memcpy(dst, buf, (size_t)len);
	memset(dst + len, 0, __NEW_UTS_LEN + 1 - (size_t)len);
	spin_unlock_irqrestore(&uts_lock, flags);
	return 0;
}

SYSCALL_DEFINE2(sethostname, const char *, name, int, len)
{
	return set_uts_name(uts_nodename, name, len);
}

SYSCALL_DEFINE2(setdomainname, const char *, name, int, len)
{
	return set_uts_name(uts_domainname, name, len);
}

/*
 * BREENIX_VERSION is "<release> (<git revision>)": the release goes to
 * release, the revision to version, as Linux puts its build there.
 */
SYSCALL_DEFINE1(uname, struct new_utsname *, name)
{
	static const char ver[] = BREENIX_VERSION;
	const char *sp = strchr(ver, ' ');
	size_t rlen = sp ? (size_t)(sp - ver) : strlen(ver);
	struct new_utsname u;
	unsigned long flags;

	memset(&u, 0, sizeof(u));
	strcpy(u.sysname, "Breenix");
	flags = spin_lock_irqsave(&uts_lock);
	memcpy(u.nodename, uts_nodename, sizeof(uts_nodename));
	memcpy(u.domainname, uts_domainname, sizeof(uts_domainname));
	spin_unlock_irqrestore(&uts_lock, flags);
	if (rlen > __NEW_UTS_LEN)
		rlen = __NEW_UTS_LEN;
	memcpy(u.release, ver, rlen);
	snprintf(u.version, sizeof(u.version), "#1 %s", sp ? sp + 1 : "");
	strcpy(u.machine, "x86_64");
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

/*
 * The pool is seeded before user space runs and the generator never
 * blocks, so GRND_NONBLOCK and GRND_RANDOM change nothing (as in Linux
 * 5.18 and later, where /dev/random no longer blocks once seeded).
 */
SYSCALL_DEFINE3(getrandom, char *, ubuf, size_t, count, unsigned int, flags)
{
	struct iov_iter iter;
	struct iovec seg;

	if (flags & ~(unsigned int)(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) ==
	    (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (count > INT32_MAX)
		count = INT32_MAX;
	iov_iter_ubuf(&iter, &seg, ubuf, count);
	return get_random_bytes_iter(&iter);
}
