/*
 * The system calls of Linux's fs/open.c: open, openat, creat, access and
 * faccessat(2), chdir, fchdir, chroot, the chmod and chown families,
 * truncate, ftruncate and umask. Each copies its path in (getname),
 * resolves it from the task's root, cwd or dirfd (lookup_at) as the
 * task's filesystem ids, and leaves the rules to the VFS.
 */
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/fs_struct.h>
#include <breenix/namei.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
#include <breenix/vfs.h>
#include "internal.h"

/* Linux's O_TMPFILE without its O_DIRECTORY part. */
#define __O_TMPFILE	020000000

long do_sys_open(int dfd, const char *ufilename, int flags, umode_t mode)
{
	unsigned int f = (unsigned int)flags | O_LARGEFILE;
	struct vfs_cred cred;
	struct lookup_at la;
	struct file *file;
	char *name;
	int fd, err;

	/* An unnamed file needs tmpfs support this VFS lacks. */
	if (f & __O_TMPFILE)
		return -EOPNOTSUPP;
	mode = (f & O_CREAT) ? (umode_t)(mode & 07777 & ~current_umask()) : 0;
	name = getname(ufilename, false, &err);
	if (!name)
		return err;
	fd = get_unused_fd_flags(f);
	if (fd < 0) {
		err = fd;
		goto out;
	}
	err = lookup_at_get(dfd, name, false, &la);
	if (!err) {
		current_vfs_cred(&cred, false);
		err = vfs_open(&la.at, name, f, mode, &cred, &file);
		lookup_at_put(&la);
	}
	if (err) {
		put_unused_fd((unsigned int)fd);
		goto out;
	}
	fd_install((unsigned int)fd, file);
	err = fd;
out:
	putname(name);
	return err;
}

SYSCALL_DEFINE3(open, const char *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char *, filename, int, flags,
		umode_t, mode)
{
	return do_sys_open(dfd, filename, flags, mode);
}

SYSCALL_DEFINE2(creat, const char *, pathname, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC,
			   mode);
}

int user_path_at(int dfd, const char *upath, unsigned int lookup_flags,
		 struct path *out)
{
	struct vfs_cred cred;
	struct lookup_at la;
	bool empty = lookup_flags & LOOKUP_EMPTY;
	char *name;
	int err;

	name = getname(upath, empty, &err);
	if (!name)
		return err;
	err = lookup_at_get(dfd, name, empty, &la);
	if (!err) {
		current_vfs_cred(&cred, false);
		err = kern_path(&la.at, name, lookup_flags, &cred, out);
		lookup_at_put(&la);
	}
	putname(name);
	return err;
}

/*
 * access(2) asks as the real ids unless AT_EACCESS (Linux's
 * access_override_creds), with the groups unchanged.
 */
static long do_faccessat(int dfd, const char *ufilename, int mode, int flags)
{
	unsigned int lf = LOOKUP_FOLLOW;
	struct vfs_cred cred;
	struct lookup_at la;
	struct path path;
	char *name;
	int err;

	if (mode & ~7)
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lf = 0;
	if (flags & AT_EMPTY_PATH)
		lf |= LOOKUP_EMPTY;
	name = getname(ufilename, flags & AT_EMPTY_PATH, &err);
	if (!name)
		return err;
	current_vfs_cred(&cred, !(flags & AT_EACCESS));
	err = lookup_at_get(dfd, name, flags & AT_EMPTY_PATH, &la);
	if (!err) {
		err = kern_path(&la.at, name, lf, &cred, &path);
		lookup_at_put(&la);
	}
	if (!err) {
		/* R_OK, W_OK, X_OK are MAY_READ, MAY_WRITE, MAY_EXEC. */
		if (mode)
			err = inode_permission(path.dentry->d_inode, mode,
					       &cred);
		path_put(&path);
	}
	putname(name);
	return err;
}

SYSCALL_DEFINE2(access, const char *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char *, filename, int, mode,
		int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

/* chdir and chroot need search permission on the directory. */
static int may_chdir(const struct path *path)
{
	struct vfs_cred cred;

	current_vfs_cred(&cred, false);
	return inode_permission(path->dentry->d_inode, MAY_EXEC, &cred);
}

SYSCALL_DEFINE1(chdir, const char *, filename)
{
	struct path path;
	int err = user_path_at(AT_FDCWD, filename,
			       LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = may_chdir(&path);
	if (!err)
		set_fs_pwd(current->fs, &path);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *file = fget_raw(fd);
	int err;

	if (!file)
		return -EBADF;
	if (!S_ISDIR(file->f_inode->i_mode))
		err = -ENOTDIR;
	else
		err = may_chdir(&file->f_path);
	if (!err)
		set_fs_pwd(current->fs, &file->f_path);
	fput(file);
	return err;
}

SYSCALL_DEFINE1(chroot, const char *, filename)
{
	struct path path;
	int err = user_path_at(AT_FDCWD, filename,
			       LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = may_chdir(&path);
	if (!err && !capable_root())
		err = -EPERM;
	if (!err)
		set_fs_root(current->fs, &path);
	path_put(&path);
	return err;
}

static int chmod_path(const struct path *path, umode_t mode)
{
	struct vfs_cred cred;

	current_vfs_cred(&cred, false);
	return chmod_inode(path->dentry->d_inode, mode, &cred);
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct file *file = fget(fd);
	int err;

	if (!file)
		return -EBADF;
	err = chmod_path(&file->f_path, mode);
	fput(file);
	return err;
}

static long do_fchmodat(int dfd, const char *filename, umode_t mode)
{
	struct path path;
	int err = user_path_at(dfd, filename, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = chmod_path(&path, mode);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char *, filename, umode_t, mode)
{
	return do_fchmodat(dfd, filename, mode);
}

SYSCALL_DEFINE2(chmod, const char *, filename, umode_t, mode)
{
	return do_fchmodat(AT_FDCWD, filename, mode);
}

static int chown_path(const struct path *path, kuid_t uid, kgid_t gid)
{
	struct vfs_cred cred;

	current_vfs_cred(&cred, false);
	return chown_inode(path->dentry->d_inode, uid, gid, &cred);
}

static long do_fchownat(int dfd, const char *filename, kuid_t uid, kgid_t gid,
			int flag)
{
	unsigned int lf;
	struct path path;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	lf = (flag & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	if (flag & AT_EMPTY_PATH)
		lf |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lf, &path);
	if (err)
		return err;
	err = chown_path(&path, uid, gid);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE3(chown, const char *, filename, kuid_t, user, kgid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char *, filename, kuid_t, user, kgid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group,
			   AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char *, filename, kuid_t, user,
		kgid_t, group, int, flag)
{
	return do_fchownat(dfd, filename, user, group, flag);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, kuid_t, user, kgid_t, group)
{
	struct file *file = fget(fd);
	int err;

	if (!file)
		return -EBADF;
	err = chown_path(&file->f_path, user, group);
	fput(file);
	return err;
}

SYSCALL_DEFINE2(truncate, const char *, pathname, long, length)
{
	struct vfs_cred cred;
	struct lookup_at la;
	char *name;
	int err;

	if (length < 0)
		return -EINVAL;
	name = getname(pathname, false, &err);
	if (!name)
		return err;
	err = lookup_at_get(AT_FDCWD, name, false, &la);
	if (!err) {
		current_vfs_cred(&cred, false);
		err = vfs_truncate(&la.at, name, length, &cred);
		lookup_at_put(&la);
	}
	putname(name);
	return err;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, long, length)
{
	struct file *file;
	int err;

	if (length < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	err = vfs_ftruncate(file, length);
	fput(file);
	return err;
}

SYSCALL_DEFINE1(umask, int, mask)
{
	return __atomic_exchange_n(&current->fs->umask,
				   (unsigned int)mask & 0777, __ATOMIC_RELAXED);
}
