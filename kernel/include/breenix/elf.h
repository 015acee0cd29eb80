/* ELF64 structures and constants (System V gABI, "ELF-64 Object File Format"). */
#ifndef BREENIX_ELF_H
#define BREENIX_ELF_H

#include <stdint.h>

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
