/*
 * The kernel command line: space-separated "key=value" and bare "key" words;
 * a value may be double-quoted to hold spaces (key="a b").
 */
#ifndef BREENIX_CMDLINE_H
#define BREENIX_CMDLINE_H

#include <stdbool.h>

#define COMMAND_LINE_SIZE	2048	/* Linux's x86 limit */

/* Parses a copy of line (truncated to COMMAND_LINE_SIZE - 1 bytes). */
void cmdline_init(const char *line);

/* The command line as given (possibly truncated). */
const char *cmdline_raw(void);

/* The word after @prev (NULL: the first), quotes removed; NULL at the end. */
const char *cmdline_next_word(const char *prev);

/*
 * Every key the kernel reads is recorded where it is read: cmdline_get and
 * cmdline_enabled put their key (a string literal) in the cmdline_params
 * section, so the words meant for the kernel are known at link time with
 * no list to keep in step, and init gets the rest, as Linux passes them.
 */
#define CMDLINE_DECLARE(key) ({						\
	static const char *const __cmdline_key				\
	__attribute__((used, section("cmdline_params"), aligned(8))) = (key); \
	(void)__cmdline_key;						\
})

/* The value of the last "key=value", "" for a bare "key", NULL if absent. */
#define cmdline_get(key) ({ CMDLINE_DECLARE(key); __cmdline_get(key); })
const char *__cmdline_get(const char *key);

/* Whether a value is one of "1", "on", "yes", "true" (or the key is bare). */
#define cmdline_enabled(key) ({ CMDLINE_DECLARE(key); __cmdline_enabled(key); })
bool __cmdline_enabled(const char *key);

/* Whether @word ("key" or "key=value") has a key the kernel reads. */
bool cmdline_is_kernel_param(const char *word);

#endif
