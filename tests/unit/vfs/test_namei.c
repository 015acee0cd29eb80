/*
 * The path walk through the VFS: absolute and relative names, "." and "..",
 * symlinks and their loop limit, trailing slashes, every lookup error,
 * permission checks as non-root users, and walking across mount points.
 */
#include <stdio.h>
#include <string.h>
#include "shim.h"
#include "test_vfs.h"

static void mkdirs(void)
{
	ck_assert_int_eq(vfs_mkdir(NULL, "/a", 0755, &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_mkdir(NULL, "/a/b", 0755, &vfs_root_cred), 0);
	put_file("/a/b/f", "data", 4);
}

static uint64_t ino_of(const char *path)
{
	struct kstat st;

	ck_assert_int_eq(stat_of(path, &st), 0);
	return st.ino;
}

START_TEST(absolute_and_relative)
{
	struct path a;
	struct vfs_at at = { .dir = &a };
	struct kstat st;

	mkdirs();
	ck_assert_int_eq(stat_of("/a/b/f", &st), 0);
	ck_assert(S_ISREG(st.mode));
	ck_assert_int_eq(st.size, 4);
	ck_assert_uint_eq(ino_of("//a///b//f"), st.ino);
	ck_assert_uint_eq(ino_of("a/b/f"), st.ino);
	ck_assert_uint_eq(ino_of("/a/./b/../b/./f"), st.ino);
	ck_assert_int_eq(kern_path(NULL, "/a", LOOKUP_FOLLOW, &vfs_root_cred,
				   &a), 0);
	ck_assert_int_eq(vfs_stat(&at, "b/f", 0, &vfs_root_cred, &st), 0);
	ck_assert_int_eq(vfs_stat(&at, "../a/b/f", 0, &vfs_root_cred, &st), 0);
	ck_assert_int_eq(vfs_stat(&at, "/a/b/f", 0, &vfs_root_cred, &st), 0);
	ck_assert_int_eq(vfs_stat(&at, ".", 0, &vfs_root_cred, &st), 0);
	ck_assert_uint_eq(st.ino, ino_of("/a"));
	path_put(&a);
}
END_TEST

START_TEST(dotdot_at_root_stays)
{
	mkdirs();
	ck_assert_uint_eq(ino_of("/.."), ino_of("/"));
	ck_assert_uint_eq(ino_of("/../../.."), ino_of("/"));
	ck_assert_uint_eq(ino_of("/../a/../../a/b"), ino_of("/a/b"));
	ck_assert_uint_eq(ino_of("/a/b/../.."), ino_of("/"));
}
END_TEST

START_TEST(lookup_errors)
{
	struct kstat st;
	struct file *f;

	mkdirs();
	ck_assert_int_eq(stat_of("", &st), -ENOENT);
	ck_assert_int_eq(stat_of("/nope", &st), -ENOENT);
	ck_assert_int_eq(stat_of("/a/nope/f", &st), -ENOENT);
	ck_assert_int_eq(stat_of("/a/b/f/x", &st), -ENOTDIR);
	ck_assert_int_eq(stat_of("/a/b/f/", &st), -ENOTDIR);
	ck_assert_int_eq(stat_of("/a/b/f/.", &st), -ENOTDIR);
	ck_assert_int_eq(stat_of("/a/b/", &st), 0);
	ck_assert_int_eq(vfs_open(NULL, "/a/b/f", O_RDONLY | O_DIRECTORY, 0,
				  &vfs_root_cred, &f), -ENOTDIR);
}
END_TEST

START_TEST(name_too_long)
{
	static char path[PATH_MAX + 8];
	struct kstat st;

	memset(path, 0, sizeof(path));
	path[0] = '/';
	memset(path + 1, 'x', NAME_MAX);
	ck_assert_int_eq(stat_of(path, &st), -ENOENT);
	path[1 + NAME_MAX] = 'x';
	ck_assert_int_eq(stat_of(path, &st), -ENAMETOOLONG);
	ck_assert_int_eq(vfs_mkdir(NULL, path, 0755, &vfs_root_cred),
			 -ENAMETOOLONG);
	memset(path, '/', PATH_MAX);
	path[PATH_MAX] = '\0';
	ck_assert_int_eq(stat_of(path, &st), -ENAMETOOLONG);
	path[PATH_MAX - 1] = '\0';
	ck_assert_int_eq(stat_of(path, &st), 0);
}
END_TEST

START_TEST(symlinks_followed)
{
	struct kstat st;
	struct file *f;
	char buf[16];

	mkdirs();
	ck_assert_int_eq(vfs_symlink(NULL, "/a/b", "/abs", &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_symlink(NULL, "b/f", "/a/rel", &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_symlink(NULL, "../..", "/a/b/up", &vfs_root_cred),
			 0);
	ck_assert_uint_eq(ino_of("/abs/f"), ino_of("/a/b/f"));
	ck_assert_uint_eq(ino_of("/a/rel"), ino_of("/a/b/f"));
	ck_assert_uint_eq(ino_of("/a/b/up/a/b/up"), ino_of("/"));
	ck_assert_uint_eq(ino_of("/abs/"), ino_of("/a/b"));
	ck_assert_int_eq(stat_of("/a/rel/", &st), -ENOTDIR);
	ck_assert_int_eq(vfs_stat(NULL, "/a/rel", AT_SYMLINK_NOFOLLOW,
				  &vfs_root_cred, &st), 0);
	ck_assert(S_ISLNK(st.mode));
	ck_assert_int_eq(st.size, 3);
	ck_assert_int_eq(vfs_readlink(NULL, "/a/rel", buf, sizeof(buf),
				      &vfs_root_cred), 3);
	ck_assert(!memcmp(buf, "b/f", 3));
	ck_assert_int_eq(vfs_readlink(NULL, "/a/b/f", buf, sizeof(buf),
				      &vfs_root_cred), -EINVAL);
	ck_assert_int_eq(vfs_open(NULL, "/a/rel", O_RDONLY | O_NOFOLLOW, 0,
				  &vfs_root_cred, &f), -ELOOP);
	ck_assert_int_eq(vfs_open(NULL, "/a/rel", O_RDONLY, 0,
				  &vfs_root_cred, &f), 0);
	ck_assert_int_eq(vfs_read(f, buf, sizeof(buf), NULL), 4);
	vfs_close(f);
	ck_assert_int_eq(vfs_symlink(NULL, "/nowhere", "/dangling",
				     &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/dangling", &st), -ENOENT);
	ck_assert_int_eq(vfs_symlink(NULL, "", "/empty", &vfs_root_cred),
			 -ENOENT);
}
END_TEST

START_TEST(symlink_loops)
{
	char name[32], target[32];
	struct kstat st;
	int i;

	ck_assert_int_eq(vfs_symlink(NULL, "/self", "/self", &vfs_root_cred),
			 0);
	ck_assert_int_eq(stat_of("/self", &st), -ELOOP);
	ck_assert_int_eq(stat_of("/self/x", &st), -ELOOP);
	ck_assert_int_eq(vfs_symlink(NULL, "p2/x", "/p1", &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_symlink(NULL, "p1/x", "/p2", &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/p1", &st), -ELOOP);
	/* A chain of exactly 40 links resolves; 41 is too many. */
	put_file("/l0", "x", 1);
	for (i = 1; i <= 41; i++) {
		snprintf(name, sizeof(name), "/l%d", i);
		snprintf(target, sizeof(target), "l%d", i - 1);
		ck_assert_int_eq(vfs_symlink(NULL, target, name,
					     &vfs_root_cred), 0);
	}
	ck_assert_int_eq(stat_of("/l40", &st), 0);
	ck_assert(S_ISREG(st.mode));
	ck_assert_int_eq(stat_of("/l41", &st), -ELOOP);
}
END_TEST

START_TEST(permissions)
{
	struct inode *inode;
	struct kstat st;
	struct file *f;
	struct path p;

	mkdirs();
	ck_assert_int_eq(vfs_mkdir(NULL, "/priv", 0700, &vfs_root_cred), 0);
	put_file("/priv/f", "x", 1);
	ck_assert_int_eq(vfs_stat(NULL, "/priv/f", 0, &user_cred, &st),
			 -EACCES);
	ck_assert_int_eq(vfs_mkdir(NULL, "/xonly", 0711, &vfs_root_cred), 0);
	put_file("/xonly/f", "x", 1);
	ck_assert_int_eq(vfs_stat(NULL, "/xonly/f", 0, &user_cred, &st), 0);
	ck_assert_int_eq(vfs_open(NULL, "/xonly", O_RDONLY | O_DIRECTORY, 0,
				  &user_cred, &f), -EACCES);
	/* 0644 root-owned: others read, only root writes. */
	ck_assert_int_eq(vfs_open(NULL, "/a/b/f", O_RDONLY, 0, &user_cred,
				  &f), 0);
	vfs_close(f);
	ck_assert_int_eq(vfs_open(NULL, "/a/b/f", O_WRONLY, 0, &user_cred,
				  &f), -EACCES);
	ck_assert_int_eq(vfs_open(NULL, "/a/b/f", O_RDONLY | O_TRUNC, 0,
				  &user_cred, &f), -EACCES);
	ck_assert_int_eq(vfs_truncate(NULL, "/a/b/f", 0, &user_cred), -EACCES);
	ck_assert_int_eq(vfs_open(NULL, "/a/b/new", O_CREAT | O_WRONLY, 0644,
				  &user_cred, &f), -EACCES);
	ck_assert_int_eq(vfs_mkdir(NULL, "/a/d", 0755, &user_cred), -EACCES);
	ck_assert_int_eq(vfs_unlink(NULL, "/a/b/f", &user_cred), -EACCES);
	/* Root writes a read-only file; executes only when some x bit is set. */
	put_file("/ro", "x", 1);
	ck_assert_int_eq(kern_path(NULL, "/ro", 0, &vfs_root_cred, &p), 0);
	inode = p.dentry->d_inode;
	inode->i_mode = S_IFREG | 0444;
	ck_assert_int_eq(inode_permission(inode, MAY_WRITE, &vfs_root_cred), 0);
	ck_assert_int_eq(inode_permission(inode, MAY_EXEC, &vfs_root_cred),
			 -EACCES);
	inode->i_mode = S_IFREG | 0001;
	ck_assert_int_eq(inode_permission(inode, MAY_EXEC, &vfs_root_cred), 0);
	/* Owner, group (primary or supplementary) and other bits. */
	inode->i_mode = S_IFREG | 0640;
	inode->i_uid = 1000;
	inode->i_gid = 50;
	ck_assert_int_eq(inode_permission(inode, MAY_READ | MAY_WRITE,
					  &user_cred), 0);
	ck_assert_int_eq(inode_permission(inode, MAY_READ, &other_cred), 0);
	ck_assert_int_eq(inode_permission(inode, MAY_WRITE, &other_cred),
			 -EACCES);
	inode->i_gid = 7;
	ck_assert_int_eq(inode_permission(inode, MAY_READ, &other_cred),
			 -EACCES);
	/* An owner without the owner's bit is refused even if others have it. */
	inode->i_mode = S_IFREG | 0047;
	ck_assert_int_eq(inode_permission(inode, MAY_READ, &user_cred),
			 -EACCES);
	path_put(&p);
}
END_TEST

/* exec's open: execute permission instead of read, regular files only. */
START_TEST(open_exec)
{
	struct file *f;
	struct path p;
	char buf[8];

	mkdirs();
	put_file("/prog", "\177ELF", 4);
	ck_assert_int_eq(kern_path(NULL, "/prog", 0, &vfs_root_cred, &p), 0);
	/* --x--x--x: runs (and reads, for the loader) without read permission. */
	p.dentry->d_inode->i_mode = S_IFREG | 0111;
	ck_assert_int_eq(vfs_open(NULL, "/prog", O_RDONLY, 0, &user_cred, &f),
			 -EACCES);
	ck_assert_int_eq(vfs_open_exec(NULL, "/prog", LOOKUP_FOLLOW, &user_cred,
				       &f), 0);
	ck_assert_int_eq(vfs_read(f, buf, sizeof(buf), NULL), 4);
	ck_assert_int_eq(memcmp(buf, "\177ELF", 4), 0);
	vfs_close(f);
	/* No x bit for this user, or none at all (root too). */
	p.dentry->d_inode->i_mode = S_IFREG | 0744;
	ck_assert_int_eq(vfs_open_exec(NULL, "/prog", LOOKUP_FOLLOW, &user_cred,
				       &f), -EACCES);
	p.dentry->d_inode->i_mode = S_IFREG | 0666;
	ck_assert_int_eq(vfs_open_exec(NULL, "/prog", LOOKUP_FOLLOW,
				       &vfs_root_cred, &f), -EACCES);
	p.dentry->d_inode->i_mode = S_IFREG | 0755;
	path_put(&p);
	/* A directory, even a searchable one; a missing file; a file as a directory. */
	ck_assert_int_eq(vfs_open_exec(NULL, "/a", LOOKUP_FOLLOW,
				       &vfs_root_cred, &f), -EACCES);
	ck_assert_int_eq(vfs_open_exec(NULL, "/nope", LOOKUP_FOLLOW,
				       &vfs_root_cred, &f), -ENOENT);
	ck_assert_int_eq(vfs_open_exec(NULL, "/prog/", LOOKUP_FOLLOW,
				       &vfs_root_cred, &f), -ENOTDIR);
	/* Search permission on the way is needed. */
	ck_assert_int_eq(vfs_mkdir(NULL, "/priv", 0700, &vfs_root_cred), 0);
	put_file("/priv/prog", "x", 1);
	ck_assert_int_eq(vfs_open_exec(NULL, "/priv/prog", LOOKUP_FOLLOW,
				       &user_cred, &f), -EACCES);
	/* A final symlink: followed, or -ELOOP without LOOKUP_FOLLOW. */
	ck_assert_int_eq(vfs_symlink(NULL, "/prog", "/link", &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_open_exec(NULL, "/link", LOOKUP_FOLLOW,
				       &vfs_root_cred, &f), 0);
	vfs_close(f);
	ck_assert_int_eq(vfs_open_exec(NULL, "/link", 0, &vfs_root_cred, &f),
			 -ELOOP);
}
END_TEST

START_TEST(sticky_directory)
{
	struct file *f;

	ck_assert_int_eq(vfs_mkdir(NULL, "/tmp", 01777, &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_open(NULL, "/tmp/mine", O_CREAT | O_WRONLY, 0644,
				  &user_cred, &f), 0);
	vfs_close(f);
	ck_assert_int_eq(vfs_unlink(NULL, "/tmp/mine", &other_cred), -EPERM);
	ck_assert_int_eq(vfs_rename(NULL, "/tmp/mine", "/tmp/x", &other_cred),
			 -EPERM);
	ck_assert_int_eq(vfs_unlink(NULL, "/tmp/mine", &user_cred), 0);
}
END_TEST

START_TEST(mount_points)
{
	long objs, pgs;
	struct kstat root, mnt, st;
	struct file *f;
	struct path m;

	ck_assert_int_eq(vfs_mkdir(NULL, "/mnt", 0755, &vfs_root_cred), 0);
	put_file("/under", "u", 1);
	objs = shim_objects_in_use();
	pgs = shim_pages_in_use();
	ck_assert_int_eq(vfs_mount("nofs", NULL, "/mnt", NULL, &vfs_root_cred),
			 -ENODEV);
	ck_assert_int_eq(vfs_mount("tmpfs", NULL, "/under", NULL,
				   &vfs_root_cred), -ENOTDIR);
	ck_assert_int_eq(vfs_mount("tmpfs", NULL, "/mnt", NULL, &user_cred),
			 -EPERM);
	ck_assert_int_eq(vfs_mount("tmpfs", NULL, "/mnt", NULL,
				   &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/", &root), 0);
	ck_assert_int_eq(stat_of("/mnt", &mnt), 0);
	ck_assert_uint_ne(root.dev, mnt.dev);
	ck_assert_int_eq(vfs_mkdir(NULL, "/mnt/d", 0755, &vfs_root_cred), 0);
	put_file("/mnt/d/f", "inside", 6);
	ck_assert_int_eq(vfs_mkdir(NULL, "/mnt/d/e", 0755, &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_mkdir(NULL, "/mnt/d/e/g", 0755, &vfs_root_cred),
			 0);
	put_file("/mnt/d/e/g/h", "deep", 4);
	ck_assert_int_eq(vfs_link(NULL, "/mnt/d/f", "/mnt/d/e/hl",
				  &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_symlink(NULL, "../f", "/mnt/d/e/sl",
				     &vfs_root_cred), 0);
	ck_assert_uint_eq(ino_of("/mnt/d/e/sl"), ino_of("/mnt/d/e/hl"));
	ck_assert_int_eq(stat_of("/mnt/d/f", &st), 0);
	ck_assert_uint_eq(st.dev, mnt.dev);
	ck_assert_uint_eq(ino_of("/mnt/.."), root.ino);
	ck_assert_uint_eq(ino_of("/mnt/d/../../under"), ino_of("/under"));
	ck_assert_uint_eq(ino_of("/mnt/../mnt/d/f"), st.ino);
	ck_assert_int_eq(kern_path(NULL, "/mnt/d", 0, &vfs_root_cred, &m), 0);
	ck_assert_int_eq(vfs_stat(&(struct vfs_at){ .dir = &m }, "../..", 0, &vfs_root_cred, &st), 0);
	ck_assert_uint_eq(st.ino, root.ino);
	ck_assert_uint_eq(st.dev, root.dev);
	path_put(&m);
	ck_assert_int_eq(vfs_link(NULL, "/under", "/mnt/l", &vfs_root_cred),
			 -EXDEV);
	ck_assert_int_eq(vfs_rename(NULL, "/under", "/mnt/r", &vfs_root_cred),
			 -EXDEV);
	ck_assert_int_eq(vfs_rmdir(NULL, "/mnt", &vfs_root_cred), -EBUSY);
	ck_assert_int_eq(vfs_open(NULL, "/mnt/d/f", O_RDONLY, 0,
				  &vfs_root_cred, &f), 0);
	ck_assert_int_eq(vfs_umount(NULL, "/mnt", LOOKUP_FOLLOW, &vfs_root_cred), -EBUSY);
	vfs_close(f);
	ck_assert_int_eq(vfs_umount(NULL, "/mnt/d", LOOKUP_FOLLOW, &vfs_root_cred), -EINVAL);
	ck_assert_int_eq(vfs_umount(NULL, "/", LOOKUP_FOLLOW, &vfs_root_cred), -EBUSY);
	ck_assert_int_eq(vfs_umount(NULL, "/mnt", LOOKUP_FOLLOW, &vfs_root_cred), 0);
	ck_assert_int_eq(stat_of("/mnt/d", &st), -ENOENT);
	ck_assert_int_eq(shim_objects_in_use(), objs);
	ck_assert_int_eq(shim_pages_in_use(), pgs);
}
END_TEST

Suite *namei_suite(void)
{
	Suite *s = suite_create("namei");
	TCase *tc = tcase_create("walk");

	tcase_add_checked_fixture(tc, vfs_setup, NULL);
	tcase_add_test(tc, absolute_and_relative);
	tcase_add_test(tc, dotdot_at_root_stays);
	tcase_add_test(tc, lookup_errors);
	tcase_add_test(tc, name_too_long);
	tcase_add_test(tc, symlinks_followed);
	tcase_add_test(tc, symlink_loops);
	tcase_add_test(tc, permissions);
	tcase_add_test(tc, open_exec);
	tcase_add_test(tc, sticky_directory);
	tcase_add_test(tc, mount_points);
	suite_add_tcase(s, tc);
	return s;
}
