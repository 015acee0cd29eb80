/*
 * In-kernel tests of the VFS on the real root tmpfs, mirroring the host
 * tests (tests/unit/vfs): file operations and their errors, the path walk,
 * permissions, a second mount, and that creating and removing many files
 * gives every page back. Each test works in its own directory.
 */
#include <stdio.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/ktest.h>
#include <breenix/mm.h>
#include <breenix/namei.h>
#include <breenix/slab.h>
#include <breenix/vfs.h>

#define R	(&vfs_root_cred)

static const struct vfs_cred user = { .uid = 1000, .gid = 1000 };

static int put(const char *path, const void *data, size_t len)
{
	struct file *f;
	long n;
	int err = vfs_open(NULL, path, O_CREAT | O_WRONLY | O_TRUNC, 0644, R,
			   &f);

	if (err)
		return err;
	n = vfs_write(f, data, len, NULL);
	vfs_close(f);
	return n == (long)len ? 0 : -EIO;
}

KTEST(vfs_root_is_tmpfs)
{
	struct kstat st;

	KT_ASSERT_EQ(vfs_stat(NULL, "/", 0, R, &st), 0);
	KT_ASSERT(S_ISDIR(st.mode));
	KT_ASSERT_EQ(vfs_stat(NULL, "/..", 0, R, &st), 0);
	KT_ASSERT_EQ(st.ino, 1);
}

KTEST(vfs_file_read_write_seek_truncate)
{
	static char buf[3 * PAGE_SIZE];
	struct kstat st;
	struct file *f;
	loff_t pos;
	size_t i;

	KT_ASSERT_EQ(vfs_mkdir(NULL, "/kt1", 0755, R), 0);
	KT_ASSERT_EQ(vfs_open(NULL, "/kt1/f", O_CREAT | O_EXCL | O_RDWR, 0600,
			      R, &f), 0);
	KT_ASSERT_EQ(vfs_write(f, "hello world", 11, NULL), 11);
	KT_ASSERT_EQ(vfs_lseek(f, 6, SEEK_SET), 6);
	KT_ASSERT_EQ(vfs_read(f, buf, sizeof(buf), NULL), 5);
	KT_ASSERT(!memcmp(buf, "world", 5));
	KT_ASSERT_EQ(vfs_lseek(f, -1, SEEK_SET), -EINVAL);
	pos = 2 * PAGE_SIZE + 1;
	KT_ASSERT_EQ(vfs_write(f, "!", 1, &pos), 1);
	pos = 0;
	KT_ASSERT_EQ(vfs_read(f, buf, sizeof(buf), &pos), 2 * PAGE_SIZE + 2);
	for (i = 11; i < 2 * PAGE_SIZE + 1; i++)
		KT_ASSERT_MSG(buf[i] == 0, "hole byte %zu is %d", i, buf[i]);
	KT_ASSERT_EQ(vfs_ftruncate(f, 3), 0);
	KT_ASSERT_EQ(vfs_ftruncate(f, 20), 0);
	pos = 0;
	KT_ASSERT_EQ(vfs_read(f, buf, sizeof(buf), &pos), 20);
	KT_ASSERT(!memcmp(buf, "hel\0\0\0\0\0\0\0\0", 11));
	KT_ASSERT_EQ(vfs_fstat(f, &st), 0);
	KT_ASSERT_EQ(st.size, 20);
	vfs_close(f);
	KT_ASSERT_EQ(vfs_open(NULL, "/kt1/f", O_CREAT | O_EXCL | O_RDWR, 0600,
			      R, &f), -EEXIST);
	KT_ASSERT_EQ(vfs_open(NULL, "/kt1/f", O_RDONLY, 0, R, &f), 0);
	KT_ASSERT_EQ(vfs_write(f, "x", 1, NULL), -EBADF);
	vfs_close(f);
	KT_ASSERT_EQ(vfs_open(NULL, "/kt1", O_WRONLY, 0, R, &f), -EISDIR);
	KT_ASSERT_EQ(vfs_open(NULL, "/kt1/f", O_RDONLY | O_DIRECTORY, 0, R,
			      &f), -ENOTDIR);
	KT_ASSERT_EQ(vfs_truncate(NULL, "/kt1", 0, R), -EISDIR);
	KT_ASSERT_EQ(vfs_unlink(NULL, "/kt1/f", R), 0);
	KT_ASSERT_EQ(vfs_rmdir(NULL, "/kt1", R), 0);
}

KTEST(vfs_unlinked_open_file_readable)
{
	struct file *f;
	char buf[8];

	KT_ASSERT_EQ(put("/kt2", "keep", 4), 0);
	KT_ASSERT_EQ(vfs_open(NULL, "/kt2", O_RDONLY, 0, R, &f), 0);
	KT_ASSERT_EQ(vfs_unlink(NULL, "/kt2", R), 0);
	KT_ASSERT_EQ(vfs_open(NULL, "/kt2", O_RDONLY, 0, R, &f), -ENOENT);
	KT_ASSERT_EQ(vfs_read(f, buf, sizeof(buf), NULL), 4);
	KT_ASSERT(!memcmp(buf, "keep", 4));
	vfs_close(f);
}

KTEST(vfs_path_walk_errors_and_symlinks)
{
	static char longname[NAME_MAX + 3];
	struct kstat st;
	char buf[16];
	int i;

	KT_ASSERT_EQ(vfs_mkdir(NULL, "/kt3", 0755, R), 0);
	KT_ASSERT_EQ(vfs_mkdir(NULL, "/kt3/d", 0755, R), 0);
	KT_ASSERT_EQ(put("/kt3/d/f", "x", 1), 0);
	KT_ASSERT_EQ(vfs_stat(NULL, "", 0, R, &st), -ENOENT);
	KT_ASSERT_EQ(vfs_stat(NULL, "/kt3/nope", 0, R, &st), -ENOENT);
	KT_ASSERT_EQ(vfs_stat(NULL, "/kt3/d/f/x", 0, R, &st), -ENOTDIR);
	KT_ASSERT_EQ(vfs_stat(NULL, "/kt3/d/f/", 0, R, &st), -ENOTDIR);
	KT_ASSERT_EQ(vfs_stat(NULL, "/../kt3/./d/../d/f", 0, R, &st), 0);
	longname[0] = '/';
	memset(longname + 1, 'n', NAME_MAX + 1);
	KT_ASSERT_EQ(vfs_stat(NULL, longname, 0, R, &st), -ENAMETOOLONG);
	KT_ASSERT_EQ(vfs_symlink(NULL, "d/f", "/kt3/l", R), 0);
	KT_ASSERT_EQ(vfs_symlink(NULL, "/kt3/d", "/kt3/ld", R), 0);
	KT_ASSERT_EQ(vfs_stat(NULL, "/kt3/l", 0, R, &st), 0);
	KT_ASSERT(S_ISREG(st.mode));
	KT_ASSERT_EQ(vfs_stat(NULL, "/kt3/l", AT_SYMLINK_NOFOLLOW, R, &st), 0);
	KT_ASSERT(S_ISLNK(st.mode));
	KT_ASSERT_EQ(vfs_stat(NULL, "/kt3/ld/f", 0, R, &st), 0);
	KT_ASSERT_EQ(vfs_readlink(NULL, "/kt3/l", buf, sizeof(buf), R), 3);
	KT_ASSERT_EQ(vfs_symlink(NULL, "loop", "/kt3/loop", R), 0);
	KT_ASSERT_EQ(vfs_stat(NULL, "/kt3/loop", 0, R, &st), -ELOOP);
	KT_ASSERT_EQ(vfs_link(NULL, "/kt3/d", "/kt3/dl", R), -EPERM);
	KT_ASSERT_EQ(vfs_link(NULL, "/kt3/d/f", "/kt3/hl", R), 0);
	KT_ASSERT_EQ(vfs_stat(NULL, "/kt3/hl", 0, R, &st), 0);
	KT_ASSERT_EQ(st.nlink, 2);
	KT_ASSERT_EQ(vfs_rmdir(NULL, "/kt3/d", R), -ENOTEMPTY);
	KT_ASSERT_EQ(vfs_unlink(NULL, "/kt3/d", R), -EISDIR);
	for (i = 0; i < 5; i++) {
		static const char *const names[] = {
			"/kt3/d/f", "/kt3/l", "/kt3/ld", "/kt3/loop", "/kt3/hl",
		};

		KT_ASSERT_EQ(vfs_unlink(NULL, names[i], R), 0);
	}
	KT_ASSERT_EQ(vfs_rmdir(NULL, "/kt3/d", R), 0);
	KT_ASSERT_EQ(vfs_rmdir(NULL, "/kt3", R), 0);
}

KTEST(vfs_rename_and_permissions)
{
	struct kstat st;
	struct file *f;

	KT_ASSERT_EQ(vfs_mkdir(NULL, "/kt4", 0755, R), 0);
	KT_ASSERT_EQ(vfs_mkdir(NULL, "/kt4/a", 0755, R), 0);
	KT_ASSERT_EQ(vfs_mkdir(NULL, "/kt4/a/in", 0755, R), 0);
	KT_ASSERT_EQ(vfs_mkdir(NULL, "/kt4/empty", 0755, R), 0);
	KT_ASSERT_EQ(put("/kt4/x", "X", 1), 0);
	KT_ASSERT_EQ(put("/kt4/y", "Y", 1), 0);
	KT_ASSERT_EQ(vfs_rename(NULL, "/kt4/x", "/kt4/y", R), 0);
	KT_ASSERT_EQ(vfs_stat(NULL, "/kt4/x", 0, R, &st), -ENOENT);
	KT_ASSERT_EQ(vfs_rename(NULL, "/kt4/a", "/kt4/a/in/b", R), -EINVAL);
	KT_ASSERT_EQ(vfs_rename(NULL, "/kt4/y", "/kt4/empty", R), -EISDIR);
	KT_ASSERT_EQ(vfs_rename(NULL, "/kt4/empty", "/kt4/y", R), -ENOTDIR);
	KT_ASSERT_EQ(vfs_rename(NULL, "/kt4/empty", "/kt4/a", R), -ENOTEMPTY);
	KT_ASSERT_EQ(vfs_rename(NULL, "/kt4/a", "/kt4/empty", R), 0);
	KT_ASSERT_EQ(vfs_stat(NULL, "/kt4/empty/in", 0, R, &st), 0);
	KT_ASSERT_EQ(vfs_open(NULL, "/kt4/y", O_WRONLY, 0, &user, &f), -EACCES);
	KT_ASSERT_EQ(vfs_mkdir(NULL, "/kt4/u", 0755, &user), -EACCES);
	KT_ASSERT_EQ(vfs_mkdir(NULL, "/kt4/priv", 0700, R), 0);
	KT_ASSERT_EQ(vfs_stat(NULL, "/kt4/priv/.", 0, &user, &st), -EACCES);
	KT_ASSERT_EQ(vfs_mknod(NULL, "/kt4/c", S_IFCHR | 0600, MKDEV(1, 3),
			       &user), -EPERM);
	KT_ASSERT_EQ(vfs_mknod(NULL, "/kt4/c", S_IFCHR | 0600, MKDEV(1, 3), R),
		     0);
	KT_ASSERT_EQ(vfs_stat(NULL, "/kt4/c", 0, R, &st), 0);
	KT_ASSERT_EQ(st.rdev, MKDEV(1, 3));
	KT_ASSERT_EQ(vfs_unlink(NULL, "/kt4/c", R), 0);
	KT_ASSERT_EQ(vfs_rmdir(NULL, "/kt4/priv", R), 0);
	KT_ASSERT_EQ(vfs_rmdir(NULL, "/kt4/empty/in", R), 0);
	KT_ASSERT_EQ(vfs_rmdir(NULL, "/kt4/empty", R), 0);
	KT_ASSERT_EQ(vfs_unlink(NULL, "/kt4/y", R), 0);
	KT_ASSERT_EQ(vfs_rmdir(NULL, "/kt4", R), 0);
}

KTEST(vfs_second_mount)
{
	struct kstat root, st;

	KT_ASSERT_EQ(vfs_mkdir(NULL, "/kt5", 0755, R), 0);
	KT_ASSERT_EQ(vfs_mount("tmpfs", NULL, "/kt5", NULL, R), 0);
	KT_ASSERT_EQ(put("/kt5/inner", "i", 1), 0);
	KT_ASSERT_EQ(vfs_stat(NULL, "/", 0, R, &root), 0);
	KT_ASSERT_EQ(vfs_stat(NULL, "/kt5/..", 0, R, &st), 0);
	KT_ASSERT_EQ(st.ino, root.ino);
	KT_ASSERT_EQ(st.dev, root.dev);
	KT_ASSERT_EQ(vfs_rename(NULL, "/kt5/inner", "/moved", R), -EXDEV);
	KT_ASSERT_EQ(vfs_rmdir(NULL, "/kt5", R), -EBUSY);
	KT_ASSERT_EQ(vfs_umount(NULL, "/kt5", LOOKUP_FOLLOW, R), 0);
	KT_ASSERT_EQ(vfs_stat(NULL, "/kt5/inner", 0, R, &st), -ENOENT);
	KT_ASSERT_EQ(vfs_rmdir(NULL, "/kt5", R), 0);
}

struct counter {
	struct dir_context ctx;
	int n;
};

static bool count_entry(struct dir_context *ctx, const char *name,
			unsigned int len, loff_t pos, uint64_t ino,
			unsigned int type)
{
	(void)name;
	(void)len;
	(void)pos;
	(void)ino;
	(void)type;
	((struct counter *)ctx)->n++;
	return true;
}

static uint64_t free_pages_now(void)
{
	struct mem_stats st;

	kmem_cache_shrink_all();
	mm_get_stats(&st);
	return st.free_pages;
}

static int make_and_remove(int n)
{
	static char data[PAGE_SIZE + 100];
	struct counter c = { .ctx.actor = count_entry };
	char path[48];
	struct file *d;
	int i, err;

	err = vfs_mkdir(NULL, "/kt6", 0755, R);
	for (i = 0; !err && i < n; i++) {
		snprintf(path, sizeof(path), "/kt6/file-with-a-long-name-%d", i);
		err = put(path, data, sizeof(data));
	}
	if (!err)
		err = vfs_open(NULL, "/kt6", O_RDONLY | O_DIRECTORY, 0, R, &d);
	if (!err) {
		err = vfs_readdir(d, &c.ctx);
		vfs_close(d);
	}
	if (!err && c.n != n + 2)
		err = -EIO;
	for (i = 0; !err && i < n; i++) {
		snprintf(path, sizeof(path), "/kt6/file-with-a-long-name-%d", i);
		err = vfs_unlink(NULL, path, R);
	}
	return err ? err : vfs_rmdir(NULL, "/kt6", R);
}

KTEST(vfs_files_leave_no_memory_behind)
{
	uint64_t before;

	KT_ASSERT_EQ(make_and_remove(10), 0);
	before = free_pages_now();
	KT_ASSERT_EQ(make_and_remove(300), 0);
	KT_ASSERT_EQ(free_pages_now(), before);
}
