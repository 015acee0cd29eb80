/*
 * Core dumps with core_pattern "core": a process killed by a core signal
 * under a large enough RLIMIT_CORE leaves "core" in its working directory,
 * an ELF core file (ET_CORE, x86-64) whose NT_PRSTATUS note names the
 * signal and the process and whose PT_LOADs hold its memory; the wait
 * status says so. Under RLIMIT_CORE 0, or for a signal that does not dump,
 * nothing is written; a symbolic link named core is never followed. On a
 * host whose core_pattern is not "core" the cases are skipped.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

static char marker[64];

/* The child: a core limit, a marker in memory, then @sig. */
static int die_by(void *arg)
{
	int sig = (int)(long)arg;
	struct rlimit rl = { RLIM_INFINITY, RLIM_INFINITY };

	setrlimit(RLIMIT_CORE, &rl);
	snprintf(marker, sizeof(marker), "breenix core marker %d", (int)getpid());
	if (sig == SIGSEGV)
		*(volatile int *)opaque_ptr(0) = 1;
	raise(sig);
	return 0;
}

static int die_without_limit(void *arg)
{
	struct rlimit rl = { 0, RLIM_INFINITY };

	(void)arg;
	setrlimit(RLIMIT_CORE, &rl);
	raise(SIGQUIT);
	return 0;
}

static ssize_t read_at(int fd, void *buf, size_t len, off_t off)
{
	return pread(fd, buf, len, off);
}

/* NT_PRSTATUS's pr_cursig and pr_pid (Linux's elf_prstatus offsets 12 and 32). */
static bool check_prstatus(int fd, const Elf64_Phdr *note, int sig, pid_t pid)
{
	char buf[4096];
	size_t off = 0, len = note->p_filesz < sizeof(buf) ? note->p_filesz : sizeof(buf);

	if (read_at(fd, buf, len, (off_t)note->p_offset) != (ssize_t)len)
		return false;
	while (off + 12 <= len) {
		Elf64_Nhdr n;
		const char *desc;

		memcpy(&n, buf + off, sizeof(n));
		desc = buf + off + 12 + (n.n_namesz + 3) / 4 * 4;
		if (n.n_type == NT_PRSTATUS && !strcmp(buf + off + 12, "CORE")) {
			short cursig;
			int prpid;

			memcpy(&cursig, desc + 12, sizeof(cursig));
			memcpy(&prpid, desc + 32, sizeof(prpid));
			return cursig == sig && prpid == pid;
		}
		off += 12 + (n.n_namesz + 3) / 4 * 4 + (n.n_descsz + 3) / 4 * 4;
	}
	return false;
}

/* The marker the child wrote, read from the PT_LOAD that maps its address. */
static bool check_memory(int fd, const Elf64_Ehdr *eh, pid_t pid)
{
	char want[64], got[64];
	uint64_t addr = (uint64_t)(uintptr_t)marker;

	snprintf(want, sizeof(want), "breenix core marker %d", (int)pid);
	for (int i = 0; i < eh->e_phnum; i++) {
		Elf64_Phdr ph;

		if (read_at(fd, &ph, sizeof(ph), (off_t)(eh->e_phoff + i * sizeof(ph))) != sizeof(ph))
			return false;
		if (ph.p_type != PT_LOAD || addr < ph.p_vaddr || addr >= ph.p_vaddr + ph.p_filesz)
			continue;
		if (read_at(fd, got, sizeof(got), (off_t)(ph.p_offset + addr - ph.p_vaddr)) !=
		    sizeof(got))
			return false;
		return !strcmp(got, want);
	}
	return false;
}

static void dump_case(int sig, const char *name)
{
	struct stat st;
	Elf64_Ehdr eh;
	Elf64_Phdr note;
	pid_t pid;
	int status, fd;

	unlink("core");
	pid = fork();
	if (pid == 0)
		_exit(die_by((void *)(long)sig));
	waitpid(pid, &status, 0);
	check(WIFSIGNALED(status) && WTERMSIG(status) == sig && WCOREDUMP(status), name, "%s",
	      status_str(status));
	fd = open("core", O_RDONLY | O_NOFOLLOW);
	if (!check(fd >= 0 && fstat(fd, &st) == 0, "the core file is there", "%s", strerror(errno)))
		return;
	check(S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0600 && st.st_uid == geteuid(),
	      "a regular file, mode 0600, the process's", "mode %o uid %d", st.st_mode,
	      (int)st.st_uid);
	check(read_at(fd, &eh, sizeof(eh), 0) == sizeof(eh) && !memcmp(eh.e_ident, ELFMAG, SELFMAG) &&
	      eh.e_type == ET_CORE && eh.e_machine == EM_X86_64, "an ELF core file for x86-64",
	      "type %d machine %d", eh.e_type, eh.e_machine);
	check(read_at(fd, &note, sizeof(note), (off_t)eh.e_phoff) == sizeof(note) &&
	      note.p_type == PT_NOTE && check_prstatus(fd, &note, sig, pid),
	      "NT_PRSTATUS names the signal and the process", "first phdr type %u", note.p_type);
	check(check_memory(fd, &eh, pid), "the process's memory is in its PT_LOAD", "no marker");
	close(fd);
	unlink("core");
}

static void no_dump_cases(void)
{
	struct stat st;
	int status, fd;

	status = in_child(die_without_limit, NULL);
	check(WIFSIGNALED(status) && !WCOREDUMP(status) && stat("core", &st) < 0,
	      "RLIMIT_CORE 0: no core file, no core flag", "%s", status_str(status));
	status = in_child(die_by, (void *)(long)SIGTERM);
	check(WIFSIGNALED(status) && !WCOREDUMP(status) && stat("core", &st) < 0,
	      "SIGTERM does not dump", "%s", status_str(status));
	fd = open("target", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	close(fd);
	symlink("target", "core");
	status = in_child(die_by, (void *)(long)SIGABRT);
	check(WCOREDUMP(status) && lstat("core", &st) == 0 && S_ISREG(st.st_mode) &&
	      stat("target", &st) == 0 && st.st_size == 0,
	      "a symbolic link named core is replaced, its target untouched", "%s",
	      status_str(status));
	unlink("core");
	unlink("target");
}

int main(void)
{
	char pattern[64] = "";
	FILE *f = fopen("/proc/sys/kernel/core_pattern", "r");

	if (f) {
		if (!fgets(pattern, sizeof(pattern), f))
			pattern[0] = '\0';
		fclose(f);
	}
	if (!on_breenix() && strcmp(pattern, "core\n")) {
		skip("core dumps", "this host's core_pattern is not \"core\"");
		return done();
	}
	if (chdir(scratch_dir()))
		fail("chdir", "%s", strerror(errno));
	dump_case(SIGSEGV, "SIGSEGV: killed with a core dump");
	dump_case(SIGQUIT, "SIGQUIT: killed with a core dump");
	no_dump_cases();
	remove_tree(scratch_dir());
	return done();
}
