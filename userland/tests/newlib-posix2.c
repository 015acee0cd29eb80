/*
 * What the newlib port adds for real programs (libc/newlib/sys/breenix):
 * popen/pclose, system and its signal rules, posix_spawn with file actions
 * and attributes, getlogin, getpass, crypt with hashes made on Linux, the
 * shadow file and initgroups. Newlib only (guest.newlib.posix2); it runs as
 * root. "posix2 child-..." is the spawned side of the attribute cases.
 */
#define _GNU_SOURCE
#include <crypt.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <shadow.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

extern char **environ;

static const char *self;		/* this program, for the spawned side */

/* The spawned side: its exit status answers the parent's question. */
static int child_mode(const char *mode)
{
	struct sigaction sa;
	sigset_t mask;

	if (!strcmp(mode, "child-mask")) {
		sigprocmask(SIG_SETMASK, NULL, &mask);
		return sigismember(&mask, SIGUSR1);
	}
	if (!strcmp(mode, "child-sigusr2")) {
		sigaction(SIGUSR2, NULL, &sa);
		return sa.sa_handler == SIG_IGN;
	}
	if (!strcmp(mode, "child-euid"))
		return geteuid() == 0 ? 0 : 1;
	if (!strcmp(mode, "child-sid"))
		return getsid(0) == getpid() && getpgrp() == getpid() ? 0 : 1;
	return 100;
}

/* Spawns "self MODE" with ATTR and returns its wait status (-1: spawn failed). */
static int spawn_self(const char *mode, const posix_spawnattr_t *attr)
{
	char *argv[] = { (char *)self, (char *)mode, NULL };
	int status, err;
	pid_t pid;

	err = posix_spawn(&pid, self, NULL, attr, argv, environ);
	if (err) {
		errno = err;
		return -1;
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void popen_read_write(void)
{
	char line[64] = "";
	FILE *f = popen("echo hello; echo world", "r");
	const char *out = tpath("popen-w");
	char cmd[128];
	int status;

	if (!check(f != NULL, "popen(\"r\") starts the command", "%s", strerror(errno)))
		return;
	check(fgets(line, sizeof(line), f) && !strcmp(line, "hello\n") && fgets(line, sizeof(line), f) &&
	      !strcmp(line, "world\n") && !fgets(line, sizeof(line), f),
	      "popen(\"r\") reads the command's output to its end", "got \"%s\"", line);
	status = pclose(f);
	check(exited_with(status, 0), "pclose returns the wait status", "%s", status_str(status));
	snprintf(cmd, sizeof(cmd), "cat > %s", out);
	f = popen(cmd, "w");
	if (!check(f != NULL, "popen(\"w\") starts the command", "%s", strerror(errno)))
		return;
	fputs("to the command's stdin\n", f);
	status = pclose(f);
	check(exited_with(status, 0) && !strcmp(file_contents(out), "to the command's stdin\n"),
	      "popen(\"w\") feeds the command's standard input", "%s, file \"%s\"",
	      status_str(status), file_contents(out));
	status = pclose(popen("exit 3", "r"));
	check(exited_with(status, 3), "pclose gives the exit status 3", "%s", status_str(status));
	status = pclose(popen("kill -TERM $$", "r"));
	check(died_by(status, SIGTERM), "pclose reports a death by signal", "%s", status_str(status));
}

static void popen_descriptors(void)
{
	FILE *r = popen("true", "r"), *re = popen("true", "re"), *w, *w2;
	int status;

	check(r && re && !(fcntl(fileno(r), F_GETFD) & FD_CLOEXEC) &&
	      (fcntl(fileno(re), F_GETFD) & FD_CLOEXEC),
	      "popen's \"e\" makes the stream close-on-exec, and only then", "r %p re %p", (void *)r,
	      (void *)re);
	if (r)
		pclose(r);
	if (re)
		pclose(re);
	errno = 0;
	check(!popen("true", "rw") && errno == EINVAL, "popen refuses mode \"rw\" with EINVAL",
	      "errno %d", errno);
	/*
	 * POSIX: a popen child closes the streams of earlier popens. If the
	 * second child kept the first pipe's write end, cat would never see EOF
	 * and the first pclose would hang (the alarm ends the test then).
	 */
	w = popen("cat > /dev/null", "w");
	w2 = popen("read line; exit 4", "w");
	if (!check(w && w2, "two popen streams at once", "%s", strerror(errno)))
		return;
	alarm(20);
	status = pclose(w);
	check(exited_with(status, 0), "a popen child does not hold an earlier stream open",
	      "%s", status_str(status));
	fputs("line\n", w2);
	status = pclose(w2);
	alarm(0);
	check(exited_with(status, 4), "the second stream's command ends in turn", "%s",
	      status_str(status));
	errno = 0;
	check(pclose(stdin) == -1 && errno == ECHILD, "pclose of a stream popen did not make fails",
	      "errno %d", errno);
}

static volatile sig_atomic_t sigint_seen;

static void count_sigint(int sig)
{
	(void)sig;
	sigint_seen++;
}

/* A SIGCHLD handler that reaps whatever it can: system must still get its status. */
static void reap_all(int sig)
{
	(void)sig;
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

static void system_status_and_signals(void)
{
	struct sigaction sa = { .sa_handler = count_sigint }, chld = { .sa_handler = reap_all };
	struct sigaction now, old_chld;
	int status;

	check(system(NULL) != 0, "system(NULL) says a shell is there", "returned 0");
	status = system("exit 7");
	check(exited_with(status, 7), "system returns the wait status (exit 7)", "%s",
	      status_str(status));
	status = system("kill -INT $$");
	check(died_by(status, SIGINT), "system's shell gets SIGINT's default action back",
	      "%s", status_str(status));
	sigaction(SIGINT, &sa, NULL);
	status = system("kill -INT $PPID; kill -QUIT $PPID; exit 5");
	sigaction(SIGINT, NULL, &now);
	check(exited_with(status, 5) && !sigint_seen, "system ignores SIGINT and SIGQUIT while it waits",
	      "%s, SIGINT handled %d times", status_str(status), (int)sigint_seen);
	check(now.sa_handler == count_sigint, "system puts the caller's SIGINT handler back",
	      "handler %p", (void *)now.sa_handler);
	signal(SIGINT, SIG_DFL);
	sigaction(SIGCHLD, &chld, &old_chld);
	status = system("exit 6");
	sigaction(SIGCHLD, &old_chld, NULL);
	check(exited_with(status, 6), "SIGCHLD is blocked while system waits (no handler steals it)",
	      "%s", status_str(status));
	status = system("exec /nonexistent/program");
	check(exited_with(status, 127), "a command that cannot run is exit status 127", "%s",
	      status_str(status));
}

static void spawn_file_actions(void)
{
	char *argv[] = { "sh", "-c", "echo out; echo err >&2; exit 2", NULL };
	const char *out = tpath("spawn-out");
	posix_spawn_file_actions_t fa;
	int status = -1, err;
	pid_t pid;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	posix_spawn_file_actions_addclose(&fa, 0);
	err = posix_spawn(&pid, "/bin/sh", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (!err)
		waitpid(pid, &status, 0);
	check(!err && exited_with(status, 2) && !strcmp(file_contents(out), "out\nerr\n"),
	      "posix_spawn's open, dup2 and close actions, in order", "error %d, %s, file \"%s\"",
	      err, status_str(status), file_contents(out));
	check(posix_spawn_file_actions_init(&fa) == 0 &&
	      posix_spawn_file_actions_addclose(&fa, -1) == EBADF &&
	      posix_spawn_file_actions_adddup2(&fa, 0, -2) == EBADF,
	      "file actions refuse a negative descriptor with EBADF", "accepted");
	posix_spawn_file_actions_destroy(&fa);
}

static void spawn_search_and_errors(void)
{
	char *argv[] = { "echo", "found", NULL };
	int err, status = -1;
	pid_t pid;

	err = posix_spawnp(&pid, "true", NULL, NULL, argv, environ);
	if (!err)
		waitpid(pid, &status, 0);
	check(!err && exited_with(status, 0), "posix_spawnp searches PATH", "error %d, %s", err,
	      status_str(status));
	err = posix_spawn(&pid, "/nonexistent", NULL, NULL, argv, environ);
	check(err == ENOENT, "posix_spawn of a missing file returns ENOENT", "returned %d", err);
	errno = 0;
	check(waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD,
	      "and leaves no child behind", "errno %d", errno);
}

static void spawn_pgroup(void)
{
	char *argv[] = { "sh", "-c", "read line", NULL };
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	int fds[2], status = -1, err;
	pid_t pid, pgid = -1;

	if (!check_ok(pipe(fds), "pipe"))
		return;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[0], 0);
	posix_spawn_file_actions_addclose(&fa, fds[1]);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setpgroup(&attr, 0);
	err = posix_spawn(&pid, "/bin/sh", &fa, &attr, argv, environ);
	close(fds[0]);
	if (!err) {
		pgid = getpgid(pid);
		write(fds[1], "x\n", 2);
		waitpid(pid, &status, 0);
	}
	close(fds[1]);
	check(!err && pgid == pid && exited_with(status, 0),
	      "POSIX_SPAWN_SETPGROUP 0: the child leads a group of its own",
	      "error %d, pgid %d, pid %d, %s", err, pgid, pid, status_str(status));
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&attr);
}

static void spawn_signals(void)
{
	posix_spawnattr_t attr;
	sigset_t set;
	int status;

	posix_spawnattr_init(&attr);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	posix_spawnattr_setsigmask(&attr, &set);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
	status = spawn_self("child-mask", &attr);
	check(exited_with(status, 1), "POSIX_SPAWN_SETSIGMASK: the child starts with the mask",
	      "%s", status_str(status));
	signal(SIGUSR2, SIG_IGN);
	status = spawn_self("child-sigusr2", NULL);
	check(exited_with(status, 1), "an ignored signal stays ignored in the child", "%s",
	      status_str(status));
	sigfillset(&set);
	posix_spawnattr_setsigdefault(&attr, &set);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
	status = spawn_self("child-sigusr2", &attr);
	check(exited_with(status, 0),
	      "POSIX_SPAWN_SETSIGDEF of every signal (SIGKILL too) resets SIGUSR2", "%s",
	      status_str(status));
	signal(SIGUSR2, SIG_DFL);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
	status = spawn_self("child-sid", &attr);
	check(exited_with(status, 0), "POSIX_SPAWN_SETSID: the child leads a new session", "%s",
	      status_str(status));
	check(posix_spawnattr_setflags(&attr, 0x4000) == EINVAL,
	      "an unknown spawn flag is EINVAL", "accepted");
	posix_spawnattr_destroy(&attr);
}

/* In a child: an effective uid of 1000, then a spawn with or without RESETIDS. */
static int resetids_case(void *arg)
{
	posix_spawnattr_t attr;
	int status;

	if (seteuid(1000))
		return 10;
	posix_spawnattr_init(&attr);
	posix_spawnattr_setflags(&attr, arg ? POSIX_SPAWN_RESETIDS : 0);
	status = spawn_self("child-euid", &attr);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 11;
}

static void spawn_resetids(void)
{
	int with = in_child(resetids_case, (void *)1), without = in_child(resetids_case, NULL);

	check(exited_with(with, 0) && exited_with(without, 1),
	      "POSIX_SPAWN_RESETIDS: the child's effective uid is the real one",
	      "with %s, without %s", status_str(with), status_str(without));
}

static void login_name(void)
{
	char buf[8];

	setenv("LOGNAME", "alice", 1);
	check(getlogin() && !strcmp(getlogin(), "alice"), "getlogin is $LOGNAME (as musl)",
	      "got %s", getlogin() ? getlogin() : "NULL");
	check(getlogin_r(buf, sizeof(buf)) == 0 && !strcmp(buf, "alice"),
	      "getlogin_r copies it", "got %s", buf);
	check(getlogin_r(buf, 5) == ERANGE, "getlogin_r: ERANGE when it does not fit", "accepted");
	unsetenv("LOGNAME");
	check(!getlogin() && getlogin_r(buf, sizeof(buf)) == ENXIO,
	      "without LOGNAME: NULL and ENXIO", "got a name");
}

/* In a child without a terminal: getpass reads stdin, prompts on stderr. */
static int getpass_case(void *arg)
{
	int in[2], err[2];
	char rest[16] = "", prompt[16] = "";
	char *pw;

	(void)arg;
	if (setsid() < 0 || pipe(in) || pipe(err) || write(in[1], "hunter2\nnext\n", 13) != 13)
		return 10;
	close(in[1]);
	dup2(in[0], 0);
	dup2(err[1], 2);
	pw = getpass("Pw: ");
	if (!pw || strcmp(pw, "hunter2"))
		return 1;
	close(err[1]);
	close(2);
	if (read(err[0], prompt, sizeof(prompt) - 1) != 4 || strcmp(prompt, "Pw: "))
		return 2;
	if (read(0, rest, sizeof(rest) - 1) != 5 || strcmp(rest, "next\n"))
		return 3;
	return 0;
}

static void getpass_without_tty(void)
{
	int status = in_child(getpass_case, NULL);

	check(exited_with(status, 0),
	      "getpass without a terminal: prompt on stderr, one line from stdin, no more",
	      "%s (1: the line, 2: the prompt, 3: over-read)", status_str(status));
}

static void crypt_linux_hashes(void)
{
	/* Made on Linux: openssl passwd -6 -salt Breenix.Salt/42 / -5 -salt shortsalt. */
	static const char h6[] = "$6$Breenix.Salt/42$MRsKuK3z51jV9q1ZWYvpuET0SSXs/Ph0IUz0W.I7iMBWCqw0"
				 "I258DHxTFyL0bJHbd.C9rWsm7j.w1cto.h74H/";
	static const char h5[] = "$5$shortsalt$XYsJgzCBbxBf8/ye0olfwGQ2FdGWhsehaGNRkoSTCS2";
	const char *r;

	r = crypt("correct horse", h6);
	check(r && !strcmp(r, h6), "crypt verifies a $6$ hash made on Linux", "got %s", r);
	r = crypt("correct hors", h6);
	check(r && strcmp(r, h6), "and refuses the wrong password", "got %s", r);
	r = crypt("battery staple", h5);
	check(r && !strcmp(r, h5), "crypt verifies a $5$ hash made on Linux", "got %s", r);
	errno = 0;
	check(!crypt("x", "$1$md5salt") && errno == EINVAL, "crypt refuses MD5 ($1$) with EINVAL",
	      "errno %d", errno);
}

static void shadow_and_groups(void)
{
	struct spwd *sp = getspnam("nobody");
	gid_t groups[8];
	int n;

	check(sp && !strcmp(sp->sp_pwdp, "*") && sp->sp_max == 99999 && sp->sp_expire == -1,
	      "getspnam reads /etc/shadow (nobody is locked)", "%s", sp ? sp->sp_pwdp : "no entry");
	check(!getspnam("no-such-user"), "getspnam of an unknown user is NULL", "found");
	check(initgroups("user", 1000) == 0 && (n = getgroups(8, groups)) == 1 && groups[0] == 1000,
	      "initgroups sets the user's groups", "%s", strerror(errno));
}

int main(int argc, char **argv)
{
	if (argc > 1)
		return child_mode(argv[1]);
	self = argv[0];
	scratch_dir();
	popen_read_write();
	popen_descriptors();
	system_status_and_signals();
	spawn_file_actions();
	spawn_search_and_errors();
	spawn_pgroup();
	spawn_signals();
	spawn_resetids();
	login_name();
	getpass_without_tty();
	crypt_linux_hashes();
	shadow_and_groups();
	return done();
}
