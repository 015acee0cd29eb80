/*
 * execve over the ELF corpus that exec's build generates (tests/elf-corpus):
 * every file is run in a child and must give the result the corpus lists
 * for this kernel: 0 (it ran and exited 0), ENOEXEC or ENOENT, never a
 * crash. On Linux the Linux column applies ("any" where Linux does not
 * check, which is skipped); on Breenix the Breenix column, which never says
 * "any". The list is compiled in (elf_corpus.h, made from the corpus's list
 * file) because reading files arrives after issue 5.
 * Usage: elfexec [CORPUS-DIR], by default the elf/ directory beside this program.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "elf_corpus.h"
#include "tap.h"

/* What an execve gave, as the corpus writes it: "0", "ENOEXEC", "ENOENT", or something else. */
static const char *errname(int err)
{
	static char other[32];

	switch (err) {
	case 0:
		return "0";
	case ENOEXEC:
		return "ENOEXEC";
	case ENOENT:
		return "ENOENT";
	default:
		snprintf(other, sizeof(other), "errno %d (%s)", err, strerror(err));
		return other;
	}
}

int main(int argc, char **argv)
{
	char dir[PATH_MAX], path[PATH_MAX + 128], name[PATH_MAX + 192];
	bool breenix = on_breenix();
	volatile int *exec_errno = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (exec_errno == MAP_FAILED) {
		fail("map a shared page", "%s", strerror(errno));
		return done();
	}
	if (argc > 1)
		snprintf(dir, sizeof(dir), "%s", argv[1]);
	else
		snprintf(dir, sizeof(dir), "%s/elf", self_dir(argv[0]));

	for (size_t i = 0; i < sizeof(elf_corpus) / sizeof(elf_corpus[0]); i++) {
		const char *want = breenix ? elf_corpus[i].on_breenix : elf_corpus[i].on_linux;
		char *args[] = { (char *)elf_corpus[i].name, NULL }, *env[] = { NULL };
		int status = 0;
		pid_t pid;

		snprintf(path, sizeof(path), "%s/%s", dir, elf_corpus[i].name);
		snprintf(name, sizeof(name), "execve %s gives %s", elf_corpus[i].name, want);
		if (strcmp(want, "any") == 0) {
			skip(name, "Linux does not check this");
			continue;
		}
		*exec_errno = -1;
		pid = fork();
		if (pid == 0) {
			syscall(SYS_execve, path, args, env);
			*exec_errno = errno;
			_exit(125);
		}
		if (pid < 0 || waitpid(pid, &status, 0) != pid) {
			fail(name, "fork/wait: %s", strerror(errno));
			continue;
		}
		if (*exec_errno >= 0)
			check(strcmp(errname(*exec_errno), want) == 0, name, "execve failed with %s",
			      errname(*exec_errno));
		else
			check(strcmp(want, "0") == 0 && exited_with(status, 0), name, "it ran and %s",
			      status_str(status));
	}
	return done();
}
