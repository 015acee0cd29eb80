/*
 * execve: a static and a static-PIE program start with the argv, envp and
 * auxiliary vector they were given (probe.c checks them from inside), #!
 * scripts run their interpreter, and failures (missing file, directory,
 * not an executable, arguments too long) return the right errno and leave
 * the caller intact. The probes sit beside this program.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "probe.h"
#include "tap.h"

/* The page probe.c expects to be gone after exec. */
#define OLD_PAGE ((void *)0x500000000000UL)

static const char *dir;

static void path_of(char *buf, const char *name)
{
	snprintf(buf, PATH_MAX, "%s/%s", dir, name);
}

/*
 * fork, map OLD_PAGE, execve(path, argv, envp); returns the exec'd program's
 * wait status. pid_arg, if given, is an argv string the child first sets to its pid.
 */
static int exec_child(const char *path, char *const argv[], char *const envp[], char *pid_arg)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (pid_arg)
			snprintf(pid_arg, 24, "%d", getpid());
		if (mmap(OLD_PAGE, 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
			_exit(200);
		syscall(SYS_execve, path, argv, envp);
		say("# execve %s: %s\n", path, strerror(errno));
		_exit(201);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void exec_probe(const char *name, const char *what)
{
	char path[PATH_MAX], pid[24] = "";
	char *envp[] = { PROBE_ENV, NULL };
	char *argv[] = { PROBE_FIXED_ARGS, path, pid, NULL };
	int status;

	path_of(path, name);
	status = exec_child(path, argv, envp, pid);
	check(exited_with(status, 0), what, "probe %s (exit code = problems found, 200/201: exec failed)",
	      status_str(status));
}

static void exec_script(void)
{
	char path[PATH_MAX], env0[PATH_MAX + 16];
	char *argv[] = { PROBE_FIXED_ARGS, NULL };
	char *envp[] = { env0, NULL };
	int status;

	path_of(path, "probe-script");
	snprintf(env0, sizeof(env0), "PROBE_SCRIPT=%s", path);
	status = exec_child(path, argv, envp, NULL);
	check(exited_with(status, 0), "#! script: interpreter gets its argument, the script path and the arguments",
	      "probe %s", status_str(status));
}

static void expect_errno(const char *path, char *const argv[], int want, const char *what)
{
	char *envp[] = { NULL };
	long ret;

	errno = 0;
	ret = syscall(SYS_execve, path, argv, envp);
	check(ret == -1 && errno == want, what, "returned %ld, errno %s (want %s)", ret, strerror(errno),
	      strerror(want));
}

static void failures(void)
{
	char path[PATH_MAX];
	char *argv[] = { "x", NULL };
	static char big[140 * 1024];
	char *bigv[] = { "x", big, NULL };
	static char *many[40];
	static char chunk[100 * 1024];
	char *kept = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (kept != MAP_FAILED)
		strcpy(kept, "still here");
	path_of(path, "no-such-file");
	expect_errno(path, argv, ENOENT, "execve of a missing file is ENOENT");
	expect_errno("", argv, ENOENT, "execve of \"\" is ENOENT");
	expect_errno(dir, argv, EACCES, "execve of a directory is EACCES");
	path_of(path, "not-elf");
	expect_errno(path, argv, ENOEXEC, "execve of an executable text file without #! is ENOEXEC");
	path_of(path, "probe/x");
	expect_errno(path, argv, ENOTDIR, "execve through a file used as a directory is ENOTDIR");

	/* Linux: one string may be at most 32 pages (MAX_ARG_STRLEN, binfmts.h). */
	memset(big, 'a', sizeof(big) - 1);
	path_of(path, "probe");
	expect_errno(path, bigv, E2BIG, "an argument over 128 KiB is E2BIG");
	/* All strings together may use at most a quarter of the 8 MiB stack limit. */
	memset(chunk, 'b', sizeof(chunk) - 1);
	many[0] = "x";
	for (int i = 1; i < 39; i++)
		many[i] = chunk;
	expect_errno(path, many, E2BIG, "3.8 MiB of arguments is E2BIG");
	check(kept != MAP_FAILED && strcmp(kept, "still here") == 0,
	      "failed execves leave the caller's memory intact", "mapping %p", (void *)kept);
}

static void vfork_exec(void)
{
	char path[PATH_MAX];
	char *argv[] = { "nop", "a", "b", NULL };
	char *envp[] = { NULL };
	int status;
	pid_t child;

	path_of(path, "nop");
	child = vfork();
	if (child == 0) {
		syscall(SYS_execve, path, argv, envp);
		_exit(201);
	}
	if (!check(child > 0, "vfork for an exec", "%s", strerror(errno)))
		return;
	waitpid(child, &status, 0);
	check(exited_with(status, 2), "vfork+execve runs the program (nop exits argc - 1) and resumes the parent",
	      "%s", status_str(status));
}

int main(int argc, char **argv)
{
	(void)argc;
	dir = self_dir(argv[0]);
	exec_probe("probe", "exec a static binary: argv, envp, auxv, stack and bss as Linux builds them");
	exec_probe("probe-pie", "exec a static-PIE binary: the same, with a load bias");
	exec_script();
	failures();
	vfork_exec();
	return done();
}
