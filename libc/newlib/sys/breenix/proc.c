/*
 * Processes over the Linux system calls: fork, exit, the wait family,
 * the id calls, process groups and sessions, resource limits. The
 * underscore names are newlib's reentrant hooks (libc/reent/).
 */
#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <unistd.h>
#include "syscall.h"

pid_t fork(void)
{
	return SYSCALL0(SYS_fork);
}

void _exit(int status)
{
	for (;;)
		__sc1(SYS_exit_group, status);
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *usage)
{
	return SYSCALL4(SYS_wait4, pid, status, options, usage);
}

pid_t wait3(int *status, int options, struct rusage *usage)
{
	return wait4(-1, status, options, usage);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

int waitid(idtype_t type, id_t id, siginfo_t *info, int options)
{
	return SYSCALL5(SYS_waitid, type, id, info, options, NULL);
}

clock_t times(struct tms *buf)
{
	return SYSCALL1(SYS_times, buf);
}

pid_t getpid(void)
{
	return __sc0(SYS_getpid);
}

pid_t getppid(void)
{
	return __sc0(SYS_getppid);
}

uid_t getuid(void)
{
	return __sc0(SYS_getuid);
}

uid_t geteuid(void)
{
	return __sc0(SYS_geteuid);
}

gid_t getgid(void)
{
	return __sc0(SYS_getgid);
}

gid_t getegid(void)
{
	return __sc0(SYS_getegid);
}

int setuid(uid_t uid)
{
	return SYSCALL1(SYS_setuid, uid);
}

int setgid(gid_t gid)
{
	return SYSCALL1(SYS_setgid, gid);
}

int seteuid(uid_t uid)
{
	return SYSCALL3(SYS_setresuid, -1, uid, -1);
}

int setegid(gid_t gid)
{
	return SYSCALL3(SYS_setresgid, -1, gid, -1);
}

int setreuid(uid_t ruid, uid_t euid)
{
	return SYSCALL2(SYS_setreuid, ruid, euid);
}

int setregid(gid_t rgid, gid_t egid)
{
	return SYSCALL2(SYS_setregid, rgid, egid);
}

int setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	return SYSCALL3(SYS_setresuid, ruid, euid, suid);
}

int setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	return SYSCALL3(SYS_setresgid, rgid, egid, sgid);
}

int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid)
{
	return SYSCALL3(SYS_getresuid, ruid, euid, suid);
}

int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid)
{
	return SYSCALL3(SYS_getresgid, rgid, egid, sgid);
}

int getgroups(int size, gid_t list[])
{
	return SYSCALL2(SYS_getgroups, size, list);
}

int setgroups(int size, const gid_t *list)
{
	return SYSCALL2(SYS_setgroups, size, list);
}

int setpgid(pid_t pid, pid_t pgid)
{
	return SYSCALL2(SYS_setpgid, pid, pgid);
}

pid_t getpgid(pid_t pid)
{
	return SYSCALL1(SYS_getpgid, pid);
}

pid_t getpgrp(void)
{
	return __sc0(SYS_getpgrp);
}

int setpgrp(void)
{
	return setpgid(0, 0);
}

pid_t setsid(void)
{
	return SYSCALL0(SYS_setsid);
}

pid_t getsid(pid_t pid)
{
	return SYSCALL1(SYS_getsid, pid);
}

int getrlimit(int resource, struct rlimit *rlim)
{
	return SYSCALL4(SYS_prlimit64, 0, resource, NULL, rlim);
}

int setrlimit(int resource, const struct rlimit *rlim)
{
	return SYSCALL4(SYS_prlimit64, 0, resource, rlim, NULL);
}

int getrusage(int who, struct rusage *usage)
{
	return SYSCALL2(SYS_getrusage, who, usage);
}

int sched_yield(void)
{
	return SYSCALL0(SYS_sched_yield);
}

/* nice(2) needs setpriority, which Breenix does not have yet. */
int nice(int inc)
{
	(void)inc;
	return __syscall_ret(-ENOSYS);
}

pid_t _fork(void) __attribute__((alias("fork")));
pid_t _getpid(void) __attribute__((alias("getpid")));
pid_t _wait(int *) __attribute__((alias("wait")));
clock_t _times(struct tms *) __attribute__((alias("times")));
