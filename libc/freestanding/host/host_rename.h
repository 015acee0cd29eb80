/*
 * Force-included (-include) into every host build of the freestanding libc:
 * each public name becomes kc_<name>, so hostclib links next to glibc and a
 * test can call both. Keep in step with kc.h; tests/unit/libc checks that.
 */
#ifndef BREENIX_LIBC_HOST_RENAME_H
#define BREENIX_LIBC_HOST_RENAME_H

#define memcpy		kc_memcpy
#define memmove		kc_memmove
#define memset		kc_memset
#define memcmp		kc_memcmp
#define memchr		kc_memchr
#define memrchr		kc_memrchr
#define strlen		kc_strlen
#define strnlen		kc_strnlen
#define strcmp		kc_strcmp
#define strncmp		kc_strncmp
#define strcasecmp	kc_strcasecmp
#define strncasecmp	kc_strncasecmp
#define strcpy		kc_strcpy
#define strncpy		kc_strncpy
#define strlcpy		kc_strlcpy
#define strlcat		kc_strlcat
#define strcat		kc_strcat
#define strncat		kc_strncat
#define strchr		kc_strchr
#define strrchr		kc_strrchr
#define strstr		kc_strstr
#define strspn		kc_strspn
#define strcspn		kc_strcspn
#define strpbrk		kc_strpbrk
#define strtok_r	kc_strtok_r
#define strsep		kc_strsep
#define isalnum		kc_isalnum
#define isalpha		kc_isalpha
#define isascii		kc_isascii
#define isblank		kc_isblank
#define iscntrl		kc_iscntrl
#define isdigit		kc_isdigit
#define isgraph		kc_isgraph
#define islower		kc_islower
#define isprint		kc_isprint
#define ispunct		kc_ispunct
#define isspace		kc_isspace
#define isupper		kc_isupper
#define isxdigit	kc_isxdigit
#define tolower		kc_tolower
#define toupper		kc_toupper
#define snprintf	kc_snprintf
#define vsnprintf	kc_vsnprintf
#define vcbprintf	kc_vcbprintf
#define strtol		kc_strtol
#define strtoul		kc_strtoul
#define strtoll		kc_strtoll
#define strtoull	kc_strtoull
#define qsort		kc_qsort
#define bsearch		kc_bsearch
#define abs		kc_abs
#define labs		kc_labs
#define llabs		kc_llabs

#endif
