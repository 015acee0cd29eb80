/*
 * Process groups, sessions and terminals. setpgid/setsid/getsid with
 * Linux's errors and /dev/tty without a controlling terminal run anywhere;
 * on Breenix the rest drives /dev/ttyS0: Linux's default termios, TCSETS
 * and window-size round trips, the controlling terminal's rules, and
 * reads of what the harness types on the serial line once this program
 * asks ("abx<DEL>c\r" then "xyz": a canonical line with an erase, then
 * raw bytes and a VTIME timeout).
 */
#include <errno.h>
#include <fcntl.h>
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
	if (on_breenix())
		guest_cases();
	else
		skip("ttyS0", "the serial line and its typed input are the guest's");
	return done();
}
