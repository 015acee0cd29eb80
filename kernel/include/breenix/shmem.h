/*
 * Shared memory objects: refcounted sets of pages indexed by page offset,
 * behind MAP_SHARED|MAP_ANONYMOUS mappings (and later SysV shm and memfd).
 * Every mapper looks pages up here, so a page first touched after fork is
 * still the same page for parent and child.
 */
#ifndef BREENIX_SHMEM_H
#define BREENIX_SHMEM_H

#include <stdint.h>

struct page;
struct shmem_object;

/* A new empty object of @pages pages with one reference; NULL without memory. */
struct shmem_object *shmem_create(uint64_t pages);
void shmem_get(struct shmem_object *shm);
/* Drops a reference; the last one frees every page and the index. */
void shmem_put(struct shmem_object *shm);
/*
 * The page at @pgoff, allocated zeroed on first use; the object keeps its
 * reference (a mapper takes its own). NULL without memory or past the end.
 */
struct page *shmem_get_page(struct shmem_object *shm, uint64_t pgoff);
/* The page at @pgoff if it exists, else NULL. */
struct page *shmem_find_page(struct shmem_object *shm, uint64_t pgoff);
/* Pages the object holds. */
uint64_t shmem_nr_pages(const struct shmem_object *shm);
/* Pages held by every object together. */
uint64_t shmem_total_pages(void);

#endif
