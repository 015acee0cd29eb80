/*
 * Naming code addresses from an ELF symbol table: validation of the table
 * (it comes from the boot loader, so it is checked, not trusted) and lookup
 * of the nearest function symbol at or below an address.
 */
#include <breenix/elf.h>
#include <breenix/errno.h>
#include <breenix/ksyms.h>

int ksym_table_init(struct ksym_table *t, const void *symtab, size_t symtab_size,
		    const char *strtab, size_t strtab_size,
		    uint64_t text_start, uint64_t text_end)
{
	if (!symtab || !strtab || symtab_size % sizeof(Elf64_Sym) != 0 ||
	    strtab_size == 0 || strtab[strtab_size - 1] != '\0' ||
	    text_start >= text_end)
		return -EINVAL;
	t->syms = symtab;
	t->nsyms = symtab_size / sizeof(Elf64_Sym);
	t->strtab = strtab;
	t->strtab_size = strtab_size;
	t->text_start = text_start;
	t->text_end = text_end;
	return 0;
}

/* Functions, and assembly labels (no type) that name code. */
static int ksym_is_code(const struct ksym_table *t, const Elf64_Sym *s)
{
	int type = ELF64_ST_TYPE(s->st_info);

	if (type != STT_FUNC && type != STT_NOTYPE)
		return 0;
	if (s->st_shndx == SHN_UNDEF || s->st_shndx >= SHN_LORESERVE)
		return 0;
	if (s->st_name == 0 || s->st_name >= t->strtab_size)
		return 0;
	return s->st_value >= t->text_start && s->st_value < t->text_end;
}

/* Prefer a sized function over a label at the same address. */
static int ksym_better(const Elf64_Sym *cand, const Elf64_Sym *best)
{
	if (!best || cand->st_value > best->st_value)
		return 1;
	return cand->st_value == best->st_value &&
	       ELF64_ST_TYPE(cand->st_info) == STT_FUNC &&
	       ELF64_ST_TYPE(best->st_info) != STT_FUNC;
}

int ksym_table_lookup(const struct ksym_table *t, uint64_t addr,
		      struct ksym *out)
{
	const Elf64_Sym *syms = t->syms, *best = NULL;
	size_t i;

	if (addr < t->text_start || addr >= t->text_end)
		return -ENOENT;
	for (i = 0; i < t->nsyms; i++) {
		const Elf64_Sym *s = &syms[i];

		if (ksym_is_code(t, s) && s->st_value <= addr &&
		    ksym_better(s, best))
			best = s;
	}
	if (!best)
		return -ENOENT;
	out->name = t->strtab + best->st_name;
	out->offset = addr - best->st_value;
	out->size = best->st_size;
	return 0;
}
