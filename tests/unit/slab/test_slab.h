/* Shared by the slab test files: set-up, captured reports, helpers. */
#ifndef TEST_SLAB_H
#define TEST_SLAB_H

#include <stdbool.h>
#include <stddef.h>
#include <check.h>
#include <breenix/slab.h>

/* Reports caught by the hook since the last slab_start(). */
extern int reports;
extern char last_report[256];

/* A fresh allocator over fresh fake pages, debugging on or off. */
void slab_start(bool debug);
/* Fails unless exactly one report came that contains each of the texts. */
void expect_report(const char *text, const char *text2);
void expect_no_report(void);
/* The stats of the cache called name (fails if there is none). */
struct slab_stats cache_stats(const char *name);
/* Pages in use after every cache gives back its empty slabs. */
long pages_after_shrink(void);

Suite *slab_debug_suite(void);

#endif
