/*
 * The small system calls of issue 5: clocks and sleeps (and setting the
 * wall clock: only in the guest, never the host's), times and rusage,
 * uname, getrandom, the id calls, resource limits (RLIMIT_AS and
 * RLIMIT_STACK enforced), sched_yield, reboot's refusals, and ENOSYS for
 * numbers with no system call.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

/* include/uapi/linux/reboot.h (musl-gcc has no kernel headers) */
#define LINUX_REBOOT_MAGIC2 672274793
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321fedc

#define NS 1000000000L

static long ns_between(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * NS + (b->tv_nsec - a->tv_nsec);
}

static long raw_gettime(clockid_t id, struct timespec *ts)
{
	return syscall(SYS_clock_gettime, id, ts);
}

static void burn(long ns)
{
	struct timespec t0, t1;

	raw_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
	do
		raw_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
	while (ns_between(&t0, &t1) < ns);
}

static void clocks(void)
{
	static const struct {
		clockid_t id;
		const char *name;
	} ids[] = {
		{ CLOCK_REALTIME, "CLOCK_REALTIME" },
		{ CLOCK_MONOTONIC, "CLOCK_MONOTONIC" },
		{ CLOCK_BOOTTIME, "CLOCK_BOOTTIME" },
		{ CLOCK_PROCESS_CPUTIME_ID, "CLOCK_PROCESS_CPUTIME_ID" },
		{ CLOCK_THREAD_CPUTIME_ID, "CLOCK_THREAD_CPUTIME_ID" },
	};
	struct timespec ts, res, a, b, mono, boot;
	char name[96];
	int backwards = 0;

	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		long r = raw_gettime(ids[i].id, &ts);

		snprintf(name, sizeof(name), "clock_gettime(%s)", ids[i].name);
		check(r == 0 && ts.tv_sec >= 0 && ts.tv_nsec >= 0 && ts.tv_nsec < NS, name, "ret %ld, %lld.%09ld",
		      r, (long long)ts.tv_sec, ts.tv_nsec);
		r = syscall(SYS_clock_getres, ids[i].id, &res);
		snprintf(name, sizeof(name), "clock_getres(%s) is between 1 ns and 10 ms", ids[i].name);
		check(r == 0 && res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 10000000, name,
		      "ret %ld, %lld.%09ld", r, (long long)res.tv_sec, res.tv_nsec);
	}
	raw_gettime(CLOCK_REALTIME, &ts);
	check(ts.tv_sec > 1577836800, "CLOCK_REALTIME is after 2020 (read from the RTC)", "%lld",
	      (long long)ts.tv_sec);
	errno = 0;
	check(raw_gettime(1000, &ts) == -1 && errno == EINVAL, "an unknown clock id is EINVAL", "errno %s",
	      strerror(errno));
	errno = 0;
	check(syscall(SYS_clock_getres, 1000, &res) == -1 && errno == EINVAL, "clock_getres of an unknown clock is EINVAL",
	      "errno %s", strerror(errno));
	raw_gettime(CLOCK_MONOTONIC, &a);
	for (int i = 0; i < 2000; i++) {
		raw_gettime(CLOCK_MONOTONIC, &b);
		backwards += ns_between(&a, &b) < 0;
		a = b;
	}
	check(backwards == 0, "CLOCK_MONOTONIC never goes backwards (2000 reads)", "%d steps back", backwards);
	raw_gettime(CLOCK_MONOTONIC, &mono);
	raw_gettime(CLOCK_BOOTTIME, &boot);
	check(ns_between(&mono, &boot) >= 0, "CLOCK_BOOTTIME is at least CLOCK_MONOTONIC", "%ld ns less",
	      -ns_between(&mono, &boot));
	raw_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
	burn(20000000);
	raw_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
	check(ns_between(&a, &b) >= 20000000, "CLOCK_PROCESS_CPUTIME_ID advances while computing", "%ld ns",
	      ns_between(&a, &b));
}

static void sleeps(void)
{
	struct timespec a, b, req = { 0, 50000000 }, rem = { 9, 9 };
	long r, took;

	raw_gettime(CLOCK_MONOTONIC, &a);
	r = syscall(SYS_nanosleep, &req, &rem);
	raw_gettime(CLOCK_MONOTONIC, &b);
	took = ns_between(&a, &b);
	check(r == 0 && took >= 50000000 && took < 5 * NS, "nanosleep(50 ms) sleeps at least 50 ms",
	      "ret %ld, slept %ld ns", r, took);
	req.tv_nsec = 0;
	check(syscall(SYS_nanosleep, &req, NULL) == 0, "nanosleep(0) returns at once", "%s", strerror(errno));
	req.tv_nsec = NS;
	errno = 0;
	check(syscall(SYS_nanosleep, &req, NULL) == -1 && errno == EINVAL, "nanosleep with tv_nsec = 1e9 is EINVAL",
	      "errno %s", strerror(errno));
	req.tv_nsec = -1;
	errno = 0;
	check(syscall(SYS_nanosleep, &req, NULL) == -1 && errno == EINVAL, "nanosleep with tv_nsec < 0 is EINVAL",
	      "errno %s", strerror(errno));
	req.tv_sec = -1;
	req.tv_nsec = 0;
	errno = 0;
	check(syscall(SYS_nanosleep, &req, NULL) == -1 && errno == EINVAL, "nanosleep with tv_sec < 0 is EINVAL",
	      "errno %s", strerror(errno));

	raw_gettime(CLOCK_MONOTONIC, &a);
	req = a;
	req.tv_nsec += 30000000;
	if (req.tv_nsec >= NS) {
		req.tv_sec++;
		req.tv_nsec -= NS;
	}
	r = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &req, NULL);
	raw_gettime(CLOCK_MONOTONIC, &b);
	check(r == 0 && ns_between(&req, &b) >= 0, "clock_nanosleep(TIMER_ABSTIME) wakes at or after the deadline",
	      "ret %ld, woke %ld ns early", r, -ns_between(&req, &b));
	/* The clock's start is past on any machine; "a second ago" is not
	 * when the machine booted less than a second ago (tv_sec < 0: EINVAL). */
	a.tv_sec = 0;
	a.tv_nsec = 1;
	raw_gettime(CLOCK_MONOTONIC, &req);
	r = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &a, NULL);
	raw_gettime(CLOCK_MONOTONIC, &b);
	check(r == 0 && ns_between(&req, &b) < NS / 2, "clock_nanosleep to a time already past returns at once",
	      "ret %ld, took %ld ns", r, ns_between(&req, &b));
	req.tv_sec = 0;
	req.tv_nsec = 10000000;
	check(syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0, &req, NULL) == 0, "clock_nanosleep(CLOCK_REALTIME, 10 ms)",
	      "%s", strerror(errno));
	errno = 0;
	check(syscall(SYS_clock_nanosleep, 1000, 0, &req, NULL) == -1 && errno == EINVAL,
	      "clock_nanosleep on an unknown clock is EINVAL", "errno %s", strerror(errno));
}

static void wall_clocks(void)
{
	struct timespec ts;
	struct timeval tv;
	struct timezone tz;
	long t, r;

	raw_gettime(CLOCK_REALTIME, &ts);
	r = syscall(SYS_gettimeofday, &tv, &tz);
	check(r == 0 && tv.tv_usec >= 0 && tv.tv_usec < 1000000 && tv.tv_sec - ts.tv_sec >= 0 &&
	      tv.tv_sec - ts.tv_sec <= 1, "gettimeofday agrees with CLOCK_REALTIME", "ret %ld, %lld.%06ld vs %lld",
	      r, (long long)tv.tv_sec, (long)tv.tv_usec, (long long)ts.tv_sec);
	t = syscall(SYS_time, NULL);
	check(t - ts.tv_sec >= 0 && t - ts.tv_sec <= 1, "time() agrees with CLOCK_REALTIME", "%ld vs %lld", t,
	      (long long)ts.tv_sec);
	{
		time_t stored = 0;

		t = syscall(SYS_time, &stored);
		check(stored == t, "time(&t) stores what it returns", "%lld vs %ld", (long long)stored, t);
	}
}

/*
 * Setting the wall clock. The refusals run anywhere (none changes a clock,
 * the host's included); the settings only on Breenix: a jump forward by a
 * day and back, and the time zone settimeofday stores for gettimeofday.
 */
static int set_as_user(void *arg)
{
	struct timespec ts = { 0, 0 };

	(void)arg;
	if (setuid(1000))
		return 1;
	check_errno(syscall(SYS_clock_settime, CLOCK_REALTIME, &ts), EPERM,
		    "clock_settime needs root");
	check_errno(syscall(SYS_settimeofday, NULL, NULL), EPERM, "settimeofday needs root");
	return 0;
}

/* A child's sleep on CLOCK_REALTIME: its length in ms, as its exit status / 100. */
static pid_t realtime_sleeper(int flags, long sec)
{
	struct timespec ts = { sec, 0 }, t0, t1;
	pid_t pid = fork();

	if (pid == 0) {
		raw_gettime(CLOCK_MONOTONIC, &t0);
		if (flags) {
			raw_gettime(CLOCK_REALTIME, &ts);
			ts.tv_sec += sec;
		}
		clock_nanosleep(CLOCK_REALTIME, flags, &ts, NULL);
		raw_gettime(CLOCK_MONOTONIC, &t1);
		_exit((int)((t1.tv_sec - t0.tv_sec) * 10 + (t1.tv_nsec - t0.tv_nsec) / 100000000));
	}
	return pid;
}

/* An absolute REALTIME timer 100 s ahead fires once the clock is set past it. */
static void timer_across_a_set(void)
{
	struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1 };
	struct itimerspec its = { { 0, 0 }, { 0, 0 } };
	struct timespec wait = { 5, 0 }, now;
	sigset_t set;
	timer_t id;
	int sig;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	if (timer_create(CLOCK_REALTIME, &ev, &id)) {
		fail("timer_create", "%s", strerror(errno));
		return;
	}
	raw_gettime(CLOCK_REALTIME, &now);
	its.it_value.tv_sec = now.tv_sec + 100;
	timer_settime(id, TIMER_ABSTIME, &its, NULL);
	now.tv_sec += 200;
	syscall(SYS_clock_settime, CLOCK_REALTIME, &now);
	sig = sigtimedwait(&set, NULL, &wait);
	check(sig == SIGUSR1, "an absolute CLOCK_REALTIME timer fires when the clock is set past it",
	      "sigtimedwait: %d (%s)", sig, strerror(errno));
	timer_delete(id);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raw_gettime(CLOCK_REALTIME, &now);
	now.tv_sec -= 200;
	syscall(SYS_clock_settime, CLOCK_REALTIME, &now);
}

/*
 * Setting the clock wakes an absolute sleep on it whose time has come; a
 * relative sleep keeps its length either way (Linux turns it monotonic).
 */
static void sleeps_across_a_set(void)
{
	struct timespec now;
	pid_t abs_pid, rel_pid;
	int st_abs = 0, st_rel = 0;

	abs_pid = realtime_sleeper(TIMER_ABSTIME, 100);
	rel_pid = realtime_sleeper(0, 2);
	usleep(500000);
	raw_gettime(CLOCK_REALTIME, &now);
	now.tv_sec += 200;
	syscall(SYS_clock_settime, CLOCK_REALTIME, &now);
	waitpid(abs_pid, &st_abs, 0);
	waitpid(rel_pid, &st_rel, 0);
	raw_gettime(CLOCK_REALTIME, &now);
	now.tv_sec -= 200;
	syscall(SYS_clock_settime, CLOCK_REALTIME, &now);
	timer_across_a_set();
	check(WIFEXITED(st_abs) && WEXITSTATUS(st_abs) < 50,
	      "an absolute CLOCK_REALTIME sleep ends when the clock is set past it",
	      "it slept %d.%d s", WEXITSTATUS(st_abs) / 10, WEXITSTATUS(st_abs) % 10);
	check(WIFEXITED(st_rel) && WEXITSTATUS(st_rel) >= 20 && WEXITSTATUS(st_rel) < 60,
	      "a relative CLOCK_REALTIME sleep keeps its 2 s across the jump",
	      "it slept %d.%d s", WEXITSTATUS(st_rel) / 10, WEXITSTATUS(st_rel) % 10);
}

static void set_wall_clock(void)
{
	struct timespec ts = { 0, 1000000000 }, now, later;
	struct timeval tv = { 0, 1000000 };
	struct timezone tz = { 16 * 60, 0 }, back;

	check_errno(syscall(SYS_clock_settime, CLOCK_MONOTONIC, &ts), EINVAL,
		    "clock_settime(CLOCK_MONOTONIC)");
	check_errno(syscall(SYS_clock_settime, 12345, &ts), EINVAL, "clock_settime of no clock");
	check_errno(syscall(SYS_clock_settime, CLOCK_PROCESS_CPUTIME_ID, &ts), EINVAL,
		    "clock_settime of a CPU clock");
	check_errno(syscall(SYS_clock_settime, CLOCK_REALTIME, NULL), EFAULT,
		    "clock_settime with a bad pointer");
	check_errno(syscall(SYS_settimeofday, &tv, NULL), EINVAL, "settimeofday with tv_usec 1e6");
	ts.tv_sec = -1;
	ts.tv_nsec = 0;
	check_errno(syscall(SYS_clock_settime, CLOCK_REALTIME, &ts), EINVAL,
		    "clock_settime before the epoch");
	if (geteuid() == 0) {
		check_errno(syscall(SYS_settimeofday, NULL, &tz), EINVAL,
			    "settimeofday with a zone 16 hours off");
		in_child(set_as_user, NULL);
	}
	if (!on_breenix() || geteuid() != 0) {
		skip("setting the clock", "only in the guest, as root");
		return;
	}
	raw_gettime(CLOCK_REALTIME, &now);
	ts = now;
	ts.tv_sec += 86400;
	check_ok(syscall(SYS_clock_settime, CLOCK_REALTIME, &ts), "clock_settime a day ahead");
	raw_gettime(CLOCK_REALTIME, &later);
	check(later.tv_sec - now.tv_sec >= 86400 && later.tv_sec - now.tv_sec <= 86401,
	      "CLOCK_REALTIME reads the new time", "moved %lld s", (long long)(later.tv_sec - now.tv_sec));
	ts.tv_sec -= 86400;
	syscall(SYS_clock_settime, CLOCK_REALTIME, &ts);
	sleeps_across_a_set();
	tz = (struct timezone){ -60, 0 };
	check_ok(syscall(SYS_settimeofday, NULL, &tz), "settimeofday stores a zone");
	syscall(SYS_gettimeofday, &tv, &back);
	check(back.tz_minuteswest == -60, "gettimeofday gives the zone back", "%d", back.tz_minuteswest);
	tz.tz_minuteswest = 0;
	syscall(SYS_settimeofday, NULL, &tz);
}

static void cpu_accounting(void)
{
	struct tms before, after;
	struct rusage ru;
	struct timespec ms50 = { 0, 50000000 };
	clock_t c0, c1;
	int status;
	pid_t pid;

	c0 = syscall(SYS_times, &before);
	nanosleep(&ms50, NULL);
	burn(100000000);
	c1 = syscall(SYS_times, &after);
	check(c1 - c0 >= 10 && c1 - c0 < 1000, "times() counts clock ticks (100 Hz) across 150 ms", "%ld ticks",
	      (long)(c1 - c0));
	check(after.tms_utime + after.tms_stime - before.tms_utime - before.tms_stime >= 5,
	      "times() charges 100 ms of computing to the process", "%ld ticks",
	      (long)(after.tms_utime + after.tms_stime - before.tms_utime - before.tms_stime));
	check(syscall(SYS_getrusage, RUSAGE_SELF, &ru) == 0 && ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec +
	      ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec >= 100000,
	      "getrusage(RUSAGE_SELF) has at least the 100 ms computed", "utime %ld.%06ld stime %ld.%06ld",
	      (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec, (long)ru.ru_stime.tv_sec,
	      (long)ru.ru_stime.tv_usec);
	pid = fork();
	if (pid == 0) {
		burn(100000000);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	syscall(SYS_getrusage, RUSAGE_CHILDREN, &ru);
	check(ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec + ru.ru_stime.tv_sec * 1000000 +
	      ru.ru_stime.tv_usec >= 90000, "getrusage(RUSAGE_CHILDREN) has a reaped child's 100 ms", "%ld.%06ld",
	      (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec);
	errno = 0;
	check(syscall(SYS_getrusage, 7, &ru) == -1 && errno == EINVAL, "getrusage of an unknown who is EINVAL",
	      "errno %s", strerror(errno));
}

static bool terminated(const char *field)
{
	return memchr(field, 0, 65) != NULL;
}

static void identity(void)
{
	struct utsname u;

	memset(&u, 0xff, sizeof(u));
	check(syscall(SYS_uname, &u) == 0 && terminated(u.sysname) && terminated(u.nodename) &&
	      terminated(u.release) && terminated(u.version) && terminated(u.machine) && terminated(u.domainname),
	      "uname fills every field, NUL-terminated", "%s", strerror(errno));
	check(u.sysname[0] && u.release[0] && u.version[0], "uname: sysname, release and version are set",
	      "'%s' '%s' '%s'", u.sysname, u.release, u.version);
	check(strcmp(u.machine, "x86_64") == 0, "uname: machine is x86_64", "'%s'", u.machine);
	say("# uname: %s %s %s %s %s\n", u.sysname, u.nodename, u.release, u.version, u.machine);
	check(getuid() == geteuid() && getgid() == getegid(), "real and effective ids agree (no set-id program)",
	      "uid %d euid %d gid %d egid %d", getuid(), geteuid(), getgid(), getegid());
	check(syscall(SYS_gettid) == getpid(), "gettid() is getpid() for a single-threaded process", "%ld vs %d",
	      syscall(SYS_gettid), getpid());
	check(syscall(SYS_set_tid_address, NULL) == getpid(), "set_tid_address returns the thread id", "-");
	check(syscall(SYS_sched_yield) == 0, "sched_yield returns 0", "%s", strerror(errno));
}

static void random_bytes(void)
{
	unsigned char a[256], b[256], big[4096];
	int same = 0, zero = 0;
	long r;

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	r = syscall(SYS_getrandom, a, sizeof(a), 0);
	check(r == sizeof(a), "getrandom fills 256 bytes", "returned %ld (%s)", r, strerror(errno));
	syscall(SYS_getrandom, b, sizeof(b), 0);
	for (size_t i = 0; i < sizeof(a); i++) {
		same += a[i] == b[i];
		zero += a[i] == 0;
	}
	check(same < 16 && zero < 16, "two draws differ and are not mostly zero", "%d equal, %d zero bytes", same,
	      zero);
	check(syscall(SYS_getrandom, a, 16, GRND_NONBLOCK) == 16, "getrandom(GRND_NONBLOCK)", "%s", strerror(errno));
	check(syscall(SYS_getrandom, a, 16, GRND_RANDOM) == 16, "getrandom(GRND_RANDOM)", "%s", strerror(errno));
	check(syscall(SYS_getrandom, a, 0, 0) == 0, "getrandom of 0 bytes returns 0", "%s", strerror(errno));
	r = syscall(SYS_getrandom, big, sizeof(big), 0);
	check(r == sizeof(big), "getrandom of 4 KiB", "returned %ld", r);
	errno = 0;
	check(syscall(SYS_getrandom, a, 16, 0x100) == -1 && errno == EINVAL, "getrandom with unknown flags is EINVAL",
	      "errno %s", strerror(errno));
}

static int as_limit(void *arg)
{
	struct rlimit rl = { 64UL << 20, 64UL << 20 };
	void *p;

	(void)arg;
	if (setrlimit(RLIMIT_AS, &rl))
		return 1;
	p = mmap(NULL, 128UL << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p != MAP_FAILED || errno != ENOMEM)
		return 2;
	p = mmap(NULL, 1UL << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 3;
	return 0;
}

static int recurse(uintptr_t depth)
{
	volatile char frame[16384];

	frame[0] = 1;
	if (depth == 0)
		return 0;
	return recurse(depth - 1) + frame[0] - 1;
}

static int stack_limit(void *arg)
{
	struct rlimit rl = { 1UL << 20, 1UL << 20 };

	(void)arg;
	if (setrlimit(RLIMIT_STACK, &rl))
		return 1;
	/* 4 MiB of frames against a 1 MiB limit. */
	return recurse(256);
}

static int raise_hard_unprivileged(void *arg)
{
	struct rlimit rl;

	(void)arg;
	if (getuid() == 0 && setuid(1000))
		return 1;
	getrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_max = rl.rlim_max == RLIM_INFINITY ? RLIM_INFINITY : rl.rlim_max + 1;
	rl.rlim_cur = rl.rlim_max;
	if (rl.rlim_max == RLIM_INFINITY)
		return 0;
	if (setrlimit(RLIMIT_NOFILE, &rl) == 0 || errno != EPERM)
		return 2;
	return 0;
}

static void limits(void)
{
	struct rlimit rl, saved, got;
	struct { uint64_t cur, max; } old, new;
	int status;

	check(getrlimit(RLIMIT_NOFILE, &saved) == 0 && saved.rlim_cur <= saved.rlim_max,
	      "getrlimit(RLIMIT_NOFILE): soft <= hard", "%s", strerror(errno));
	rl.rlim_cur = saved.rlim_cur > 16 ? saved.rlim_cur - 1 : saved.rlim_cur;
	rl.rlim_max = saved.rlim_max;
	check(setrlimit(RLIMIT_NOFILE, &rl) == 0 && getrlimit(RLIMIT_NOFILE, &got) == 0 &&
	      got.rlim_cur == rl.rlim_cur, "setrlimit lowers the soft limit and getrlimit sees it", "%s",
	      strerror(errno));
	rl.rlim_cur = saved.rlim_max == RLIM_INFINITY ? RLIM_INFINITY : saved.rlim_max + 1;
	rl.rlim_max = saved.rlim_max;
	errno = 0;
	check(saved.rlim_max == RLIM_INFINITY || (setrlimit(RLIMIT_NOFILE, &rl) == -1 && errno == EINVAL),
	      "a soft limit above the hard one is EINVAL", "errno %s", strerror(errno));
	new.cur = saved.rlim_cur;
	new.max = saved.rlim_max;
	check(syscall(SYS_prlimit64, getpid(), RLIMIT_NOFILE, &new, &old) == 0 && old.cur == got.rlim_cur,
	      "prlimit64(own pid) sets and returns the old limit", "old %llu, want %llu",
	      (unsigned long long)old.cur, (unsigned long long)got.rlim_cur);
	check(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &old) == 0 && old.cur == saved.rlim_cur,
	      "prlimit64(0) reads the restored limit", "%llu", (unsigned long long)old.cur);
	errno = 0;
	check(syscall(SYS_getrlimit, 100, &rl) == -1 && errno == EINVAL, "getrlimit of an unknown resource is EINVAL",
	      "errno %s", strerror(errno));
	errno = 0;
	check(syscall(SYS_prlimit64, 0, 100, NULL, &old) == -1 && errno == EINVAL,
	      "prlimit64 of an unknown resource is EINVAL", "errno %s", strerror(errno));
	errno = 0;
	check(syscall(SYS_prlimit64, 999999, RLIMIT_NOFILE, NULL, &old) == -1 && errno == ESRCH,
	      "prlimit64 of a missing process is ESRCH", "errno %s", strerror(errno));
	status = in_child(raise_hard_unprivileged, NULL);
	check(exited_with(status, 0), "raising a hard limit without privilege is EPERM", "child %s",
	      status_str(status));
	status = in_child(as_limit, NULL);
	check(exited_with(status, 0), "RLIMIT_AS of 64 MiB: a 128 MiB mmap is ENOMEM, 1 MiB fits", "child %s",
	      status_str(status));
	status = in_child(stack_limit, NULL);
	check(died_by(status, SIGSEGV), "RLIMIT_STACK of 1 MiB: a 4 MiB deep stack is SIGSEGV", "child %s",
	      status_str(status));
}

static int reboot_unprivileged(void *arg)
{
	(void)arg;
	if (getuid() == 0 && setuid(1000))
		return 1;
	/* The privilege check comes before the magic numbers: a wrong magic is safe. */
	if (syscall(SYS_reboot, 0x1234, 0x5678, LINUX_REBOOT_CMD_POWER_OFF, NULL) != -1 || errno != EPERM)
		return 2;
	return 0;
}

static void reboot_refusals(void)
{
	int status;

	errno = 0;
	check(syscall(SYS_reboot, 0x1234, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_POWER_OFF, NULL) == -1 &&
	      (errno == EINVAL || errno == EPERM), "reboot with a wrong magic number fails (EINVAL, or EPERM unprivileged)",
	      "errno %s", strerror(errno));
	status = in_child(reboot_unprivileged, NULL);
	check(exited_with(status, 0), "reboot without privilege is EPERM", "child %s", status_str(status));
}

static void nosys(void)
{
	/*
	 * Far past Linux's table, and -1. Not a gap inside it: Linux 6.11+
	 * gives 335 (uretprobe) a SIGILL when not called from a trampoline.
	 */
	static const long numbers[] = { 1000, 100000, 0x7fffffff, -1 };
	char name[64];

	for (size_t i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		errno = 0;
		snprintf(name, sizeof(name), "system call %ld is ENOSYS", numbers[i]);
		check(syscall(numbers[i], 0, 0, 0, 0, 0, 0) == -1 && errno == ENOSYS, name, "errno %s",
		      strerror(errno));
	}
}

int main(void)
{
	clocks();
	sleeps();
	wall_clocks();
	set_wall_clock();
	cpu_accounting();
	identity();
	random_bytes();
	limits();
	reboot_refusals();
	nosys();
	return done();
}
