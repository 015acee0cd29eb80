/*
 * The descriptor table: lowest-free numbering, growth past the first
 * bitmap word, close-on-exec, the descriptor limit (EMFILE), dup2's
 * replacement and its EBUSY/EBADF cases, copies for fork, and every file
 * reference and allocation given back.
 */
#include <stdlib.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/slab.h>
#include <linux/fcntl.h>
#include "unit.h"

static long objects;
static int released;

void *kmalloc(size_t size, gfp_t gfp)
{
	void *p = malloc(size ? size : 1);

	if (p && (gfp & __GFP_ZERO))
		memset(p, 0, size);
	if (p)
		objects++;
	return p;
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void kfree(const void *p)
{
	if (p)
		objects--;
	free((void *)p);
}

struct file *get_file(struct file *file)
{
	file->f_count++;
	return file;
}

void fput(struct file *file)
{
	ck_assert_int_gt(file->f_count, 0);
	if (!--file->f_count)
		released++;
}

#define NOLIMIT	(1UL << 20)

static struct file *new_file(void)
{
	struct file *f = calloc(1, sizeof(*f));

	f->f_count = 1;
	return f;
}

/* Reserves and installs: the table takes the caller's reference. */
static int install(struct files_struct *files, struct file *f,
		   unsigned long limit, unsigned int flags)
{
	int fd = files_alloc_fd(files, 0, limit, flags);

	if (fd >= 0)
		files_install(files, (unsigned int)fd, get_file(f));
	return fd;
}

static void drop(struct file *f)
{
	fput(f);
	free(f);
}

START_TEST(lowest_free_first)
{
	struct files_struct *files = files_alloc();
	struct file *f = new_file(), *got;
	int i;

	for (i = 0; i < 5; i++)
		ck_assert_int_eq(install(files, f, NOLIMIT, 0), i);
	got = files_pick(files, 1);
	ck_assert_ptr_eq(got, f);
	fput(got);
	got = files_pick(files, 3);
	fput(got);
	ck_assert_ptr_null(files_pick(files, 3));
	ck_assert_int_eq(install(files, f, NOLIMIT, 0), 1);
	ck_assert_int_eq(install(files, f, NOLIMIT, 0), 3);
	ck_assert_int_eq(install(files, f, NOLIMIT, 0), 5);
	/* F_DUPFD's start: the lowest free at or above it. */
	ck_assert_int_eq(files_alloc_fd(files, 2, NOLIMIT, 0), 6);
	files_put_unused_fd(files, 6);
	ck_assert_int_eq(files_alloc_fd(files, 100, NOLIMIT, 0), 100);
	files_put_unused_fd(files, 100);
	ck_assert_int_eq(files_next_fd(files, 4), 4);
	ck_assert_int_eq(files_next_fd(files, 6), -1);
	files_put(files);
	ck_assert_int_eq(f->f_count, 1);
	drop(f);
	ck_assert_int_eq(objects, 0);
}
END_TEST

START_TEST(grows_past_one_word)
{
	struct files_struct *files = files_alloc();
	struct file *f = new_file(), *got;
	int i;

	for (i = 0; i < 1000; i++)
		ck_assert_int_eq(install(files, f, NOLIMIT, i % 3 ? 0 : O_CLOEXEC),
				 i);
	ck_assert_uint_ge(files->fdt.max_fds, 1000);
	for (i = 0; i < 1000; i++)
		ck_assert_int_eq(files_get_cloexec(files, (unsigned int)i),
				 i % 3 == 0);
	got = files_lookup(files, 999);
	ck_assert_ptr_eq(got, f);
	fput(got);
	ck_assert_ptr_null(files_lookup(files, 1000));
	ck_assert_ptr_null(files_lookup(files, 1u << 30));
	files_put(files);
	ck_assert_int_eq(f->f_count, 1);
	drop(f);
	ck_assert_int_eq(objects, 0);
}
END_TEST

START_TEST(emfile_at_the_limit)
{
	struct files_struct *files = files_alloc();
	struct file *f = new_file(), *old;
	int i;

	for (i = 0; i < 16; i++)
		ck_assert_int_eq(install(files, f, 16, 0), i);
	ck_assert_int_eq(files_alloc_fd(files, 0, 16, 0), -EMFILE);
	ck_assert_int_eq(files_alloc_fd(files, 20, 64, 0), 20);
	files_put_unused_fd(files, 20);
	/* dup2 at or past the limit is EBADF. */
	ck_assert_int_eq(files_replace(files, 16, f, 0, 16, &old), -EBADF);
	ck_assert_ptr_null(old);
	/* A lower limit closes nothing. */
	ck_assert_int_eq(files_alloc_fd(files, 0, 4, 0), -EMFILE);
	old = files_lookup(files, 15);
	ck_assert_ptr_eq(old, f);
	fput(old);
	files_put(files);
	drop(f);
	ck_assert_int_eq(objects, 0);
}
END_TEST

START_TEST(dup2_replaces)
{
	struct files_struct *files = files_alloc();
	struct file *a = new_file(), *b = new_file(), *old, *got;
	int fd;

	ck_assert_int_eq(install(files, a, NOLIMIT, 0), 0);
	ck_assert_int_eq(install(files, b, NOLIMIT, O_CLOEXEC), 1);
	ck_assert_int_eq(files_replace(files, 1, a, 0, NOLIMIT, &old), 0);
	ck_assert_ptr_eq(old, b);
	fput(old);
	ck_assert_int_eq(b->f_count, 1);
	/* dup2 clears close-on-exec; dup3(O_CLOEXEC) sets it. */
	ck_assert_int_eq(files_get_cloexec(files, 1), 0);
	ck_assert_int_eq(files_replace(files, 300, a, O_CLOEXEC, NOLIMIT, &old),
			 0);
	ck_assert_ptr_null(old);
	ck_assert_int_eq(files_get_cloexec(files, 300), 1);
	got = files_lookup(files, 300);
	ck_assert_ptr_eq(got, a);
	fput(got);
	/* An open in progress holds its number: dup2 onto it is EBUSY. */
	fd = files_alloc_fd(files, 0, NOLIMIT, 0);
	ck_assert_int_eq(fd, 2);
	ck_assert_int_eq(files_replace(files, 2, a, 0, NOLIMIT, &old), -EBUSY);
	files_put_unused_fd(files, 2);
	ck_assert_int_eq(files_get_cloexec(files, 2), -EBADF);
	ck_assert_int_eq(files_set_cloexec(files, 2, true), -EBADF);
	files_put(files);
	ck_assert_int_eq(a->f_count, 1);
	drop(a);
	drop(b);
	ck_assert_int_eq(objects, 0);
}
END_TEST

START_TEST(cloexec_closes_only_marked)
{
	struct files_struct *files = files_alloc();
	struct file *f = new_file(), *got;
	int i;

	for (i = 0; i < 200; i++)
		install(files, f, NOLIMIT, i % 2 ? O_CLOEXEC : 0);
	ck_assert_int_eq(files_set_cloexec(files, 0, true), 0);
	ck_assert_int_eq(files_set_cloexec(files, 199, false), 0);
	files_close_on_exec(files);
	ck_assert_int_eq(f->f_count, 1 + 100);
	ck_assert_ptr_null(files_lookup(files, 0));
	got = files_lookup(files, 199);
	ck_assert_ptr_nonnull(got);
	fput(got);
	got = files_lookup(files, 2);
	ck_assert_ptr_nonnull(got);
	fput(got);
	ck_assert_ptr_null(files_lookup(files, 3));
	/* The closed numbers are free again, lowest first. */
	ck_assert_int_eq(files_alloc_fd(files, 0, NOLIMIT, 0), 0);
	ck_assert_int_eq(files_alloc_fd(files, 0, NOLIMIT, 0), 1);
	files_put_unused_fd(files, 0);
	files_put_unused_fd(files, 1);
	files_put(files);
	drop(f);
	ck_assert_int_eq(objects, 0);
}
END_TEST

START_TEST(dup_for_fork)
{
	struct files_struct *files = files_alloc(), *copy;
	struct file *f = new_file(), *got;
	int i, reserved;

	for (i = 0; i < 130; i++)
		install(files, f, NOLIMIT, i == 7 ? O_CLOEXEC : 0);
	reserved = files_alloc_fd(files, 0, NOLIMIT, 0);
	ck_assert_int_eq(reserved, 130);
	copy = files_dup(files);
	ck_assert_ptr_nonnull(copy);
	ck_assert_int_eq(f->f_count, 1 + 2 * 130);
	ck_assert_int_eq(files_get_cloexec(copy, 7), 1);
	/* The copy does not inherit the half-done open. */
	ck_assert_int_eq(files_alloc_fd(copy, 0, NOLIMIT, 0), 130);
	files_put_unused_fd(copy, 130);
	got = files_pick(copy, 5);
	fput(got);
	got = files_lookup(files, 5);
	ck_assert_ptr_eq(got, f);
	fput(got);
	files_put_unused_fd(files, (unsigned int)reserved);
	/* Shared (CLONE_FILES): the last user closes. */
	files_get(copy);
	files_put(copy);
	ck_assert_int_eq(f->f_count, 1 + 130 + 129);
	files_put(copy);
	files_put(files);
	ck_assert_int_eq(f->f_count, 1);
	drop(f);
	ck_assert_int_eq(objects, 0);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("fdtable");
	TCase *tc = tcase_create("table");

	tcase_add_test(tc, lowest_free_first);
	tcase_add_test(tc, grows_past_one_word);
	tcase_add_test(tc, emfile_at_the_limit);
	tcase_add_test(tc, dup2_replaces);
	tcase_add_test(tc, cloexec_closes_only_marked);
	tcase_add_test(tc, dup_for_fork);
	suite_add_tcase(s, tc);
	return s;
}
