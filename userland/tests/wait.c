/*
 * wait4 and waitid: the status word for every exit code 0-255 and for a
 * death by SIGSEGV, WNOHANG, ECHILD, specific and any-child waits, zombies
 * that keep their status until reaped, rusage, and orphans handed to init.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

static void nap_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static void every_exit_code(void)
{
	int wrong = 0, first = -1, status = 0;

	for (int code = 0; code < 256; code++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(code);
		if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != code || WIFSIGNALED(status) || status != code << 8) {
			if (first < 0)
				first = code;
			wrong++;
		}
	}
	check(wrong == 0, "exit codes 0-255 each come back as status (code << 8), WIFEXITED",
	      "%d wrong, first %d (%s)", wrong, first, status_str(status));

	pid_t pid = fork();

	if (pid == 0)
		_exit(256 + 7);
	waitpid(pid, &status, 0);
	check(exited_with(status, 7), "only the low 8 bits of the exit code are kept", "%s", status_str(status));
}

static int segv(void *arg)
{
	(void)arg;
	*(volatile int *)opaque_ptr(16) = 1;
	return 0;
}

static void signal_death(void)
{
	int status = in_child(segv, NULL);

	check(died_by(status, SIGSEGV) && !WIFEXITED(status), "a SIGSEGV death: WIFSIGNALED, WTERMSIG == SIGSEGV",
	      "%s", status_str(status));
	check((status & 0x7f) == SIGSEGV, "the signal number sits in the status word's low 7 bits",
	      "status %#x", status);
}

static void nohang_and_echild(void)
{
	int status = 0;
	pid_t pid, got;

	errno = 0;
	check(waitpid(-1, &status, 0) == -1 && errno == ECHILD, "waitpid with no children is ECHILD",
	      "errno %s", strerror(errno));
	errno = 0;
	check(waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD, "WNOHANG with no children is ECHILD too",
	      "errno %s", strerror(errno));
	pid = fork();
	if (pid == 0) {
		nap_ms(300);
		_exit(3);
	}
	got = waitpid(pid, &status, WNOHANG);
	check(got == 0, "WNOHANG on a running child returns 0", "returned %d", got);
	errno = 0;
	check(waitpid(1, &status, WNOHANG) == -1 && errno == ECHILD, "waiting for a process that is not a child is ECHILD",
	      "errno %s", strerror(errno));
	errno = 0;
	check(waitpid(-1, &status, 0x1000) == -1 && errno == EINVAL, "unknown option bits are EINVAL",
	      "errno %s", strerror(errno));
	got = waitpid(pid, &status, 0);
	check(got == pid && exited_with(status, 3), "then a blocking wait gets it", "%d, %s", got, status_str(status));
}

static void zombie_keeps_status(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(99);
	nap_ms(200);
	check(waitpid(pid, &status, 0) == pid && exited_with(status, 99),
	      "a child that exited before the wait keeps its status as a zombie", "%s", status_str(status));
	errno = 0;
	check(waitpid(pid, &status, WNOHANG) == -1 && errno == ECHILD, "once reaped it is gone (ECHILD)",
	      "errno %s", strerror(errno));
}

static void specific_and_any(void)
{
	pid_t a = fork(), b;
	int status;

	if (a == 0)
		_exit(1);
	b = fork();
	if (b == 0)
		_exit(2);
	check(waitpid(b, &status, 0) == b && exited_with(status, 2), "waitpid(pid) takes that child, not another",
	      "%s", status_str(status));
	check(waitpid(0, &status, 0) == a && exited_with(status, 1), "waitpid(0) takes a child in our process group",
	      "%s", status_str(status));
}

static void rusage_and_wait4(void)
{
	struct rusage ru;
	int status = 0;
	pid_t pid = fork();

	if (pid == 0) {
		/* Burn a little CPU so the child has user time to report. */
		volatile unsigned long x = 0;

		for (unsigned long i = 0; i < 20000000; i++)
			x += i;
		_exit(0);
	}
	memset(&ru, 0xff, sizeof(ru));
	check(wait4(pid, &status, 0, &ru) == pid && exited_with(status, 0), "wait4 with a rusage", "%s",
	      status_str(status));
	check(ru.ru_utime.tv_sec >= 0 && ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000 &&
	      ru.ru_stime.tv_usec >= 0 && ru.ru_stime.tv_usec < 1000000 &&
	      (ru.ru_utime.tv_sec > 0 || ru.ru_utime.tv_usec > 0 || ru.ru_stime.tv_usec > 0),
	      "wait4 fills the child's rusage with its CPU time", "utime %ld.%06ld stime %ld.%06ld",
	      (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec, (long)ru.ru_stime.tv_sec,
	      (long)ru.ru_stime.tv_usec);
}

static void waitid_info(void)
{
	siginfo_t si;
	pid_t pid = fork();
	int status;

	if (pid == 0)
		_exit(42);
	memset(&si, 0, sizeof(si));
	check(waitid(P_PID, pid, &si, WEXITED) == 0 && si.si_pid == pid && si.si_signo == SIGCHLD &&
	      si.si_code == CLD_EXITED && si.si_status == 42 && si.si_uid == getuid(),
	      "waitid(P_PID, WEXITED): SIGCHLD, CLD_EXITED, pid, uid and status 42",
	      "signo %d code %d pid %d (want %d) status %d", si.si_signo, si.si_code, si.si_pid, pid, si.si_status);

	pid = fork();
	if (pid == 0)
		*(volatile int *)opaque_ptr(0) = 0;
	memset(&si, 0, sizeof(si));
	waitid(P_ALL, 0, &si, WEXITED);
	check(si.si_pid == pid && (si.si_code == CLD_KILLED || si.si_code == CLD_DUMPED) && si.si_status == SIGSEGV,
	      "waitid(P_ALL) on a SIGSEGV death: CLD_KILLED/CLD_DUMPED with si_status SIGSEGV",
	      "code %d status %d", si.si_code, si.si_status);

	pid = fork();
	if (pid == 0) {
		nap_ms(300);
		_exit(0);
	}
	memset(&si, 0xff, sizeof(si));
	check(waitid(P_PID, pid, &si, WEXITED | WNOHANG) == 0 && si.si_pid == 0,
	      "waitid WNOHANG with nothing to report returns 0 and zeroes si_pid", "si_pid %d", si.si_pid);
	memset(&si, 0, sizeof(si));
	check(waitid(P_PID, pid, &si, WEXITED | WNOWAIT) == 0 && si.si_pid == pid,
	      "waitid WNOWAIT reports the child without reaping it", "si_pid %d", si.si_pid);
	check(waitpid(pid, &status, 0) == pid && exited_with(status, 0), "... so waitpid still reaps it", "%s",
	      status_str(status));
	errno = 0;
	check(waitid(P_ALL, 0, &si, 0) == -1 && errno == EINVAL, "waitid without WEXITED/WSTOPPED/WCONTINUED is EINVAL",
	      "errno %s", strerror(errno));
}

static void orphan_reparented(void)
{
	int status;
	pid_t child = fork();

	if (child == 0) {
		pid_t me = getpid(), g = fork();

		if (g < 0)
			_exit(1);
		if (g == 0) {
			/* Wait (bounded) for our parent to die; then someone else is our parent. */
			for (int i = 0; i < 500 && getppid() == me; i++)
				nap_ms(10);
			_exit(0);
		}
		_exit(getppid() > 0 ? 5 : 2);
	}
	waitpid(child, &status, 0);
	check(exited_with(status, 5), "a child exits leaving a running grandchild", "%s", status_str(status));
	/* The grandchild is someone else's to reap (init, or a subreaper on a Linux host). */
	errno = 0;
	check(waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD,
	      "the orphaned grandchild is not ours to wait for", "errno %s", strerror(errno));
}

int main(void)
{
	every_exit_code();
	signal_death();
	nohang_and_echild();
	zombie_keeps_status();
	specific_and_any();
	rusage_and_wait4();
	waitid_info();
	orphan_reparented();
	return done();
}
