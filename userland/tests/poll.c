/*
 * Waiting on many files: poll, ppoll, select and pselect6 over pipes,
 * FIFOs, /dev/null, the console and regular files; timeouts of 0, short and
 * none; POLLHUP, POLLERR and POLLNVAL as Linux reports them; the limits
 * (nfds against RLIMIT_NOFILE, bad timeouts, closed descriptors).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	nanosleep(&ts, NULL);
}

/* A child that writes one byte to fd after ms milliseconds. */
static pid_t write_later(int fd, long ms)
{
	pid_t pid = fork();

	if (pid == 0) {
		sleep_ms(ms);
		write(fd, "w", 1);
		_exit(0);
	}
	return pid;
}

static void poll_pipes(void)
{
	int p[2], n;
	struct pollfd fds[2];
	char c;

	pipe(p);
	fds[0] = (struct pollfd){ p[0], POLLIN, 0x5555 };
	fds[1] = (struct pollfd){ p[1], POLLOUT, 0x5555 };
	n = poll(fds, 2, 0);
	check(n == 1 && fds[0].revents == 0 && (fds[1].revents & POLLOUT), "an empty pipe: write end ready, read end not",
	      "n %d revents %#x %#x", n, fds[0].revents, fds[1].revents);
	write(p[1], "x", 1);
	n = poll(fds, 2, 0);
	check(n == 2 && fds[0].revents == POLLIN, "data makes the read end POLLIN", "n %d revents %#x", n, fds[0].revents);
	fds[0].events = 0;
	n = poll(fds, 1, 0);
	check(n == 0 && fds[0].revents == 0, "events 0: data is not reported", "n %d revents %#x", n, fds[0].revents);
	close(p[1]);
	fds[0].events = POLLIN;
	n = poll(fds, 1, 0);
	check(n == 1 && fds[0].revents == (POLLIN | POLLHUP), "writer gone with data left: POLLIN|POLLHUP", "revents %#x",
	      fds[0].revents);
	read(p[0], &c, 1);
	n = poll(fds, 1, 0);
	check(n == 1 && fds[0].revents == POLLHUP, "writer gone, pipe empty: POLLHUP", "revents %#x", fds[0].revents);
	fds[0].events = 0;
	n = poll(fds, 1, 0);
	check(n == 1 && fds[0].revents == POLLHUP, "POLLHUP is reported even when not asked for", "revents %#x",
	      fds[0].revents);
	close(p[0]);

	pipe(p);
	close(p[0]);
	fds[0] = (struct pollfd){ p[1], POLLOUT, 0 };
	n = poll(fds, 1, 0);
	check(n == 1 && (fds[0].revents & POLLERR), "reader gone: the write end has POLLERR", "revents %#x", fds[0].revents);
	fds[0].events = 0;
	n = poll(fds, 1, 0);
	check(n == 1 && fds[0].revents == POLLERR, "POLLERR is reported even when not asked for", "revents %#x",
	      fds[0].revents);
	close(p[1]);

	fds[0] = (struct pollfd){ p[1], POLLIN, 0 };
	fds[1] = (struct pollfd){ -1, POLLIN, 0x5555 };
	n = poll(fds, 2, 0);
	check(n == 1 && fds[0].revents == POLLNVAL && fds[1].revents == 0,
	      "a closed descriptor is POLLNVAL and counted; a negative one is skipped (revents 0)", "n %d revents %#x %#x", n,
	      fds[0].revents, fds[1].revents);
}

static void poll_files(void)
{
	int fd = open(tpath("file"), O_RDWR | O_CREAT, 0644), n;
	struct pollfd pfd = { fd, POLLIN | POLLOUT | POLLPRI, 0 };

	n = poll(&pfd, 1, 0);
	check(n == 1 && pfd.revents == (POLLIN | POLLOUT), "a regular file is always ready for reading and writing",
	      "revents %#x", pfd.revents);
	close(fd);
	fd = open("/dev/null", O_RDWR);
	if (fd >= 0) {
		pfd = (struct pollfd){ fd, POLLIN | POLLOUT, 0 };
		n = poll(&pfd, 1, 0);
		check(n == 1 && pfd.revents == (POLLIN | POLLOUT), "/dev/null is always ready", "revents %#x", pfd.revents);
		close(fd);
	} else {
		skip("/dev/null is always ready", "no /dev/null");
	}
	pfd = (struct pollfd){ 1, POLLOUT, 0 };
	n = poll(&pfd, 1, 1000);
	check(n == 1 && (pfd.revents & POLLOUT), "standard output (the console in the guest) is writable", "revents %#x",
	      pfd.revents);
}

static void poll_fifo(void)
{
	const char *f = tpath("fifo");
	struct pollfd pfd;
	int fd, w, n;

	mkfifo(f, 0644);
	fd = open(f, O_RDONLY | O_NONBLOCK);
	pfd = (struct pollfd){ fd, POLLIN, 0 };
	n = poll(&pfd, 1, 0);
	check(n == 0, "a FIFO that never had a writer: not ready, no POLLHUP", "n %d revents %#x", n, pfd.revents);
	w = open(f, O_WRONLY | O_NONBLOCK);
	write(w, "ab", 2);
	n = poll(&pfd, 1, 0);
	check(n == 1 && pfd.revents == POLLIN, "FIFO with data: POLLIN", "revents %#x", pfd.revents);
	close(w);
	n = poll(&pfd, 1, 0);
	check(n == 1 && pfd.revents == (POLLIN | POLLHUP), "FIFO writer gone: POLLIN|POLLHUP", "revents %#x", pfd.revents);
	close(fd);
}

static void timeouts(void)
{
	int p[2], n, status;
	struct pollfd pfd;
	long t0, ms;
	pid_t pid;

	pipe(p);
	pfd = (struct pollfd){ p[0], POLLIN, 0 };
	t0 = now_ms();
	n = poll(&pfd, 1, 0);
	ms = now_ms() - t0;
	check(n == 0 && ms < 100, "poll with timeout 0 returns at once", "n %d after %ld ms", n, ms);
	t0 = now_ms();
	n = poll(&pfd, 1, 100);
	ms = now_ms() - t0;
	check(n == 0 && ms >= 100 && ms < 5000, "poll with timeout 100 ms waits 100 ms", "n %d after %ld ms", n, ms);
	t0 = now_ms();
	n = poll(NULL, 0, 50);
	ms = now_ms() - t0;
	check(n == 0 && ms >= 50, "poll of no descriptors sleeps", "n %d after %ld ms", n, ms);
	pid = write_later(p[1], 100);
	t0 = now_ms();
	n = poll(&pfd, 1, -1);
	ms = now_ms() - t0;
	check(n == 1 && pfd.revents == POLLIN && ms >= 50, "poll with timeout -1 waits for data", "n %d after %ld ms", n,
	      ms);
	waitpid(pid, &status, 0);
	{
		char c;

		read(p[0], &c, 1);
	}
	{
		struct timespec ts = { 0, 100000000 };

		t0 = now_ms();
		n = ppoll(&pfd, 1, &ts, NULL);
		ms = now_ms() - t0;
		check(n == 0 && ms >= 100, "ppoll with a 100 ms timespec", "n %d after %ld ms", n, ms);
		pid = write_later(p[1], 100);
		n = ppoll(&pfd, 1, NULL, NULL);
		check(n == 1 && pfd.revents == POLLIN, "ppoll with no timeout waits for data", "n %d", n);
		waitpid(pid, &status, 0);
		ts.tv_nsec = 1000000000;
		check_errno(syscall(SYS_ppoll, &pfd, 1, &ts, NULL, 8), EINVAL, "ppoll with tv_nsec 1e9 is EINVAL");
		ts = (struct timespec){ -1, 0 };
		check_errno(syscall(SYS_ppoll, &pfd, 1, &ts, NULL, 8), EINVAL, "ppoll with a negative timeout is EINVAL");
		ts = (struct timespec){ 0, 0 };
		check_errno(syscall(SYS_ppoll, &pfd, 1, &ts, (sigset_t *)&ts, 7), EINVAL,
			    "ppoll with a sigset size other than 8 is EINVAL");
	}
	close(p[0]);
	close(p[1]);
}

/*
 * A stop and continue interrupts a wait with no handler to run. poll
 * resumes through restart_syscall with the deadline it had, so a 2 s poll
 * ends 2 s after it began; select restarts with the time left that it
 * wrote back when it stopped, so the stop is added (both as Linux). With a
 * fresh timeout either would take a second longer still.
 */
static void restarts(void)
{
	static const char *const name[] = { "a stopped poll keeps its deadline",
					    "a stopped select keeps the time it had left" };
	int p[2], status, which, ds, stopped;
	long t0;
	pid_t pid;

	pipe(p);
	for (which = 0; which < 2; which++) {
		pid = fork();
		if (pid == 0) {
			struct pollfd pfd = { p[0], POLLIN, 0 };
			struct timeval tv = { 2, 0 };
			fd_set in;
			int n;

			FD_ZERO(&in);
			FD_SET(p[0], &in);
			t0 = now_ms();
			n = which ? select(p[0] + 1, &in, NULL, NULL, &tv) : poll(&pfd, 1, 2000);
			_exit(n ? 255 : (int)((now_ms() - t0) / 100));
		}
		sleep_ms(1000);
		t0 = now_ms();
		kill(pid, SIGSTOP);
		waitpid(pid, &status, WUNTRACED);
		sleep_ms(500);
		kill(pid, SIGCONT);
		stopped = (int)((now_ms() - t0) / 100);
		waitpid(pid, &status, 0);
		ds = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
		if (which)
			ds -= stopped;
		check(ds >= 19 && ds < 28, name[which], "it waited %d.%d s beyond the stop, not 2",
		      ds / 10, ds % 10);
	}
	close(p[0]);
	close(p[1]);
}

static void poll_limits(void)
{
	struct rlimit rl;
	static struct pollfd many[2048];

	getrlimit(RLIMIT_NOFILE, &rl);
	for (size_t i = 0; i < sizeof(many) / sizeof(many[0]); i++)
		many[i] = (struct pollfd){ -1, POLLIN, 0 };
	if (rl.rlim_cur < sizeof(many) / sizeof(many[0])) {
		check_errno(poll(many, rl.rlim_cur + 1, 0), EINVAL, "poll of more than RLIMIT_NOFILE entries is EINVAL");
		check(poll(many, rl.rlim_cur, 0) == 0, "poll of RLIMIT_NOFILE entries is allowed", "%s", strerror(errno));
	} else {
		struct rlimit low = { 64, rl.rlim_max };

		setrlimit(RLIMIT_NOFILE, &low);
		check_errno(poll(many, 65, 0), EINVAL, "poll of more than RLIMIT_NOFILE (64) entries is EINVAL");
		check(poll(many, 64, 0) == 0, "poll of RLIMIT_NOFILE (64) entries is allowed", "%s", strerror(errno));
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	check_errno(syscall(SYS_poll, NULL, 1, 0), EFAULT, "poll(NULL, 1) is EFAULT");
}

static void selects(void)
{
	int p[2], n, file = open(tpath("sel"), O_RDWR | O_CREAT, 0644), status;
	fd_set r, w, e;
	struct timeval tv;
	long t0, ms;
	pid_t pid;

	pipe(p);
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_ZERO(&e);
	FD_SET(p[0], &r);
	FD_SET(p[1], &w);
	FD_SET(file, &r);
	tv = (struct timeval){ 0, 0 };
	n = select(FD_SETSIZE, &r, &w, &e, &tv);
	check(n == 2 && !FD_ISSET(p[0], &r) && FD_ISSET(p[1], &w) && FD_ISSET(file, &r),
	      "select: an empty pipe is not readable, its write end and a file are ready", "n %d", n);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	tv = (struct timeval){ 0, 100000 };
	t0 = now_ms();
	/* Raw: musl's select hands the kernel a copy of the timeval. */
	n = syscall(SYS_select, p[0] + 1, &r, NULL, NULL, &tv);
	ms = now_ms() - t0;
	check(n == 0 && !FD_ISSET(p[0], &r) && ms >= 100, "select times out after 100 ms and clears the set",
	      "n %d after %ld ms", n, ms);
	check(tv.tv_sec == 0 && tv.tv_usec == 0, "select leaves the time not slept (0) in the timeval (Linux)",
	      "%ld.%06ld", (long)tv.tv_sec, (long)tv.tv_usec);
	pid = write_later(p[1], 50);
	FD_SET(p[0], &r);
	tv = (struct timeval){ 10, 0 };
	n = syscall(SYS_select, p[0] + 1, &r, NULL, NULL, &tv);
	check(n == 1 && FD_ISSET(p[0], &r) && tv.tv_sec < 10 && tv.tv_sec >= 8,
	      "select wakes for data and leaves the remaining time", "n %d, %ld.%06ld left", n, (long)tv.tv_sec,
	      (long)tv.tv_usec);
	waitpid(pid, &status, 0);
	FD_SET(p[0], &r);
	n = select(p[0] + 1, &r, NULL, NULL, NULL);
	check(n == 1, "select with no timeout returns when ready", "n %d", n);
	t0 = now_ms();
	tv = (struct timeval){ 0, 50000 };
	n = select(0, NULL, NULL, NULL, &tv);
	check(n == 0 && now_ms() - t0 >= 50, "select with no sets sleeps", "n %d", n);
	check_errno(select(-1, NULL, NULL, NULL, &tv), EINVAL, "select with nfds -1 is EINVAL");
	tv = (struct timeval){ 0, -1 };
	check_errno(select(1, NULL, NULL, NULL, &tv), EINVAL, "select with a negative tv_usec is EINVAL");
	close(file);
	FD_ZERO(&r);
	FD_SET(file, &r);
	tv = (struct timeval){ 0, 0 };
	check_errno(select(file + 1, &r, NULL, NULL, &tv), EBADF, "select on a closed descriptor is EBADF");
	{
		struct timespec ts = { 0, 0 };
		struct {
			const sigset_t *set;
			size_t size;
		} mask = { NULL, 8 };

		FD_ZERO(&w);
		FD_SET(p[1], &w);
		n = syscall(SYS_pselect6, p[1] + 1, NULL, &w, NULL, &ts, &mask);
		check(n == 1 && FD_ISSET(p[1], &w), "pselect6: the write end is ready", "n %d (%s)", n, strerror(errno));
		FD_ZERO(&r);
		FD_SET(p[0], &r);
		read(p[0], &status, 1);
		ts = (struct timespec){ 0, 100000000 };
		t0 = now_ms();
		n = syscall(SYS_pselect6, p[0] + 1, &r, NULL, NULL, &ts, NULL);
		ms = now_ms() - t0;
		check(n == 0 && ms >= 100, "pselect6 times out after 100 ms", "n %d after %ld ms", n, ms);
		ts = (struct timespec){ 0, 1000000000 };
		check_errno(syscall(SYS_pselect6, 1, NULL, NULL, NULL, &ts, NULL), EINVAL, "pselect6 with tv_nsec 1e9 is EINVAL");
	}
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	/* Before issue 8 Breenix has no signals: the call may fail. */
	if (sigaction(SIGPIPE, &sa, NULL))
		say("# sigaction(SIGPIPE, SIG_IGN): %s\n", strerror(errno));
	scratch_dir();
	poll_pipes();
	poll_files();
	poll_fifo();
	timeouts();
	restarts();
	poll_limits();
	selects();
	return done();
}
