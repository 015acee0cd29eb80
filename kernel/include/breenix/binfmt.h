/*
 * Executable formats, the pure half: checking an ELF64 file's headers and
 * computing where its segments go (kernel/lib/elf_check.c), and building
 * the initial user stack of the SysV x86_64 ABI (kernel/lib/exec_stack.c).
 * Neither touches memory but the buffers it is given, so both compile into
 * host unit tests; kernel/proc/exec.c does the reading and mapping.
 */
#ifndef BREENIX_BINFMT_H
#define BREENIX_BINFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <breenix/elf.h>
#include <breenix/errno.h>
#include <breenix/uaccess.h>

/* The page size ELF segments are aligned to on x86_64 (Linux's ELF_EXEC_PAGESIZE). */
#define ELF_MIN_ALIGN		4096ULL
#define ELF_PAGESTART(v)	((v) & ~(ELF_MIN_ALIGN - 1))
#define ELF_PAGEOFFSET(v)	((v) & (ELF_MIN_ALIGN - 1))

/* How much of a file exec reads to recognise its format (Linux's value). */
#define BINPRM_BUF_SIZE		256

/*
 * Linux's limit on the program header table: 64 KiB (binfmt_elf.c,
 * load_elf_phdrs), so at most 1170 entries.
 */
#define ELF_MAX_PHDR_BYTES	65536U

/* PT_INTERP: a path of at most PATH_MAX bytes with its NUL, at least 2. */
#define ELF_INTERP_MAX		4096U

/*
 * Where an ET_DYN program that is not itself an interpreter is loaded:
 * two thirds of the user address space, page aligned, as Linux's
 * ELF_ET_DYN_BASE (which is why PIEs run at 0x555555554000 without ASLR).
 */
#define ELF_ET_DYN_BASE		ELF_PAGESTART(TASK_SIZE / 3 * 2)

/* The lowest address a segment may occupy: page 0 is never mapped. */
#define ELF_MIN_VADDR		ELF_MIN_ALIGN

/*
 * What the checks found: everything the loader needs but the program
 * headers themselves. Addresses are the file's own, before the load bias.
 */
struct elf_info {
	uint16_t type;			/* ET_EXEC or ET_DYN */
	uint16_t phnum;
	uint64_t phoff;
	uint64_t entry;
	uint64_t lo, hi;		/* the PT_LOADs' extent, page aligned */
	uint64_t first_vaddr;		/* p_vaddr of the first PT_LOAD */
	uint64_t align;			/* largest power-of-two p_align, >= a page */
	uint64_t phdr_vaddr;		/* the phdr table in memory; 0: not loaded */
	uint64_t interp_off;		/* PT_INTERP in the file ... */
	uint64_t interp_len;		/* ... with its NUL; 0: none */
	bool exec_stack;		/* PT_GNU_STACK with PF_X */
	bool entry_ok;			/* the entry lies in an executable PT_LOAD */
	/* For mm->start_code etc., as Linux's load_elf_binary computes them. */
	uint64_t start_code, end_code, start_data, end_data, brk;
};

/*
 * Checks the ELF header in the first @len bytes of a file of @file_size
 * bytes: magic, 64-bit class, little-endian, version, x86_64, ET_EXEC or
 * ET_DYN, the program header size and count, and that the table lies in
 * the file. Fills info->type, phnum, phoff, entry. 0 or -ENOEXEC.
 */
int elf_check_ehdr(const void *buf, size_t len, uint64_t file_size,
		   struct elf_info *info);

/*
 * Checks the program headers (info->phnum of them, read from info->phoff;
 * @phdrs need not be aligned) of a file of @file_size bytes and completes
 * @info: PT_LOAD segments with filesz <= memsz, file ranges in the file,
 * p_offset congruent to p_vaddr modulo the page size, sorted and not
 * sharing a page, a sane extent; the entry in an executable segment;
 * PT_INTERP's size. 0 or -ENOEXEC.
 */
int elf_check_phdrs(const void *phdrs, uint64_t file_size,
		    struct elf_info *info);

/* PT_INTERP's path, as read from the file, must end in its NUL. */
static inline int elf_check_interp(const char *path, uint64_t len)
{
	return len >= 2 && path[len - 1] == '\0' ? 0 : -ENOEXEC;
}

/* The load bias of a checked main program: 0 for ET_EXEC. */
uint64_t elf_load_bias(const struct elf_info *info);

/*
 * Whether the segments and entry moved by @bias lie in user space, above
 * page 0 and below TASK_SIZE. 0 or -ENOEXEC.
 */
int elf_check_bias(const struct elf_info *info, uint64_t bias);

/*
 * All of the above on a whole file in memory, with the bias of
 * elf_load_bias, and PT_INTERP's NUL: what the host and in-kernel tests
 * call. 0 or -ENOEXEC.
 */
int elf_check_image(const void *file, size_t size, struct elf_info *info);

/*
 * A "#!" line in @buf: BINPRM_BUF_SIZE bytes of the file's start (zero
 * padded when shorter) and room for one more byte; parsed in place as
 * Linux does. *name is the interpreter, *arg its one optional argument
 * (the rest of the line, trailing blanks dropped) or NULL. 0 or -ENOEXEC.
 */
int script_parse(char *buf, char **name, char **arg);

/* PROT_* bits (PROT_READ 1, PROT_WRITE 2, PROT_EXEC 4) for p_flags. */
unsigned long elf_prot(uint32_t p_flags);

/*
 * The auxiliary vector values exec supplies; the stack builder adds those
 * that point into the stack (AT_RANDOM, AT_EXECFN, AT_PLATFORM) and
 * writes them in Linux's order.
 */
struct exec_auxv {
	uint64_t hwcap, hwcap2;
	uint64_t pagesz, clktck;
	uint64_t phdr, phent, phnum;
	uint64_t base, flags, entry;
	uint64_t uid, euid, gid, egid, secure;
};

struct exec_stack_in {
	uint64_t top;			/* the stack's top: the end of its VMA */
	/*
	 * The argv strings, then the envp strings, then the filename given to
	 * execve (AT_EXECFN), each NUL-terminated, packed. They may already lie
	 * in the image buffer where they belong (its last strings_len + 8 bytes
	 * but 8): then nothing moves.
	 */
	const char *strings;
	size_t strings_len;
	uint32_t argc, envc;
	const char *platform;		/* AT_PLATFORM's string */
	const uint8_t *random;		/* AT_RANDOM's 16 bytes */
	const struct exec_auxv *aux;
};

struct exec_stack_out {
	uint64_t sp;			/* rsp at the entry point: it points at argc */
	uint64_t arg_start, arg_end;	/* the argv strings (mm->arg_start ...) */
	uint64_t env_start, env_end;
	uint64_t execfn, platform, random;
};

/* How many bytes below in->top the image takes (top - sp); 0: malformed. */
size_t exec_stack_size(const struct exec_stack_in *in);

/*
 * Writes the image of [top - size, top) into @image, @size bytes as
 * exec_stack_size gives: from the top down, 8 zero bytes, the strings,
 * the platform string and the random bytes (16-byte aligned), then from
 * sp up: argc, argv[], NULL, envp[], NULL, the auxv pairs ending with
 * AT_NULL, with sp 16-byte aligned. -EINVAL if the strings do not hold
 * argc + envc + 1 terminated strings, -E2BIG if @size is not the size.
 */
int exec_stack_build(const struct exec_stack_in *in, void *image, size_t size,
		     struct exec_stack_out *out);

#endif
