/*
 * The machine word that memcpy, memmove and memset move at a time once both
 * pointers are aligned. may_alias: it reads and writes objects of any type.
 */
#ifndef BREENIX_LIBC_STRING_WORD_H
#define BREENIX_LIBC_STRING_WORD_H

#include <stdint.h>

typedef uint64_t __attribute__((__may_alias__)) word_t;

#define WORD_SIZE sizeof(word_t)
#define WORD_MASK (sizeof(word_t) - 1)

#endif
