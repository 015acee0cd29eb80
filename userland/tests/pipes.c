/*
 * Pipes and FIFOs: pipe/pipe2 and their flags, blocking and O_NONBLOCK
 * (EAGAIN), EOF after the last writer, EPIPE after the last reader,
 * PIPE_BUF atomicity with several writers, FIONREAD, and the POSIX rules
 * for opening a FIFO. SIGPIPE is set to SIG_IGN first, so the writer sees
 * EPIPE on Linux and on a kernel that has no signals yet alike.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

#define WRITERS 4
#define RECORDS 256 /* per writer */

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	nanosleep(&ts, NULL);
}

static void basics(void)
{
	int p[2], fl;
	char buf[16] = "";
	struct stat st;

	check(pipe(p) == 0 && p[0] >= 0 && p[1] >= 0 && p[0] != p[1], "pipe gives two descriptors", "%s", strerror(errno));
	check(fstat(p[0], &st) == 0 && S_ISFIFO(st.st_mode), "fstat of a pipe end is S_IFIFO", "mode %o", st.st_mode);
	check((fcntl(p[0], F_GETFL) & O_ACCMODE) == O_RDONLY && (fcntl(p[1], F_GETFL) & O_ACCMODE) == O_WRONLY,
	      "p[0] reads, p[1] writes", "%#o %#o", fcntl(p[0], F_GETFL), fcntl(p[1], F_GETFL));
	check(fcntl(p[0], F_GETFD) == 0 && !(fcntl(p[0], F_GETFL) & O_NONBLOCK), "pipe: no FD_CLOEXEC, blocking", "-");
	check(write(p[1], "hello", 5) == 5 && read(p[0], buf, sizeof(buf)) == 5 && memcmp(buf, "hello", 5) == 0,
	      "bytes come out as they went in", "'%s'", buf);
	check_errno(read(p[1], buf, 1), EBADF, "read on the write end is EBADF");
	check_errno(write(p[0], buf, 1), EBADF, "write on the read end is EBADF");
	write(p[1], "abcdef", 6);
	check(read(p[0], buf, 2) == 2 && read(p[0], buf + 2, 10) == 4 && memcmp(buf, "abcdef", 6) == 0,
	      "a short read leaves the rest; the next read returns what is there", "-");
	check(write(p[1], buf, 0) == 0, "a write of 0 bytes returns 0", "-");
	close(p[0]);
	close(p[1]);
	check(pipe2(p, O_CLOEXEC | O_NONBLOCK) == 0 && fcntl(p[0], F_GETFD) == FD_CLOEXEC &&
	      fcntl(p[1], F_GETFD) == FD_CLOEXEC && (fcntl(p[0], F_GETFL) & O_NONBLOCK) &&
	      (fcntl(p[1], F_GETFL) & O_NONBLOCK), "pipe2(O_CLOEXEC|O_NONBLOCK) sets both on both ends", "-");
	check_errno(read(p[0], buf, 1), EAGAIN, "O_NONBLOCK: read of an empty pipe is EAGAIN");
	fl = 0;
	check(ioctl(p[0], FIONREAD, &fl) == 0 && fl == 0, "FIONREAD of an empty pipe is 0", "%d", fl);
	write(p[1], "12345", 5);
	check(ioctl(p[0], FIONREAD, &fl) == 0 && fl == 5, "FIONREAD counts the bytes waiting", "%d", fl);
	close(p[0]);
	close(p[1]);
	check_errno(pipe2(p, O_APPEND), EINVAL, "pipe2 with a flag other than O_CLOEXEC|O_NONBLOCK|O_DIRECT is EINVAL");
	check_errno(syscall(SYS_pipe, (int *)0), EFAULT, "pipe(NULL) is EFAULT");
}

static void full_pipe(void)
{
	static char chunk[65536];
	int p[2], fl = 0;
	long total = 0;
	ssize_t n;

	pipe2(p, O_NONBLOCK);
	while ((n = write(p[1], chunk, sizeof(chunk))) > 0)
		total += n;
	check(n == -1 && errno == EAGAIN && total >= 4096, "O_NONBLOCK: writing into a full pipe is EAGAIN", "%ld bytes, %s",
	      total, strerror(errno));
	say("# pipe capacity: %ld bytes\n", total);
	check(ioctl(p[0], FIONREAD, &fl) == 0 && fl == total, "FIONREAD of a full pipe is its content", "%d of %ld", fl,
	      total);
	/* With fewer than PIPE_BUF bytes free, a PIPE_BUF write must not be partial. */
	read(p[0], chunk, PIPE_BUF - 1);
	errno = 0;
	check_errno(write(p[1], chunk, PIPE_BUF), EAGAIN, "O_NONBLOCK: a PIPE_BUF write without room for all of it is EAGAIN");
	read(p[0], chunk, 1);
	check(write(p[1], chunk, PIPE_BUF) == PIPE_BUF, "O_NONBLOCK: with PIPE_BUF bytes free it goes in whole", "%s",
	      strerror(errno));
	close(p[0]);
	close(p[1]);
}

static int slow_reader(void *arg)
{
	int *p = arg;
	static char buf[65536];
	long total = 0;
	ssize_t n;

	close(p[1]);
	sleep_ms(100);
	while ((n = read(p[0], buf, sizeof(buf))) > 0)
		total += n;
	return total == 1 << 20 ? 0 : 1;
}

static void blocking(void)
{
	static char big[1 << 20];
	int p[2], status;
	pid_t pid;
	ssize_t n;
	char c;

	pipe(p);
	pid = fork();
	if (pid == 0)
		_exit(slow_reader(p));
	close(p[0]);
	n = write(p[1], big, sizeof(big));
	check(n == sizeof(big), "a blocking write of 1 MiB waits for the reader and completes", "%zd", n);
	close(p[1]);
	waitpid(pid, &status, 0);
	check(exited_with(status, 0), "the reader got all of it, then EOF", "%s", status_str(status));

	pipe(p);
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		sleep_ms(100);
		write(p[1], "x", 1);
		_exit(0);
	}
	close(p[1]);
	check(read(p[0], &c, 1) == 1 && c == 'x', "a blocking read waits for a writer's data", "-");
	check(read(p[0], &c, 1) == 0, "EOF (0) once the last writer has gone", "-");
	waitpid(pid, NULL, 0);
	close(p[0]);
}

static void ends(void)
{
	int p[2], d;
	char c;

	pipe(p);
	d = dup(p[1]);
	close(p[1]);
	write(d, "y", 1);
	check(read(p[0], &c, 1) == 1, "a dup of the write end keeps the pipe writable", "-");
	close(d);
	check(read(p[0], &c, 1) == 0, "closing the last (dup'ed) writer gives EOF", "-");
	close(p[0]);

	pipe(p);
	close(p[0]);
	check_errno(write(p[1], "z", 1), EPIPE, "write with no reader left is EPIPE (SIGPIPE ignored)");
	close(p[1]);

	pipe2(p, O_NONBLOCK);
	write(p[1], "q", 1);
	close(p[1]);
	check(read(p[0], &c, 1) == 1 && read(p[0], &c, 1) == 0, "O_NONBLOCK: data, then EOF (0, not EAGAIN) without writers",
	      "-");
	close(p[0]);
}

/* Each writer writes RECORDS records of PIPE_BUF bytes, all bytes of a record its id and sequence. */
static void writer(int fd, int id)
{
	static char rec[PIPE_BUF];

	for (int r = 0; r < RECORDS; r++) {
		memset(rec, 'A' + id, sizeof(rec));
		rec[0] = (char)r;
		if (write(fd, rec, sizeof(rec)) != sizeof(rec))
			_exit(1);
	}
	_exit(0);
}

static void atomicity(void)
{
	static char rec[PIPE_BUF];
	int p[2], next[WRITERS] = { 0 }, bad = 0, order = 0, got = 0, ok_exits = 0;
	pid_t pids[WRITERS];

	pipe(p);
	for (int w = 0; w < WRITERS; w++) {
		pids[w] = fork();
		if (pids[w] == 0) {
			close(p[0]);
			writer(p[1], w);
		}
	}
	close(p[1]);
	for (;;) {
		size_t have = 0;
		ssize_t n = 0;
		int id;

		while (have < sizeof(rec) && (n = read(p[0], rec + have, sizeof(rec) - have)) > 0)
			have += n;
		if (have == 0)
			break;
		id = rec[1] - 'A';
		if (have != sizeof(rec) || id < 0 || id >= WRITERS) {
			bad++;
			break;
		}
		for (size_t i = 1; i < sizeof(rec); i++)
			bad += rec[i] != rec[1];
		order += (unsigned char)rec[0] != (unsigned char)(next[id]++);
		got++;
	}
	close(p[0]);
	for (int w = 0; w < WRITERS; w++) {
		int status;

		waitpid(pids[w], &status, 0);
		ok_exits += exited_with(status, 0);
	}
	check(got == WRITERS * RECORDS && bad == 0, "PIPE_BUF writes from 4 writers never interleave",
	      "%d records (want %d), %d foreign bytes", got, WRITERS * RECORDS, bad);
	check(order == 0 && ok_exits == WRITERS, "each writer's records arrive in order; all writers finished",
	      "%d out of order, %d writers ok", order, ok_exits);
}

static int open_in_child(const char *path, int flags)
{
	int fd = open(path, flags);

	if (fd < 0)
		return 1;
	if (flags == O_WRONLY)
		write(fd, "F", 1);
	sleep_ms(50);
	return 0;
}

static void fifos(void)
{
	const char *f = tpath("fifo");
	int fd, wfd, status;
	pid_t pid;
	char c;
	struct timespec t0, t1;

	mkfifo(f, 0644);
	fd = open(f, O_RDONLY | O_NONBLOCK);
	check(fd >= 0, "FIFO: O_RDONLY|O_NONBLOCK opens without a writer", "%s", strerror(errno));
	check(read(fd, &c, 1) == 0, "FIFO: reading with no writer ever is EOF (0)", "%s", strerror(errno));
	wfd = open(f, O_WRONLY | O_NONBLOCK);
	check(wfd >= 0, "FIFO: O_WRONLY|O_NONBLOCK opens when a reader exists", "%s", strerror(errno));
	write(wfd, "ab", 2);
	check(read(fd, &c, 1) == 1 && c == 'a', "FIFO: data passes", "-");
	close(wfd);
	close(fd);
	check_errno(open(f, O_WRONLY | O_NONBLOCK), ENXIO, "FIFO: O_WRONLY|O_NONBLOCK without a reader is ENXIO");
	fd = open(f, O_RDWR);
	check(fd >= 0, "FIFO: O_RDWR opens at once (Linux)", "%s", strerror(errno));
	close(fd);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid == 0) {
		sleep_ms(200);
		_exit(open_in_child(f, O_WRONLY));
	}
	fd = open(f, O_RDONLY);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	check(fd >= 0 && (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000 >= 150,
	      "FIFO: a blocking O_RDONLY open waits for a writer", "%s", strerror(errno));
	check(read(fd, &c, 1) == 1 && c == 'F', "FIFO: the writer's byte arrives", "-");
	waitpid(pid, &status, 0);
	check(read(fd, &c, 1) == 0, "FIFO: EOF when the writer closes", "-");
	close(fd);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid == 0) {
		sleep_ms(200);
		_exit(open_in_child(f, O_RDONLY));
	}
	fd = open(f, O_WRONLY);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	check(fd >= 0 && (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000 >= 150,
	      "FIFO: a blocking O_WRONLY open waits for a reader", "%s", strerror(errno));
	waitpid(pid, &status, 0);
	check(exited_with(status, 0), "FIFO: the reader opened", "%s", status_str(status));
	check_errno(write(fd, "x", 1), EPIPE, "FIFO: writing after the reader closed is EPIPE");
	close(fd);
	fd = open(f, O_RDWR);
	check_errno(lseek(fd, 0, SEEK_SET), ESPIPE, "FIFO: lseek is ESPIPE");
	close(fd);
}

int main(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	/* Before issue 8 Breenix has no signals: the call may fail, and EPIPE is what counts. */
	if (sigaction(SIGPIPE, &sa, NULL))
		say("# sigaction(SIGPIPE, SIG_IGN): %s\n", strerror(errno));
	scratch_dir();
	basics();
	full_pipe();
	blocking();
	ends();
	atomicity();
	fifos();
	return done();
}
