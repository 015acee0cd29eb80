/*
 * tmpfs through the VFS: file data (seek, sparse files, truncate, append,
 * running out of pages), unlinked-but-open files, hard links, directories
 * and readdir, rename, special files, timestamps, and memory given back.
 */
#include <stdio.h>
#include <string.h>
#include "unit.h"
#include "shim.h"
#include "test_vfs.h"

#define PG	4096

static uint64_t ino_of_path(const char *path)
{
	struct kstat st;

	ck_assert_int_eq(stat_of(path, &st), 0);
	return st.ino;
}

static struct file *open_rw(const char *path)
{
	struct file *f;

	ck_assert_int_eq(vfs_open(NULL, path, O_CREAT | O_RDWR, 0644,
				  &vfs_root_cred, &f), 0);
	return f;
}

START_TEST(read_write_seek)
{
	struct file *f = open_rw("/f");
	struct kstat st;
	char buf[32];
	loff_t pos;

	ck_assert_int_eq(vfs_write(f, "hello world", 11, NULL), 11);
	ck_assert_int_eq(vfs_read(f, buf, sizeof(buf), NULL), 0);
	ck_assert_int_eq(vfs_lseek(f, 6, SEEK_SET), 6);
	ck_assert_int_eq(vfs_read(f, buf, sizeof(buf), NULL), 5);
	ck_assert(!memcmp(buf, "world", 5));
	ck_assert_int_eq(vfs_lseek(f, -5, SEEK_END), 6);
	ck_assert_int_eq(vfs_lseek(f, -6, SEEK_CUR), 0);
	ck_assert_int_eq(vfs_lseek(f, -1, SEEK_SET), -EINVAL);
	ck_assert_int_eq(vfs_lseek(f, 0, 7), -EINVAL);
	ck_assert_int_eq(vfs_write(f, "J", 1, NULL), 1);
	pos = 0;
	ck_assert_int_eq(vfs_read(f, buf, 11, &pos), 11);
	ck_assert_int_eq(pos, 11);
	ck_assert(!memcmp(buf, "Jello world", 11));
	ck_assert_int_eq(vfs_fstat(f, &st), 0);
	ck_assert_int_eq(st.size, 11);
	ck_assert_int_eq(st.nlink, 1);
	ck_assert_uint_eq(st.mode, S_IFREG | 0644);
	vfs_close(f);
	ck_assert_int_eq(slurp("/f", buf, sizeof(buf)), 11);
}
END_TEST

START_TEST(open_flags)
{
	struct file *f;
	char buf[8];

	put_file("/f", "abc", 3);
	ck_assert_int_eq(vfs_mkdir(NULL, "/d", 0755, &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_open(NULL, "/f", O_CREAT | O_EXCL | O_RDWR, 0644,
				  &vfs_root_cred, &f), -EEXIST);
	ck_assert_int_eq(vfs_open(NULL, "/nope", O_RDONLY, 0, &vfs_root_cred,
				  &f), -ENOENT);
	ck_assert_int_eq(vfs_open(NULL, "/new/", O_CREAT | O_RDWR, 0644,
				  &vfs_root_cred, &f), -EISDIR);
	ck_assert_int_eq(vfs_open(NULL, "/d", O_WRONLY, 0, &vfs_root_cred, &f),
			 -EISDIR);
	ck_assert_int_eq(vfs_open(NULL, "/", O_CREAT | O_RDWR, 0644,
				  &vfs_root_cred, &f), -EISDIR);
	ck_assert_int_eq(vfs_open(NULL, "/g", O_CREAT | O_DIRECTORY, 0755,
				  &vfs_root_cred, &f), -EINVAL);
	/* O_CREAT follows a final symlink to an existing file; O_EXCL not. */
	ck_assert_int_eq(vfs_symlink(NULL, "f", "/lnk", &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_open(NULL, "/lnk", O_CREAT | O_EXCL | O_RDWR, 0644,
				  &vfs_root_cred, &f), -EEXIST);
	ck_assert_int_eq(vfs_open(NULL, "/lnk", O_CREAT | O_RDONLY, 0644,
				  &vfs_root_cred, &f), 0);
	ck_assert_int_eq(vfs_read(f, buf, sizeof(buf), NULL), 3);
	vfs_close(f);
	ck_assert_int_eq(vfs_open(NULL, "/d", O_RDONLY, 0, &vfs_root_cred, &f),
			 0);
	ck_assert_int_eq(vfs_read(f, buf, 1, NULL), -EISDIR);
	vfs_close(f);
	ck_assert_int_eq(vfs_open(NULL, "/f", O_RDONLY, 0, &vfs_root_cred, &f),
			 0);
	ck_assert_int_eq(vfs_write(f, "x", 1, NULL), -EBADF);
	ck_assert_int_eq(vfs_ftruncate(f, 0), -EINVAL);
	vfs_close(f);
	ck_assert_int_eq(vfs_open(NULL, "/f", O_WRONLY, 0, &vfs_root_cred, &f),
			 0);
	ck_assert_int_eq(vfs_read(f, buf, 1, NULL), -EBADF);
	vfs_close(f);
	/* O_APPEND writes at the end whatever the position. */
	ck_assert_int_eq(vfs_open(NULL, "/f", O_WRONLY | O_APPEND, 0,
				  &vfs_root_cred, &f), 0);
	ck_assert_int_eq(vfs_lseek(f, 0, SEEK_SET), 0);
	ck_assert_int_eq(vfs_write(f, "de", 2, NULL), 2);
	vfs_close(f);
	ck_assert_int_eq(slurp("/f", buf, sizeof(buf)), 5);
	ck_assert(!memcmp(buf, "abcde", 5));
	/* O_TRUNC empties; O_CREAT on an existing file keeps it. */
	ck_assert_int_eq(vfs_open(NULL, "/f", O_CREAT | O_WRONLY, 0600,
				  &vfs_root_cred, &f), 0);
	vfs_close(f);
	ck_assert_int_eq(slurp("/f", buf, sizeof(buf)), 5);
	ck_assert_int_eq(vfs_open(NULL, "/f", O_WRONLY | O_TRUNC, 0,
				  &vfs_root_cred, &f), 0);
	vfs_close(f);
	ck_assert_int_eq(slurp("/f", buf, sizeof(buf)), 0);
}
END_TEST

START_TEST(sparse_reads_zeros)
{
	static char buf[4 * PG];
	struct file *f = open_rw("/s");
	loff_t pos = 3 * PG + 10;
	long base = shim_pages_in_use();
	size_t i;

	ck_assert_int_eq(vfs_write(f, "x", 1, &pos), 1);
	ck_assert_int_eq(shim_pages_in_use(), base + 1);
	pos = 0;
	memset(buf, 0x55, sizeof(buf));
	ck_assert_int_eq(vfs_read(f, buf, sizeof(buf), &pos), 3 * PG + 11);
	for (i = 0; i < 3 * PG + 10; i++)
		CHECK(buf[i] == 0, "byte %zu is %d", i, buf[i]);
	ck_assert_int_eq(buf[3 * PG + 10], 'x');
	vfs_close(f);
}
END_TEST

START_TEST(truncate_down_and_up)
{
	static char buf[3 * PG];
	struct file *f = open_rw("/t");
	long base = shim_pages_in_use();
	struct kstat st;
	int i;

	memset(buf, 'a', sizeof(buf));
	ck_assert_int_eq(vfs_write(f, buf, 10000, NULL), 10000);
	ck_assert_int_eq(shim_pages_in_use(), base + 3);
	ck_assert_int_eq(vfs_ftruncate(f, 5000), 0);
	ck_assert_int_eq(shim_pages_in_use(), base + 2);
	ck_assert_int_eq(vfs_fstat(f, &st), 0);
	ck_assert_int_eq(st.size, 5000);
	ck_assert_int_eq(vfs_truncate(NULL, "/t", 9000, &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_fstat(f, &st), 0);
	ck_assert_int_eq(st.size, 9000);
	ck_assert_int_eq(vfs_read(f, buf, sizeof(buf), &(loff_t){ 0 }), 9000);
	for (i = 0; i < 9000; i++)
		CHECK(buf[i] == (i < 5000 ? 'a' : 0), "byte %d is %d", i,
		      buf[i]);
	ck_assert_int_eq(vfs_ftruncate(f, -1), -EINVAL);
	ck_assert_int_eq(vfs_ftruncate(f, 0), 0);
	ck_assert_int_eq(shim_pages_in_use(), base);
	vfs_close(f);
	ck_assert_int_eq(vfs_mkdir(NULL, "/d", 0755, &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_truncate(NULL, "/d", 0, &vfs_root_cred), -EISDIR);
	ck_assert_int_eq(vfs_truncate(NULL, "/nope", 0, &vfs_root_cred),
			 -ENOENT);
}
END_TEST

START_TEST(unlinked_open_file_lives_until_close)
{
	long objs = shim_objects_in_use(), pgs = shim_pages_in_use();
	static char buf[2 * PG];
	struct kstat st;
	struct file *f;

	memset(buf, 'z', sizeof(buf));
	put_file("/u", buf, sizeof(buf));
	ck_assert_int_eq(vfs_open(NULL, "/u", O_RDWR, 0, &vfs_root_cred, &f),
			 0);
	ck_assert_int_eq(vfs_unlink(NULL, "/u", &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/u", &st), -ENOENT);
	ck_assert_int_eq(vfs_fstat(f, &st), 0);
	ck_assert_int_eq(st.nlink, 0);
	memset(buf, 0, sizeof(buf));
	ck_assert_int_eq(vfs_read(f, buf, sizeof(buf), NULL), 2 * PG);
	ck_assert_int_eq(buf[0], 'z');
	ck_assert_int_eq(buf[2 * PG - 1], 'z');
	ck_assert_int_eq(vfs_write(f, "more", 4, NULL), 4);
	ck_assert_int_eq(shim_pages_in_use(), pgs + 3);
	/* A new file of the same name is a different file. */
	put_file("/u", "new", 3);
	ck_assert_int_eq(vfs_unlink(NULL, "/u", &vfs_root_cred), 0);
	vfs_close(f);
	ck_assert_int_eq(shim_pages_in_use(), pgs);
	ck_assert_int_eq(shim_objects_in_use(), objs);
}
END_TEST

START_TEST(hard_links)
{
	struct kstat st;
	char buf[8];

	put_file("/a", "shared", 6);
	ck_assert_int_eq(vfs_mkdir(NULL, "/d", 0755, &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_link(NULL, "/a", "/d/b", &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/a", &st), 0);
	ck_assert_int_eq(st.nlink, 2);
	ck_assert_int_eq(vfs_link(NULL, "/a", "/d/b", &vfs_root_cred), -EEXIST);
	ck_assert_int_eq(vfs_link(NULL, "/d", "/d2", &vfs_root_cred), -EPERM);
	ck_assert_int_eq(vfs_link(NULL, "/nope", "/x", &vfs_root_cred),
			 -ENOENT);
	ck_assert_int_eq(vfs_link(NULL, "/a", "/nope/x", &vfs_root_cred),
			 -ENOENT);
	ck_assert_int_eq(vfs_unlink(NULL, "/a", &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/d/b", &st), 0);
	ck_assert_int_eq(st.nlink, 1);
	ck_assert_int_eq(slurp("/d/b", buf, sizeof(buf)), 6);
	ck_assert(!memcmp(buf, "shared", 6));
}
END_TEST

struct listing {
	struct dir_context ctx;
	char names[64][16];
	int n, max;
};

static bool collect(struct dir_context *ctx, const char *name,
		    unsigned int len, loff_t pos, uint64_t ino,
		    unsigned int type)
{
	struct listing *l = (struct listing *)ctx;

	(void)pos;
	(void)ino;
	(void)type;
	if (l->n == l->max)
		return false;
	snprintf(l->names[l->n++], sizeof(l->names[0]), "%.*s", (int)len,
		 name);
	return true;
}

static int count_name(struct listing *l, const char *name)
{
	int i, c = 0;

	for (i = 0; i < l->n; i++)
		c += !strcmp(l->names[i], name);
	return c;
}

START_TEST(directories_and_readdir)
{
	struct listing l = { .ctx.actor = collect, .max = 4 };
	struct kstat st;
	struct file *d;
	char name[16];
	int i;

	ck_assert_int_eq(vfs_mkdir(NULL, "/d", 0755, &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_mkdir(NULL, "/d", 0755, &vfs_root_cred), -EEXIST);
	ck_assert_int_eq(vfs_mkdir(NULL, "/x/y", 0755, &vfs_root_cred),
			 -ENOENT);
	ck_assert_int_eq(vfs_mkdir(NULL, "/d/sub/", 0755, &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/d", &st), 0);
	ck_assert_int_eq(st.nlink, 3);
	for (i = 0; i < 6; i++) {
		snprintf(name, sizeof(name), "/d/f%d", i);
		put_file(name, "", 0);
	}
	ck_assert_int_eq(vfs_rmdir(NULL, "/d", &vfs_root_cred), -ENOTEMPTY);
	ck_assert_int_eq(vfs_rmdir(NULL, "/d/f0", &vfs_root_cred), -ENOTDIR);
	ck_assert_int_eq(vfs_unlink(NULL, "/d/sub", &vfs_root_cred), -EISDIR);
	ck_assert_int_eq(vfs_unlink(NULL, "/d/f0/", &vfs_root_cred), -ENOTDIR);
	ck_assert_int_eq(vfs_rmdir(NULL, "/d/.", &vfs_root_cred), -EINVAL);
	ck_assert_int_eq(vfs_rmdir(NULL, "/d/sub/..", &vfs_root_cred),
			 -ENOTEMPTY);
	ck_assert_int_eq(vfs_rmdir(NULL, "/", &vfs_root_cred), -EBUSY);
	ck_assert_int_eq(vfs_unlink(NULL, "/d/nope", &vfs_root_cred), -ENOENT);
	/* Read four entries, remove one read and one not, read on. */
	ck_assert_int_eq(vfs_open(NULL, "/d", O_RDONLY | O_DIRECTORY, 0,
				  &vfs_root_cred, &d), 0);
	ck_assert_int_eq(vfs_readdir(d, &l.ctx), 0);
	ck_assert_int_eq(l.n, 4);
	ck_assert_str_eq(l.names[0], ".");
	ck_assert_str_eq(l.names[1], "..");
	ck_assert_str_eq(l.names[2], "sub");
	ck_assert_str_eq(l.names[3], "f0");
	ck_assert_int_eq(vfs_unlink(NULL, "/d/f0", &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_unlink(NULL, "/d/f3", &vfs_root_cred), 0);
	l.max = 64;
	ck_assert_int_eq(vfs_readdir(d, &l.ctx), 0);
	ck_assert_int_eq(l.n, 8);
	ck_assert_int_eq(count_name(&l, "f1") + count_name(&l, "f2") +
			 count_name(&l, "f4") + count_name(&l, "f5"), 4);
	ck_assert_int_eq(count_name(&l, "f3"), 0);
	l.n = 0;
	ck_assert_int_eq(vfs_readdir(d, &l.ctx), 0);
	ck_assert_int_eq(l.n, 0);
	ck_assert_int_eq(vfs_lseek(d, 0, SEEK_SET), 0);
	ck_assert_int_eq(vfs_readdir(d, &l.ctx), 0);
	ck_assert_int_eq(l.n, 7);
	vfs_close(d);
	ck_assert_int_eq(vfs_rmdir(NULL, "/d/sub/", &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/d", &st), 0);
	ck_assert_int_eq(st.nlink, 2);
	ck_assert_int_eq(vfs_open(NULL, "/d/f1", O_RDONLY, 0, &vfs_root_cred,
				  &d), 0);
	ck_assert_int_eq(vfs_readdir(d, &l.ctx), -ENOTDIR);
	vfs_close(d);
}
END_TEST

START_TEST(rename_cases)
{
	struct kstat st, a;
	char buf[8];

	ck_assert_int_eq(vfs_mkdir(NULL, "/d1", 0755, &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_mkdir(NULL, "/d2", 0755, &vfs_root_cred), 0);
	put_file("/d1/a", "A", 1);
	put_file("/d2/b", "B", 1);
	/* Across directories, then onto an existing file. */
	ck_assert_int_eq(vfs_rename(NULL, "/d1/a", "/d2/a", &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/d1/a", &st), -ENOENT);
	ck_assert_int_eq(stat_of("/d2/a", &a), 0);
	ck_assert_int_eq(vfs_rename(NULL, "/d2/a", "/d2/b", &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/d2/a", &st), -ENOENT);
	ck_assert_int_eq(stat_of("/d2/b", &st), 0);
	ck_assert_uint_eq(st.ino, a.ino);
	ck_assert_int_eq(slurp("/d2/b", buf, sizeof(buf)), 1);
	ck_assert_int_eq(buf[0], 'A');
	/* To itself, and between two links of one file: nothing happens. */
	ck_assert_int_eq(vfs_rename(NULL, "/d2/b", "/d2/b", &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_link(NULL, "/d2/b", "/d2/c", &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_rename(NULL, "/d2/b", "/d2/c", &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/d2/b", &st), 0);
	ck_assert_int_eq(st.nlink, 2);
	ck_assert_int_eq(vfs_rename(NULL, "/nope", "/x", &vfs_root_cred),
			 -ENOENT);
	/* Directories: onto an empty one, not a full one, not into itself. */
	ck_assert_int_eq(vfs_mkdir(NULL, "/d1/sub", 0755, &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_mkdir(NULL, "/e", 0755, &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_rename(NULL, "/d1", "/d2", &vfs_root_cred),
			 -ENOTEMPTY);
	ck_assert_int_eq(vfs_rename(NULL, "/d1", "/d2/b", &vfs_root_cred),
			 -ENOTDIR);
	ck_assert_int_eq(vfs_rename(NULL, "/d2/b", "/e", &vfs_root_cred),
			 -EISDIR);
	ck_assert_int_eq(vfs_rename(NULL, "/d1", "/d1/sub/x", &vfs_root_cred),
			 -EINVAL);
	ck_assert_int_eq(vfs_rename(NULL, "/d1", "/d1/sub", &vfs_root_cred),
			 -EINVAL);
	ck_assert_int_eq(vfs_rename(NULL, "/d1/sub", "/d1/.", &vfs_root_cred),
			 -EBUSY);
	ck_assert_int_eq(vfs_rename(NULL, "/d2/b/", "/d2/z", &vfs_root_cred),
			 -ENOTDIR);
	ck_assert_int_eq(vfs_rename(NULL, "/d1", "/e", &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/e/sub", &st), 0);
	ck_assert_int_eq(stat_of("/d1", &st), -ENOENT);
	/* A directory moving between parents takes its ".." along. */
	ck_assert_int_eq(vfs_rename(NULL, "/e/sub", "/d2/sub/", &vfs_root_cred),
			 0);
	ck_assert_int_eq(stat_of("/e", &st), 0);
	ck_assert_int_eq(st.nlink, 2);
	ck_assert_int_eq(stat_of("/d2", &st), 0);
	ck_assert_int_eq(st.nlink, 3);
	ck_assert_uint_eq(ino_of_path("/d2/sub/.."), st.ino);
}
END_TEST

START_TEST(special_files)
{
	struct kstat st;
	struct file *f;

	ck_assert_int_eq(vfs_mknod(NULL, "/tty", S_IFCHR | 0620, MKDEV(4, 64),
				   &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/tty", &st), 0);
	ck_assert(S_ISCHR(st.mode));
	ck_assert_uint_eq(st.rdev, MKDEV(4, 64));
	ck_assert_int_eq(vfs_open(NULL, "/tty", O_RDWR, 0, &vfs_root_cred, &f),
			 -ENXIO);
	ck_assert_int_eq(vfs_mkdir(NULL, "/pub", 0777, &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_mknod(NULL, "/pub/blk", S_IFBLK | 0600,
				   MKDEV(8, 0), &user_cred), -EPERM);
	ck_assert_int_eq(vfs_mknod(NULL, "/pub/fifo", S_IFIFO | 0600, 0,
				   &user_cred), 0);
	ck_assert_int_eq(stat_of("/pub/fifo", &st), 0);
	ck_assert(S_ISFIFO(st.mode));
	ck_assert_uint_eq(st.uid, 1000);
	ck_assert_int_eq(vfs_mknod(NULL, "/pub/fifo", S_IFIFO | 0600, 0,
				   &user_cred), -EEXIST);
	ck_assert_int_eq(vfs_mknod(NULL, "/pub/bad", 0170000, 0, &user_cred),
			 -EINVAL);
	/* What unpacking an archive needs: owner and mtime as recorded. */
	ck_assert_int_eq(vfs_chown(NULL, "/tty", 0, 5, &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_chown(NULL, "/tty", 0, 5, &user_cred), -EPERM);
	ck_assert_int_eq(vfs_set_mtime(NULL, "/tty", 12345, &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/tty", &st), 0);
	ck_assert_uint_eq(st.gid, 5);
	ck_assert_int_eq(st.mtime, 12345);
}
END_TEST

START_TEST(timestamps)
{
	struct kstat d0, d1, f0, f1;
	struct file *f;

	ck_assert_int_eq(vfs_mkdir(NULL, "/d", 0755, &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/d", &d0), 0);
	put_file("/d/f", "x", 1);
	ck_assert_int_eq(stat_of("/d", &d1), 0);
	ck_assert_int_gt(d1.mtime, d0.mtime);
	ck_assert_int_gt(d1.ctime, d0.ctime);
	ck_assert_int_eq(stat_of("/d/f", &f0), 0);
	f = NULL;
	ck_assert_int_eq(vfs_open(NULL, "/d/f", O_WRONLY, 0, &vfs_root_cred,
				  &f), 0);
	ck_assert_int_eq(vfs_write(f, "y", 1, NULL), 1);
	vfs_close(f);
	ck_assert_int_eq(stat_of("/d/f", &f1), 0);
	ck_assert_int_gt(f1.mtime, f0.mtime);
	ck_assert_int_gt(f1.ctime, f0.ctime);
	ck_assert_int_eq(vfs_truncate(NULL, "/d/f", 0, &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/d/f", &f0), 0);
	ck_assert_int_gt(f0.mtime, f1.mtime);
	ck_assert_int_eq(vfs_link(NULL, "/d/f", "/d/g", &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/d/f", &f1), 0);
	ck_assert_int_gt(f1.ctime, f0.ctime);
	ck_assert_int_eq(f1.mtime, f0.mtime);
	ck_assert_int_eq(stat_of("/d", &d0), 0);
	ck_assert_int_eq(vfs_unlink(NULL, "/d/g", &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/d", &d1), 0);
	ck_assert_int_gt(d1.mtime, d0.mtime);
}
END_TEST

START_TEST(out_of_pages_is_enospc)
{
	static char buf[5 * PG];
	struct file *f = open_rw("/big");

	shim_set_page_limit(shim_pages_in_use() + 2);
	memset(buf, 'q', sizeof(buf));
	ck_assert_int_eq(vfs_write(f, buf, sizeof(buf), NULL), 2 * PG);
	ck_assert_int_eq(vfs_write(f, buf, sizeof(buf), NULL), -ENOSPC);
	ck_assert_int_eq(vfs_read(f, buf, sizeof(buf), &(loff_t){ 0 }), 2 * PG);
	ck_assert_int_eq(vfs_ftruncate(f, PG), 0);
	ck_assert_int_eq(vfs_write(f, buf, PG, NULL), PG);
	vfs_close(f);
	ck_assert_int_eq(vfs_unlink(NULL, "/big", &vfs_root_cred), 0);
	shim_set_page_limit(-1);
}
END_TEST

START_TEST(no_leaks_after_many_files)
{
	long objs = shim_objects_in_use(), pgs = shim_pages_in_use();
	static char data[PG + 1];
	char path[64];
	int i;

	for (i = 0; i < 100; i++) {
		snprintf(path, sizeof(path), "/dir%d", i);
		ck_assert_int_eq(vfs_mkdir(NULL, path, 0755, &vfs_root_cred),
				 0);
		snprintf(path, sizeof(path), "/dir%d/a-long-file-name-%d", i, i);
		put_file(path, data, sizeof(data));
		snprintf(path, sizeof(path), "/sym%d", i);
		ck_assert_int_eq(vfs_symlink(NULL, "dir0", path,
					     &vfs_root_cred), 0);
	}
	ck_assert_int_gt(shim_pages_in_use(), pgs);
	for (i = 0; i < 100; i++) {
		snprintf(path, sizeof(path), "/dir%d/a-long-file-name-%d", i, i);
		ck_assert_int_eq(vfs_rename(NULL, path, "/moved",
					    &vfs_root_cred), 0);
		snprintf(path, sizeof(path), "/dir%d", i);
		ck_assert_int_eq(vfs_rmdir(NULL, path, &vfs_root_cred), 0);
		snprintf(path, sizeof(path), "/sym%d", i);
		ck_assert_int_eq(vfs_unlink(NULL, path, &vfs_root_cred), 0);
	}
	ck_assert_int_eq(vfs_unlink(NULL, "/moved", &vfs_root_cred), 0);
	ck_assert_int_eq(shim_pages_in_use(), pgs);
	ck_assert_int_eq(shim_objects_in_use(), objs);
}
END_TEST

Suite *tmpfs_suite(void)
{
	Suite *s = suite_create("tmpfs");
	TCase *tc = tcase_create("ops");

	tcase_add_checked_fixture(tc, vfs_setup, NULL);
	tcase_add_test(tc, read_write_seek);
	tcase_add_test(tc, open_flags);
	tcase_add_test(tc, sparse_reads_zeros);
	tcase_add_test(tc, truncate_down_and_up);
	tcase_add_test(tc, unlinked_open_file_lives_until_close);
	tcase_add_test(tc, hard_links);
	tcase_add_test(tc, directories_and_readdir);
	tcase_add_test(tc, rename_cases);
	tcase_add_test(tc, special_files);
	tcase_add_test(tc, timestamps);
	tcase_add_test(tc, out_of_pages_is_enospc);
	tcase_add_test(tc, no_leaks_after_many_files);
	suite_add_tcase(s, tc);
	return s;
}
