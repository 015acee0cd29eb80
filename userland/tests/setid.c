/*
 * Set-user-ID and set-group-ID programs (POSIX execve, Linux's
 * bprm_fill_uid): S_ISUID makes the file's owner the effective and saved
 * uid, S_ISGID with group execute its group the effective and saved gid,
 * S_ISGID without it nothing; every exec makes the saved ids the
 * effective ones; AT_SECURE says whether the image gained privilege; a
 * script's set-id bits count for nothing. Needs root to make the files;
 * skipped where the scratch directory is mounted nosuid.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define OWNER	4321
#define GROUP	4322
#define RUNNER	1000

/* The exec'd image: its six ids and AT_SECURE, one line on stdout. */
static int report(void)
{
	uid_t r, e, s;
	gid_t rg, eg, sg;

	getresuid(&r, &e, &s);
	getresgid(&rg, &eg, &sg);
	printf("%u %u %u %u %u %u %lu\n", r, e, s, rg, eg, sg, getauxval(AT_SECURE));
	return 0;
}

/* Copies this program to @path with @mode, owned by OWNER:GROUP. */
static int install(const char *self, const char *path, mode_t mode)
{
	char buf[65536];
	int in = open(self, O_RDONLY), out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0700);
	ssize_t n;

	if (in < 0 || out < 0)
		return -1;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			return -1;
	close(in);
	close(out);
	/* chown clears set-id bits: the mode comes after it. */
	if (chown(path, OWNER, GROUP) || chmod(path, mode))
		return -1;
	return 0;
}

/*
 * Runs @path as RUNNER (real, effective and saved uid and gid), or with
 * only the effective uid changed when @euid_only; the report it printed.
 */
static const char *run_as(const char *path, bool euid_only)
{
	static char line[128];
	int p[2], st;
	ssize_t n;
	pid_t pid;

	line[0] = '\0';
	if (pipe(p))
		return line;
	pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		if (euid_only ? setresuid(0, RUNNER, 0) :
		    setresgid(RUNNER, RUNNER, RUNNER) || setresuid(RUNNER, RUNNER, RUNNER))
			_exit(126);
		execl(path, path, "--report", (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	n = read(p[0], line, sizeof(line) - 1);
	line[n > 0 ? n : 0] = '\0';
	close(p[0]);
	waitpid(pid, &st, 0);
	return line;
}

static void expect(const char *path, bool euid_only, const char *want, const char *name)
{
	const char *got = run_as(path, euid_only);

	check(!strcmp(got, want), name, "ids %s", got);
}

int main(int argc, char **argv)
{
	const char *suid, *sgid, *sgid_nox, *plain, *script;
	struct statvfs vfs;
	FILE *f;

	if (argc >= 2 && !strcmp(argv[1], "--report"))
		return report();
	if (geteuid() != 0) {
		skip("set-id exec", "making files owned by another user needs root");
		return done();
	}
	scratch_dir();
	if (statvfs(tpath("."), &vfs) == 0 && (vfs.f_flag & ST_NOSUID)) {
		skip("set-id exec", "the scratch directory is mounted nosuid");
		return done();
	}
	chmod(tpath("."), 0755);
	suid = strdup(tpath("suid"));
	sgid = strdup(tpath("sgid"));
	sgid_nox = strdup(tpath("sgid-nox"));
	plain = strdup(tpath("plain"));
	script = strdup(tpath("script"));
	if (install(argv[0], suid, 04755) || install(argv[0], sgid, 02755) ||
	    install(argv[0], sgid_nox, 02745) || install(argv[0], plain, 0755)) {
		fail("install the programs", "%s", strerror(errno));
		return done();
	}
	expect(suid, false, "1000 4321 4321 1000 1000 1000 1\n",
	       "S_ISUID: the owner becomes the effective and saved uid, AT_SECURE");
	expect(sgid, false, "1000 1000 1000 1000 4322 4322 1\n",
	       "S_ISGID with group execute: the group becomes the effective and saved gid");
	expect(sgid_nox, false, "1000 1000 1000 1000 1000 1000 0\n",
	       "S_ISGID without group execute changes nothing");
	expect(plain, false, "1000 1000 1000 1000 1000 1000 0\n", "a plain program: no change");
	expect(plain, true, "0 1000 1000 0 0 0 1\n",
	       "exec makes the saved uid the effective one, which differs from the real: AT_SECURE");
	f = fopen(script, "w");
	if (f) {
		fprintf(f, "#!%s --report\n", plain);
		fclose(f);
	}
	if (chown(script, OWNER, GROUP) || chmod(script, 06755))
		fail("make the script", "%s", strerror(errno));
	else
		expect(script, false, "1000 1000 1000 1000 1000 1000 0\n",
		       "a set-id script runs without its bits");
	remove_tree(scratch_dir());
	return done();
}
