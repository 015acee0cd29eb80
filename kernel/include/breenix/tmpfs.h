/*
 * tmpfs: a filesystem in memory, the root filesystem. File data lives in
 * pages from the page allocator; the namespace lives in the dentry cache.
 */
#ifndef BREENIX_TMPFS_H
#define BREENIX_TMPFS_H

#include <stdint.h>

/* Registers "tmpfs". */
int tmpfs_init(void);

/* Pages holding file data in every tmpfs instance. */
uint64_t tmpfs_total_pages(void);

#endif
