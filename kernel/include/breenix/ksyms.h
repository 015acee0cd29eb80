/* The kernel's own symbol table, for naming addresses in stack traces. */
#ifndef BREENIX_KSYMS_H
#define BREENIX_KSYMS_H

#include <stddef.h>
#include <stdint.h>

struct ksym_table {
	const void *syms;	/* Elf64_Sym array */
	size_t nsyms;
	const char *strtab;
	size_t strtab_size;
	uint64_t text_start, text_end;	/* only addresses in here are named */
};

struct ksym {
	const char *name;
	uint64_t offset;	/* addr - symbol value */
	uint64_t size;		/* 0 when the symbol does not say */
};

/*
 * Validate an ELF symbol table (symtab/strtab section contents and sizes);
 * returns 0 or -EINVAL. Policy code, shared with the host tests.
 */
int ksym_table_init(struct ksym_table *t, const void *symtab, size_t symtab_size,
		    const char *strtab, size_t strtab_size,
		    uint64_t text_start, uint64_t text_end);

/* Name the function containing addr; returns 0 or -ENOENT. */
int ksym_table_lookup(const struct ksym_table *t, uint64_t addr,
		      struct ksym *out);

/* The running kernel's table, found through the Multiboot2 ELF sections. */
int ksyms_init(const void *shdrs, uint32_t shnum, uint32_t shentsize);
int ksyms_lookup(uint64_t addr, struct ksym *out);

#endif
