/*
 * The auxiliary vector's entry types: what exec tells a new program (and
 * its dynamic linker) about itself and the machine, after envp on the
 * initial stack. Values are Linux's (include/uapi/linux/auxvec.h and
 * arch/x86/include/uapi/asm/auxvec.h), which libcs read by number.
 */
#ifndef _UAPI_LINUX_AUXVEC_H
#define _UAPI_LINUX_AUXVEC_H

#define AT_NULL		0	/* end of the vector */
#define AT_IGNORE	1
#define AT_EXECFD	2	/* fd of the program (binfmt_misc) */
#define AT_PHDR		3	/* the program headers in memory */
#define AT_PHENT	4	/* size of one program header */
#define AT_PHNUM	5	/* number of program headers */
#define AT_PAGESZ	6
#define AT_BASE		7	/* load address of the interpreter */
#define AT_FLAGS	8
#define AT_ENTRY	9	/* the program's entry point */
#define AT_NOTELF	10
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15	/* string: the CPU ("x86_64") */
#define AT_HWCAP	16	/* CPU capabilities: CPUID.1:EDX on x86 */
#define AT_CLKTCK	17	/* times() tick rate */
#define AT_SECURE	23	/* set-id exec: the libc must distrust the environment */
#define AT_BASE_PLATFORM 24
#define AT_RANDOM	25	/* 16 random bytes (stack protector, pointer guard) */
#define AT_HWCAP2	26
#define AT_RSEQ_FEATURE_SIZE 27
#define AT_RSEQ_ALIGN	28
#define AT_EXECFN	31	/* string: the filename given to execve */
#define AT_SYSINFO_EHDR	33	/* x86: the vDSO */
#define AT_MINSIGSTKSZ	51	/* smallest signal stack the kernel's frames need */

#endif
