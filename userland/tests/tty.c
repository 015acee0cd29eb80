/*
 * Process groups, sessions and terminals. setpgid/setsid/getsid with
 * Linux's errors and /dev/tty without a controlling terminal run anywhere;
 * on Breenix the rest drives /dev/ttyS0: Linux's default termios, TCSETS
 * and window-size round trips, the controlling terminal's rules, hang-up,
 * and reads of what the harness types on the serial line once this program
 * asks ("abx<DEL>c\r" then "xyz": a canonical line with an erase, then
 * raw bytes and a VTIME timeout).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

/* Children report through tap_share; each returns 0 and checks for itself. */
static int group_leader_cases(void *arg)
{
	(void)arg;
	check_ok(setpgid(0, 0), "setpgid(0, 0) makes a new group");
	check(getpgrp() == getpid(), "the caller leads its group", "pgrp %d", (int)getpgrp());
	check_errno(setsid(), EPERM, "setsid by a group leader");
	check_errno(setpgid(0, -1), EINVAL, "setpgid with a negative pgid");
	check_errno(setpgid(getppid(), 0), ESRCH, "setpgid of the parent");
	check_errno(setpgid(0, 999999), EPERM, "setpgid into a group that does not exist");
	return 0;
}

static int session_leader_cases(void *arg)
{
	pid_t sid;

	(void)arg;
	sid = setsid();
	check(sid == getpid(), "setsid returns the new session", "got %d", (int)sid);
	check(getsid(0) == getpid() && getpgrp() == getpid(),
	      "the caller leads its session and group", "sid %d pgrp %d", (int)getsid(0),
	      (int)getpgrp());
	check_errno(setsid(), EPERM, "setsid by a session leader");
	check_errno(setpgid(0, 0), EPERM, "setpgid of a session leader");
	check_errno(open("/dev/tty", O_RDWR), ENXIO, "/dev/tty without a controlling terminal");
	return 0;
}

/*
 * Orphaned process groups (POSIX _exit, Linux's kill_orphaned_pgrp): a
 * group whose last link to a parent in another group of its session goes
 * away gets SIGHUP then SIGCONT if a member is stopped, and nothing if not.
 * ORPHAN_EXIT: the group's leader exits (the exit path); ORPHAN_REPARENT:
 * the parent of a member leading its own group exits (the reparent path).
 * The case runs in a session of its own so that whoever adopts the member
 * (init, a subreaper, a container's init) is outside it, as on Linux.
 */
enum orphan_mode { ORPHAN_RUNNING, ORPHAN_EXIT, ORPHAN_REPARENT };
static int note_pipe[2];

/* A handler that writes H for SIGHUP, C for SIGCONT to note_pipe. */
static void note_signal(int sig)
{
	char c = sig == SIGHUP ? 'H' : 'C';

	write(note_pipe[1], &c, 1);
}

static void orphan_member(enum orphan_mode mode)
{
	if (mode == ORPHAN_REPARENT)
		setpgid(0, 0);
	signal(SIGHUP, note_signal);
	signal(SIGCONT, note_signal);
	if (mode == ORPHAN_RUNNING) {
		write(note_pipe[1], "r", 1);
		sleep(1);
	} else {
		raise(SIGSTOP);
	}
	_exit(0);
}

/* The member's parent: returns once the member runs or has stopped. */
static void orphan_middle(enum orphan_mode mode)
{
	int status;
	pid_t pid;

	if (mode != ORPHAN_REPARENT)
		setpgid(0, 0);
	pid = fork();
	if (pid == 0)
		orphan_member(mode);
	if (pid > 0 && mode != ORPHAN_RUNNING)
		waitpid(pid, &status, WUNTRACED);
	_exit(0);
}

static int orphan_case(void *arg)
{
	enum orphan_mode mode = (enum orphan_mode)(long)arg;
	/*
	 * Both arrive at once: SIGHUP's frame is built first (the lower
	 * number), then SIGCONT's on top of it, so its handler runs first.
	 */
	static const char *const want[] = { "r", "CH", "CH" };
	static const char *const name[] = {
		"a running orphaned group gets no SIGHUP",
		"a stopped group orphaned by its leader's exit gets SIGHUP, SIGCONT",
		"a stopped group orphaned by a reparent gets SIGHUP, SIGCONT",
	};
	struct pollfd pfd;
	char got[8] = "";
	size_t n = 0;
	pid_t pid;

	setsid();
	if (pipe(note_pipe))
		return 1;
	pid = fork();
	if (pid == 0)
		orphan_middle(mode);
	waitpid(pid, NULL, 0);
	close(note_pipe[1]);
	pfd = (struct pollfd){ .fd = note_pipe[0], .events = POLLIN };
	while (n < sizeof(got) - 1 && poll(&pfd, 1, 5000) == 1 &&
	       read(note_pipe[0], got + n, 1) == 1)
		n++;
	check(!strcmp(got, want[mode]), name[mode], "got '%s'", got);
	return 0;
}

/*
 * In an orphaned group the job-control stops (SIGTSTP, SIGTTIN, SIGTTOU)
 * are discarded (POSIX, Linux's get_signal); SIGSTOP still stops. A new
 * session's only group is orphaned: its leader's parent is outside it.
 */
static int orphan_stop_case(void *arg)
{
	static const int sigs[] = { SIGTSTP, SIGTTIN, SIGTTOU };
	int status, i, stopped = 0;
	pid_t pid;

	(void)arg;
	setsid();
	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	for (i = 0; i < 3; i++) {
		kill(pid, sigs[i]);
		usleep(100000);
		stopped += waitpid(pid, &status, WUNTRACED | WNOHANG) == pid;
	}
	check(stopped == 0, "SIGTSTP, SIGTTIN and SIGTTOU do not stop an orphaned group",
	      "%d stopped it", stopped);
	kill(pid, SIGSTOP);
	check(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) &&
	      WSTOPSIG(status) == SIGSTOP, "SIGSTOP stops it all the same", "%s",
	      status_str(status));
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return 0;
}

static void orphan_cases(void)
{
	in_child(orphan_stop_case, NULL);
	in_child(orphan_case, (void *)(long)ORPHAN_RUNNING);
	in_child(orphan_case, (void *)(long)ORPHAN_EXIT);
	in_child(orphan_case, (void *)(long)ORPHAN_REPARENT);
}

/* A child that tells the parent it is ready (after exec'ing if asked) and waits for EOF. */
static pid_t spawn_waiter(const char *self, bool do_exec, bool new_session, int *release)
{
	int go[2], ready[2];
	char c;
	pid_t pid;

	if (pipe(go) || pipe(ready))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(go[1]);
		close(ready[0]);
		if (new_session)
			setsid();
		if (do_exec) {
			dup2(go[0], 0);
			dup2(ready[1], 1);
			execl(self, self, "--wait", (char *)NULL);
			_exit(127);
		}
		write(ready[1], "r", 1);
		read(go[0], &c, 1);
		_exit(0);
	}
	close(go[0]);
	close(ready[1]);
	read(ready[0], &c, 1);
	close(ready[0]);
	*release = go[1];
	return pid;
}

static void reap(pid_t pid, int release)
{
	int status;

	close(release);
	waitpid(pid, &status, 0);
}

static void setpgid_child_cases(const char *self)
{
	int release;
	pid_t pid = spawn_waiter(self, false, false, &release);

	check_ok(setpgid(pid, pid), "setpgid of a child before exec");
	check(getpgid(pid) == pid, "the child leads its new group", "pgid %d", (int)getpgid(pid));
	reap(pid, release);

	pid = spawn_waiter(self, true, false, &release);
	check_errno(setpgid(pid, pid), EACCES, "setpgid of a child after exec");
	reap(pid, release);

	pid = spawn_waiter(self, false, true, &release);
	check_errno(setpgid(pid, pid), EPERM, "setpgid of a child in another session");
	check_errno(setpgid(0, pid), EPERM, "setpgid into another session's group");
	reap(pid, release);

	check_errno(getsid(999999), ESRCH, "getsid of no process");
	check_errno(setpgid(999999, 0), ESRCH, "setpgid of no process");
}

static void std_termios_cases(int fd)
{
	struct termios t;

	if (!check_ok(tcgetattr(fd, &t), "tcgetattr on ttyS0"))
		return;
	check(t.c_iflag == (ICRNL | IXON) && t.c_oflag == (OPOST | ONLCR),
	      "Linux's default input and output modes", "iflag %#o oflag %#o", t.c_iflag,
	      t.c_oflag);
	check(t.c_lflag == (ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN),
	      "Linux's default local modes", "lflag %#o", t.c_lflag);
	check((t.c_cflag & (CSIZE | CREAD)) == (CS8 | CREAD), "8 bits, receiver on", "cflag %#o",
	      t.c_cflag);
	check(t.c_cc[VINTR] == 3 && t.c_cc[VQUIT] == 034 && t.c_cc[VERASE] == 0177 &&
	      t.c_cc[VKILL] == 025 && t.c_cc[VEOF] == 4 && t.c_cc[VMIN] == 1 &&
	      t.c_cc[VTIME] == 0 && t.c_cc[VSTART] == 021 && t.c_cc[VSTOP] == 023 &&
	      t.c_cc[VSUSP] == 032 && t.c_cc[VWERASE] == 027 && t.c_cc[VLNEXT] == 026,
	      "Linux's default control characters", "cc %o %o %o", t.c_cc[VINTR], t.c_cc[VERASE],
	      t.c_cc[VMIN]);
}

static void termios_winsize_cases(int fd)
{
	struct termios t, u, saved;
	struct winsize ws = { 0 }, ws2, zero = { 0 };
	int n = -1;

	/* TCGETS fills the kernel's termios; libc's may be longer (musl's speeds). */
	memset(&saved, 0, sizeof(saved));
	memset(&u, 0, sizeof(u));
	tcgetattr(fd, &saved);
	t = saved;
	t.c_lflag &= ~(ECHOCTL | IEXTEN);
	t.c_cc[VKILL] = 030;
	check_ok(tcsetattr(fd, TCSANOW, &t), "TCSETS");
	check(tcgetattr(fd, &u) == 0 && !memcmp(&t, &u, sizeof(t)), "TCSETS round trip", "differs");
	check_ok(tcsetattr(fd, TCSADRAIN, &saved), "TCSETSW restores");
	check(ioctl(fd, TIOCGWINSZ, &ws) == 0 && !memcmp(&ws, &zero, sizeof(ws)),
	      "ttyS0's window is 0x0", "%ux%u", ws.ws_col, ws.ws_row);
	ws.ws_col = 80;
	ws.ws_row = 24;
	check_ok(ioctl(fd, TIOCSWINSZ, &ws), "TIOCSWINSZ");
	check(ioctl(fd, TIOCGWINSZ, &ws2) == 0 && ws2.ws_col == 80 && ws2.ws_row == 24,
	      "TIOCGWINSZ reads it back", "%ux%u", ws2.ws_col, ws2.ws_row);
	ioctl(fd, TIOCSWINSZ, &zero);
	check(ioctl(fd, TIOCOUTQ, &n) == 0 && n == 0, "nothing queued for output", "%d", n);
	check_ok(tcdrain(fd), "tcdrain");
	check_errno(ioctl(fd, TIOCSTI, "x"), ENOTTY, "an ioctl ttys do not know");
	check_errno(tcflow(fd, 7), EINVAL, "tcflow with a bad action");
}

/* In a new session: opening ttyS0 makes it the controlling terminal. */
static int ctty_cases(void *arg)
{
	int fd, fd2, tfd;
	pid_t pgrp = 0;

	(void)arg;
	setsid();
	fd = open("/dev/ttyS0", O_RDWR | O_NOCTTY);
	check_errno(open("/dev/tty", O_RDWR), ENXIO, "O_NOCTTY gives no controlling terminal");
	check_errno(tcgetpgrp(fd), ENOTTY, "tcgetpgrp of a terminal that is not ours");
	check_ok(ioctl(fd, TIOCSCTTY, 0), "TIOCSCTTY");
	check(tcgetsid(fd) == getpid(), "the terminal's session is ours", "%d", (int)tcgetsid(fd));
	close(fd);
	fd2 = open("/dev/ttyS0", O_RDWR);
	tfd = open("/dev/tty", O_RDWR);
	check(tfd >= 0, "/dev/tty opens once there is one", "%s", strerror(errno));
	check(tcgetpgrp(tfd) == getpid(), "/dev/tty is ttyS0: our group is in front",
	      "%d", (int)tcgetpgrp(tfd));
	check_errno(tcsetpgrp(tfd, 1), EPERM, "tcsetpgrp to another session's group");
	check_errno(tcsetpgrp(tfd, 999999), ESRCH, "tcsetpgrp to no group");
	pgrp = getpgrp();
	check_ok(tcsetpgrp(tfd, pgrp), "tcsetpgrp to our own group");
	check_ok(ioctl(tfd, TIOCNOTTY), "TIOCNOTTY");
	check_errno(open("/dev/tty", O_RDWR), ENXIO, "no controlling terminal after TIOCNOTTY");
	close(tfd);
	close(fd2);
	return 0;
}

/* Another session cannot take ttyS0 while it controls one; a session leader's exit frees it. */
static int ctty_taken_cases(void *arg)
{
	int fd;

	(void)arg;
	setsid();
	fd = open("/dev/ttyS0", O_RDWR);
	check(tcgetsid(fd) == getpid(), "open by a session leader acquires ttyS0",
	      "%d", (int)tcgetsid(fd));
	close(fd);
	return 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void input_cases(int fd)
{
	struct termios saved, raw;
	char buf[32];
	ssize_t n;
	double t0;

	tcgetattr(fd, &saved);
	say("# waiting for input\n");
	n = read(fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	check(n == 4 && !strcmp(buf, "abc\n"), "a canonical line, erase applied, CR mapped to NL",
	      "got %zd '%s'", n, buf);
	raw = saved;
	raw.c_lflag &= ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 20;
	tcsetattr(fd, TCSANOW, &raw);
	n = 0;
	while (n < 3) {
		ssize_t m = read(fd, buf + n, 3 - (size_t)n);

		if (m <= 0)
			break;
		n += m;
	}
	check(n == 3 && !memcmp(buf, "xyz", 3), "raw mode reads the bytes after the line",
	      "got %zd", n);
	raw.c_cc[VTIME] = 3;
	tcsetattr(fd, TCSANOW, &raw);
	t0 = now();
	n = read(fd, buf, sizeof(buf));
	check(n == 0 && now() - t0 >= 0.25, "VMIN 0, VTIME 3: nothing after 0.3 s",
	      "got %zd after %.2f s", n, now() - t0);
	check_ok(fcntl(fd, F_SETFL, O_NONBLOCK), "O_NONBLOCK");
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(fd, TCSANOW, &raw);
	check_errno(read(fd, buf, sizeof(buf)), EAGAIN, "a non-blocking read with no input");
	fcntl(fd, F_SETFL, 0);
	tcsetattr(fd, TCSANOW, &saved);
}

/*
 * Linux's hang-up: when the leader of the session a terminal controls
 * exits, every file open on the terminal goes dead, ours too (opened
 * before, without making it our terminal); a new open works again.
 */
static int hangup_cases(int fd)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	struct termios t;
	char c;

	ssize_t n = read(fd, &c, 1);

	check(n == 0, "a hung-up terminal reads end of file", "read returned %zd", n);
	check_errno(write(fd, "x", 1), EIO, "a hung-up terminal's write");
	check_errno(tcgetattr(fd, &t), EIO, "a hung-up terminal's ioctl");
	check(poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLHUP), "poll reports POLLHUP",
	      "revents %#x", pfd.revents);
	close(fd);
	fd = open("/dev/ttyS0", O_RDWR | O_NOCTTY);
	check(fd >= 0 && tcgetattr(fd, &t) == 0, "the terminal opens again after a hang-up",
	      "%s", strerror(errno));
	return fd;
}

/* What arrives on note_pipe until every writer is gone (or 5 s pass). */
static const char *read_notes(void)
{
	static char got[8];
	struct pollfd pfd = { .fd = note_pipe[0], .events = POLLIN };
	size_t n = 0;

	close(note_pipe[1]);
	while (n < sizeof(got) - 1 && poll(&pfd, 1, 5000) == 1 &&
	       read(note_pipe[0], got + n, 1) == 1)
		n++;
	got[n] = '\0';
	close(note_pipe[0]);
	return got;
}

/* The session leader's exit: its terminal's foreground group gets SIGHUP. */
static void hangup_signal_cases(void)
{
	const char *got;
	pid_t pid;

	if (pipe(note_pipe))
		return;
	pid = fork();
	if (pid == 0) {
		sigset_t hup, none;

		setsid();
		open("/dev/ttyS0", O_RDWR);
		signal(SIGHUP, note_signal);
		/* Blocked until the member waits for it, however early it comes. */
		sigemptyset(&none);
		sigemptyset(&hup);
		sigaddset(&hup, SIGHUP);
		sigprocmask(SIG_BLOCK, &hup, NULL);
		if (fork() == 0) {
			sigsuspend(&none);
			_exit(0);
		}
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	got = read_notes();
	check(!strcmp(got, "H"), "a session leader's exit sends SIGHUP to the foreground",
	      "got '%s'", got);
}

/* vhangup(2): root's terminal hangs up; the caller, its session's leader, gets SIGHUP, SIGCONT. */
static int vhangup_case(void *arg)
{
	const char *got;
	ssize_t n;
	char c;
	int fd;

	(void)arg;
	setsid();
	fd = open("/dev/ttyS0", O_RDWR);
	if (pipe(note_pipe))
		return 1;
	signal(SIGHUP, note_signal);
	signal(SIGCONT, note_signal);
	check_ok(vhangup(), "vhangup");
	n = read(fd, &c, 1);
	check(n == 0, "vhangup hangs up the caller's terminal", "read returned %zd", n);
	check_errno(open("/dev/tty", O_RDWR), ENXIO, "no controlling terminal after vhangup");
	got = read_notes();
	check(!strcmp(got, "CH"), "vhangup signals the session leader", "got '%s'", got);
	if (setuid(1000) == 0)
		check_errno(vhangup(), EPERM, "vhangup needs root");
	return 0;
}

static void guest_cases(void)
{
	int fd = open("/dev/ttyS0", O_RDWR | O_NOCTTY);

	if (!check(fd >= 0, "open /dev/ttyS0", "%s", strerror(errno)))
		return;
	std_termios_cases(fd);
	termios_winsize_cases(fd);
	in_child(ctty_cases, NULL);
	in_child(ctty_taken_cases, NULL);
	in_child(ctty_taken_cases, NULL);
	hangup_signal_cases();
	in_child(vhangup_case, NULL);
	fd = hangup_cases(fd);
	input_cases(fd);
	close(fd);
}

int main(int argc, char **argv)
{
	char c;

	if (argc > 1 && !strcmp(argv[1], "--wait")) {
		write(1, "r", 1);
		return read(0, &c, 1) < 0;
	}
	tap_share();
	check(getsid(0) == getsid(getpid()) && getpgid(0) == getpgrp(),
	      "getsid(0) and getpgid(0) name the caller", "sid %d pgrp %d", (int)getsid(0),
	      (int)getpgrp());
	in_child(group_leader_cases, NULL);
	in_child(session_leader_cases, NULL);
	setpgid_child_cases(argv[0]);
	orphan_cases();
	if (on_breenix())
		guest_cases();
	else
		skip("ttyS0", "the serial line and its typed input are the guest's");
	return done();
}
