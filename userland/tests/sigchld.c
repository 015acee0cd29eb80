/*
 * SIGCHLD and the zombie rules as Linux has them: the siginfo of each child
 * event (exit, kill, core, stop, continue), SA_NOCLDSTOP, waitpid's and
 * waitid's options and id types, no zombies under SIG_IGN or SA_NOCLDWAIT,
 * and the core flag of the wait status as RLIMIT_CORE decides it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

/* Long enough for a fork and exit under TCG; only a failing case waits it. */
#define CHLD_WAIT_SEC 10

static sigset_t chld_set;

/* The next SIGCHLD (blocked throughout) with its siginfo, or 0 after @sec. */
static int take_chld(siginfo_t *si, int sec)
{
	struct timespec ts = { sec, 0 };

	memset(si, 0, sizeof(*si));
	return sigtimedwait(&chld_set, si, &ts) == SIGCHLD;
}

static void drop_chld(void)
{
	siginfo_t si;

	take_chld(&si, 0);
}

/* A child that sleeps in pause() until signalled. */
static pid_t idle_child(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		for (;;)
			pause();
	}
	return pid;
}

static bool chld_is(const siginfo_t *si, pid_t pid, int code, int status)
{
	return si->si_signo == SIGCHLD && si->si_pid == pid &&
	       si->si_code == code && si->si_status == status &&
	       si->si_uid == getuid();
}

static void check_chld(pid_t pid, int code, int status, const char *name)
{
	siginfo_t si;
	int got = take_chld(&si, CHLD_WAIT_SEC);

	check(got && chld_is(&si, pid, code, status), name,
	      "got %d: pid %d (want %d) code %d (want %d) status %d (want %d)",
	      got, si.si_pid, pid, si.si_code, code, si.si_status, status);
}

static void test_exit_and_kill(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(7);
	check_chld(pid, CLD_EXITED, 7, "exit: SIGCHLD with CLD_EXITED, si_pid, si_status 7");
	check(waitpid(pid, &status, 0) == pid && exited_with(status, 7),
	      "exit: waitpid reaps it", "%s", status_str(status));
	pid = idle_child();
	kill(pid, SIGTERM);
	check_chld(pid, CLD_KILLED, SIGTERM, "kill: SIGCHLD with CLD_KILLED, si_status SIGTERM");
	check(waitpid(pid, &status, 0) == pid && died_by(status, SIGTERM) &&
	      !WCOREDUMP(status), "kill: waitpid says SIGTERM, no core", "%s", status_str(status));
}

static void test_stop_continue(void)
{
	int status = 0;
	pid_t pid = idle_child();

	/*
	 * A group of its own, whose parent (us) is in another group of our
	 * session: never orphaned, so SIGTSTP stops it however this test was
	 * started (in an orphaned group, POSIX has SIGTSTP discarded).
	 */
	setpgid(pid, pid);
	kill(pid, SIGSTOP);
	check_chld(pid, CLD_STOPPED, SIGSTOP, "stop: SIGCHLD with CLD_STOPPED, si_status SIGSTOP");
	check(waitpid(pid, &status, WNOHANG) == 0, "stop: waitpid without WUNTRACED ignores it",
	      "%s", status_str(status));
	check(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) &&
	      WSTOPSIG(status) == SIGSTOP, "stop: WUNTRACED reports it", "%s", status_str(status));
	check(waitpid(pid, &status, WUNTRACED | WNOHANG) == 0,
	      "stop: reported once", "%s", status_str(status));
	kill(pid, SIGCONT);
	check_chld(pid, CLD_CONTINUED, SIGCONT,
		   "continue: SIGCHLD with CLD_CONTINUED, si_status SIGCONT");
	check(waitpid(pid, &status, WCONTINUED) == pid && WIFCONTINUED(status),
	      "continue: WCONTINUED reports it", "%s", status_str(status));
	kill(pid, SIGTSTP);
	check_chld(pid, CLD_STOPPED, SIGTSTP, "SIGTSTP stops: si_status SIGTSTP");
	kill(pid, SIGKILL);
	check_chld(pid, CLD_KILLED, SIGKILL, "SIGKILL of a stopped child: CLD_KILLED");
	check(waitpid(pid, &status, WUNTRACED) == pid && died_by(status, SIGKILL),
	      "waitpid: the stopped child's SIGKILL", "%s", status_str(status));
}

static void set_chld_action(void (*handler)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigaction(SIGCHLD, &sa, NULL);
}

static void on_chld(int sig)
{
	(void)sig;
}

static void test_nocldstop(void)
{
	siginfo_t si;
	int status = 0;
	pid_t pid;

	set_chld_action(on_chld, SA_NOCLDSTOP);
	pid = idle_child();
	kill(pid, SIGSTOP);
	check(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status),
	      "SA_NOCLDSTOP: WUNTRACED still sees the stop", "%s", status_str(status));
	check(!take_chld(&si, 0), "SA_NOCLDSTOP: no SIGCHLD for the stop", "code %d", si.si_code);
	kill(pid, SIGCONT);
	check(waitpid(pid, &status, WCONTINUED) == pid && WIFCONTINUED(status),
	      "SA_NOCLDSTOP: WCONTINUED still sees the continue", "%s", status_str(status));
	check(!take_chld(&si, 0), "SA_NOCLDSTOP: no SIGCHLD for the continue", "code %d",
	      si.si_code);
	kill(pid, SIGKILL);
	check_chld(pid, CLD_KILLED, SIGKILL, "SA_NOCLDSTOP: SIGCHLD for the death");
	waitpid(pid, &status, 0);
	set_chld_action(SIG_DFL, 0);
}

/* waitid with @options on (@type, @id): its return, and @si filled. */
static int do_waitid(idtype_t type, id_t id, siginfo_t *si, int options)
{
	memset(si, 0xa5, sizeof(*si));
	return waitid(type, id, si, options);
}

static bool waitid_is(const siginfo_t *si, pid_t pid, int code, int status)
{
	return si->si_signo == SIGCHLD && si->si_pid == pid && si->si_code == code &&
	       si->si_status == status && si->si_uid == getuid();
}

static void test_waitid_exit(void)
{
	siginfo_t si;
	int r;
	pid_t pid = fork();

	if (pid == 0)
		_exit(5);
	drop_chld();
	r = do_waitid(P_PID, pid, &si, WEXITED | WNOWAIT);
	check(r == 0 && waitid_is(&si, pid, CLD_EXITED, 5),
	      "waitid WEXITED|WNOWAIT: CLD_EXITED, si_pid, si_status 5",
	      "r %d pid %d code %d status %d", r, si.si_pid, si.si_code, si.si_status);
	r = do_waitid(P_PID, pid, &si, WEXITED);
	check(r == 0 && waitid_is(&si, pid, CLD_EXITED, 5),
	      "waitid WEXITED after WNOWAIT: still there, now reaped",
	      "r %d pid %d code %d", r, si.si_pid, si.si_code);
	check_errno(do_waitid(P_PID, pid, &si, WEXITED), ECHILD, "waitid: reaped, ECHILD");
	pid = idle_child();
	r = do_waitid(P_PID, pid, &si, WEXITED | WNOHANG);
	check(r == 0 && si.si_pid == 0 && si.si_signo == 0,
	      "waitid WNOHANG with nothing to report: 0, si_pid and si_signo 0",
	      "r %d pid %d signo %d", r, si.si_pid, si.si_signo);
	kill(pid, SIGKILL);
	r = do_waitid(P_PID, pid, &si, WEXITED);
	check(r == 0 && waitid_is(&si, pid, CLD_KILLED, SIGKILL),
	      "waitid: CLD_KILLED, si_status SIGKILL", "r %d code %d status %d", r,
	      si.si_code, si.si_status);
	drop_chld();
	check_errno(do_waitid(P_PID, getpid(), &si, 0), EINVAL,
		    "waitid without WEXITED|WSTOPPED|WCONTINUED: EINVAL");
	check_errno(do_waitid((idtype_t)42, 0, &si, WEXITED), EINVAL, "waitid bad idtype: EINVAL");
}

static void test_waitid_stop(void)
{
	siginfo_t si;
	int r;
	pid_t pid = idle_child();

	kill(pid, SIGSTOP);
	drop_chld();
	r = do_waitid(P_PID, pid, &si, WSTOPPED | WNOWAIT);
	check(r == 0 && waitid_is(&si, pid, CLD_STOPPED, SIGSTOP),
	      "waitid WSTOPPED|WNOWAIT: CLD_STOPPED, SIGSTOP", "r %d code %d status %d", r,
	      si.si_code, si.si_status);
	r = do_waitid(P_PID, pid, &si, WSTOPPED);
	check(r == 0 && waitid_is(&si, pid, CLD_STOPPED, SIGSTOP),
	      "waitid WSTOPPED: the stop kept by WNOWAIT", "r %d code %d", r, si.si_code);
	r = do_waitid(P_PID, pid, &si, WSTOPPED | WNOHANG);
	check(r == 0 && si.si_pid == 0, "waitid WSTOPPED: consumed", "r %d pid %d", r, si.si_pid);
	kill(pid, SIGCONT);
	r = do_waitid(P_PID, pid, &si, WCONTINUED);
	check(r == 0 && waitid_is(&si, pid, CLD_CONTINUED, SIGCONT),
	      "waitid WCONTINUED: CLD_CONTINUED, SIGCONT", "r %d code %d status %d", r,
	      si.si_code, si.si_status);
	drop_chld();
	kill(pid, SIGKILL);
	do_waitid(P_PID, pid, &si, WEXITED);
	drop_chld();
}

static void test_waitid_groups(void)
{
	siginfo_t si;
	int r;
	pid_t a, b;

	a = fork();
	if (a == 0) {
		setpgid(0, 0);
		_exit(1);
	}
	setpgid(a, a);
	b = fork();
	if (b == 0)
		_exit(2);
	r = do_waitid(P_PGID, getpgrp(), &si, WEXITED);
	check(r == 0 && waitid_is(&si, b, CLD_EXITED, 2),
	      "waitid P_PGID: the child in our group, not the other",
	      "r %d pid %d (b %d) status %d", r, si.si_pid, b, si.si_status);
	check_errno(do_waitid(P_PGID, getpgrp(), &si, WEXITED | WNOHANG), ECHILD,
		    "waitid P_PGID: none left in the group, ECHILD");
	r = do_waitid(P_PGID, a, &si, WEXITED);
	check(r == 0 && waitid_is(&si, a, CLD_EXITED, 1), "waitid P_PGID: the other group's",
	      "r %d pid %d status %d", r, si.si_pid, si.si_status);
	a = fork();
	if (a == 0)
		_exit(3);
	r = do_waitid(P_ALL, 0, &si, WEXITED);
	check(r == 0 && waitid_is(&si, a, CLD_EXITED, 3), "waitid P_ALL: any child",
	      "r %d pid %d status %d", r, si.si_pid, si.si_status);
	check_errno(do_waitid(P_ALL, 0, &si, WEXITED), ECHILD, "waitid P_ALL: no children, ECHILD");
	while (take_chld(&si, 0))
		;
}

/* Whether /proc has an entry for @pid (a zombie has one). */
static bool in_proc(pid_t pid)
{
	char path[32];

	snprintf(path, sizeof(path), "/proc/%d", (int)pid);
	return access(path, F_OK) == 0;
}

/* The state letter of /proc/PID/stat ("1 (name) S ..."), or '?'. */
static char proc_state(pid_t pid)
{
	char path[32];
	const char *s, *paren;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	s = file_contents(path);
	paren = strrchr(s, ')');
	return paren && paren[1] == ' ' ? paren[2] : '?';
}

/* Three children exit; wait() returns ECHILD once all are gone, none a zombie. */
static void check_no_zombies(const char *how)
{
	pid_t pids[3];
	char name[96];
	int i, tries, gone = 0;

	for (i = 0; i < 3; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			usleep(20000 * i);
			_exit(i);
		}
	}
	snprintf(name, sizeof(name), "%s: wait blocks until all exit, then ECHILD", how);
	check_errno(wait(NULL), ECHILD, name);
	/*
	 * An autoreaped child leaves its parent's list before its pid goes
	 * (Linux's exit_notify, then release_task): give it a moment.
	 */
	for (tries = 0; tries < 100 && gone < 3; tries++) {
		usleep(10000);
		for (i = gone = 0; i < 3; i++)
			gone += !in_proc(pids[i]);
	}
	snprintf(name, sizeof(name), "%s: the children are gone from /proc", how);
	check(gone == 3, name, "%d of 3 gone", gone);
}

static void test_no_zombies(void)
{
	siginfo_t si;

	set_chld_action(SIG_IGN, 0);
	check_no_zombies("SIGCHLD ignored");
	check(!take_chld(&si, 0), "SIGCHLD ignored: no signal pending", "code %d", si.si_code);
	set_chld_action(on_chld, SA_NOCLDWAIT);
	check_no_zombies("SA_NOCLDWAIT");
	check(take_chld(&si, 0) && si.si_code == CLD_EXITED,
	      "SA_NOCLDWAIT with a handler: SIGCHLD still sent", "code %d", si.si_code);
	while (take_chld(&si, 0))
		;
	set_chld_action(SIG_DFL, 0);
}

static void test_zombie_kept(void)
{
	int status;
	char state = '?';
	siginfo_t si;
	pid_t pid = fork();

	if (pid == 0)
		_exit(4);
	take_chld(&si, CHLD_WAIT_SEC);
	state = proc_state(pid);
	check(state == 'Z', "default SIGCHLD: the child stays a zombie (Z in /proc/PID/stat)",
	      "state %c", state);
	check(waitpid(pid, &status, 0) == pid && exited_with(status, 4) && !in_proc(pid),
	      "waitpid reaps the zombie, its /proc entry goes", "%s", status_str(status));
}

struct core_case {
	int sig;
	rlim_t limit;
};

static int core_child(void *arg)
{
	const struct core_case *c = arg;
	struct rlimit rl = { c->limit, RLIM_INFINITY };

	/* Linux writes the core into the working directory. */
	if (chdir(scratch_dir()) || setrlimit(RLIMIT_CORE, &rl))
		return 2;
	signal(c->sig, SIG_DFL);
	if (c->sig == SIGSEGV)
		*(volatile int *)opaque_ptr(8) = 0;
	else
		kill(getpid(), c->sig);
	return 3;
}

/*
 * Linux sets the core flag only when it wrote a core: not with RLIMIT_CORE 0
 * (and then si_code is CLD_KILLED), with it unlimited in a writable
 * directory. Breenix writes no file and reports as Linux under the limit.
 */
static void check_core(int sig, rlim_t limit, const char *name)
{
	struct core_case c = { sig, limit };
	bool core = limit != 0;
	siginfo_t si;
	int st;

	st = in_child(core_child, &c);
	take_chld(&si, CHLD_WAIT_SEC);
	check(died_by(st, sig) && !WCOREDUMP(st) == !core &&
	      si.si_code == (core ? CLD_DUMPED : CLD_KILLED) && si.si_status == sig, name,
	      "%s, core flag %d, si_code %d status %d", status_str(st), st != -1 && WCOREDUMP(st),
	      si.si_code, si.si_status);
}

static void test_core(void)
{
	check_core(SIGQUIT, 0, "SIGQUIT, RLIMIT_CORE 0: killed, no core flag, CLD_KILLED");
	check_core(SIGSEGV, 0, "SIGSEGV, RLIMIT_CORE 0: killed, no core flag, CLD_KILLED");
	check_core(SIGQUIT, RLIM_INFINITY, "SIGQUIT, RLIMIT_CORE unlimited: WCOREDUMP, CLD_DUMPED");
	check_core(SIGABRT, RLIM_INFINITY, "SIGABRT, RLIMIT_CORE unlimited: WCOREDUMP, CLD_DUMPED");
	check_core(SIGSEGV, RLIM_INFINITY, "SIGSEGV, RLIMIT_CORE unlimited: WCOREDUMP, CLD_DUMPED");
}

static void on_abrt(int sig)
{
	(void)sig;
}

/* abort() with SIGABRT caught (the handler returns), blocked or ignored. */
static int abort_child(void *arg)
{
	int how = (int)(intptr_t)arg;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	if (how == 0)
		signal(SIGABRT, on_abrt);
	else if (how == 1)
		sigprocmask(SIG_BLOCK, &set, NULL);
	else
		signal(SIGABRT, SIG_IGN);
	abort();
}

static void test_abort(void)
{
	static const char *const names[] = {
		"abort() whose handler returns: still dies by SIGABRT",
		"abort() with SIGABRT blocked: dies by SIGABRT",
		"abort() with SIGABRT ignored: dies by SIGABRT",
	};
	int i, st;

	for (i = 0; i < 3; i++) {
		st = in_child(abort_child, (void *)(intptr_t)i);
		drop_chld();
		check(died_by(st, SIGABRT), names[i], "%s", status_str(st));
	}
}

int main(void)
{
	sigemptyset(&chld_set);
	sigaddset(&chld_set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld_set, NULL);
	scratch_dir();
	test_exit_and_kill();
	test_stop_continue();
	test_nocldstop();
	test_waitid_exit();
	test_waitid_stop();
	test_waitid_groups();
	test_no_zombies();
	test_zombie_kept();
	test_core();
	test_abort();
	return done();
}
