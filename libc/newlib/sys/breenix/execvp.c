/*
 * execvp and execvpe as POSIX specifies them, in place of newlib's
 * (libc/posix/execvp.c): search every PATH entry (an empty one is the
 * current directory; no PATH means "/bin:/usr/bin"), keep going past
 * EACCES but report it, and run a file the kernel will not execute
 * (ENOEXEC) with /bin/sh.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

/* The script case: "sh path args...", argv[0] kept as sh's $0. */
static int exec_shell(const char *path, char *const argv[], char *const envp[])
{
	size_t argc = 0;

	while (argv[argc])
		argc++;
	char *sh_argv[argc + 2];

	sh_argv[0] = (char *)"sh";
	sh_argv[1] = (char *)path;
	for (size_t i = 1; i <= argc; i++)
		sh_argv[i + 1] = argv[i];
	return execve("/bin/sh", sh_argv, envp);
}

static int try_exec(const char *path, char *const argv[], char *const envp[])
{
	execve(path, argv, envp);
	if (errno == ENOEXEC)
		exec_shell(path, argv, envp);
	return -1;
}

int execvpe(const char *file, char *const argv[], char *const envp[])
{
	const char *path = getenv("PATH"), *p, *end;
	char buf[PATH_MAX];
	size_t flen = strlen(file), dlen;
	int seen_eacces = 0;

	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return try_exec(file, argv, envp);
	if (!path)
		path = "/bin:/usr/bin";
	for (p = path;; p = end + 1) {
		end = strchrnul(p, ':');
		dlen = (size_t)(end - p);
		if (dlen + 1 + flen < sizeof(buf)) {
			memcpy(buf, p, dlen);
			if (dlen)
				buf[dlen++] = '/';
			memcpy(buf + dlen, file, flen + 1);
			try_exec(buf, argv, envp);
			if (errno == EACCES)
				seen_eacces = 1;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		if (!*end)
			break;
	}
	errno = seen_eacces ? EACCES : ENOENT;
	return -1;
}

int execvp(const char *file, char *const argv[])
{
	return execvpe(file, argv, environ);
}
