/*
 * Threads as musl makes them (clone with CLONE_VM, CLONE_THREAD, CLONE_SETTLS,
 * CLONE_PARENT_SETTID and CLONE_CHILD_CLEARTID, then futex on join): each
 * thread has its own TLS and errno. execve from any thread ends the others
 * and keeps the process's pid and parent (POSIX, Linux's de_thread).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define THREADS 4

static __thread int mine = 7;

struct result {
	int seen_initial;
	int errno_after;
	long tid;
};

static void *worker(void *arg)
{
	struct result *r = arg;

	r->seen_initial = mine;
	mine = 100;
	errno = 0;
	syscall(SYS_getrandom, NULL, 16, 0x100);
	r->errno_after = errno;
	r->tid = syscall(SYS_gettid);
	return r;
}

/*
 * The image a thread execs (argv[1] "--exec-report"): one thread, the pid
 * and parent it had (argv[2], argv[3]), its tid the pid. Exits with a bit
 * per problem.
 */
static int exec_report(char **argv)
{
	char line[128];
	int threads = -1, problems = 0;
	FILE *f = fopen("/proc/self/status", "r");

	while (f && fgets(line, sizeof(line), f))
		sscanf(line, "Threads: %d", &threads);
	if (f)
		fclose(f);
	problems |= (getpid() != atoi(argv[2])) << 0;
	problems |= (getppid() != atoi(argv[3])) << 1;
	problems |= (syscall(SYS_gettid) != getpid()) << 2;
	problems |= (threads != 1) << 3;
	return problems;
}

static const char *self_path;

static void *sleeper(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

/* A child with three sleeping threads; the one named by @from execs. */
static void *exec_now(void *arg)
{
	char pid[16], ppid[16];

	(void)arg;
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	snprintf(ppid, sizeof(ppid), "%d", (int)getppid());
	execl(self_path, self_path, "--exec-report", pid, ppid, (char *)NULL);
	_exit(100);
}

static int exec_from(bool main_thread)
{
	pthread_t t;
	int i;

	for (i = 0; i < 3; i++)
		if (pthread_create(&t, NULL, sleeper, NULL))
			return 101;
	if (main_thread)
		exec_now(NULL);
	if (pthread_create(&t, NULL, exec_now, NULL))
		return 101;
	for (;;)
		pause();
}

static void exec_cases(void)
{
	static const char *const name[] = { "execve from a thread ends the others, keeps the pid",
					    "execve from the main thread ends the others" };
	int status, which;
	pid_t pid;

	for (which = 0; which < 2; which++) {
		pid = fork();
		if (pid == 0)
			_exit(exec_from(which));
		check(waitpid(pid, &status, 0) == pid && exited_with(status, 0), name[which],
		      "%s", status_str(status));
		check_errno(waitpid(pid, &status, WNOHANG), ECHILD, "the process is reaped once");
	}
}

int main(int argc, char **argv)
{
	pthread_t t[THREADS];
	struct result res[THREADS];
	int created = 0, bad = 0;

	if (argc == 4 && !strcmp(argv[1], "--exec-report"))
		return exec_report(argv);
	self_path = argv[0];
	memset(res, 0, sizeof(res));
	errno = ENOENT;
	for (int i = 0; i < THREADS; i++) {
		int err = pthread_create(&t[i], NULL, worker, &res[i]);

		if (err) {
			fail("pthread_create", "%s", strerror(err));
			break;
		}
		created++;
	}
	for (int i = 0; i < created; i++) {
		void *ret = NULL;

		if (pthread_join(t[i], &ret) || ret != &res[i])
			bad++;
	}
	check(created == THREADS && bad == 0, "4 threads created and joined", "%d created, %d bad joins", created, bad);
	bad = 0;
	for (int i = 0; i < created; i++)
		bad += res[i].seen_initial != 7 || res[i].errno_after != EINVAL || res[i].tid == getpid();
	check(bad == 0, "each thread starts with fresh TLS, has its own errno and tid", "%d wrong", bad);
	check(mine == 7 && errno == ENOENT, "the main thread's TLS and errno are untouched", "mine %d, errno %d", mine,
	      errno);
	exec_cases();
	return done();
}
