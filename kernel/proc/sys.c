/*
 * Small process system calls with Linux's semantics (kernel/sys.c):
 * identities (getpid, getppid, gettid, set_tid_address), sched_yield,
 * uname and getrandom.
 */
#include <stdio.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/process.h>
#include <breenix/random.h>
#include <breenix/sched.h>
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

	memset(&u, 0, sizeof(u));
	strcpy(u.sysname, "Breenix");
	strcpy(u.nodename, "breenix");
	if (rlen > __NEW_UTS_LEN)
		rlen = __NEW_UTS_LEN;
	memcpy(u.release, ver, rlen);
	snprintf(u.version, sizeof(u.version), "#1 %s", sp ? sp + 1 : "");
	strcpy(u.machine, "x86_64");
	strcpy(u.domainname, "(none)");
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
