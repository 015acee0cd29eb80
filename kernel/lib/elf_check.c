/*
 * ELF64 validation for exec: every header field the loader will trust is
 * checked here first, with overflow-safe arithmetic, so that a corrupt or
 * hostile file is -ENOEXEC and never a fault or a wild mapping. Pure code:
 * the host unit tests run it over a malformed corpus and under fuzzing.
 */
#include <string.h>
#include <breenix/binfmt.h>

static bool is_pow2(uint64_t v)
{
	return v && !(v & (v - 1));
}

int elf_check_ehdr(const void *buf, size_t len, uint64_t file_size,
		   struct elf_info *info)
{
	Elf64_Ehdr eh;
	uint64_t size;

	if (len < sizeof(eh) || file_size < sizeof(eh))
		return -ENOEXEC;
	memcpy(&eh, buf, sizeof(eh));
	if (memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh.e_ident[EI_VERSION] != EV_CURRENT ||
	    eh.e_version != EV_CURRENT)
		return -ENOEXEC;
	if (eh.e_type != ET_EXEC && eh.e_type != ET_DYN)
		return -ENOEXEC;
	if (eh.e_machine != EM_X86_64)
		return -ENOEXEC;
	if (eh.e_phentsize != sizeof(Elf64_Phdr))
		return -ENOEXEC;
	size = (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr);
	if (!size || size > ELF_MAX_PHDR_BYTES)
		return -ENOEXEC;
	if (eh.e_phoff > file_size || size > file_size - eh.e_phoff)
		return -ENOEXEC;
	memset(info, 0, sizeof(*info));
	info->type = eh.e_type;
	info->phnum = eh.e_phnum;
	info->phoff = eh.e_phoff;
	info->entry = eh.e_entry;
	return 0;
}

/* One PT_LOAD into the extent and Linux's code/data/brk bookkeeping. */
static int check_load(const Elf64_Phdr *ph, uint64_t file_size, bool first,
		      struct elf_info *info)
{
	uint64_t start, end;

	if (ph->p_filesz > ph->p_memsz)
		return -ENOEXEC;
	if (ph->p_offset > file_size || ph->p_filesz > file_size - ph->p_offset)
		return -ENOEXEC;
	if (ELF_PAGEOFFSET(ph->p_offset) != ELF_PAGEOFFSET(ph->p_vaddr))
		return -ENOEXEC;
	if (ph->p_vaddr > TASK_SIZE || ph->p_memsz > TASK_SIZE - ph->p_vaddr)
		return -ENOEXEC;
	/* TASK_SIZE is page aligned, so end cannot pass it. */
	start = ELF_PAGESTART(ph->p_vaddr);
	end = ELF_PAGESTART(ph->p_vaddr + ph->p_memsz + ELF_MIN_ALIGN - 1);
	/* Sorted, and no page holds two segments (each gets its own VMA). */
	if (!first && start < info->hi)
		return -ENOEXEC;
	if (first) {
		info->lo = start;
		info->first_vaddr = ph->p_vaddr;
	}
	info->hi = end;

	if (is_pow2(ph->p_align) && ph->p_align > info->align)
		info->align = ph->p_align;
	if ((ph->p_flags & PF_X) && ph->p_vaddr < info->start_code)
		info->start_code = ph->p_vaddr;
	if (ph->p_vaddr > info->start_data)
		info->start_data = ph->p_vaddr;
	if ((ph->p_flags & PF_X) && ph->p_vaddr + ph->p_filesz > info->end_code)
		info->end_code = ph->p_vaddr + ph->p_filesz;
	if (ph->p_vaddr + ph->p_filesz > info->end_data)
		info->end_data = ph->p_vaddr + ph->p_filesz;
	if (ph->p_vaddr + ph->p_memsz > info->brk)
		info->brk = ph->p_vaddr + ph->p_memsz;

	if ((ph->p_flags & PF_X) && info->entry >= ph->p_vaddr &&
	    info->entry - ph->p_vaddr < ph->p_memsz)
		info->entry_ok = true;
	/* AT_PHDR: the table's address if a segment maps it (the last one, as Linux). */
	if (ph->p_offset <= info->phoff &&
	    info->phoff - ph->p_offset < ph->p_filesz)
		info->phdr_vaddr = info->phoff - ph->p_offset + ph->p_vaddr;
	return 0;
}

int elf_check_phdrs(const void *phdrs, uint64_t file_size,
		    struct elf_info *info)
{
	const unsigned char *p = phdrs;
	bool loaded = false;
	unsigned int i;
	int err;

	info->align = ELF_MIN_ALIGN;
	info->start_code = UINT64_MAX;
	info->entry_ok = false;
	for (i = 0; i < info->phnum; i++) {
		Elf64_Phdr ph;

		memcpy(&ph, p + i * sizeof(ph), sizeof(ph));
		switch (ph.p_type) {
		case PT_LOAD:
			/* An empty segment maps nothing (Linux maps nothing for it too). */
			if (!ph.p_memsz && !ph.p_filesz)
				break;
			err = check_load(&ph, file_size, !loaded, info);
			if (err)
				return err;
			loaded = true;
			break;
		case PT_INTERP:
			/* The first one counts, as in Linux. */
			if (info->interp_len)
				break;
			if (ph.p_filesz < 2 || ph.p_filesz > ELF_INTERP_MAX)
				return -ENOEXEC;
			if (ph.p_offset > file_size ||
			    ph.p_filesz > file_size - ph.p_offset)
				return -ENOEXEC;
			info->interp_off = ph.p_offset;
			info->interp_len = ph.p_filesz;
			break;
		case PT_GNU_STACK:
			info->exec_stack = ph.p_flags & PF_X;
			break;
		default:
			break;
		}
	}
	if (!loaded || !info->entry_ok)
		return -ENOEXEC;
	return 0;
}

uint64_t elf_load_bias(const struct elf_info *info)
{
	uint64_t base;

	if (info->type != ET_DYN)
		return 0;
	/* A p_align above the base leaves 0: elf_check_bias refuses page 0. */
	base = ELF_ET_DYN_BASE & ~(info->align - 1);
	return ELF_PAGESTART(base - info->first_vaddr);
}

int elf_check_bias(const struct elf_info *info, uint64_t bias)
{
	if (bias > TASK_SIZE)
		return -ENOEXEC;
	if (info->lo + bias < ELF_MIN_VADDR || info->hi > TASK_SIZE - bias)
		return -ENOEXEC;
	return 0;
}

int elf_check_image(const void *file, size_t size, struct elf_info *info)
{
	const char *f = file;
	int err = elf_check_ehdr(file, size, size, info);

	if (!err)
		err = elf_check_phdrs(f + info->phoff, size, info);
	if (!err && info->interp_len)
		err = elf_check_interp(f + info->interp_off, info->interp_len);
	if (!err)
		err = elf_check_bias(info, elf_load_bias(info));
	return err;
}

unsigned long elf_prot(uint32_t p_flags)
{
	return ((p_flags & PF_R) ? 1 : 0) | ((p_flags & PF_W) ? 2 : 0) |
	       ((p_flags & PF_X) ? 4 : 0);
}
