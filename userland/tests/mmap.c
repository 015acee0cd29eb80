/*
 * mmap, munmap, mprotect and madvise(MADV_DONTNEED) on anonymous memory,
 * edge cases included: zero and unaligned lengths and addresses, hints,
 * MAP_FIXED over a mapping, MAP_FIXED_NOREPLACE, holes punched in the middle,
 * protection changes on part of a mapping, shared memory across fork, and the
 * top of the user address space. Accesses that must fault run in a child.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

#define PAGE 4096UL
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
/*
 * x86_64 Linux: user space ends one page below 2^47 with 4-level paging, or
 * below 2^56 with 5-level paging (LA57, which QEMU's "max" CPU offers and
 * Linux then uses). user_end() tells which by mapping the first page past 2^47.
 */
static unsigned long user_end_cached;

static unsigned long user_end(void)
{
	void *p;

	if (user_end_cached)
		return user_end_cached;
	p = (void *)syscall(SYS_mmap, 1UL << 47, PAGE, PROT_READ, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	if (p == (void *)(1UL << 47)) {
		munmap(p, PAGE);
		user_end_cached = (1UL << 56) - PAGE;
	} else {
		user_end_cached = (1UL << 47) - PAGE;
	}
	return user_end_cached;
}

static void *map(void *addr, size_t len, int prot, int flags)
{
	return (void *)syscall(SYS_mmap, addr, len, prot, flags, -1, 0);
}

static void expect_fail(long ret, int err, const char *name)
{
	check(ret == -1 && errno == err, name, "returned %#lx, errno %s (want %s)", ret, strerror(errno),
	      strerror(err));
}

static int read_at(void *addr)
{
	return *(volatile char *)addr;
}

static int write_at(void *addr)
{
	*(volatile char *)addr = 1;
	return 0;
}

static int call_at(void *addr)
{
	return ((int (*)(void))addr)();
}

/* A three-page mapping whose pages hold 'a', 'b', 'c'. */
static char *three(void)
{
	char *p = map(NULL, 3 * PAGE, RW, ANON);

	if (p == MAP_FAILED)
		return NULL;
	memset(p, 'a', PAGE);
	memset(p + PAGE, 'b', PAGE);
	memset(p + 2 * PAGE, 'c', PAGE);
	return p;
}

static bool all(const char *p, char c, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i] != c)
			return false;
	return true;
}

static void argument_errors(void)
{
	errno = 0;
	expect_fail(syscall(SYS_mmap, NULL, 0, RW, ANON, -1, 0), EINVAL, "mmap of length 0 is EINVAL");
	expect_fail(syscall(SYS_mmap, NULL, PAGE, RW, ANON, -1, 1), EINVAL, "mmap with an unaligned offset is EINVAL");
	expect_fail(syscall(SYS_mmap, (void *)0x10000001UL, PAGE, RW, ANON | MAP_FIXED, -1, 0), EINVAL,
		    "MAP_FIXED at an unaligned address is EINVAL");
	expect_fail(syscall(SYS_mmap, NULL, PAGE, RW, MAP_ANONYMOUS, -1, 0), EINVAL,
		    "mmap with neither MAP_PRIVATE nor MAP_SHARED is EINVAL");
	expect_fail(syscall(SYS_mmap, NULL, user_end() + PAGE, RW, ANON, -1, 0), ENOMEM,
		    "a mapping as large as user space is ENOMEM");
	expect_fail(syscall(SYS_mmap, (void *)user_end(), PAGE, RW, ANON | MAP_FIXED, -1, 0), ENOMEM,
		    "MAP_FIXED at the last page of the lower half (past TASK_SIZE) is ENOMEM");
	{
		/* The stack may already hold it (EEXIST); a limit below TASK_SIZE would say ENOMEM. */
		void *top = mmap((void *)(user_end() - PAGE), PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);

		check(top == (void *)(user_end() - PAGE) || (top == MAP_FAILED && errno == EEXIST),
		      "the page below it is the highest that maps (or is in use)", "%p, %s", top, strerror(errno));
		if (top != MAP_FAILED)
			munmap(top, PAGE);
	}
	say("# user space ends at %#lx\n", user_end());
	expect_fail(syscall(SYS_mmap, KERNEL_PTR, PAGE, RW, ANON | MAP_FIXED, -1, 0), ENOMEM,
		    "MAP_FIXED in the kernel half is ENOMEM");
	expect_fail(syscall(SYS_munmap, NULL, 0), EINVAL, "munmap of length 0 is EINVAL");
	expect_fail(syscall(SYS_munmap, (void *)0x10000001UL, PAGE), EINVAL, "munmap at an unaligned address is EINVAL");
	expect_fail(syscall(SYS_munmap, KERNEL_PTR, PAGE), EINVAL, "munmap in the kernel half is EINVAL");
	expect_fail(syscall(SYS_mprotect, (void *)0x10000001UL, PAGE, PROT_READ), EINVAL,
		    "mprotect at an unaligned address is EINVAL");
	expect_fail(syscall(SYS_madvise, (void *)0x10000001UL, PAGE, MADV_DONTNEED), EINVAL,
		    "madvise at an unaligned address is EINVAL");
}

static void lengths_and_hints(void)
{
	char *p = map(NULL, 1, RW, ANON), *q;
	void *hint;

	if (check(p != MAP_FAILED && (uintptr_t)p % PAGE == 0, "mmap of 1 byte gives a page-aligned mapping",
		  "%p", (void *)p)) {
		p[PAGE - 1] = 'z';
		check(p[0] == 0 && p[PAGE - 1] == 'z', "the whole page is usable and starts zeroed", "p[0] %d", p[0]);
		check(syscall(SYS_munmap, p, 1) == 0, "munmap of 1 byte unmaps its page", "%s", strerror(errno));
		int status = in_child(read_at, p);

		check(died_by(status, SIGSEGV), "the page is gone afterwards", "child %s", status_str(status));
	}
	check(syscall(SYS_munmap, p, PAGE) == 0, "munmap of a range with nothing mapped succeeds", "%s",
	      strerror(errno));

	hint = p;
	q = map(hint, PAGE, RW, ANON);
	check(q == hint, "a free hint address is used as given", "hint %p, got %p", hint, (void *)q);
	munmap(q, PAGE);
	q = map((char *)hint + 123, PAGE, RW, ANON);
	check(q != MAP_FAILED && (uintptr_t)q % PAGE == 0, "an unaligned hint still gives an aligned mapping", "%p",
	      (void *)q);
	munmap(q, PAGE);
	q = map(KERNEL_PTR, PAGE, RW, ANON);
	check(q != MAP_FAILED && (uintptr_t)q < user_end(), "a kernel-half hint is ignored, not an error", "%p",
	      (void *)q);
	munmap(q, PAGE);
}

static void fixed_and_noreplace(void)
{
	char *p = three(), *q;

	if (!check(p != NULL, "map three pages", "%s", strerror(errno)))
		return;
	q = map(p + PAGE, PAGE, RW, ANON | MAP_FIXED);
	check(q == p + PAGE && all(q, 0, PAGE), "MAP_FIXED over the middle page replaces it with a zero page",
	      "got %p", (void *)q);
	check(all(p, 'a', PAGE) && all(p + 2 * PAGE, 'c', PAGE), "the pages either side keep their data", "-");
	q = map(p + PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE);
	check(q == MAP_FAILED && errno == EEXIST, "MAP_FIXED_NOREPLACE over a mapping is EEXIST", "got %p, %s",
	      (void *)q, strerror(errno));
	q = map(p + 2 * PAGE, 2 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE);
	check(q == MAP_FAILED && errno == EEXIST, "MAP_FIXED_NOREPLACE overlapping a mapping's end is EEXIST",
	      "got %p, %s", (void *)q, strerror(errno));
	munmap(p, 3 * PAGE);
	q = map(p + PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE);
	check(q == p + PAGE, "MAP_FIXED_NOREPLACE on free space maps exactly there", "got %p", (void *)q);
	munmap(q, PAGE);
}

static void holes(void)
{
	char *p = three(), *q;
	int status;

	if (!check(p != NULL, "map three pages", "%s", strerror(errno)))
		return;
	check(munmap(p + PAGE, PAGE) == 0, "munmap of the middle page", "%s", strerror(errno));
	check(all(p, 'a', PAGE) && all(p + 2 * PAGE, 'c', PAGE), "both sides of the hole keep their data", "-");
	p[0] = 'A';
	p[2 * PAGE] = 'C';
	check(p[0] == 'A' && p[2 * PAGE] == 'C', "both sides of the hole are still writable", "-");
	status = in_child(read_at, p + PAGE);
	check(died_by(status, SIGSEGV), "the hole faults (SIGSEGV)", "child %s", status_str(status));
	check(munmap(p, 3 * PAGE) == 0, "munmap across two mappings and a hole", "%s", strerror(errno));
	status = in_child(read_at, p + 2 * PAGE);
	check(died_by(status, SIGSEGV), "both mappings are gone", "child %s", status_str(status));
	q = map(p, 3 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE);
	check(q == p && all(q, 0, 3 * PAGE), "the range can be mapped afresh, zeroed", "got %p", (void *)q);
	munmap(q, 3 * PAGE);
}

static void protections(void)
{
	char *p = three();
	int status;

	if (!check(p != NULL, "map three pages", "%s", strerror(errno)))
		return;
	check(mprotect(p + PAGE, PAGE, PROT_NONE) == 0, "mprotect(PROT_NONE) on the middle page", "%s",
	      strerror(errno));
	status = in_child(read_at, p + PAGE);
	check(died_by(status, SIGSEGV), "reading a PROT_NONE page is SIGSEGV", "child %s", status_str(status));
	check(all(p, 'a', PAGE) && all(p + 2 * PAGE, 'c', PAGE), "its neighbours still read and keep their data", "-");
	check(mprotect(p + PAGE, PAGE, RW) == 0 && all(p + PAGE, 'b', PAGE),
	      "back to read-write, the page has kept its data", "%s", strerror(errno));
	check(mprotect(p, 3 * PAGE, PROT_READ) == 0, "mprotect(PROT_READ) on all three", "%s", strerror(errno));
	status = in_child(write_at, p + 2 * PAGE);
	check(died_by(status, SIGSEGV), "writing a read-only page is SIGSEGV", "child %s", status_str(status));
	check(all(p + 2 * PAGE, 'c', PAGE), "and it is unchanged", "-");
	munmap(p + PAGE, PAGE);
	errno = 0;
	check(mprotect(p, 3 * PAGE, RW) == -1 && errno == ENOMEM, "mprotect over a hole is ENOMEM", "errno %s",
	      strerror(errno));
	check(mprotect(p, 0, RW) == 0, "mprotect of length 0 succeeds", "%s", strerror(errno));
	munmap(p, 3 * PAGE);
}

static void executable(void)
{
	unsigned char *code = map(NULL, PAGE, RW | PROT_EXEC, ANON);
	int status;

	if (!check(code != MAP_FAILED, "map a read-write-execute page", "%s", strerror(errno)))
		return;
	/* mov $42, %eax; ret */
	memcpy(code, "\xb8\x2a\x00\x00\x00\xc3", 6);
	check(call_at(code) == 42, "code written there runs", "-");
	mprotect(code, PAGE, RW);
	status = in_child(call_at, code);
	check(died_by(status, SIGSEGV), "after mprotect without PROT_EXEC it faults (SIGSEGV)", "child %s",
	      status_str(status));
	mprotect(code, PAGE, PROT_READ | PROT_EXEC);
	check(call_at(code) == 42, "read-execute runs again", "-");
	munmap(code, PAGE);
}

static void shared_with_child(void)
{
	volatile int *sh = map(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS);
	int status;
	pid_t pid;

	if (!check(sh != MAP_FAILED, "map a shared anonymous page", "%s", strerror(errno)))
		return;
	sh[0] = 1;
	pid = fork();
	if (pid == 0) {
		struct timespec ms = { 0, 1000000 };

		sh[1] = 7;
		for (int i = 0; i < 10000 && sh[0] != 2; i++)
			nanosleep(&ms, NULL);
		_exit(sh[0] == 2 ? 0 : 1);
	}
	for (int i = 0; i < 1000000 && sh[1] != 7; i++)
		sched_yield();
	sh[0] = 2;
	waitpid(pid, &status, 0);
	check(exited_with(status, 0), "MAP_SHARED: parent and child see each other's writes", "child %s",
	      status_str(status));
	check(madvise((void *)sh, PAGE, MADV_DONTNEED) == 0 && sh[1] == 7,
	      "MADV_DONTNEED on shared memory keeps its contents", "sh[1] %d", sh[1]);
	munmap((void *)sh, PAGE);
}

static void dontneed(void)
{
	char *p = three();

	if (!check(p != NULL, "map three pages", "%s", strerror(errno)))
		return;
	check(madvise(p + PAGE, PAGE, MADV_DONTNEED) == 0, "madvise(MADV_DONTNEED) on private memory", "%s",
	      strerror(errno));
	check(all(p + PAGE, 0, PAGE), "the page reads back as zeroes", "-");
	check(all(p, 'a', PAGE) && all(p + 2 * PAGE, 'c', PAGE), "its neighbours keep their data", "-");
	p[PAGE] = 'x';
	check(p[PAGE] == 'x', "and it can be written again", "-");
	munmap(p, 3 * PAGE);
}

static int deep_stack(void *arg)
{
	volatile char frame[64 * 1024];
	uintptr_t depth = (uintptr_t)arg;

	frame[0] = 1;
	frame[sizeof(frame) - 1] = 1;
	if (depth == 0)
		return 0;
	return deep_stack((void *)(depth - 1)) + frame[0] - 1;
}

static void sparse(void)
{
	size_t len = 128UL << 20;
	char *p = map(NULL, len, RW, ANON);
	int status;

	if (!check(p != MAP_FAILED, "a 128 MiB mapping", "%s", strerror(errno)))
		return;
	for (size_t off = 0; off < len; off += 1 << 20)
		p[off] = 1;
	check(p[len - (1 << 20)] == 1, "one page a MiB touched (demand paging)", "-");
	munmap(p, len);
	status = in_child(deep_stack, (void *)64UL);
	check(exited_with(status, 0), "the stack grows on demand to 4 MiB", "child %s", status_str(status));
}

int main(void)
{
	argument_errors();
	lengths_and_hints();
	fixed_and_noreplace();
	holes();
	protections();
	executable();
	shared_with_child();
	dontneed();
	sparse();
	return done();
}
