/*
 * A pipeline of 8 processes: the first generates 64 MiB of a known
 * pseudo-random stream, six relay it through pipes with reads and writes of
 * varied sizes, the last checksums it; the checksum and byte count must be
 * the generator's. Usage: pipeline [MiB].
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

#define STAGES 8

/* xorshift64: the stream and its checksum, computed alike at both ends. */
static uint64_t next_word(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static uint64_t mix(uint64_t sum, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sum = (sum ^ p[i]) * 0x100000001b3ULL;
	return sum;
}

static int write_all(int fd, const unsigned char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= w;
	}
	return 0;
}

static int generate(int out, uint64_t bytes)
{
	static unsigned char buf[65536];
	uint64_t s = 0x9e3779b97f4a7c15ULL;

	for (uint64_t done = 0; done < bytes; done += sizeof(buf)) {
		for (size_t i = 0; i < sizeof(buf); i += 8) {
			uint64_t w = next_word(&s);

			memcpy(buf + i, &w, 8);
		}
		if (write_all(out, buf, sizeof(buf)))
			return 1;
	}
	return 0;
}

/* Relays with a read size that differs per stage (odd sizes split the writer's chunks). */
static int relay(int in, int out, int stage)
{
	static unsigned char buf[65536];
	size_t sizes[] = { 4096, 65536, 1000, 32768, 513, 8192, 60000 };
	size_t size = sizes[stage % 7];
	ssize_t n;

	while ((n = read(in, buf, size)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return 1;
		}
		if (write_all(out, buf, n))
			return 2;
	}
	return 0;
}

int main(int argc, char **argv)
{
	uint64_t mib = argc > 1 ? strtoull(argv[1], NULL, 10) : 64, bytes = mib << 20, sum = 0xcbf29ce484222325ULL;
	uint64_t want = 0xcbf29ce484222325ULL, total = 0, s = 0x9e3779b97f4a7c15ULL;
	static unsigned char buf[65536];
	pid_t pids[STAGES - 1];
	int in = -1, ok = 0, status;
	struct timespec t0, t1;
	ssize_t n;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* Stages 0..6 are children; this process is stage 7, the checksummer. */
	for (int stage = 0; stage < STAGES - 1; stage++) {
		int p[2];

		if (pipe(p)) {
			fail("pipe", "%s", strerror(errno));
			return done();
		}
		pids[stage] = fork();
		if (pids[stage] == 0) {
			close(p[0]);
			_exit(stage == 0 ? generate(p[1], bytes) : relay(in, p[1], stage));
		}
		if (in >= 0)
			close(in);
		close(p[1]);
		in = p[0];
	}
	while ((n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		sum = mix(sum, buf, n);
		total += n;
	}
	close(in);
	for (int i = 0; i < STAGES - 1; i++)
		ok += waitpid(pids[i], &status, 0) == pids[i] && exited_with(status, 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	for (uint64_t d = 0; d < bytes; d += 8) {
		uint64_t w = next_word(&s);

		want = mix(want, (unsigned char *)&w, 8);
	}
	check(ok == STAGES - 1, "all 7 writing stages exit 0", "%d did", ok);
	check(total == bytes, "the last stage reads every byte", "%llu of %llu", (unsigned long long)total,
	      (unsigned long long)bytes);
	check(sum == want, "the checksum at the end of 8 processes is the generator's", "%#llx, want %#llx",
	      (unsigned long long)sum, (unsigned long long)want);
	say("# %llu MiB through %d processes in %ld ms\n", (unsigned long long)mib, STAGES,
	    (long)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000));
	return done();
}
