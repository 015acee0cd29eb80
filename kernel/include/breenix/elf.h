/* ELF64 structures and constants (System V gABI, "ELF-64 Object File Format"). */
#ifndef BREENIX_ELF_H
#define BREENIX_ELF_H

#include <stdint.h>

/* e_ident: magic, class, data encoding, version (gABI "ELF Identification"). */
#define EI_NIDENT	16
#define EI_MAG0		0
#define EI_CLASS	4
#define EI_DATA		5
#define EI_VERSION	6
#define ELFMAG		"\177ELF"
#define SELFMAG		4
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define EV_CURRENT	1

/* e_type */
#define ET_EXEC		2
#define ET_DYN		3
#define ET_CORE		4

/* e_machine: AMD x86-64 (gABI machine table). */
#define EM_X86_64	62

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint64_t e_entry;
	uint64_t e_phoff;
	uint64_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;
	uint16_t e_phnum;
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
} Elf64_Ehdr;

typedef struct {
	uint32_t p_type;
	uint32_t p_flags;
	uint64_t p_offset;
	uint64_t p_vaddr;
	uint64_t p_paddr;
	uint64_t p_filesz;
	uint64_t p_memsz;
	uint64_t p_align;
} Elf64_Phdr;

_Static_assert(sizeof(Elf64_Ehdr) == 64, "gABI: the ELF64 header is 64 bytes");
_Static_assert(sizeof(Elf64_Phdr) == 56, "gABI: an ELF64 phdr is 56 bytes");

/* p_type; PT_GNU_STACK is the GNU extension that says whether the stack is executable. */
#define PT_NULL		0
#define PT_LOAD		1
#define PT_DYNAMIC	2
#define PT_INTERP	3
#define PT_NOTE		4
#define PT_PHDR		6
#define PT_TLS		7
#define PT_GNU_STACK	0x6474e551

/* p_flags */
#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

typedef struct {
	uint32_t sh_name;
	uint32_t sh_type;
	uint64_t sh_flags;
	uint64_t sh_addr;
	uint64_t sh_offset;
	uint64_t sh_size;
	uint32_t sh_link;
	uint32_t sh_info;
	uint64_t sh_addralign;
	uint64_t sh_entsize;
} Elf64_Shdr;

typedef struct {
	uint32_t st_name;
	uint8_t st_info;
	uint8_t st_other;
	uint16_t st_shndx;
	uint64_t st_value;
	uint64_t st_size;
} Elf64_Sym;

#define SHT_SYMTAB	2
#define SHT_STRTAB	3

#define SHN_UNDEF	0
#define SHN_LORESERVE	0xff00

#define ELF64_ST_TYPE(info)	((info) & 0xf)
#define STT_NOTYPE	0
#define STT_FUNC	2

#endif
