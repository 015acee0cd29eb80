/*
 * system(3) as POSIX specifies it, in place of newlib's
 * (libc/stdlib/system.c, which waits for any child and returns only the
 * exit code): "/bin/sh -c" with SIGINT and SIGQUIT ignored and SIGCHLD
 * blocked in the caller while it waits; the child gets the caller's
 * dispositions and mask back. The result is the wait status, 127 as the
 * exit code when the shell could not be run, -1 when no child could be made.
 */
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* Runs "sh -c CMD" with the child's signal state given; its wait status. */
static int run(const char *cmd, const sigset_t *mask, const sigset_t *defaults)
{
	char *argv[] = { "sh", "-c", (char *)cmd, NULL };
	posix_spawnattr_t attr;
	int status, err;
	pid_t pid;

	posix_spawnattr_init(&attr);
	posix_spawnattr_setsigmask(&attr, mask);
	posix_spawnattr_setsigdefault(&attr, defaults);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
	err = posix_spawn(&pid, "/bin/sh", NULL, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	if (err) {
		errno = err;
		/* vfork's own failures; any other is exec's: "as if exit(127)". */
		return err == EAGAIN || err == ENOMEM ? -1 : 127 << 8;
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}

int system(const char *cmd)
{
	struct sigaction ignore = { .sa_handler = SIG_IGN }, old_int, old_quit;
	sigset_t chld, old_mask, defaults;
	int status;

	if (!cmd)
		return access("/bin/sh", X_OK) == 0;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	/* What the caller ignored stays ignored in the child. */
	sigemptyset(&defaults);
	if (old_int.sa_handler != SIG_IGN)
		sigaddset(&defaults, SIGINT);
	if (old_quit.sa_handler != SIG_IGN)
		sigaddset(&defaults, SIGQUIT);
	status = run(cmd, &old_mask, &defaults);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	return status;
}
