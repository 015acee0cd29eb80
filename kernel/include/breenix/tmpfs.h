/*
 * tmpfs: a filesystem in memory, the root filesystem. File data lives in
 * pages from the page allocator; the namespace lives in the dentry cache.
 */
#ifndef BREENIX_TMPFS_H
#define BREENIX_TMPFS_H

/* Registers "tmpfs". */
int tmpfs_init(void);

#endif
