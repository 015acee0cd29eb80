/*
 * rt_sigreturn against tampered frames, as Linux judges them: a handler that
 * points the saved CS or SS at a kernel or null selector, RIP at the kernel
 * or off the canonical range, sets RFLAGS bits user mode may not have, or
 * garbles the FPU image, and rt_sigreturn called with no frame at all: the
 * process dies by SIGSEGV (or survives where Linux ignores the change).
 * Legitimate changes to the general registers, RIP, the mask and the
 * alternate stack take effect, and the FPU, SSE and AVX registers a
 * handler clobbers come back.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "sigtest.h"
#include "tap.h"

/* Selectors that are the kernel's in both GDTs (Linux's and Breenix's). */
#define KSEL_08		0x08
#define KSEL_10		0x10

/* RFLAGS bits (Intel SDM 1 3.4.3). */
#define FL_TF		(1UL << 8)
#define FL_IF		(1UL << 9)
#define FL_IOPL		(3UL << 12)
#define FL_NT		(1UL << 14)
#define FL_VM		(1UL << 17)

/* struct _fpx_sw_bytes in the FXSAVE image's software bytes (Linux's sigcontext.h). */
#define SW_BYTES	464
#define FP_XSTATE_MAGIC1 0x46505853U

enum tamper {
	T_CS_08, T_CS_10, T_CS_NULL, T_SS_NULL, T_SS_10, T_RIP_KERNEL, T_RIP_NONCANON,
	T_EFLAGS, T_TF, T_FP_KERNEL, T_FP_MISALIGNED, T_FP_XFEATURES, T_FP_NULL, T_FP_MAGIC,
	T_MASK, T_STACK_BAD, T_STACK_NEW, T_COUNT
};

static enum tamper what;
/* The alternate stack a handler installs through its frame's uc_stack. */
static char altstack[16384];
/* A copy of the frame's FPU image, 8 bytes off its alignment. */
static char fpcopy[8192] __attribute__((aligned(64)));

static void set_cs(ucontext_t *uc, uint64_t sel)
{
	uc->uc_mcontext.gregs[REG_CSGSFS] = (uc->uc_mcontext.gregs[REG_CSGSFS] & ~0xffffUL) | sel;
}

static void set_ss(ucontext_t *uc, uint64_t sel)
{
	uc->uc_mcontext.gregs[REG_CSGSFS] =
		(uc->uc_mcontext.gregs[REG_CSGSFS] & ~(0xffffUL << 48)) | sel << 48;
}

static uint32_t *sw_word(void *fp, int i)
{
	return (uint32_t *)((char *)fp + SW_BYTES) + i;
}

static void tamper_fp(ucontext_t *uc)
{
	void *fp = uc->uc_mcontext.fpregs;
	size_t size = *sw_word(fp, 0) == FP_XSTATE_MAGIC1 ? *sw_word(fp, 1) : 512;

	switch (what) {
	case T_FP_KERNEL:
		uc->uc_mcontext.fpregs = KERNEL_PTR;
		break;
	case T_FP_MISALIGNED:
		memcpy(fpcopy + 8, fp, size);
		uc->uc_mcontext.fpregs = (void *)(fpcopy + 8);
		break;
	case T_FP_XFEATURES:
		((uint64_t *)fp)[512 / 8] |= 1UL << 62;	/* XSTATE_BV: no such state */
		break;
	case T_FP_NULL:
		uc->uc_mcontext.fpregs = NULL;
		break;
	default:
		*sw_word(fp, 0) = 0;	/* magic1: Linux restores the legacy part */
		break;
	}
}

static void on_tamper(int sig, siginfo_t *si, void *ucp)
{
	ucontext_t *uc = ucp;
	greg_t *g = uc->uc_mcontext.gregs;

	(void)sig, (void)si;
	switch (what) {
	case T_CS_08:
		set_cs(uc, KSEL_08);
		break;
	case T_CS_10:
		set_cs(uc, KSEL_10);
		break;
	case T_CS_NULL:
		set_cs(uc, 0);
		break;
	case T_SS_NULL:
		set_ss(uc, 0);
		break;
	case T_SS_10:
		set_ss(uc, KSEL_10);
		break;
	case T_RIP_KERNEL:
		g[REG_RIP] = (greg_t)KERNEL_TEXT_PTR;
		break;
	case T_RIP_NONCANON:
		g[REG_RIP] = (greg_t)NONCANON_PTR;
		break;
	case T_EFLAGS:
		g[REG_EFL] = (g[REG_EFL] | FL_IOPL | FL_NT | FL_VM) & ~FL_IF;
		break;
	case T_TF:
		g[REG_EFL] |= FL_TF;
		break;
	case T_MASK:
		sigaddset(&uc->uc_sigmask, SIGUSR2);
		sigaddset(&uc->uc_sigmask, SIGKILL);
		sigaddset(&uc->uc_sigmask, SIGSTOP);
		break;
	case T_STACK_BAD:
		uc->uc_stack.ss_flags = 12345;
		break;
	case T_STACK_NEW:
		uc->uc_stack.ss_sp = altstack;
		uc->uc_stack.ss_size = sizeof(altstack);
		uc->uc_stack.ss_flags = 0;
		break;
	default:
		tamper_fp(uc);
		break;
	}
}

static uint64_t rflags(void)
{
	uint64_t f;

	__asm__ volatile("pushfq\n\tpopq %0" : "=r"(f));
	return f;
}

/* After T_MASK, T_STACK_BAD or T_STACK_NEW: 0 if the frame's word was taken as Linux takes it. */
static int frame_took_effect(void)
{
	sigset_t set;
	stack_t ss;

	sigprocmask(SIG_SETMASK, NULL, &set);
	sigaltstack(NULL, &ss);
	switch (what) {
	case T_MASK:
		return sigismember(&set, SIGUSR2) && !sigismember(&set, SIGKILL) &&
		       !sigismember(&set, SIGSTOP) ? 0 : 1;
	case T_STACK_BAD:
		return ss.ss_flags == SS_DISABLE ? 0 : 1;
	default:
		return ss.ss_sp == altstack && ss.ss_size == sizeof(altstack) && !ss.ss_flags ? 0 : 1;
	}
}

/*
 * The child: the tampered return, then what survives must show it was
 * harmless. Exit 0: survived as Linux lets it; 1: survived with the damage.
 */
static int tamper(void *arg)
{
	what = (enum tamper)(intptr_t)arg;
	sig_handle(SIGUSR1, on_tamper, 0);
	mxcsr_set(MXCSR_DEFAULT | MXCSR_RZ);
	raise(SIGUSR1);
	if (what == T_EFLAGS) {
		if ((rflags() & (FL_IOPL | FL_NT | FL_VM)) || !(rflags() & FL_IF))
			return 1;
		__asm__ volatile("cli");	/* #GP with IOPL 0 */
	}
	if (what == T_FP_NULL)
		return mxcsr_get() == MXCSR_DEFAULT ? 0 : 1;	/* the FPU's initial state */
	if (what == T_FP_MAGIC)
		return mxcsr_get() == (MXCSR_DEFAULT | MXCSR_RZ) ? 0 : 1;
	return what >= T_MASK ? frame_took_effect() : 0;
}

static void test_tamper(void)
{
	static const struct child_case cases[T_COUNT] = {
		[T_CS_08] = { "CS a kernel selector (0x08): SIGSEGV", SIGSEGV },
		[T_CS_10] = { "CS a kernel selector (0x10): SIGSEGV", SIGSEGV },
		[T_CS_NULL] = { "CS null: SIGSEGV", SIGSEGV },
		[T_SS_NULL] = { "SS null: SIGSEGV", SIGSEGV },
		[T_SS_10] = { "SS a kernel selector (0x10): SIGSEGV", SIGSEGV },
		[T_RIP_KERNEL] = { "RIP in the kernel: SIGSEGV", SIGSEGV },
		[T_RIP_NONCANON] = { "RIP non-canonical: SIGSEGV", SIGSEGV },
		[T_EFLAGS] = { "RFLAGS IOPL/NT/VM set, IF clear: ignored, cli still faults", SIGSEGV },
		[T_TF] = { "RFLAGS TF: a single-step SIGTRAP after the return", SIGTRAP },
		[T_FP_KERNEL] = { "fpstate pointer into the kernel: SIGSEGV", SIGSEGV },
		[T_FP_MISALIGNED] = { "fpstate image misaligned: SIGSEGV", SIGSEGV },
		[T_FP_XFEATURES] = { "XSAVE header with an unknown feature: SIGSEGV", SIGSEGV },
		[T_FP_NULL] = { "fpstate NULL: the FPU starts afresh, no signal", 0 },
		[T_FP_MAGIC] = { "XSAVE magic garbled: the legacy image is restored", 0 },
		[T_MASK] = { "uc_sigmask: taken, but never SIGKILL or SIGSTOP", 0 },
		[T_STACK_BAD] = { "uc_stack with bad flags: ignored, the process lives", 0 },
		[T_STACK_NEW] = { "uc_stack naming a new alternate stack: installed", 0 },
	};

	check_children(tamper, cases, T_COUNT);
}

/* rt_sigreturn with RSP at @sp: no handler's frame, whatever lies there. */
static int bare_sigreturn(void *sp)
{
	__asm__ volatile("movq %0, %%rsp\n\t"
			 "movl %1, %%eax\n\t"
			 "syscall\n\t"
			 "ud2"
			 : : "r"(sp), "i"(SYS_rt_sigreturn) : "memory");
	return 0;
}

static int sigreturn_unmapped(void *arg)
{
	(void)arg;
	return bare_sigreturn(opaque_ptr(0x10000));
}

static int sigreturn_zeroes(void *arg)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	(void)arg;
	return bare_sigreturn(p + 8);
}

static volatile int counted;

static void on_count(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)si, (void)uc;
	counted++;
}

static void test_bare(void)
{
	int st = in_child(sigreturn_unmapped, NULL);

	check(died_by(st, SIGSEGV), "rt_sigreturn with RSP unmapped: SIGSEGV", "%s", status_str(st));
	st = in_child(sigreturn_zeroes, NULL);
	check(died_by(st, SIGSEGV), "rt_sigreturn over zeroes (CS 0): SIGSEGV", "%s",
	      status_str(st));
	sig_handle(SIGUSR2, on_count, 0);
	raise(SIGUSR2);
	check(counted == 1, "the parent lives on and still takes signals", "%d", counted);
	signal(SIGUSR2, SIG_DFL);
}

/* What the handler changes in test_registers, and what comes back. */
static uint64_t resume_at;

struct regs {
	uint64_t rax, rbx, rcx, rdx, r11, r12, r13, r14;
};

static void on_regs(int sig, siginfo_t *si, void *ucp)
{
	greg_t *g = ((ucontext_t *)ucp)->uc_mcontext.gregs;

	(void)sig, (void)si;
	g[REG_RIP] = (greg_t)resume_at;
	g[REG_RAX] = 0xa0a;
	g[REG_RBX] = 0xb0b;
	g[REG_RCX] = 0xc0c;
	g[REG_RDX] = 0xd0d;
	g[REG_R11] = 0x1b1b;
	g[REG_R13] = 0x1313;
}

static void test_registers(void)
{
	struct regs r;
	long nr = SYS_tkill;

	sig_handle(SIGUSR1, on_regs, 0);
	memset(&r, 0, sizeof(r));
	__asm__ volatile("leaq 1f(%%rip), %%rbx\n\t"
			 "movq %%rbx, %[at]\n\t"
			 "movq $0x1212, %%r12\n\t"
			 "movq $0x1414, %%r14\n\t"
			 "movq $0, %%r13\n\t"
			 "syscall\n\t"
			 "movq $0xdead, %%r13\n"	/* skipped: RIP moved past it */
			 "1:\n\t"
			 "movq %%rax, 0(%[r])\n\t"
			 "movq %%rbx, 8(%[r])\n\t"
			 "movq %%rcx, 16(%[r])\n\t"
			 "movq %%rdx, 24(%[r])\n\t"
			 "movq %%r11, 32(%[r])\n\t"
			 "movq %%r12, 40(%[r])\n\t"
			 "movq %%r13, 48(%[r])\n\t"
			 "movq %%r14, 56(%[r])"
			 : "+a"(nr), [at] "=m"(resume_at)
			 : [r] "r"(&r), "D"(syscall(SYS_gettid)), "S"(SIGUSR1)
			 : "rbx", "rcx", "rdx", "r11", "r12", "r13", "r14", "memory");
	check(r.rax == 0xa0a && r.rbx == 0xb0b && r.rcx == 0xc0c && r.rdx == 0xd0d &&
	      r.r11 == 0x1b1b && r.r13 == 0x1313,
	      "registers and RIP set by the handler take effect (RCX and R11 too)",
	      "rax %#lx rbx %#lx rcx %#lx rdx %#lx r11 %#lx r13 %#lx", (long)r.rax, (long)r.rbx,
	      (long)r.rcx, (long)r.rdx, (long)r.r11, (long)r.r13);
	check(r.r12 == 0x1212 && r.r14 == 0x1414, "registers the handler left alone are kept",
	      "r12 %#lx r14 %#lx", (long)r.r12, (long)r.r14);
	signal(SIGUSR1, SIG_DFL);
}

/* The handler clobbers every vector register, MXCSR and the x87 state. */
static void on_clobber(int sig, siginfo_t *si, void *uc)
{
	uint32_t mx = MXCSR_DEFAULT | 0x2000;	/* round up */
	uint16_t cw = 0x27f;

	(void)sig, (void)si, (void)uc;
	__asm__ volatile("pcmpeqd %%xmm8, %%xmm8\n\t"
			 "pcmpeqd %%xmm15, %%xmm15\n\t"
			 "ldmxcsr %0\n\t"
			 "fldcw %1\n\t"
			 "fld1"
			 : : "m"(mx), "m"(cw) : "xmm8", "xmm15");
}

static bool have_avx(void)
{
	uint32_t a = 1, b, c, d, lo, hi;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	if (!(c & (1u << 27)) || !(c & (1u << 28)))	/* OSXSAVE, AVX */
		return false;
	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return (lo & 6) == 6;				/* XCR0: SSE and AVX state */
}

static void test_fpu(void)
{
	uint64_t in[4] = { 0x0123456789abcdefUL, 0x1122334455667788UL, 0x99aabbccddeeff00UL,
			   0x0f1e2d3c4b5a6978UL };
	uint64_t out[4] = { 0 }, x15 = 0;
	uint32_t mx_in = MXCSR_DEFAULT | MXCSR_RZ, mx_out = 0;
	uint16_t cw_in = 0x37f & ~0x300, cw_out = 0;	/* single precision */
	long nr = SYS_tkill;
	bool avx = have_avx();

	sig_handle(SIGUSR1, on_clobber, 0);
	if (avx)
		__asm__ volatile("vmovdqu %0, %%ymm8" : : "m"(in) : "xmm8");
	else
		__asm__ volatile("movdqu %0, %%xmm8" : : "m"(in) : "xmm8");
	__asm__ volatile("movq %[v], %%xmm15\n\t"
			 "ldmxcsr %[mx]\n\t"
			 "fninit\n\t"
			 "fldcw %[cw]\n\t"
			 "syscall\n\t"
			 "stmxcsr %[mxo]\n\t"
			 "fnstcw %[cwo]\n\t"
			 "movq %%xmm15, %[x15]"
			 : "+a"(nr), [mxo] "=m"(mx_out), [cwo] "=m"(cw_out), [x15] "=m"(x15)
			 : [v] "r"(in[3]), [mx] "m"(mx_in), [cw] "m"(cw_in), "D"(syscall(SYS_gettid)),
			   "S"(SIGUSR1)
			 : "rcx", "r11", "xmm15", "memory");
	if (avx)
		__asm__ volatile("vmovdqu %%ymm8, %0\n\tvzeroupper" : "=m"(out));
	else
		__asm__ volatile("movdqu %%xmm8, %0" : "=m"(out));
	check(!memcmp(in, out, avx ? 32 : 16) && x15 == in[3],
	      avx ? "YMM registers come back after the handler" :
		    "XMM registers come back after the handler",
	      "got %#lx %#lx %#lx %#lx, xmm15 %#lx", (long)out[0], (long)out[1], (long)out[2],
	      (long)out[3], (long)x15);
	check(mx_out == mx_in && cw_out == cw_in, "MXCSR and the x87 control word come back",
	      "mxcsr %#x (want %#x) fcw %#x (want %#x)", mx_out, mx_in, cw_out, cw_in);
	__asm__ volatile("fninit");
	mxcsr_set(MXCSR_DEFAULT);
	signal(SIGUSR1, SIG_DFL);
}

int main(void)
{
	test_tamper();
	test_bare();
	test_registers();
	test_fpu();
	return done();
}
