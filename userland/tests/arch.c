/*
 * The x86_64 process state the kernel keeps per task: the FS and GS bases
 * (arch_prctl, and musl's thread-local storage on top of FS), the general
 * registers a syscall must preserve, and the FPU/SSE registers, checked in
 * two processes switching back and forth. Also int 0x80, which on Breenix
 * enters the x86_64 table (on Linux it is the i386 ABI, so skipped there).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

/* asm/prctl.h */
#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

#define SWITCHES 200

static __thread int tls_init = 42;
static __thread long tls_zero;

/* Raw, so that a failure does not write errno through an FS we are testing. */
static long arch_prctl(int code, unsigned long addr)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"((long)SYS_arch_prctl), "D"((long)code), "S"(addr)
			 : "rcx", "r11", "memory");
	if (ret < 0 && ret > -4096) {
		errno = -ret;
		return -1;
	}
	return ret;
}

/* sched_yield without libc, which would touch errno through FS on failure. */
static void raw_yield(void)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"((long)SYS_sched_yield) : "rcx", "r11", "memory");
	(void)ret;
}

static unsigned long fs_word(unsigned long off)
{
	unsigned long v;

	__asm__ volatile("mov %%fs:(%1), %0" : "=r"(v) : "r"(off)); /* read through the FS base */
	return v;
}

static unsigned long gs_word(unsigned long off)
{
	unsigned long v;

	__asm__ volatile("mov %%gs:(%1), %0" : "=r"(v) : "r"(off)); /* read through the GS base */
	return v;
}

static void fs_and_tls(void)
{
	unsigned long fs = 0, mine[4] = { 0, 0x1111, 0x2222, 0x3333 }, w0, w8, w16;
	long set;
	int status;
	pid_t pid;

	check(arch_prctl(ARCH_GET_FS, (unsigned long)&fs) == 0 && fs == (unsigned long)pthread_self(),
	      "ARCH_GET_FS is musl's thread pointer", "fs %#lx, pthread_self %p", fs, (void *)pthread_self());
	check(fs_word(0) == fs, "%fs:0 holds the thread pointer itself (TLS variant II)", "%#lx", fs_word(0));
	check(tls_init == 42 && tls_zero == 0, "initialised and zeroed __thread variables", "%d %ld", tls_init,
	      tls_zero);
	check((uintptr_t)&tls_init < fs && fs - (uintptr_t)&tls_init < 4096, "__thread data sits just below FS",
	      "&tls_init %p, fs %#lx", (void *)&tls_init, fs);
	check((uintptr_t)&errno - fs < 4096, "errno lives in the thread block above FS", "&errno %p, fs %#lx",
	      (void *)&errno, fs);

	/* musl itself needs its TLS (errno, locale): only raw reads until FS is back. */
	mine[0] = (unsigned long)mine;
	set = arch_prctl(ARCH_SET_FS, (unsigned long)mine);
	w0 = fs_word(0);
	w16 = fs_word(16);
	for (int i = 0; i < 20; i++)
		raw_yield();
	w8 = fs_word(8);
	arch_prctl(ARCH_SET_FS, fs);
	check(set == 0 && w0 == (unsigned long)mine && w16 == 0x2222, "ARCH_SET_FS moves %fs to a block of our own",
	      "ret %ld, %%fs:0 %#lx, %%fs:16 %#lx", set, w0, w16);
	check(w8 == 0x1111, "the FS base survives system calls and task switches", "%#lx", w8);
	check(tls_init == 42 && fs_word(0) == fs, "ARCH_SET_FS back restores musl's TLS", "-");

	tls_init = 43;
	pid = fork();
	if (pid == 0) {
		unsigned long cfs = 0;

		arch_prctl(ARCH_GET_FS, (unsigned long)&cfs);
		_exit(cfs == fs && tls_init == 43 ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	check(exited_with(status, 0), "a forked child has the same FS base and TLS values", "child %s",
	      status_str(status));
	tls_init = 42;

	errno = 0;
	check(arch_prctl(ARCH_SET_FS, (unsigned long)KERNEL_PTR) == -1 && errno == EPERM,
	      "ARCH_SET_FS to a kernel address is EPERM", "errno %s", strerror(errno));
	errno = 0;
	check(arch_prctl(ARCH_SET_FS, (unsigned long)NONCANON_PTR) == -1 && errno == EPERM,
	      "ARCH_SET_FS to a non-canonical address is EPERM", "errno %s", strerror(errno));

	check(fs_word(0) == fs, "and leaves FS alone", "-");
	errno = 0;
	check(arch_prctl(0x9999, 0) == -1 && errno == EINVAL, "an unknown arch_prctl code is EINVAL", "errno %s",
	      strerror(errno));
}

static void gs_base(void)
{
	unsigned long block[2] = { 0x5151, 0x6262 }, gs = 1;

	check(arch_prctl(ARCH_SET_GS, (unsigned long)block) == 0 && gs_word(8) == 0x6262,
	      "ARCH_SET_GS: %gs reads our block", "%s", strerror(errno));
	for (int i = 0; i < 20; i++)
		raw_yield();
	check(arch_prctl(ARCH_GET_GS, (unsigned long)&gs) == 0 && gs == (unsigned long)block && gs_word(0) == 0x5151,
	      "ARCH_GET_GS returns it, and it survives task switches", "gs %#lx", gs);
	arch_prctl(ARCH_SET_GS, 0);
}

/*
 * Loads rbx, rbp, rdx, rsi, rdi, r8-r10 and r12-r15 from in[], makes system
 * call nr, stores them to out[]: everything but rax, rcx and r11 must survive.
 */
void regs_across_syscall(const unsigned long *in, unsigned long *out, long nr);
__asm__(".text\n"
	".globl regs_across_syscall\n"
	"regs_across_syscall:\n"
	"	push %rbx\n push %rbp\n push %r12\n push %r13\n push %r14\n push %r15\n"
	"	push %rsi\n"
	"	mov %rdx, %rax\n"
	"	mov 0(%rdi), %rbx\n mov 8(%rdi), %rbp\n mov 16(%rdi), %r12\n mov 24(%rdi), %r13\n"
	"	mov 32(%rdi), %r14\n mov 40(%rdi), %r15\n mov 48(%rdi), %r8\n mov 56(%rdi), %r9\n"
	"	mov 64(%rdi), %r10\n mov 72(%rdi), %rdx\n mov 80(%rdi), %rsi\n mov 88(%rdi), %rdi\n"
	"	syscall\n"
	"	push %rdi\n"
	"	mov 8(%rsp), %rdi\n"
	"	mov %rbx, 0(%rdi)\n mov %rbp, 8(%rdi)\n mov %r12, 16(%rdi)\n mov %r13, 24(%rdi)\n"
	"	mov %r14, 32(%rdi)\n mov %r15, 40(%rdi)\n mov %r8, 48(%rdi)\n mov %r9, 56(%rdi)\n"
	"	mov %r10, 64(%rdi)\n mov %rdx, 72(%rdi)\n mov %rsi, 80(%rdi)\n"
	"	pop %rax\n mov %rax, 88(%rdi)\n"
	"	add $8, %rsp\n"
	"	pop %r15\n pop %r14\n pop %r13\n pop %r12\n pop %rbp\n pop %rbx\n"
	"	ret\n");

static void registers(void)
{
	static const char *const names[] = { "rbx", "rbp", "r12", "r13", "r14", "r15", "r8", "r9", "r10",
					     "rdx", "rsi", "rdi" };
	unsigned long in[12], out[12];
	int bad = -1;

	for (int i = 0; i < 12; i++)
		in[i] = 0x0123456789abcdefUL ^ ((unsigned long)i * 0x1111111111111111UL);
	regs_across_syscall(in, out, SYS_getppid);
	for (int i = 11; i >= 0; i--)
		if (in[i] != out[i])
			bad = i;
	check(bad < 0, "a syscall preserves every register but rax, rcx and r11", "%s changed: %#lx -> %#lx",
	      bad < 0 ? "-" : names[bad], bad < 0 ? 0 : in[bad], bad < 0 ? 0 : out[bad]);
}

/* Fills xmm0-15 from a[], yields n times, stores them to b[]. */
static void xmm_across_yields(const unsigned char a[256], unsigned char b[256], int n)
{
	__asm__ volatile(
		"movdqu 0(%0), %%xmm0\n movdqu 16(%0), %%xmm1\n movdqu 32(%0), %%xmm2\n movdqu 48(%0), %%xmm3\n"
		"movdqu 64(%0), %%xmm4\n movdqu 80(%0), %%xmm5\n movdqu 96(%0), %%xmm6\n movdqu 112(%0), %%xmm7\n"
		"movdqu 128(%0), %%xmm8\n movdqu 144(%0), %%xmm9\n movdqu 160(%0), %%xmm10\n movdqu 176(%0), %%xmm11\n"
		"movdqu 192(%0), %%xmm12\n movdqu 208(%0), %%xmm13\n movdqu 224(%0), %%xmm14\n movdqu 240(%0), %%xmm15\n"
		"1: mov %3, %%eax\n syscall\n dec %2\n jnz 1b\n"
		"movdqu %%xmm0, 0(%1)\n movdqu %%xmm1, 16(%1)\n movdqu %%xmm2, 32(%1)\n movdqu %%xmm3, 48(%1)\n"
		"movdqu %%xmm4, 64(%1)\n movdqu %%xmm5, 80(%1)\n movdqu %%xmm6, 96(%1)\n movdqu %%xmm7, 112(%1)\n"
		"movdqu %%xmm8, 128(%1)\n movdqu %%xmm9, 144(%1)\n movdqu %%xmm10, 160(%1)\n movdqu %%xmm11, 176(%1)\n"
		"movdqu %%xmm12, 192(%1)\n movdqu %%xmm13, 208(%1)\n movdqu %%xmm14, 224(%1)\n movdqu %%xmm15, 240(%1)\n"
		: "+r"(a), "+r"(b), "+r"(n)
		: "i"(SYS_sched_yield)
		: "rax", "rcx", "r11", "memory", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
		  "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}

/* A process's SSE registers, MXCSR and x87 control word across task switches. */
static int fpu_worker(void *arg)
{
	unsigned char seed = (unsigned char)(uintptr_t)arg, a[256], b[256];
	unsigned int mxcsr = 0x1f80 | (seed & 1 ? 0x6000 : 0x2000), mx_out;
	unsigned short fcw = 0x037f | (seed & 1 ? 0x0c00 : 0x0400), fcw_out;

	for (int i = 0; i < 256; i++)
		a[i] = (unsigned char)(i * 7 + seed);
	__asm__ volatile("ldmxcsr %0\n fldcw %1" : : "m"(mxcsr), "m"(fcw)); /* per-process rounding modes */
	for (int round = 0; round < 10; round++) {
		xmm_across_yields(a, b, SWITCHES / 10);
		if (memcmp(a, b, sizeof(a)))
			return 1;
	}
	__asm__ volatile("stmxcsr %0\n fnstcw %1" : "=m"(mx_out), "=m"(fcw_out)); /* read them back */
	if (mx_out != mxcsr)
		return 2;
	if (fcw_out != fcw)
		return 3;
	return 0;
}

static void fpu(void)
{
	pid_t a = fork(), b;
	int sa = 0, sb = 0;

	if (a == 0)
		_exit(fpu_worker((void *)1));
	b = fork();
	if (b == 0)
		_exit(fpu_worker((void *)2));
	waitpid(a, &sa, 0);
	waitpid(b, &sb, 0);
	check(exited_with(sa, 0) && exited_with(sb, 0),
	      "two processes keep their own xmm0-15, MXCSR and x87 control word across 200 switches",
	      "%s / %s (1: xmm, 2: mxcsr, 3: fcw)", status_str(sa), status_str(sb));
}

static void int80(void)
{
	long ret;

	if (!on_breenix()) {
		skip("int $0x80 enters the x86_64 table (getpid is 39)",
		     "Breenix only: on Linux int $0x80 is the i386 ABI");
		return;
	}
	__asm__ volatile("int $0x80" : "=a"(ret) : "a"((long)SYS_getpid) : "memory"); /* the legacy gate */
	check(ret == getpid(), "int $0x80 enters the x86_64 table (getpid is 39)", "returned %ld, pid %d", ret,
	      getpid());
	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(100000L) : "memory"); /* an unknown number */
	check(ret == -ENOSYS, "int $0x80 with an unknown number is -ENOSYS", "returned %ld", ret);
}

int main(void)
{
	fs_and_tls();
	gs_base();
	registers();
	fpu();
	int80();
	return done();
}
