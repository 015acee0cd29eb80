/*
 * init: process 1. Mounts /proc (and /dev when the kernel has not), runs
 * /etc/rc, keeps a shell on each terminal and starts a new one when it
 * exits, reaps every orphan, and shuts the system down when poweroff,
 * reboot or halt ask through the FIFO of initctl.h, or on a signal as
 * BusyBox's init: SIGINT (Ctrl-Alt-Del) and SIGTERM reboot, SIGUSR1
 * halts, SIGUSR2 powers off.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "initctl.h"
#include "motd.h"
#include "msg.h"

/* More than RESPAWN_BURST starts within RESPAWN_WINDOW s: hold RESPAWN_HOLD s. */
#define RESPAWN_BURST	10
#define RESPAWN_WINDOW	5.0
#define RESPAWN_HOLD	30.0
/* How long processes get to end after SIGTERM, then after SIGKILL. */
#define TERM_GRACE	3.0
#define KILL_GRACE	1.0

struct term {
	const char *dev;
	const char *term;		/* $TERM there; NULL keeps init's */
	pid_t pid;			/* its shell, 0 while there is none */
	bool absent;			/* cannot be opened: no shell there */
	double starts[RESPAWN_BURST];	/* ring of the latest start times */
	unsigned int nstarts;
	double held_until;
};

static struct term terms[] = {
	{ .dev = "/dev/ttyS0", .term = "vt100" },
	{ .dev = "/dev/tty1", .term = "linux" },
};

/* Single-user mode: one shell, on the console, and no /etc/rc. */
static struct term console_term = { .dev = "/dev/console" };

static struct term *active = terms;
static size_t nactive = sizeof(terms) / sizeof(terms[0]);

/*
 * The signals init acts on stay blocked except inside ppoll(2), so a
 * handler only ever ends the wait: SIGCHLD wakes init to reap, the others
 * leave a shutdown request here. Children get wait_mask back.
 */
static volatile sig_atomic_t requested;
static sigset_t wait_mask;

static void on_signal(int sig)
{
	if (sig != SIGCHLD)
		requested = sig;
}

static void catch_signals(void)
{
	static const int sigs[] = { SIGCHLD, SIGINT, SIGTERM, SIGUSR1, SIGUSR2 };
	struct sigaction sa;
	sigset_t block;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&block);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		sigaddset(&block, sigs[i]);
		if (sigaction(sigs[i], &sa, NULL))
			msg_warn("sigaction %d", sigs[i]);
	}
	sigprocmask(SIG_BLOCK, &block, &wait_mask);
	/* Ctrl-Alt-Del comes to us as SIGINT instead of an instant restart. */
	if (reboot(RB_DISABLE_CAD))
		msg_warn("reboot(RB_DISABLE_CAD)");
}

/* In a child: the signal mask init had before it blocked its own. */
static void child_signals(void)
{
	sigprocmask(SIG_SETMASK, &wait_mask, NULL);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void mount_if_missing(const char *probe, const char *source,
			     const char *dir, const char *type)
{
	if (!access(probe, F_OK))
		return;
	if (mkdir(dir, 0755) && errno != EEXIST)
		msg_warn("mkdir %s", dir);
	if (mount(source, dir, type, 0, NULL))
		msg_warn("mount %s on %s", type, dir);
}

/* The environment every child starts from; $TERM is set per terminal. */
static void set_environment(void)
{
	if (setenv("PATH", "/bin:/sbin", 1) || setenv("SHELL", "/bin/sh", 1))
		msg_warn("setenv");
	umask(022);
	if (chdir("/"))
		msg_warn("chdir /");
}

/* Run /etc/rc with /bin/sh to its end, reaping whatever else ends meanwhile. */
static void run_rc(void)
{
	pid_t pid, got;
	int status;

	if (access("/etc/rc", F_OK))
		return;
	pid = fork();
	if (pid < 0) {
		msg_warn("fork for /etc/rc");
		return;
	}
	if (!pid) {
		child_signals();
		execl("/bin/sh", "sh", "/etc/rc", (char *)NULL);
		msg_die(127, "/etc/rc: /bin/sh");
	}
	do
		got = wait(&status);
	while (got != pid && !(got < 0 && errno != EINTR));
	if (got < 0)
		msg_warn("wait for /etc/rc");
	else if (WIFSIGNALED(status))
		msg_warnx("/etc/rc ended by signal %d", WTERMSIG(status));
	else if (WEXITSTATUS(status))
		msg_warnx("/etc/rc exited with status %d", WEXITSTATUS(status));
}

/* Make the FIFO of initctl.h; returns the end init reads, or -1. */
static int open_initctl(void)
{
	int fd;

	if (mkdir("/run", 0755) && errno != EEXIST)
		msg_warn("mkdir /run");
	if (unlink(INITCTL_PATH) && errno != ENOENT)
		msg_warn("%s", INITCTL_PATH);
	if (mkfifo(INITCTL_PATH, 0600)) {
		msg_warn("%s", INITCTL_PATH);
		return -1;
	}
	fd = open(INITCTL_PATH, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		msg_warn("%s", INITCTL_PATH);
		return -1;
	}
	/*
	 * A writer of our own, never closed: without one, poll(2) reports a
	 * hang-up each time a client closes and init would spin.
	 */
	if (open(INITCTL_PATH, O_WRONLY | O_CLOEXEC) < 0)
		msg_warn("%s", INITCTL_PATH);
	return fd;
}

/*
 * A hash (in /etc/passwd, or /etc/shadow for "x"), or an account locked or
 * missing from /etc/shadow: a login is needed.
 */
static bool needs_login(const struct passwd *pw)
{
	const char *hash = pw ? auth_hash(pw) : "";

	return !hash || *hash;
}

/* In the child: become root's login shell (or login) on the terminal on 0-2. */
static void exec_login_shell(void)
{
	const struct passwd *pw = getpwnam("root");
	const char *home = pw && pw->pw_dir[0] ? pw->pw_dir : "/";
	const char *shell = pw && pw->pw_shell[0] ? pw->pw_shell : "/bin/sh";
	const char *base = strrchr(shell, '/');
	char argv0[64];

	if (needs_login(pw)) {
		execl("/bin/login", "login", (char *)NULL);
		msg_die(127, "root has a password, but /bin/login");
	}
	if (chdir(home)) {
		msg_warn("%s", home);
		home = "/";
	}
	if (setenv("HOME", home, 1) || setenv("SHELL", shell, 1) ||
	    setenv("USER", "root", 1) || setenv("LOGNAME", "root", 1))
		msg_warn("setenv");
	motd_show();
	/* A leading '-' in argv[0] makes it a login shell (it reads /etc/profile). */
	snprintf(argv0, sizeof(argv0), "-%s", base ? base + 1 : shell);
	execl(shell, argv0, (char *)NULL);
	msg_die(127, "%s", shell);
}

/*
 * In the child: a session of its own whose controlling terminal is t, on
 * descriptors 0-2. Errors are reported and survived: a terminal without
 * sessions or job control still gets its shell.
 */
static void attach_terminal(const struct term *t)
{
	int fd;

	if (setsid() < 0 && errno != ENOSYS)
		msg_warn("setsid");
	/* As a session leader without one, opening a terminal makes it ours. */
	fd = open(t->dev, O_RDWR);
	if (fd < 0)
		msg_die(1, "%s", t->dev);
	/* Say so explicitly too; ENOTTY where the device is not a tty yet. */
	if (ioctl(fd, TIOCSCTTY, 0) && errno != ENOTTY && errno != EINVAL)
		msg_warn("%s: TIOCSCTTY", t->dev);
	if (dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
		msg_die(1, "%s: dup2", t->dev);
	if (fd > 2)
		close(fd);
	if (t->term && setenv("TERM", t->term, 1))
		msg_warn("setenv");
}

/* Whether t may have a shell now; holds it back when it respawns too fast. */
static bool may_start(struct term *t, double when)
{
	double oldest = t->starts[t->nstarts % RESPAWN_BURST];

	if (t->absent || when < t->held_until)
		return false;
	if (t->nstarts >= RESPAWN_BURST && when - oldest < RESPAWN_WINDOW) {
		t->held_until = when + RESPAWN_HOLD;
		t->nstarts = 0;
		msg_warnx("%s: shell respawning too fast; waiting %.0f s", t->dev, RESPAWN_HOLD);
		return false;
	}
	return true;
}

static void start_shell(struct term *t)
{
	double when = now();
	pid_t pid;

	if (t->pid || !may_start(t, when))
		return;
	if (access(t->dev, R_OK | W_OK)) {
		msg_warn("%s: no shell there", t->dev);
		t->absent = true;
		return;
	}
	pid = fork();
	if (pid < 0) {
		msg_warn("fork for %s", t->dev);
		return;
	}
	if (!pid) {
		child_signals();
		attach_terminal(t);
		exec_login_shell();
	}
	t->pid = pid;
	t->starts[t->nstarts++ % RESPAWN_BURST] = when;
}

/* Collect every child that ended: shells (their terminal wants a new one) and orphans. */
static int reap(void)
{
	int reaped = 0;
	pid_t pid;
	size_t i;

	while ((pid = waitpid(-1, NULL, WNOHANG)) > 0) {
		reaped++;
		for (i = 0; i < nactive; i++)
			if (active[i].pid == pid)
				active[i].pid = 0;
	}
	return pid < 0 && errno == ECHILD ? -1 : reaped;
}

/* Reap until no child is left or @seconds have passed; whether none is left. */
static bool wait_children(double seconds)
{
	double deadline = now() + seconds;

	while (reap() >= 0) {
		if (now() >= deadline)
			return false;
		usleep(50000);
	}
	return true;
}

/*
 * Ask every other process to end (kill(-1) spares init), then insist. A
 * kernel without kill(2) leaves them running: say so and go on.
 */
static void end_processes(void)
{
	if (kill(-1, SIGTERM)) {
		msg_warn("going down with the other processes running: kill");
		return;
	}
	if (wait_children(TERM_GRACE))
		return;
	if (!kill(-1, SIGKILL) && wait_children(KILL_GRACE))
		return;
	msg_warnx("some processes did not end; going down anyway");
}

static void shut_down(int cmd, const char *what)
{
	printf("\ninit: the system is going down for %s\n", what);
	fflush(stdout);
	end_processes();
	sync();
	reboot(cmd);
	msg_warn("reboot");
	/* Process 1 must not exit: keep reaping until someone resets the machine. */
	for (;;) {
		reap();
		sleep(1);
	}
}

static void handle_request(const char *line)
{
	if (!strcmp(line, INITCTL_POWEROFF))
		shut_down(RB_POWER_OFF, "power-off");
	else if (!strcmp(line, INITCTL_REBOOT))
		shut_down(RB_AUTOBOOT, "reboot");
	else if (!strcmp(line, INITCTL_HALT))
		shut_down(RB_HALT_SYSTEM, "halt");
	else
		msg_warnx("%s: unknown request '%s'", INITCTL_PATH, line);
}

/* Read what clients wrote and act on each whole line. */
static void read_requests(int fd)
{
	static char line[INITCTL_LINE_MAX];
	static size_t len;
	static bool overlong;
	char buf[256];
	ssize_t n, i;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++) {
			if (buf[i] != '\n') {
				if (len < sizeof(line) - 1)
					line[len++] = buf[i];
				else
					overlong = true;
				continue;
			}
			line[len] = '\0';
			if (overlong)
				msg_warnx("%s: request too long", INITCTL_PATH);
			else
				handle_request(line);
			len = 0;
			overlong = false;
		}
	}
}

static void handle_signal(int sig)
{
	requested = 0;
	if (sig == SIGUSR1)
		shut_down(RB_HALT_SYSTEM, "halt");
	else if (sig == SIGUSR2)
		shut_down(RB_POWER_OFF, "power-off");
	else
		shut_down(RB_AUTOBOOT, "reboot");
}

/*
 * How long init may sleep: until a terminal without a shell (held back
 * for respawning too fast, or whose fork failed: a second) may have one
 * again, or (NULL) until a signal or a request wakes it.
 */
static struct timespec *next_wakeup(struct timespec *ts)
{
	double first = -1, when, t_now = now(), left;
	size_t i;

	for (i = 0; i < nactive; i++) {
		const struct term *t = &active[i];

		if (t->pid || t->absent)
			continue;
		when = t->held_until > t_now ? t->held_until : t_now + 1;
		if (first < 0 || when < first)
			first = when;
	}
	if (first < 0)
		return NULL;
	left = first - t_now;
	ts->tv_sec = (time_t)left;
	ts->tv_nsec = (long)((left - (double)ts->tv_sec) * 1e9);
	return ts;
}

/* Linux hands init the words "single", "S" or "-s" for single-user mode. */
static bool single_user(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "single") || !strcmp(argv[i], "S") ||
		    !strcmp(argv[i], "s") || !strcmp(argv[i], "-s"))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	struct pollfd ctl = { .events = POLLIN };
	struct timespec ts;
	size_t i;

	msg_init(argv[0]);
	if (getpid() != 1)
		msg_diex(1, "must be run as process 1 (poweroff, reboot and halt talk to it)");
	catch_signals();
	mount_if_missing("/proc/self", "proc", "/proc", "proc");
	mount_if_missing("/dev/null", "devfs", "/dev", "devfs");
	set_environment();
	ctl.fd = open_initctl();
	if (single_user(argc, argv)) {
		printf("init: single-user mode: a shell on the console\n");
		active = &console_term;
		nactive = 1;
	} else {
		run_rc();
	}
	fflush(stdout);
	for (;;) {
		if (requested)
			handle_signal(requested);
		reap();
		for (i = 0; i < nactive; i++)
			start_shell(&active[i]);
		if (ppoll(&ctl, 1, next_wakeup(&ts), &wait_mask) > 0)
			read_requests(ctl.fd);
	}
}
