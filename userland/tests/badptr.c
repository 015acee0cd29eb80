/*
 * The bad pointers and the run that tries each on each call (badptr.h).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "badptr.h"
#include "tap.h"

#define PAGE 4096UL

static char *unmapped, *readonly, *none, *edge, *null_ptr;
static char *kernel_half = KERNEL_PTR, *kernel_text = KERNEL_TEXT_PTR, *noncanon = NONCANON_PTR;
static char *lower_half_end = LOWER_HALF_END;

static const struct bad {
	const char *what;
	char **ptr;
	int for_kind;	/* 0: any call; else only calls of this kind */
	bool user;	/* inside user space (not for KERNEL_ONLY calls) */
} bads[] = {
	{ "NULL", &null_ptr, 0, true },
	{ "an unmapped page", &unmapped, 0, true },
	{ "a PROT_NONE page", &none, 0, true },
	{ "a read-only page", &readonly, OUT, true },
	{ "a buffer running off a mapping's end", &edge, 0, true },
	{ "0xffff800000000000 (kernel half)", &kernel_half, 0, false },
	{ "0xffffffff80000000 (kernel text)", &kernel_text, 0, false },
	{ "0x0100000000000000 (non-canonical)", &noncanon, 0, false },
	/* User space under 5-level paging, where nothing is mapped there. */
	{ "0x0000800000000000 (past the 47-bit lower half)", &lower_half_end, 0, true },
};

int badptr_setup(void)
{
	char *two;

	unmapped = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	readonly = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	none = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	two = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (unmapped == MAP_FAILED || readonly == MAP_FAILED || none == MAP_FAILED || two == MAP_FAILED ||
	    munmap(unmapped, PAGE) || munmap(two + PAGE, PAGE)) {
		fail("set up the bad pages", "%s", strerror(errno));
		return -1;
	}
	/* 2 good bytes, then the unmapped page: no struct the calls use fits. */
	edge = two + PAGE - 2;
	return 0;
}

struct job {
	const struct badptr_call *call;
	void *ptr;
};

static int run_job(void *arg)
{
	const struct job *job = arg;
	long ret;

	errno = 0;
	ret = job->call->fn(job->ptr);
	if (ret == -2)
		return 253;
	if (ret == -3)
		return 252;
	return ret == -1 ? errno : 254;
}

static bool applies(const struct badptr_call *c, const struct bad *b)
{
	if (b->for_kind && !(c->kind & b->for_kind))
		return false;
	if (b->user && (c->kind & KERNEL_ONLY))
		return false;
	if (b->ptr == &null_ptr && (c->kind & NULL_OK))
		return false;
	return !(b->ptr == &edge && (c->kind & NO_EDGE));
}

void badptr_run(const struct badptr_call *calls, size_t n)
{
	char name[160];

	for (size_t b = 0; b < sizeof(bads) / sizeof(bads[0]); b++) {
		for (size_t c = 0; c < n; c++) {
			struct job job = { &calls[c], *bads[b].ptr };
			int status;

			if (!applies(&calls[c], &bads[b]))
				continue;
			status = in_child(run_job, &job);
			snprintf(name, sizeof(name), "%s with %s is EFAULT", calls[c].name, bads[b].what);
			check(exited_with(status, EFAULT), name,
			      "%s (exit code: errno; 252: setup failed; 253: child left unreaped; 254: success)",
			      status_str(status));
		}
	}
}
