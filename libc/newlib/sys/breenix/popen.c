/*
 * popen and pclose over posix_spawn of "/bin/sh -c", in place of newlib's
 * (libc/posix/popen.c, whose vfork child overwrites a variable of the
 * parent's). As POSIX requires, the child closes the streams of earlier
 * popen calls; mode "re"/"we" (glibc's) makes the stream close-on-exec.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

struct popen_stream {
	FILE *f;
	pid_t pid;
	struct popen_stream *next;
};

static struct popen_stream *streams;

/* File actions: earlier streams closed, then the pipe's child end onto 0 or 1. */
static int child_actions(posix_spawn_file_actions_t *fa, int child_fd, int target)
{
	int err = 0;

	for (struct popen_stream *s = streams; s && !err; s = s->next)
		err = posix_spawn_file_actions_addclose(fa, fileno(s->f));
	return err ? err : posix_spawn_file_actions_adddup2(fa, child_fd, target);
}

/* Starts "sh -c CMD" with the pipe's child end; 0 or an error number. */
static int start(const char *cmd, int fds[2], int reading, pid_t *pid)
{
	char *argv[] = { "sh", "-c", (char *)cmd, NULL };
	posix_spawn_file_actions_t fa;
	int err;

	posix_spawn_file_actions_init(&fa);
	err = child_actions(&fa, fds[reading], reading);
	if (!err)
		err = posix_spawn(pid, "/bin/sh", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	return err;
}

FILE *popen(const char *cmd, const char *mode)
{
	int reading = mode[0] == 'r', fds[2], err;
	int cloexec = mode[0] && mode[1] == 'e';
	struct popen_stream *s;

	if ((mode[0] != 'r' && mode[0] != 'w') || mode[1 + cloexec]) {
		errno = EINVAL;
		return NULL;
	}
	s = malloc(sizeof(*s));
	if (!s)
		return NULL;
	/* Both ends close-on-exec: neither leaks into the child's program. */
	if (pipe2(fds, O_CLOEXEC)) {
		free(s);
		return NULL;
	}
	err = start(cmd, fds, reading, &s->pid);
	close(fds[reading]);
	if (!err && !cloexec && fcntl(fds[!reading], F_SETFD, 0))
		err = errno;
	if (!err && !(s->f = fdopen(fds[!reading], reading ? "r" : "w")))
		err = errno;
	if (err) {
		close(fds[!reading]);
		free(s);
		errno = err;
		return NULL;
	}
	s->next = streams;
	streams = s;
	return s->f;
}

int pclose(FILE *f)
{
	struct popen_stream **link = &streams, *s;
	int status;
	pid_t pid;

	while (*link && (*link)->f != f)
		link = &(*link)->next;
	s = *link;
	if (!s) {
		errno = ECHILD;
		return -1;
	}
	*link = s->next;
	fclose(f);
	while ((pid = waitpid(s->pid, &status, 0)) < 0 && errno == EINTR)
		;
	free(s);
	return pid < 0 ? -1 : status;
}
