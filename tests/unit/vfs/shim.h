/*
 * The host shim under the VFS tests: kmalloc and the page allocator on
 * malloc, counting live objects and pages, with a page limit for ENOSPC.
 */
#ifndef VFS_SHIM_H
#define VFS_SHIM_H

long shim_objects_in_use(void);
long shim_pages_in_use(void);
/* Page allocations fail once this many pages are in use; -1: never. */
void shim_set_page_limit(long pages);

#endif
