/*
 * The running kernel's symbol table. GRUB loads every section of the kernel
 * ELF, non-allocated ones included, and passes their headers in the
 * Multiboot2 ELF-sections tag; .symtab and its .strtab are found there.
 */
#include <string.h>
#include <breenix/elf.h>
#include <breenix/errno.h>
#include <breenix/ksyms.h>
#include <asm/page.h>

extern char __text_start[], __text_end[];

static struct ksym_table kernel_syms;
static int ksyms_ready;

static const void *section_data(const Elf64_Shdr *sh)
{
	if (sh->sh_addr + sh->sh_size > EARLY_DIRECT_MAP_LIMIT ||
	    sh->sh_addr + sh->sh_size < sh->sh_addr)
		return NULL;
	return phys_to_virt(sh->sh_addr);
}

/* The headers sit at offset 20 of the tag: copy, they are not aligned. */
static void read_shdr(const void *shdrs, uint32_t i, uint32_t shentsize,
		      Elf64_Shdr *out)
{
	memcpy(out, (const char *)shdrs + (size_t)i * shentsize, sizeof(*out));
}

int ksyms_init(const void *shdrs, uint32_t shnum, uint32_t shentsize)
{
	Elf64_Shdr sym, str;
	uint32_t i;
	int err;

	if (!shdrs || shentsize < sizeof(Elf64_Shdr))
		return -EINVAL;
	for (i = 0; i < shnum; i++) {
		read_shdr(shdrs, i, shentsize, &sym);
		if (sym.sh_type == SHT_SYMTAB)
			break;
	}
	if (i == shnum || sym.sh_link >= shnum)
		return -ENOENT;
	read_shdr(shdrs, sym.sh_link, shentsize, &str);
	if (str.sh_type != SHT_STRTAB)
		return -EINVAL;
	err = ksym_table_init(&kernel_syms, section_data(&sym), sym.sh_size,
			      section_data(&str), str.sh_size,
			      (uint64_t)__text_start, (uint64_t)__text_end);
	if (!err)
		ksyms_ready = 1;
	return err;
}

int ksyms_lookup(uint64_t addr, struct ksym *out)
{
	if (!ksyms_ready)
		return -ENOENT;
	return ksym_table_lookup(&kernel_syms, addr, out);
}
