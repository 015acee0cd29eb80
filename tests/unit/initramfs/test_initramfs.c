/*
 * The initramfs unpacker on the host tmpfs: a GNU cpio archive of a temp
 * tree unpacks to the same tree, a truncated one to a prefix with an error,
 * and hostile names are sanitized or refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <check.h>
#include <breenix/cpio.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/initramfs.h>
#include <breenix/vfs.h>
#include "unit.h"

#define R	(&vfs_root_cred)

struct boot_info boot_info;

int bootinfo_find_module(const struct boot_info *bi, const char *cmdline,
			 struct boot_module *out)
{
	(void)bi;
	(void)cmdline;
	(void)out;
	return -ENOENT;
}

/* No boot module is ever found here, so nothing is handed back. */
uint64_t free_reserved_area(uint64_t start, uint64_t end)
{
	(void)start;
	(void)end;
	return 0;
}

/* Packs a temp tree with GNU cpio, as cmake/MakeInitrd.cmake does. */
static unsigned char *pack_tree(size_t *len)
{
	static const char script[] =
		"set -e; d=$(mktemp -d); cd $d; mkdir -p a/b/c; chmod 0750 a/b;"
		"printf hello > a/b/c/f; : > empty; chmod 0600 empty;"
		"head -c 9000 /dev/urandom > big; ln -s b/c/f a/link;"
		"echo pair > h1; ln h1 h2;"
		"find . -mindepth 1 | LC_ALL=C sort |"
		" cpio --quiet -o -H newc -R 0:0 --reproducible; cp big /tmp/initramfs-big.$PPID;"
		"cd /; rm -rf $d";
	FILE *p = popen(script, "r");
	unsigned char *buf = malloc(1 << 20);

	ck_assert_ptr_nonnull(p);
	*len = fread(buf, 1, 1 << 20, p);
	ck_assert_int_eq(pclose(p), 0);
	return buf;
}

static long slurp(const char *path, char *buf, size_t size)
{
	struct file *f;
	long n;

	ck_assert_int_eq(vfs_open(NULL, path, O_RDONLY, 0, R, &f), 0);
	n = vfs_read(f, buf, size, NULL);
	vfs_close(f);
	return n;
}

static umode_t mode_of(const char *path)
{
	struct kstat st;

	if (vfs_stat(NULL, path, AT_SYMLINK_NOFOLLOW, R, &st))
		return 0;
	return st.mode;
}

START_TEST(test_gnu_archive_round_trip)
{
	struct initramfs_stats st;
	struct kstat a, b;
	char buf[16384], want[9000], path[64];
	size_t len;
	unsigned char *ar;
	FILE *f;

	ck_assert_int_eq(vfs_init(), 0);
	ar = pack_tree(&len);
	ck_assert_int_eq(initramfs_unpack_buf(ar, len, &st), 0);
	ck_assert_uint_eq(st.entries, 9);
	ck_assert_uint_eq(st.skipped, 0);
	ck_assert_int_eq(mode_of("/a/b"), S_IFDIR | 0750);
	ck_assert_int_eq(mode_of("/empty"), S_IFREG | 0600);
	ck_assert_int_eq(slurp("/a/b/c/f", buf, sizeof(buf)), 5);
	ck_assert_mem_eq(buf, "hello", 5);
	ck_assert_int_eq(vfs_readlink(NULL, "/a/link", buf, sizeof(buf), R), 5);
	ck_assert_mem_eq(buf, "b/c/f", 5);
	ck_assert_int_eq(slurp("/big", buf, sizeof(buf)), 9000);
	snprintf(path, sizeof(path), "/tmp/initramfs-big.%d", (int)getpid());
	f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fread(want, 1, sizeof(want), f), 9000);
	fclose(f);
	remove(path);
	ck_assert_mem_eq(buf, want, 9000);
	ck_assert_int_eq(vfs_stat(NULL, "/h1", 0, R, &a), 0);
	ck_assert_int_eq(vfs_stat(NULL, "/h2", 0, R, &b), 0);
	ck_assert_uint_eq(a.ino, b.ino);
	ck_assert_uint_eq(a.nlink, 2);
	ck_assert_int_eq(slurp("/h1", buf, sizeof(buf)), 5);
	ck_assert_mem_eq(buf, "pair\n", 5);

	/* Again on top: directories merge, files are replaced. */
	ck_assert_int_eq(initramfs_unpack_buf(ar, len, &st), 0);
	ck_assert_uint_eq(st.skipped, 0);
	ck_assert_int_eq(slurp("/a/b/c/f", buf, sizeof(buf)), 5);

	/* Truncated: a prefix unpacks, the rest is reported. */
	ck_assert_int_eq(initramfs_unpack_buf(ar, len / 2, &st), -ENODATA);
	ck_assert_uint_gt(st.entries, 0);
	ck_assert_uint_lt(st.entries, 9);
	ck_assert_uint_gt(st.bad_offset, 0);
	free(ar);
}
END_TEST

/* Appends one newc member. */
static size_t put(unsigned char *buf, size_t off, const char *name,
		  size_t namesize, unsigned int mode, const char *data)
{
	size_t size = data ? strlen(data) : 0;

	off += sprintf((char *)buf + off,
		       "070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X",
		       (unsigned int)off + 1, mode, 0u, 0u, 1u, 0u, size,
		       0u, 0u, 0u, 0u, namesize, 0u);
	memcpy(buf + off, name, namesize);
	off = (off + namesize + 3) & ~(size_t)3;
	if (size)
		memcpy(buf + off, data, size);
	return (off + size + 3) & ~(size_t)3;
}

START_TEST(test_hostile_names)
{
	static unsigned char ar[4096];
	struct initramfs_stats st;
	size_t off = 0;

	ck_assert_int_eq(vfs_init(), 0);
	off = put(ar, off, ".", 2, S_IFDIR | 0755, NULL);
	off = put(ar, off, "../evil", 8, S_IFREG | 0644, "x");
	off = put(ar, off, "a/../../evil2", 14, S_IFREG | 0644, "x");
	off = put(ar, off, "/abs//./file", 13, S_IFREG | 0644, "y");
	off = put(ar, off, "TRAILER!!!", 11, 0, NULL);
	ck_assert_int_eq(initramfs_unpack_buf(ar, off, &st), 0);
	ck_assert_uint_eq(st.entries, 1);
	ck_assert_uint_eq(st.skipped, 2);
	ck_assert_int_eq(mode_of("/abs/file"), S_IFREG | 0644);
	ck_assert_int_eq(mode_of("/evil"), 0);
	ck_assert_int_eq(mode_of("/a"), 0);

	/* A NUL inside a name is corrupt: unpacking stops there. */
	off = put(ar, 0, "ok", 3, S_IFREG | 0644, "z");
	off = put(ar, off, "bad\0name", 9, S_IFREG | 0644, "z");
	ck_assert_int_eq(initramfs_unpack_buf(ar, off, &st), -EINVAL);
	ck_assert_uint_eq(st.entries, 1);
	ck_assert_int_eq(mode_of("/ok"), S_IFREG | 0644);
	ck_assert_int_eq(mode_of("/bad"), 0);
}
END_TEST

START_TEST(test_no_initrd_is_fine)
{
	ck_assert_int_eq(vfs_init(), 0);
	ck_assert_int_eq(initramfs_unpack(), 0);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("initramfs");
	TCase *tc = tcase_create("unpack");

	tcase_add_test(tc, test_gnu_archive_round_trip);
	tcase_add_test(tc, test_hostile_names);
	tcase_add_test(tc, test_no_initrd_is_fine);
	suite_add_tcase(s, tc);
	return s;
}
