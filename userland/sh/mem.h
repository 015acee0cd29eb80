/*
 * Memory for the shell: allocation that cannot fail (the shell exits on
 * exhaustion, as dash does), growable strings, and arenas that hold a parsed
 * command's tree so it is freed in one go (or kept while a function uses it).
 */
#ifndef SH_MEM_H
#define SH_MEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xzalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable NUL-terminated string. */
struct strbuf {
	char *s;
	size_t len, cap;
};

void sb_init(struct strbuf *sb);
void sb_putc(struct strbuf *sb, char c);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putn(struct strbuf *sb, const char *s, size_t n);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hands the string to the caller and leaves @sb empty. */
char *sb_take(struct strbuf *sb);
void sb_free(struct strbuf *sb);

/*
 * An arena: blocks freed together. It is reference-counted because a
 * function definition keeps the tree it was parsed into after the command
 * that defined it has run.
 */
struct arena;

struct arena *arena_new(void);
void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
void arena_ref(struct arena *a);
void arena_unref(struct arena *a);

#endif
