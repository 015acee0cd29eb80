/*
 * The kc_* names of hostclib (see host_rename.h), declared with only the
 * compiler's own headers, so a host test can call kc_snprintf next to glibc.
 */
#ifndef BREENIX_LIBC_KC_H
#define BREENIX_LIBC_KC_H

#include <stdarg.h>
#include <stddef.h>

/* <string.h> */
void *kc_memcpy(void *restrict dst, const void *restrict src, size_t n);
void *kc_memmove(void *dst, const void *src, size_t n);
void *kc_memset(void *s, int c, size_t n);
int kc_memcmp(const void *a, const void *b, size_t n);
void *kc_memchr(const void *s, int c, size_t n);
void *kc_memrchr(const void *s, int c, size_t n);
size_t kc_strlen(const char *s);
size_t kc_strnlen(const char *s, size_t maxlen);
int kc_strcmp(const char *a, const char *b);
int kc_strncmp(const char *a, const char *b, size_t n);
int kc_strcasecmp(const char *a, const char *b);
int kc_strncasecmp(const char *a, const char *b, size_t n);
char *kc_strcpy(char *restrict dst, const char *restrict src);
char *kc_strncpy(char *restrict dst, const char *restrict src, size_t n);
size_t kc_strlcpy(char *restrict dst, const char *restrict src, size_t size);
size_t kc_strlcat(char *restrict dst, const char *restrict src, size_t size);
char *kc_strcat(char *restrict dst, const char *restrict src);
char *kc_strncat(char *restrict dst, const char *restrict src, size_t n);
char *kc_strchr(const char *s, int c);
char *kc_strrchr(const char *s, int c);
char *kc_strstr(const char *haystack, const char *needle);
size_t kc_strspn(const char *s, const char *accept);
size_t kc_strcspn(const char *s, const char *reject);
char *kc_strpbrk(const char *s, const char *accept);
char *kc_strtok_r(char *restrict s, const char *restrict delim,
		  char **restrict saveptr);
char *kc_strsep(char **restrict stringp, const char *restrict delim);

/* <ctype.h> */
int kc_isalnum(int c);
int kc_isalpha(int c);
int kc_isascii(int c);
int kc_isblank(int c);
int kc_iscntrl(int c);
int kc_isdigit(int c);
int kc_isgraph(int c);
int kc_islower(int c);
int kc_isprint(int c);
int kc_ispunct(int c);
int kc_isspace(int c);
int kc_isupper(int c);
int kc_isxdigit(int c);
int kc_tolower(int c);
int kc_toupper(int c);

/* <stdio.h> and <breenix_fmt.h> */
int kc_snprintf(char *restrict buf, size_t size, const char *restrict fmt,
		...) __attribute__((__format__(__printf__, 3, 4)));
int kc_vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
		 va_list ap) __attribute__((__format__(__printf__, 3, 0)));
size_t kc_vcbprintf(void (*emit)(void *ctx, const char *s, size_t n),
		    void *ctx, const char *fmt, va_list ap)
	__attribute__((__format__(__printf__, 3, 0)));

/* <stdlib.h> */
long kc_strtol(const char *restrict nptr, char **restrict endptr, int base);
unsigned long kc_strtoul(const char *restrict nptr, char **restrict endptr,
			 int base);
long long kc_strtoll(const char *restrict nptr, char **restrict endptr,
		     int base);
unsigned long long kc_strtoull(const char *restrict nptr,
			       char **restrict endptr, int base);
void kc_qsort(void *base, size_t nmemb, size_t size,
	      int (*compar)(const void *, const void *));
void *kc_bsearch(const void *key, const void *base, size_t nmemb, size_t size,
		 int (*compar)(const void *, const void *));
int kc_abs(int j);
long kc_labs(long j);
long long kc_llabs(long long j);

#endif
