/*
 * CPU faults as the signals Linux sends: SIGSEGV, SIGBUS, SIGFPE, SIGILL and
 * SIGTRAP with their si_code, si_addr and the faulting RIP in the ucontext,
 * each caught and left with siglongjmp; a handler that repairs the context
 * and returns; faults that kill when blocked or ignored; a stack overflow
 * caught on the alternate stack; sigaltstack's own rules.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "sigtest.h"
#include "tap.h"

#define PAGE 4096UL

/* The x87 control word's zero-divide mask (SDM 1 8.1.5). */
#define FCW_ZM		(1u << 2)

/* What the last fault handler saw. */
static struct seen {
	int sig, code;
	void *addr;
	uint64_t rip;
	uint32_t mxcsr;
	void *stack;		/* a local of the handler: which stack it ran on */
} seen;
static sigjmp_buf jb;
/* The address of the faulting instruction, stored by the asm just before it. */
static volatile uint64_t fault_ip;

static void record(int sig, const siginfo_t *si, const ucontext_t *uc)
{
	volatile char here;

	seen.sig = sig;
	seen.code = si->si_code;
	seen.addr = si->si_addr;
	seen.rip = uc->uc_mcontext.gregs[REG_RIP];
	seen.mxcsr = mxcsr_get();
	seen.stack = (void *)&here;
}

static void on_fault(int sig, siginfo_t *si, void *uc)
{
	record(sig, si, uc);
	siglongjmp(jb, 1);
}

/* Runs @insn (after noting its address in fault_ip); false if it returned. */
#define FAULTS(insn, ...)						\
	({								\
		volatile bool faulted_ = true;				\
									\
		memset(&seen, 0, sizeof(seen));				\
		if (!sigsetjmp(jb, 1)) {				\
			__asm__ volatile("lea 1f(%%rip), %%r11\n\t"	\
					 "movq %%r11, %0\n"		\
					 "1:\t" insn			\
					 : "=m"(fault_ip) : __VA_ARGS__	\
					 : "r11", "memory");		\
			faulted_ = false;				\
		}							\
		faulted_;						\
	})

static void check_seen(bool faulted, int sig, int code, void *addr, uint64_t rip,
		       const char *name)
{
	check(faulted && seen.sig == sig && seen.code == code && seen.addr == addr &&
	      seen.rip == rip, name,
	      "faulted %d sig %d (want %d) code %d (want %d) addr %p (want %p) rip %#lx (want %#lx)",
	      faulted, seen.sig, sig, seen.code, code, seen.addr, addr, (unsigned long)seen.rip,
	      (unsigned long)rip);
}

/* A load or store of @p: SIGSEGV with @code and si_addr @p. */
static void check_access(void *p, bool write, int code, void *addr, const char *name)
{
	bool f = write ? FAULTS("movl $1, (%1)", "r"(p)) : FAULTS("movl (%1), %%r11d", "r"(p));

	check_seen(f, SIGSEGV, code, addr, fault_ip, name);
}

static void test_segv(void)
{
	char *ro = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *none = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *rw = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	void (*fn)(void) = (void (*)(void))rw;
	bool f;

	sig_handle(SIGSEGV, on_fault, 0);
	check_access(opaque_ptr(0), false, SEGV_MAPERR, NULL, "NULL read: SEGV_MAPERR, si_addr 0");
	check_access(opaque_ptr(0), true, SEGV_MAPERR, NULL, "NULL write: SEGV_MAPERR, si_addr 0");
	check_access(ro + 123, true, SEGV_ACCERR, ro + 123,
		     "write to a read-only mapping: SEGV_ACCERR, exact si_addr");
	check_access(none + 5, false, SEGV_ACCERR, none + 5,
		     "read of PROT_NONE: SEGV_ACCERR, exact si_addr");
	munmap(none, PAGE);
	check_access(none + 9, false, SEGV_MAPERR, none + 9,
		     "read after munmap: SEGV_MAPERR, exact si_addr");
	check_access(NONCANON_PTR, false, SI_KERNEL, NULL,
		     "non-canonical address: #GP, SI_KERNEL, si_addr 0");
	check_access(KERNEL_PTR, true, SEGV_MAPERR, KERNEL_PTR,
		     "kernel address: SEGV_MAPERR, exact si_addr");
	rw[0] = (char)0xc3;		/* ret */
	memset(&seen, 0, sizeof(seen));
	f = sigsetjmp(jb, 1);
	if (!f)
		fn();
	check(f && seen.sig == SIGSEGV && seen.code == SEGV_ACCERR && seen.addr == rw &&
	      seen.rip == (uint64_t)rw, "executing a non-exec page: SEGV_ACCERR at RIP",
	      "sig %d code %d addr %p rip %#lx", seen.sig, seen.code, seen.addr,
	      (unsigned long)seen.rip);
	check(FAULTS("hlt", "i"(0)) && seen.sig == SIGSEGV && seen.code == SI_KERNEL &&
	      !seen.addr && seen.rip == fault_ip, "hlt: SIGSEGV, SI_KERNEL, si_addr 0",
	      "sig %d code %d addr %p", seen.sig, seen.code, seen.addr);
	check(FAULTS("cli", "i"(0)) && seen.sig == SIGSEGV && seen.code == SI_KERNEL &&
	      seen.rip == fault_ip, "cli: SIGSEGV, SI_KERNEL", "sig %d code %d", seen.sig,
	      seen.code);
	munmap(ro, PAGE);
	munmap(rw, PAGE);
}

static void test_sigbus(void)
{
	const char *path = tpath("short");
	bool f;
	int fd;
	char *p;

	sig_handle(SIGBUS, on_fault, 0);
	if (make_file(path, "a hundred bytes or so, but less than a page") ||
	    (fd = open(path, O_RDONLY)) < 0)
		return fail("SIGBUS beyond EOF", "file: %s", strerror(errno));
	p = mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED && errno == ENODEV && on_breenix())
		return skip("SIGBUS beyond EOF", "Breenix maps no files yet (no page cache)");
	if (p == MAP_FAILED)
		return fail("SIGBUS beyond EOF", "mmap: %s", strerror(errno));
	check(!FAULTS("movb (%1), %%r11b", "r"(p + 200)) && p[200] == 0,
	      "file mapping: the rest of the last page reads 0", "sig %d", seen.sig);
	f = FAULTS("movb (%1), %%r11b", "r"(p + PAGE + 7));
	check_seen(f, SIGBUS, BUS_ADRERR, p + PAGE + 7, fault_ip, "a page beyond EOF: SIGBUS, BUS_ADRERR, exact si_addr");
	munmap(p, 2 * PAGE);
	signal(SIGBUS, SIG_DFL);
}

/*
 * Whether unmasked SSE exceptions trap: not under QEMU's TCG, which
 * computes them as masked (CPUID 0x40000000 names it "TCGTCGTCGTCG").
 */
static bool sse_traps(void)
{
	uint32_t a = 0x40000000, sig[3];

	__asm__ volatile("cpuid" : "+a"(a), "=b"(sig[0]), "=c"(sig[1]), "=d"(sig[2]));
	return memcmp(sig, "TCGTCGTCGTCG", 12) != 0;
}

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	record(sig, si, uc);
}

/* The handler's MXCSR is the default; the interrupted one comes back. */
static void test_mxcsr(void)
{
	uint32_t mine = MXCSR_DEFAULT | MXCSR_RZ;

	sig_handle(SIGUSR1, on_usr1, 0);
	memset(&seen, 0, sizeof(seen));
	mxcsr_set(mine);
	raise(SIGUSR1);
	check(seen.mxcsr == MXCSR_DEFAULT && mxcsr_get() == mine,
	      "a handler starts with the default MXCSR; the caller's comes back",
	      "in the handler %#x, after %#x", seen.mxcsr, mxcsr_get());
	mxcsr_set(MXCSR_DEFAULT);
	signal(SIGUSR1, SIG_DFL);
}

static void test_fpe(void)
{
	uint16_t fcw;
	bool f;

	sig_handle(SIGFPE, on_fault, 0);
	f = FAULTS("divl %k1", "r"(0), "a"(1), "d"(0));
	check_seen(f, SIGFPE, FPE_INTDIV, (void *)fault_ip, fault_ip,
		   "divide by zero: SIGFPE, FPE_INTDIV, si_addr the div");
	f = FAULTS("idivq %1", "r"(-1L), "a"(INT64_MIN), "d"(-1L));
	check_seen(f, SIGFPE, FPE_INTDIV, (void *)fault_ip, fault_ip,
		   "INT64_MIN / -1 overflows: SIGFPE, FPE_INTDIV");
	if (!sse_traps()) {
		skip("SSE exceptions unmasked in MXCSR: SIGFPE", "QEMU's TCG raises no #XM");
	} else {
		mxcsr_set(MXCSR_DEFAULT & ~MXCSR_ZM);
		f = FAULTS("divss %1, %2", "x"(0.0f), "x"(1.0f));
		check_seen(f, SIGFPE, FPE_FLTDIV, (void *)fault_ip, fault_ip,
			   "SSE 1/0 with ZM unmasked: FPE_FLTDIV at the divss");
		mxcsr_set(MXCSR_DEFAULT & ~MXCSR_IM);
		f = FAULTS("divss %1, %2", "x"(0.0f), "x"(0.0f));
		check_seen(f, SIGFPE, FPE_FLTINV, (void *)fault_ip, fault_ip,
			   "SSE 0/0 with IM unmasked: FPE_FLTINV");
		mxcsr_set(MXCSR_DEFAULT & ~MXCSR_OM);
		f = FAULTS("mulss %1, %2", "x"(3e38f), "x"(3e38f));
		check_seen(f, SIGFPE, FPE_FLTOVF, (void *)fault_ip, fault_ip,
			   "SSE overflow with OM unmasked: FPE_FLTOVF");
	}
	mxcsr_set(MXCSR_DEFAULT);
	__asm__ volatile("fninit\n\tfnstcw %0" : "=m"(fcw));
	fcw &= ~FCW_ZM;
	__asm__ volatile("fldcw %0" : : "m"(fcw));
	f = FAULTS("fld1\n\tfldz\n\tfdivrp\n\tfwait", "i"(0));
	check(f && seen.sig == SIGFPE && seen.code == FPE_FLTDIV,
	      "x87 1/0 with ZM unmasked: FPE_FLTDIV at the next fwait", "sig %d code %d",
	      seen.sig, seen.code);
	__asm__ volatile("fninit");
	signal(SIGFPE, SIG_DFL);
}

static void test_ill_trap(void)
{
	bool f;

	sig_handle(SIGILL, on_fault, 0);
	f = FAULTS("ud2", "i"(0));
	check_seen(f, SIGILL, ILL_ILLOPN, (void *)fault_ip, fault_ip,
		   "ud2: SIGILL, ILL_ILLOPN, si_addr and RIP the ud2");
	sig_handle(SIGTRAP, on_fault, 0);
	f = FAULTS("int3", "i"(0));
	check_seen(f, SIGTRAP, SI_KERNEL, NULL, fault_ip + 1,
		   "int3: SIGTRAP, SI_KERNEL, RIP after it");
	signal(SIGILL, SIG_DFL);
	signal(SIGTRAP, SIG_DFL);
}

static bool segv_blocked(void)
{
	sigset_t set;

	sigprocmask(SIG_SETMASK, NULL, &set);
	return sigismember(&set, SIGSEGV);
}

static void test_masks(void)
{
	bool f;

	sig_handle(SIGSEGV, on_fault, 0);
	f = FAULTS("movl (%1), %%r11d", "r"(opaque_ptr(0)));
	check(f && !segv_blocked(), "sigsetjmp(.., 1): siglongjmp restores the mask",
	      "faulted %d, SIGSEGV blocked %d", f, segv_blocked());
	memset(&seen, 0, sizeof(seen));
	if (!sigsetjmp(jb, 0))
		*(volatile int *)opaque_ptr(0) = 0;
	check(seen.sig == SIGSEGV && segv_blocked(),
	      "sigsetjmp(.., 0): the handler's mask stays (SIGSEGV blocked)", "sig %d blocked %d",
	      seen.sig, segv_blocked());
	sigprocmask(SIG_SETMASK, &(sigset_t){ 0 }, NULL);
}

/* Advances RIP over the 2-byte ud2 and returns. */
static void on_ud2_skip(int sig, siginfo_t *si, void *ucp)
{
	ucontext_t *uc = ucp;

	record(sig, si, uc);
	uc->uc_mcontext.gregs[REG_RIP] += 2;
}

/* Points the faulting load's base register (RAX) at @good_word. */
static int good_word = 1234;

static void on_fix_rax(int sig, siginfo_t *si, void *ucp)
{
	ucontext_t *uc = ucp;

	record(sig, si, uc);
	uc->uc_mcontext.gregs[REG_RAX] = (greg_t)&good_word;
}

static void test_resume(void)
{
	int after = 0, val = 0;

	sig_handle(SIGILL, on_ud2_skip, 0);
	memset(&seen, 0, sizeof(seen));
	__asm__ volatile("ud2\n\tmovl $1, %0" : "=r"(after) : : "memory");
	check(seen.sig == SIGILL && after == 1, "a handler that steps RIP past ud2 resumes after it",
	      "sig %d after %d", seen.sig, after);
	sig_handle(SIGSEGV, on_fix_rax, 0);
	memset(&seen, 0, sizeof(seen));
	__asm__ volatile("movl (%%rax), %0" : "=r"(val) : "a"(opaque_ptr(8)) : "memory");
	check(seen.sig == SIGSEGV && val == 1234,
	      "a handler that repairs the base register: the load runs again", "sig %d val %d",
	      seen.sig, val);
	signal(SIGILL, SIG_DFL);
	signal(SIGSEGV, SIG_DFL);
}

static int fault_blocked(void *arg)
{
	int how = (int)(intptr_t)arg;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, how >= 2 ? SIGFPE : SIGSEGV);
	if (how & 1) {
		signal(how >= 2 ? SIGFPE : SIGSEGV, SIG_IGN);
	} else {
		sig_handle(how >= 2 ? SIGFPE : SIGSEGV, on_fault, 0);
		sigprocmask(SIG_BLOCK, &set, NULL);
	}
	if (how >= 2)
		__asm__ volatile("divl %0" : : "r"(0), "a"(1), "d"(0));
	else
		*(volatile int *)opaque_ptr(0) = 1;
	return 0;
}

static void test_blocked_kills(void)
{
	static const struct child_case cases[] = {
		{ "SIGSEGV blocked: the fault kills by SIGSEGV", SIGSEGV },
		{ "SIGSEGV ignored: the fault kills by SIGSEGV", SIGSEGV },
		{ "SIGFPE blocked: the fault kills by SIGFPE", SIGFPE },
		{ "SIGFPE ignored: the fault kills by SIGFPE", SIGFPE },
	};

	check_children(fault_blocked, cases, 4);
}

static char altstack[64 * 1024];

static bool on_altstack(const void *p)
{
	return (const char *)p >= altstack && (const char *)p < altstack + sizeof(altstack);
}

/* Overflows a 256 KiB stack: caught on the alternate stack (if @alt) or fatal. */
static int overflow(void *arg)
{
	struct rlimit rl = { 256 * 1024, RLIM_INFINITY };
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	bool alt = arg != NULL;

	setrlimit(RLIMIT_STACK, &rl);
	if (alt)
		sigaltstack(&ss, NULL);
	sig_handle(SIGSEGV, on_fault, alt ? SA_ONSTACK : 0);
	memset(&seen, 0, sizeof(seen));
	if (!sigsetjmp(jb, 1))
		recurse(0);
	if (seen.sig != SIGSEGV || !on_altstack(seen.stack))
		return 1;
	/* Caught once, the stack works again: so does a second overflow. */
	memset(&seen, 0, sizeof(seen));
	if (!sigsetjmp(jb, 1))
		recurse(0);
	return seen.sig == SIGSEGV && !segv_blocked() ? 0 : 2;
}

static void test_overflow(void)
{
	int st = in_child(overflow, altstack);

	check(exited_with(st, 0), "stack overflow (RLIMIT_STACK 256 KiB) caught on sigaltstack, twice",
	      "%s", status_str(st));
	st = in_child(overflow, NULL);
	check(died_by(st, SIGSEGV), "stack overflow with no alternate stack kills by SIGSEGV", "%s",
	      status_str(st));
}

static long raw_sigaltstack(const stack_t *ss, stack_t *old)
{
	return syscall(SYS_sigaltstack, ss, old);
}

/* What a handler on the alternate stack learns and may do there. */
static struct {
	stack_t in;
	long set_err, disable_err;
	int nested;
	void *nested_stack;
} alt;

static void on_nested(int sig, siginfo_t *si, void *uc)
{
	volatile char here;

	(void)sig, (void)si, (void)uc;
	alt.nested++;
	alt.nested_stack = (void *)&here;
}

static void on_alt(int sig, siginfo_t *si, void *uc)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	stack_t off = { .ss_flags = SS_DISABLE };

	record(sig, si, uc);
	raw_sigaltstack(NULL, &alt.in);
	alt.set_err = raw_sigaltstack(&ss, NULL) ? errno : 0;
	alt.disable_err = raw_sigaltstack(&off, NULL) ? errno : 0;
	/* A second handler on the same stack, nested below this one. */
	raise(SIGUSR2);
}

static void test_sigaltstack(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) }, old;

	raw_sigaltstack(NULL, &old);
	check(old.ss_flags == SS_DISABLE && !old.ss_size, "no alternate stack: SS_DISABLE",
	      "flags %d size %zu", old.ss_flags, old.ss_size);
	ss.ss_size = MINSIGSTKSZ - 1;
	check_errno(raw_sigaltstack(&ss, NULL), ENOMEM, "sigaltstack below MINSIGSTKSZ: ENOMEM");
	ss.ss_size = sizeof(altstack);
	ss.ss_flags = 0x1234;
	check_errno(raw_sigaltstack(&ss, NULL), EINVAL, "sigaltstack with unknown flags: EINVAL");
	ss.ss_flags = 0;
	raw_sigaltstack(&ss, NULL);
	raw_sigaltstack(NULL, &old);
	check(old.ss_flags == 0 && old.ss_sp == altstack && old.ss_size == sizeof(altstack),
	      "the stack set, not in use: flags 0", "flags %d sp %p", old.ss_flags, old.ss_sp);
	sig_handle(SIGUSR1, on_alt, SA_ONSTACK);
	sig_handle(SIGUSR2, on_nested, SA_ONSTACK);
	memset(&alt, 0, sizeof(alt));
	raise(SIGUSR1);
	check(on_altstack(seen.stack) && alt.in.ss_flags == SS_ONSTACK,
	      "in a handler on it: SS_ONSTACK", "on it %d flags %d", on_altstack(seen.stack),
	      alt.in.ss_flags);
	check(alt.set_err == EPERM && alt.disable_err == EPERM,
	      "changing or disabling it while on it: EPERM", "set %ld disable %ld", alt.set_err,
	      alt.disable_err);
	check(alt.nested == 1 && on_altstack(alt.nested_stack) &&
	      (char *)alt.nested_stack < (char *)seen.stack,
	      "a nested handler runs below on the same stack and both return", "nested %d at %p",
	      alt.nested, alt.nested_stack);
	ss.ss_flags = SS_DISABLE;
	raw_sigaltstack(&ss, NULL);
	raw_sigaltstack(NULL, &old);
	check(old.ss_flags == SS_DISABLE, "SS_DISABLE: reported disabled", "flags %d",
	      old.ss_flags);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

static void on_disarm(int sig, siginfo_t *si, void *uc)
{
	record(sig, si, uc);
	raw_sigaltstack(NULL, &alt.in);
}

static void test_autodisarm(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack), .ss_flags = (int)SS_AUTODISARM };
	stack_t old;

	check_ok(raw_sigaltstack(&ss, NULL), "sigaltstack SS_AUTODISARM");
	sig_handle(SIGUSR1, on_disarm, SA_ONSTACK);
	raise(SIGUSR1);
	check(on_altstack(seen.stack) && alt.in.ss_flags == SS_DISABLE,
	      "SS_AUTODISARM: disarmed while the handler runs", "on it %d flags %d",
	      on_altstack(seen.stack), alt.in.ss_flags);
	raw_sigaltstack(NULL, &old);
	check((unsigned int)old.ss_flags == SS_AUTODISARM && old.ss_sp == altstack,
	      "SS_AUTODISARM: armed again when the handler returns", "flags %#x sp %p",
	      old.ss_flags, old.ss_sp);
	ss.ss_flags = SS_DISABLE;
	raw_sigaltstack(&ss, NULL);
	signal(SIGUSR1, SIG_DFL);
}

int main(void)
{
	scratch_dir();
	test_segv();
	test_sigbus();
	test_mxcsr();
	test_fpe();
	test_ill_trap();
	test_masks();
	test_resume();
	test_blocked_kills();
	test_overflow();
	test_sigaltstack();
	test_autodisarm();
	return done();
}
