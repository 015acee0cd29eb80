/*
 * Threads as musl makes them (clone with CLONE_VM, CLONE_THREAD, CLONE_SETTLS,
 * CLONE_PARENT_SETTID and CLONE_CHILD_CLEARTID, then futex on join): each
 * thread has its own TLS and errno.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tap.h"

#define THREADS 4

static __thread int mine = 7;

struct result {
	int seen_initial;
	int errno_after;
	long tid;
};

static void *worker(void *arg)
{
	struct result *r = arg;

	r->seen_initial = mine;
	mine = 100;
	errno = 0;
	syscall(SYS_getrandom, NULL, 16, 0x100);
	r->errno_after = errno;
	r->tid = syscall(SYS_gettid);
	return r;
}

int main(void)
{
	pthread_t t[THREADS];
	struct result res[THREADS];
	int created = 0, bad = 0;

	memset(res, 0, sizeof(res));
	errno = ENOENT;
	for (int i = 0; i < THREADS; i++) {
		int err = pthread_create(&t[i], NULL, worker, &res[i]);

		if (err) {
			fail("pthread_create", "%s", strerror(err));
			break;
		}
		created++;
	}
	for (int i = 0; i < created; i++) {
		void *ret = NULL;

		if (pthread_join(t[i], &ret) || ret != &res[i])
			bad++;
	}
	check(created == THREADS && bad == 0, "4 threads created and joined", "%d created, %d bad joins", created, bad);
	bad = 0;
	for (int i = 0; i < created; i++)
		bad += res[i].seen_initial != 7 || res[i].errno_after != EINVAL || res[i].tid == getpid();
	check(bad == 0, "each thread starts with fresh TLS, has its own errno and tid", "%d wrong", bad);
	check(mine == 7 && errno == ENOENT, "the main thread's TLS and errno are untouched", "mine %d, errno %d", mine,
	      errno);
	return done();
}
