/*
 * Faults in user mode kill only the faulting process, with the signal Linux
 * uses: NULL and kernel-half accesses, writes to read-only memory, executing
 * non-executable memory, stack overflow, privileged and invalid instructions.
 * Each runs in a child; the parent checks the wait status and carries on.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tap.h"

#define PAGE 4096UL

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
	((void (*)(void))addr)();
	return 0;
}

static int write_literal(void *arg)
{
	char *s = opaque_ptr((uintptr_t)"a string literal");

	(void)arg;
	s[0] = 'A';
	return 0;
}

static int recurse(void *arg)
{
	volatile char frame[4096];

	/* 2^40 frames of 4 KiB: no stack limit lets this return. */
	if ((uintptr_t)arg > (1UL << 40))
		return 0;
	frame[0] = (char)(uintptr_t)arg;
	return recurse((void *)((uintptr_t)arg + 1)) + frame[0];
}

static int do_hlt(void *arg)
{
	(void)arg;
	__asm__ volatile("hlt"); /* privileged: #GP in user mode */
	return 0;
}

static int do_cli(void *arg)
{
	(void)arg;
	__asm__ volatile("cli"); /* IOPL 0: #GP in user mode */
	return 0;
}

static int do_ud2(void *arg)
{
	(void)arg;
	__asm__ volatile("ud2"); /* the defined invalid opcode: #UD */
	return 0;
}

static int do_div0(void *arg)
{
	int zero = (int)(uintptr_t)arg, quotient;

	/* An explicit idiv: gcc turns a C "1 / x" into compares, without a divide. */
	__asm__ volatile("cltd; idivl %2" : "=a"(quotient) : "a"(1), "r"(zero) : "rdx");
	return quotient;
}

static int do_int3(void *arg)
{
	(void)arg;
	__asm__ volatile("int3"); /* #BP, which user mode may raise */
	return 0;
}

static int do_int81(void *arg)
{
	(void)arg;
	__asm__ volatile("int $0x81"); /* a gate user mode may not use: #GP */
	return 0;
}

/* A syscall whose return address is the first byte past the top user page. */
static int syscall_at_top(void *code)
{
	__asm__ volatile("jmp *%0" : : "r"(code), "a"((long)SYS_getpid) : "rcx", "r11", "memory");
	return 0;
}

struct fault {
	const char *name;
	int (*fn)(void *);
	void *arg;
	int sig;
};

static void run(const struct fault *f)
{
	int status = in_child(f->fn, f->arg);

	check(died_by(status, f->sig), f->name, "child %s, want signal %d (%s)", status_str(status), f->sig,
	      strsignal(f->sig));
}

int main(void)
{
	char *ro = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *none = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *data = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *top = mmap((void *)0x7fffffffe000UL, PAGE, PROT_READ | PROT_WRITE | PROT_EXEC,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	pid_t me = getpid();

	if (ro == MAP_FAILED || none == MAP_FAILED || data == MAP_FAILED) {
		fail("mmap the test pages", "%s", strerror(errno));
		return done();
	}
	ro[0] = 'r';
	mprotect(ro, PAGE, PROT_READ);
	data[0] = 0xc3; /* ret, in a page that is not executable */

	const struct fault faults[] = {
		{ "read from NULL is SIGSEGV", (int (*)(void *))read_at, opaque_ptr(0), SIGSEGV },
		{ "write to NULL is SIGSEGV", write_at, opaque_ptr(0), SIGSEGV },
		{ "write to a string literal is SIGSEGV", write_literal, NULL, SIGSEGV },
		{ "write to an mprotect(PROT_READ) page is SIGSEGV", write_at, ro, SIGSEGV },
		{ "read from a PROT_NONE page is SIGSEGV", (int (*)(void *))read_at, none, SIGSEGV },
		{ "executing a non-executable page (NX) is SIGSEGV", call_at, data, SIGSEGV },
		{ "a call to address 0 is SIGSEGV", call_at, opaque_ptr(0), SIGSEGV },
		{ "read from the kernel half (0xffff800000000000) is SIGSEGV", (int (*)(void *))read_at,
		  KERNEL_PTR, SIGSEGV },
		{ "read from kernel text (0xffffffff80000000) is SIGSEGV", (int (*)(void *))read_at,
		  KERNEL_TEXT_PTR, SIGSEGV },
		{ "write to the kernel half is SIGSEGV", write_at, KERNEL_PTR, SIGSEGV },
		{ "read from a non-canonical address (#GP) is SIGSEGV", (int (*)(void *))read_at, NONCANON_PTR,
		  SIGSEGV },
		{ "read from 0x0000800000000000 (past the 47-bit lower half) is SIGSEGV", (int (*)(void *))read_at,
		  LOWER_HALF_END, SIGSEGV },
		{ "unbounded recursion (stack overflow) is SIGSEGV", recurse, NULL, SIGSEGV },
		{ "hlt in user mode is SIGSEGV", do_hlt, NULL, SIGSEGV },
		{ "cli in user mode is SIGSEGV", do_cli, NULL, SIGSEGV },
		{ "int $0x81 (kernel-only gate) is SIGSEGV", do_int81, NULL, SIGSEGV },
		{ "ud2 is SIGILL", do_ud2, NULL, SIGILL },
		{ "integer division by zero is SIGFPE", do_div0, NULL, SIGFPE },
		{ "int3 is SIGTRAP", do_int3, NULL, SIGTRAP },
	};

	for (size_t i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
		run(&faults[i]);

	if (top == MAP_FAILED) {
		skip("a syscall returning past the top user page is SIGSEGV", "top page in use");
	} else {
		struct fault f = { "a syscall returning past the top user page is SIGSEGV", syscall_at_top,
				   top + PAGE - 2, SIGSEGV };

		top[PAGE - 2] = 0x0f; /* syscall */
		top[PAGE - 1] = 0x05;
		run(&f);
	}
	check(getpid() == me && ro[0] == 'r', "the parent is unharmed by its children's faults", "pid %d", getpid());
	return done();
}
