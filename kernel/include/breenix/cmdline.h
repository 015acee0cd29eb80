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

/* The value of the last "key=value", "" for a bare "key", NULL if absent. */
const char *cmdline_get(const char *key);

/* The word after @prev (NULL: the first), quotes removed; NULL at the end. */
const char *cmdline_next_word(const char *prev);

/* Whether a value is one of "1", "on", "yes", "true" (or the key is bare). */
bool cmdline_enabled(const char *key);

#endif
