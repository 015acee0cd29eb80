/*
 * sysconf(3), pathconf(3), getpagesize(2), gethostname(2): the limits
 * Breenix has, from the kernel where it keeps them (the page size from the
 * auxiliary vector, the descriptor and process limits from getrlimit).
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

int getpagesize(void)
{
	unsigned long sz = getauxval(AT_PAGESZ);

	return sz ? (int)sz : 4096;
}

static long rlimit_value(int resource)
{
	struct rlimit rl;

	if (getrlimit(resource, &rl) < 0)
		return -1;
	return rl.rlim_cur == RLIM_INFINITY ? -1 : (long)rl.rlim_cur;
}

long sysconf(int name)
{
	switch (name) {
	case _SC_ARG_MAX:
		return 131072;		/* Linux's minimum for execve's strings */
	case _SC_CHILD_MAX:
		return rlimit_value(RLIMIT_NPROC);
	case _SC_CLK_TCK:
		return 100;		/* USER_HZ, the unit of times(2) */
	case _SC_NGROUPS_MAX:
		return 65536;		/* Linux's NGROUPS_MAX */
	case _SC_OPEN_MAX:
		return rlimit_value(RLIMIT_NOFILE);
	case _SC_PAGESIZE:
		return getpagesize();
	case _SC_LINE_MAX:
		return 2048;		/* POSIX's _POSIX2_LINE_MAX */
	case _SC_HOST_NAME_MAX:
		return 64;
	case _SC_LOGIN_NAME_MAX:
		return 256;
	case _SC_TTY_NAME_MAX:
		return 32;
	case _SC_SYMLOOP_MAX:
		return 40;		/* Linux's MAXSYMLINKS */
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN:
		return 1;
	case _SC_JOB_CONTROL:
	case _SC_SAVED_IDS:
		return 1;
	case _SC_VERSION:
		return 200809L;
	case _SC_MONOTONIC_CLOCK:
		return _POSIX_MONOTONIC_CLOCK;
	case _SC_TIMERS:
		return _POSIX_TIMERS;
	case _SC_DELAYTIMER_MAX:
		return DELAYTIMER_MAX;
	case _SC_TIMER_MAX:
		return -1;		/* no fixed number: RLIMIT_SIGPENDING caps them */
	default:
		errno = EINVAL;
		return -1;
	}
}

/* Per-file limits: tmpfs and devfs have Linux's generic ones. */
long fpathconf(int fd, int name)
{
	(void)fd;
	switch (name) {
	case _PC_LINK_MAX:
		return 127;
	case _PC_MAX_CANON:
	case _PC_MAX_INPUT:
		return 255;		/* the line discipline's buffer */
	case _PC_NAME_MAX:
		return 255;
	case _PC_PATH_MAX:
		return 4096;
	case _PC_PIPE_BUF:
		return 4096;
	case _PC_CHOWN_RESTRICTED:
	case _PC_NO_TRUNC:
		return 1;
	case _PC_VDISABLE:
		return 0;
	default:
		errno = EINVAL;
		return -1;
	}
}

long pathconf(const char *path, int name)
{
	(void)path;
	return fpathconf(-1, name);
}

int gethostname(char *name, size_t len)
{
	struct utsname u;
	size_t n;

	if (uname(&u) < 0)
		return -1;
	n = strlen(u.nodename) + 1;
	if (n > len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(name, u.nodename, n);
	return 0;
}
