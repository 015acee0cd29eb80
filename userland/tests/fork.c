/*
 * fork, vfork and clone(SIGCHLD): each returns twice with the right values,
 * and parent and child see the right pids. Linux behaviour, checked case by case.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define MANY 32

static void fork_returns_twice(void)
{
	pid_t parent = getpid();
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		/* Exit codes say which check failed; the parent reports them. */
		if (getppid() != parent)
			_exit(1);
		if (getpid() == parent)
			_exit(2);
		if (syscall(SYS_gettid) != getpid())
			_exit(3);
		_exit(42);
	}
	if (!check(pid > 0, "fork returns the child's pid in the parent", "fork: %s", strerror(errno)))
		return;
	check(pid != parent, "the child's pid differs from the parent's", "both %d", pid);
	check(waitpid(pid, &status, 0) == pid, "waitpid returns the child's pid", "%s", strerror(errno));
	check(exited_with(status, 42), "child sees getppid() == parent, getpid() == fork's value, gettid == pid",
	      "child %s (1: getppid, 2: getpid, 3: gettid)", status_str(status));
	check(getpid() == parent, "parent's getpid unchanged", "was %d, now %d", parent, getpid());
}

static void fork_child_pid_matches(void)
{
	static volatile pid_t seen;
	int status;
	pid_t pid;

	seen = 0;
	pid = fork();
	if (pid == 0) {
		seen = getpid();
		_exit(seen & 0xff);
	}
	waitpid(pid, &status, 0);
	check(exited_with(status, pid & 0xff), "child's getpid() equals fork's return value (low byte)",
	      "fork returned %d, child %s", pid, status_str(status));
	check(seen == 0, "child's writes to a private variable do not reach the parent", "seen %d", seen);
}

static void many_children(void)
{
	pid_t pids[MANY];
	int i, j, bad = 0, status;

	for (i = 0; i < MANY; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(i);
		if (pids[i] < 0)
			break;
	}
	if (!check(i == MANY, "32 children alive at once", "fork %d failed: %s", i, strerror(errno)))
		return;
	for (i = 0; i < MANY; i++)
		for (j = i + 1; j < MANY; j++)
			if (pids[i] == pids[j])
				bad++;
	check(bad == 0, "their pids are distinct", "%d duplicate pairs", bad);
	bad = 0;
	for (i = 0; i < MANY; i++) {
		pid_t got = wait(&status);

		for (j = 0; j < MANY && pids[j] != got; j++)
			;
		if (j == MANY || !exited_with(status, j))
			bad++;
	}
	check(bad == 0, "wait() reaps each with its own exit code", "%d wrong", bad);
	errno = 0;
	check(wait(&status) == -1 && errno == ECHILD, "then wait() fails with ECHILD",
	      "errno %s", strerror(errno));
}

static void nested_fork(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		pid_t me = getpid(), grandchild = fork();
		int gstatus;

		if (grandchild < 0)
			_exit(10);
		if (grandchild == 0)
			_exit(getppid() == me ? 7 : 11);
		if (waitpid(grandchild, &gstatus, 0) != grandchild)
			_exit(12);
		_exit(WIFEXITED(gstatus) ? WEXITSTATUS(gstatus) : 13);
	}
	waitpid(pid, &status, 0);
	check(exited_with(status, 7), "a child forks a grandchild whose getppid() is the child",
	      "%s (10: fork, 11: getppid, 12: wait, 13: grandchild died)", status_str(status));
}

static void vfork_shares_memory(void)
{
	static volatile int shared;
	int status;
	pid_t pid;

	shared = 1;
	pid = vfork();
	if (pid == 0) {
		/* The parent is suspended until this exits, and sees the store. */
		shared = 2;
		_exit(5);
	}
	check(pid > 0 && shared == 2, "vfork: the child runs in the parent's memory first",
	      "pid %d, shared %d", pid, shared);
	waitpid(pid, &status, 0);
	check(exited_with(status, 5), "vfork: the child's exit status reaches the parent", "%s",
	      status_str(status));
}

static void clone_as_fork(void)
{
	pid_t parent = getpid();
	int status;
	/* Raw clone with no flags but the exit signal is fork (x86_64 argument order). */
	long pid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);

	if (pid == 0)
		_exit(getppid() == parent ? 9 : 1);
	if (!check(pid > 0, "clone(SIGCHLD) creates a process", "%s", strerror(errno)))
		return;
	waitpid(pid, &status, 0);
	check(exited_with(status, 9), "clone(SIGCHLD) child has the right parent", "%s", status_str(status));
}

static void exit_group_status(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		syscall(SYS_exit_group, 77);
	waitpid(pid, &status, 0);
	check(exited_with(status, 77), "raw exit_group(77) gives status 77", "%s", status_str(status));
	pid = fork();
	if (pid == 0)
		syscall(SYS_exit, 78);
	waitpid(pid, &status, 0);
	check(exited_with(status, 78), "raw exit(78) of the only thread gives status 78", "%s",
	      status_str(status));
}

static void stack_copied(void)
{
	char local[256];
	int status;
	pid_t pid;

	memset(local, 'p', sizeof(local));
	pid = fork();
	if (pid == 0) {
		for (size_t i = 0; i < sizeof(local); i++)
			if (local[i] != 'p')
				_exit(1);
		memset(local, 'c', sizeof(local));
		_exit(0);
	}
	waitpid(pid, &status, 0);
	check(exited_with(status, 0) && local[0] == 'p' && local[255] == 'p',
	      "the child gets a copy of the parent's stack; its writes stay its own",
	      "child %s, parent sees '%c'", status_str(status), local[0]);
}

int main(void)
{
	fork_returns_twice();
	fork_child_pid_matches();
	many_children();
	nested_fork();
	vfork_shares_memory();
	clone_as_fork();
	exit_group_status();
	stack_copied();
	return done();
}
