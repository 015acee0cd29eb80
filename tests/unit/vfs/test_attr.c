/*
 * The attribute rules (kernel/fs/attr.c): chmod only by the owner or root,
 * S_ISGID dropped for a non-member; chown only by root, chgrp by the owner
 * to one of its groups, set-id bits dropped on a non-directory; utimensat's
 * NULL times with write access, explicit times only by the owner; a write
 * drops set-id bits; the sticky directory's deletion rule; O_NOATIME and
 * access mode 3 at open.
 */
#include "unit.h"
#include "test_vfs.h"

static struct inode *inode_of(const char *path, struct path *p)
{
	ck_assert_int_eq(kern_path(NULL, path, 0, &vfs_root_cred, p), 0);
	return p->dentry->d_inode;
}

/* A file of user_cred's (uid 1000, gid 1000) with the given mode. */
static struct inode *users_file(const char *path, umode_t mode,
				struct path *p)
{
	struct inode *inode;

	put_file(path, "x", 1);
	inode = inode_of(path, p);
	ck_assert_int_eq(chown_inode(inode, 1000, 1000, &vfs_root_cred), 0);
	ck_assert_int_eq(chmod_inode(inode, mode, &vfs_root_cred), 0);
	return inode;
}

START_TEST(chmod_rules)
{
	struct path p;
	struct inode *inode = users_file("/f", 0644, &p);

	ck_assert_int_eq(chmod_inode(inode, 0600, &other_cred), -EPERM);
	ck_assert_int_eq(chmod_inode(inode, 0600, &user_cred), 0);
	ck_assert_uint_eq(inode->i_mode, S_IFREG | 0600);
	/* The owner's own group: S_ISGID stays; another group's: it goes. */
	ck_assert_int_eq(chmod_inode(inode, 02755, &user_cred), 0);
	ck_assert_uint_eq(inode->i_mode & 07777, 02755);
	ck_assert_int_eq(chown_inode(inode, -1, 50, &vfs_root_cred), 0);
	ck_assert_int_eq(chmod_inode(inode, 02755, &user_cred), 0);
	ck_assert_uint_eq(inode->i_mode & 07777, 0755);
	ck_assert_int_eq(chmod_inode(inode, 06755, &vfs_root_cred), 0);
	ck_assert_uint_eq(inode->i_mode & 07777, 06755);
	path_put(&p);
}
END_TEST

START_TEST(chown_rules)
{
	struct path p;
	struct inode *inode = users_file("/f", 06755, &p);
	const struct vfs_cred member = {
		.uid = 1000, .gid = 1000, .ngroups = 1,
		.groups = (const kgid_t[]){ 50 },
	};

	ck_assert_int_eq(chown_inode(inode, 1001, -1, &user_cred), -EPERM);
	ck_assert_int_eq(chown_inode(inode, -1, 1000, &other_cred), -EPERM);
	ck_assert_int_eq(chown_inode(inode, -1, 50, &user_cred), -EPERM);
	/* Owner to one of its groups; set-id bits of a program go. */
	ck_assert_int_eq(chown_inode(inode, 1000, 50, &member), 0);
	ck_assert_uint_eq(inode->i_gid, 50);
	ck_assert_uint_eq(inode->i_mode & 07777, 0755);
	/* S_ISGID without group execute (a locking mark) stays for a member. */
	ck_assert_int_eq(chmod_inode(inode, 02644, &vfs_root_cred), 0);
	ck_assert_int_eq(chown_inode(inode, -1, -1, &member), 0);
	ck_assert_uint_eq(inode->i_mode & 07777, 02644);
	ck_assert_int_eq(chown_inode(inode, 1001, 1001, &vfs_root_cred), 0);
	ck_assert_uint_eq(inode->i_uid, 1001);
	ck_assert_uint_eq(inode->i_mode & 07777, 02644);
	path_put(&p);
	/* Directories keep their set-id bits. */
	ck_assert_int_eq(vfs_mkdir(NULL, "/d", 02755, &vfs_root_cred), 0);
	inode = inode_of("/d", &p);
	ck_assert_int_eq(chown_inode(inode, 1000, 1000, &vfs_root_cred), 0);
	ck_assert_uint_eq(inode->i_mode & 07777, 02755);
	path_put(&p);
}
END_TEST

START_TEST(utimens_rules)
{
	struct __kernel_timespec t[2] = { { 5, 0 }, { 7, 1 } };
	struct __kernel_timespec now_omit[2] = { { 0, UTIME_NOW },
						 { 0, UTIME_OMIT } };
	struct path p;
	struct inode *inode = users_file("/f", 0646, &p);
	int64_t mtime;

	ck_assert_int_eq(utimes_inode(inode, t, &other_cred), -EPERM);
	ck_assert_int_eq(utimes_inode(inode, NULL, &other_cred), 0);
	ck_assert_int_eq(chmod_inode(inode, 0644, &vfs_root_cred), 0);
	ck_assert_int_eq(utimes_inode(inode, NULL, &other_cred), -EACCES);
	ck_assert_int_eq(utimes_inode(inode, t, &user_cred), 0);
	ck_assert_int_eq(inode->i_atime, 5000000000LL);
	ck_assert_int_eq(inode->i_mtime, 7000000001LL);
	mtime = inode->i_mtime;
	ck_assert_int_eq(utimes_inode(inode, now_omit, &user_cred), 0);
	ck_assert_int_eq(inode->i_mtime, mtime);
	ck_assert_int_gt(inode->i_atime, 5000000000LL);
	ck_assert(utimes_valid(now_omit));
	t[0].tv_nsec = 1000000000;
	ck_assert(!utimes_valid(t));
	path_put(&p);
}
END_TEST

START_TEST(write_drops_setid)
{
	struct path p;
	struct inode *inode = users_file("/f", 06775, &p);

	remove_privs(inode, &vfs_root_cred);
	ck_assert_uint_eq(inode->i_mode & 07777, 06775);
	remove_privs(inode, &user_cred);
	ck_assert_uint_eq(inode->i_mode & 07777, 0775);
	ck_assert_int_eq(chmod_inode(inode, 02664, &vfs_root_cred), 0);
	remove_privs(inode, &user_cred);
	ck_assert_uint_eq(inode->i_mode & 07777, 02664);
	path_put(&p);
}
END_TEST

START_TEST(sticky_directory)
{
	struct path p;
	struct inode *dir;

	ck_assert_int_eq(vfs_mkdir(NULL, "/tmp", 01777, &vfs_root_cred), 0);
	put_file("/tmp/root", "r", 1);
	ck_assert_int_eq(vfs_mknod(NULL, "/tmp/users", S_IFREG | 0666, 0,
				   &user_cred), 0);
	ck_assert_int_eq(vfs_unlink(NULL, "/tmp/root", &user_cred), -EPERM);
	ck_assert_int_eq(vfs_unlink(NULL, "/tmp/users", &other_cred), -EPERM);
	ck_assert_int_eq(vfs_rename(NULL, "/tmp/users", "/tmp/x", &other_cred),
			 -EPERM);
	ck_assert_int_eq(vfs_unlink(NULL, "/tmp/users", &user_cred), 0);
	/* The directory's owner may remove anything in it. */
	dir = inode_of("/tmp", &p);
	ck_assert_int_eq(chown_inode(dir, 1001, -1, &vfs_root_cred), 0);
	path_put(&p);
	ck_assert_int_eq(vfs_unlink(NULL, "/tmp/root", &other_cred), 0);
}
END_TEST

START_TEST(open_modes)
{
	struct file *f;
	struct path p;

	users_file("/f", 0644, &p);
	path_put(&p);
	ck_assert_int_eq(vfs_open(NULL, "/f", O_RDONLY | O_NOATIME, 0,
				  &other_cred, &f), -EPERM);
	ck_assert_int_eq(vfs_open(NULL, "/f", O_RDONLY | O_NOATIME, 0,
				  &user_cred, &f), 0);
	vfs_close(f);
	ck_assert_int_eq(vfs_open(NULL, "/f", O_ACCMODE, 0, &other_cred, &f),
			 -EACCES);
	ck_assert_int_eq(vfs_open(NULL, "/f", O_ACCMODE, 0, &user_cred, &f), 0);
	ck_assert_uint_eq(f->f_mode & (FMODE_READ | FMODE_WRITE), 0);
	vfs_close(f);
	/* O_PATH needs no permission on the file and reads nothing. */
	ck_assert_int_eq(chmod_inode(inode_of("/f", &p), 0, &vfs_root_cred), 0);
	path_put(&p);
	ck_assert_int_eq(vfs_open(NULL, "/f", O_PATH, 0, &other_cred, &f), 0);
	ck_assert_uint_eq(f->f_mode, FMODE_PATH);
	vfs_close(f);
}
END_TEST

START_TEST(creat_through_dangling_symlink)
{
	struct kstat st;
	struct file *f;

	ck_assert_int_eq(vfs_mkdir(NULL, "/d", 0755, &vfs_root_cred), 0);
	ck_assert_int_eq(vfs_symlink(NULL, "target", "/d/link", &vfs_root_cred),
			 0);
	ck_assert_int_eq(vfs_open(NULL, "/d/link", O_CREAT | O_WRONLY | O_NOFOLLOW,
				  0644, &vfs_root_cred, &f), -ELOOP);
	ck_assert_int_eq(vfs_open(NULL, "/d/link", O_CREAT | O_EXCL | O_WRONLY,
				  0644, &vfs_root_cred, &f), -EEXIST);
	ck_assert_int_eq(vfs_open(NULL, "/d/link", O_CREAT | O_WRONLY, 0644,
				  &vfs_root_cred, &f), 0);
	vfs_close(f);
	ck_assert_int_eq(stat_of("/d/target", &st), 0);
	ck_assert(S_ISREG(st.mode));
	ck_assert_int_eq(vfs_symlink(NULL, "loop", "/d/loop", &vfs_root_cred),
			 0);
	ck_assert_int_eq(vfs_open(NULL, "/d/loop", O_CREAT | O_WRONLY, 0644,
				  &vfs_root_cred, &f), -ELOOP);
}
END_TEST

Suite *attr_suite(void)
{
	Suite *s = suite_create("attr");
	TCase *tc = tcase_create("rules");

	tcase_add_checked_fixture(tc, vfs_setup, NULL);
	tcase_add_test(tc, chmod_rules);
	tcase_add_test(tc, chown_rules);
	tcase_add_test(tc, utimens_rules);
	tcase_add_test(tc, write_drops_setid);
	tcase_add_test(tc, sticky_directory);
	tcase_add_test(tc, open_modes);
	tcase_add_test(tc, creat_through_dangling_symlink);
	suite_add_tcase(s, tc);
	return s;
}
