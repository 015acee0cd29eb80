/*
 * The program exec.c execs (built as a static and as a static-PIE binary):
 * it checks the initial process state execve built for it (argv, envp, the
 * auxiliary vector, the stack layout, a fresh address space, zeroed bss) and
 * exits with the number of problems, each described on a "# probe:" line.
 */
#include <elf.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

#include "probe.h"
#include "tap.h"

extern const Elf64_Ehdr __ehdr_start;
extern char _start[];
extern char **environ;

/* Lies partly in the last file page of the data segment: must read as zero. */
static char bss[3 * 4096 + 123];
static int problems;

static void problem(const char *what, unsigned long got, unsigned long want)
{
	say("# probe: %s: got %#lx, want %#lx\n", what, got, want);
	problems++;
}

static void expect_str(const char *what, const char *got, const char *want)
{
	if (!got || strcmp(got, want) != 0) {
		say("# probe: %s: got \"%s\", want \"%s\"\n", what, got ? got : "(null)", want);
		problems++;
	}
}

static const unsigned long required[] = {
	AT_PHDR, AT_PHENT, AT_PHNUM, AT_PAGESZ, AT_BASE, AT_ENTRY, AT_UID, AT_EUID,
	AT_GID, AT_EGID, AT_SECURE, AT_RANDOM, AT_EXECFN, AT_HWCAP, AT_CLKTCK,
};

static void check_auxv(char **envp, const char *path)
{
	char **e = envp;
	Elf64_auxv_t *aux;
	uintptr_t base = (uintptr_t)&__ehdr_start;
	const unsigned char *rnd;
	int zero = 0, n = 0;

	while (*e)
		e++;
	aux = (Elf64_auxv_t *)(e + 1);
	for (size_t r = 0; r < sizeof(required) / sizeof(required[0]); r++) {
		Elf64_auxv_t *a = aux;

		while (a->a_type != AT_NULL && a->a_type != required[r])
			a++;
		if (a->a_type == AT_NULL)
			problem("auxv entry missing (type)", required[r], required[r]);
	}
	for (Elf64_auxv_t *a = aux; a->a_type != AT_NULL && n < 64; a++)
		n++;
	if (n >= 64)
		problem("auxv has no AT_NULL within 64 entries", n, 0);

	if (getauxval(AT_PAGESZ) != 4096)
		problem("AT_PAGESZ", getauxval(AT_PAGESZ), 4096);
	if (getauxval(AT_PHDR) != base + __ehdr_start.e_phoff)
		problem("AT_PHDR", getauxval(AT_PHDR), base + __ehdr_start.e_phoff);
	if (getauxval(AT_PHENT) != sizeof(Elf64_Phdr))
		problem("AT_PHENT", getauxval(AT_PHENT), sizeof(Elf64_Phdr));
	if (getauxval(AT_PHNUM) != __ehdr_start.e_phnum)
		problem("AT_PHNUM", getauxval(AT_PHNUM), __ehdr_start.e_phnum);
	if (getauxval(AT_ENTRY) != (uintptr_t)_start)
		problem("AT_ENTRY", getauxval(AT_ENTRY), (uintptr_t)_start);
	if (__ehdr_start.e_type == ET_DYN && getauxval(AT_ENTRY) != base + __ehdr_start.e_entry)
		problem("AT_ENTRY of a static PIE is e_entry plus the load bias", getauxval(AT_ENTRY),
			base + __ehdr_start.e_entry);
	if (__ehdr_start.e_type == ET_DYN && (base == 0 || base % 4096))
		problem("static-PIE load bias is non-zero and page-aligned", base, 0);
	if (getauxval(AT_BASE) != 0)
		problem("AT_BASE (no interpreter)", getauxval(AT_BASE), 0);
	if (getauxval(AT_UID) != getuid())
		problem("AT_UID", getauxval(AT_UID), getuid());
	if (getauxval(AT_EUID) != geteuid())
		problem("AT_EUID", getauxval(AT_EUID), geteuid());
	if (getauxval(AT_GID) != getgid())
		problem("AT_GID", getauxval(AT_GID), getgid());
	if (getauxval(AT_EGID) != getegid())
		problem("AT_EGID", getauxval(AT_EGID), getegid());
	if (getauxval(AT_SECURE) != 0)
		problem("AT_SECURE", getauxval(AT_SECURE), 0);
	if (getauxval(AT_CLKTCK) != 100)
		problem("AT_CLKTCK (USER_HZ)", getauxval(AT_CLKTCK), 100);
	/* Every x86_64 CPU has the FPU (bit 0) and SSE2 (bit 26) of CPUID 1 EDX. */
	if ((getauxval(AT_HWCAP) & 0x04000001) != 0x04000001)
		problem("AT_HWCAP has FPU and SSE2", getauxval(AT_HWCAP), 0x04000001);
	rnd = (const unsigned char *)getauxval(AT_RANDOM);
	if (!rnd) {
		problem("AT_RANDOM", 0, 1);
	} else {
		for (int i = 0; i < 16; i++)
			zero += rnd[i] == 0;
		if (zero == 16)
			problem("AT_RANDOM's 16 bytes are all zero", 0, 1);
	}
	if (path)
		expect_str("AT_EXECFN", (const char *)getauxval(AT_EXECFN), path);
}

static void check_args(int argc, char **argv, char **envp)
{
	static const char *const fixed[] = { PROBE_FIXED_ARGS };
	static const char *const env[] = { PROBE_ENV };
	char *end;
	long pid;

	if (argc != PROBE_NFIXED + 2) {
		problem("argc", argc, PROBE_NFIXED + 2);
		return;
	}
	for (int i = 0; i < PROBE_NFIXED; i++)
		expect_str("argv[i]", argv[i], fixed[i]);
	if (argv[argc])
		problem("argv[argc] is NULL", (uintptr_t)argv[argc], 0);
	if (envp != argv + argc + 1)
		problem("envp follows argv's NULL", (uintptr_t)envp, (uintptr_t)(argv + argc + 1));
	if (envp != environ)
		problem("environ is envp", (uintptr_t)environ, (uintptr_t)envp);
	for (int i = 0; i < PROBE_NENV; i++)
		expect_str("envp[i]", envp[i], env[i]);
	if (envp[PROBE_NENV])
		expect_str("envp ends after the given strings", envp[PROBE_NENV], "(null)");
	pid = strtol(argv[PROBE_NFIXED + 1], &end, 10);
	if (*end || pid != getpid())
		problem("exec keeps the pid", getpid(), pid);
	check_auxv(envp, argv[PROBE_NFIXED]);
}

/* Script mode: "#!PROBE shebang-arg" ran us as PROBE shebang-arg SCRIPT ARGS... */
static void check_script(int argc, char **argv, const char *script)
{
	static const char *const fixed[] = { PROBE_FIXED_ARGS };

	if (argc != 3 + PROBE_NFIXED - 1) {
		problem("script argc", argc, 3 + PROBE_NFIXED - 1);
		return;
	}
	expect_str("script argv[1] is the #! argument", argv[1], PROBE_SHEBANG_ARG);
	expect_str("script argv[2] is the script path", argv[2], script);
	for (int i = 1; i < PROBE_NFIXED; i++)
		expect_str("script argv[3...] are the script's arguments after argv[0]", argv[2 + i], fixed[i]);
}

int main(int argc, char **argv, char **envp)
{
	/* At process entry rsp points at argc, 16-byte aligned, and argv follows it. */
	if ((uintptr_t)argv % 16 != 8)
		problem("argv sits 8 bytes above a 16-byte aligned argc", (uintptr_t)argv, 0);
	for (size_t i = 0; i < sizeof(bss); i++) {
		if (bss[i]) {
			problem("bss is zero (offset)", i, 0);
			break;
		}
	}
	/* exec.c mapped this page before execve: the new image must not have it. */
	if (mprotect((void *)0x500000000000UL, 4096, PROT_READ) == 0 || errno != ENOMEM)
		problem("a mapping of the old image survived exec", 0x500000000000UL, 0);
	if (argc > 1 && strcmp(argv[1], PROBE_SHEBANG_ARG) == 0)
		check_script(argc, argv, getenv("PROBE_SCRIPT") ? getenv("PROBE_SCRIPT") : "(unset)");
	else
		check_args(argc, argv, envp);
	return problems > 255 ? 255 : problems;
}
