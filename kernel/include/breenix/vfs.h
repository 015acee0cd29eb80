/*
 * The in-kernel file API that the system calls sit on: operations on paths
 * and on open files. Paths resolve from at (struct vfs_at: a root and a
 * starting directory; NULL: the namespace root) as cred says. Errors are
 * negative errno values, as POSIX and Linux give them.
 */
#ifndef BREENIX_VFS_H
#define BREENIX_VFS_H

#include <breenix/fs.h>
#include <breenix/uio.h>
#include <linux/fcntl.h>
#include <linux/stat.h>
#include <linux/time_types.h>

/*
 * The calling task's filesystem ids (fsuid, fsgid, groups) for the VFS;
 * with @real its real uid and gid instead (access(2) without AT_EACCESS).
 * groups points into the task's credentials, which only the task itself
 * replaces: valid for the rest of the system call.
 */
void current_vfs_cred(struct vfs_cred *vc, bool real);

/*
 * Registers the built-in filesystems and mounts a tmpfs as "/". Called once
 * from kmain after slab_init() (and time_init(), for timestamps).
 */
int vfs_init(void);

/* Mounts a new instance of the filesystem type fstype on the directory path. */
int vfs_mount(const char *fstype, const struct vfs_at *at, const char *path,
	      const void *data, const struct vfs_cred *cred);
/*
 * -EBUSY while anything is open or mounted below it; lookup_flags:
 * LOOKUP_FOLLOW unless UMOUNT_NOFOLLOW.
 */
int vfs_umount(const struct vfs_at *at, const char *path,
	       unsigned int lookup_flags, const struct vfs_cred *cred);

/*
 * O_CREAT (with mode, umask already applied), O_EXCL, O_TRUNC, O_APPEND,
 * O_DIRECTORY, O_NOFOLLOW. A character device opens with the file
 * operations its driver registered (chrdev.h), -ENXIO when none did; a
 * FIFO opens as a pipe shared by its openers (pipe.h), which may wait for
 * a partner; block devices and sockets give -ENXIO until their drivers
 * exist.
 */
int vfs_open(const struct vfs_at *at, const char *path, unsigned int flags,
	     umode_t mode, const struct vfs_cred *cred, struct file **out);
/*
 * exec: opens the file a program is loaded from. Execute permission takes
 * the place of read permission (a mode 0111 program runs), as in Linux's
 * open_exec; anything but a regular file is -EACCES, a symlink not
 * followed (no LOOKUP_FOLLOW in lookup_flags) -ELOOP. The file reads.
 */
int vfs_open_exec(const struct vfs_at *at, const char *name,
		  unsigned int lookup_flags, const struct vfs_cred *cred,
		  struct file **out);
void vfs_close(struct file *file);
/*
 * pos NULL: the file position (O_APPEND writes always go to the end). The
 * _iter forms move the bytes of an iov_iter (user buffers for read(2) and
 * friends); the plain ones a kernel buffer.
 */
long vfs_read_iter(struct file *file, struct iov_iter *to, loff_t *pos);
long vfs_write_iter(struct file *file, struct iov_iter *from, loff_t *pos);
long vfs_read(struct file *file, void *buf, size_t len, loff_t *pos);
long vfs_write(struct file *file, const void *buf, size_t len, loff_t *pos);
loff_t vfs_lseek(struct file *file, loff_t offset, int whence);
int vfs_fstat(struct file *file, struct kstat *st);
int vfs_ftruncate(struct file *file, loff_t size);
/* Calls ctx->actor for entries from the file position on; see dir_context. */
int vfs_readdir(struct file *file, struct dir_context *ctx);

/* flags: AT_SYMLINK_NOFOLLOW (lstat). */
int vfs_stat(const struct vfs_at *at, const char *path, unsigned int flags,
	     const struct vfs_cred *cred, struct kstat *st);
int vfs_mkdir(const struct vfs_at *at, const char *path, umode_t mode,
	      const struct vfs_cred *cred);
int vfs_rmdir(const struct vfs_at *at, const char *path,
	      const struct vfs_cred *cred);
int vfs_unlink(const struct vfs_at *at, const char *path,
	       const struct vfs_cred *cred);
int vfs_rename(const struct vfs_at *at, const char *from, const char *to,
	       const struct vfs_cred *cred);
/*
 * renameat2: each name from its own start. flags: RENAME_NOREPLACE
 * (-EEXIST if to exists); RENAME_EXCHANGE and anything else -EINVAL, as
 * a filesystem that cannot exchange answers.
 */
#define RENAME_NOREPLACE	(1u << 0)
#define RENAME_EXCHANGE		(1u << 1)
#define RENAME_WHITEOUT		(1u << 2)
int vfs_renameat(const struct vfs_at *old_at, const char *from,
		 const struct vfs_at *new_at, const char *to, unsigned int flags,
		 const struct vfs_cred *cred);
int vfs_symlink(const struct vfs_at *at, const char *target, const char *path,
		const struct vfs_cred *cred);
int vfs_link(const struct vfs_at *at, const char *from, const char *to,
	     const struct vfs_cred *cred);
/* linkat: lookup_flags LOOKUP_FOLLOW (AT_SYMLINK_FOLLOW), LOOKUP_EMPTY. */
int vfs_linkat(const struct vfs_at *old_at, const char *from,
	       const struct vfs_at *new_at, const char *to,
	       unsigned int lookup_flags, const struct vfs_cred *cred);
/* Copies up to size bytes (no NUL); returns how many. */
long vfs_readlink(const struct vfs_at *at, const char *path, char *buf,
		  size_t size, const struct vfs_cred *cred);
/* mode carries the type: S_IFREG, S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK. */
int vfs_mknod(const struct vfs_at *at, const char *path, umode_t mode,
	      kdev_t dev, const struct vfs_cred *cred);
int vfs_truncate(const struct vfs_at *at, const char *path, loff_t size,
		 const struct vfs_cred *cred);
/*
 * Owner (root only) and modification time (owner or root) of the name
 * itself, a symlink included, as unpacking an archive needs.
 */
int vfs_chown(const struct vfs_at *at, const char *path, kuid_t uid, kgid_t gid,
	      const struct vfs_cred *cred);
int vfs_set_mtime(const struct vfs_at *at, const char *path, int64_t mtime_ns,
		  const struct vfs_cred *cred);

/*
 * Attribute changes (kernel/fs/attr.c), Linux's struct iattr: ia_valid
 * says which fields apply. ATTR_ATIME/MTIME without _SET mean "now";
 * ATTR_TOUCH marks utimensat's NULL times (write access suffices);
 * ATTR_KILL_SUID a chown, which drops set-id bits of non-directories.
 */
struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode;
	kuid_t ia_uid;
	kgid_t ia_gid;
	int64_t ia_atime, ia_mtime;
};

#define ATTR_MODE	(1u << 0)
#define ATTR_UID	(1u << 1)
#define ATTR_GID	(1u << 2)
#define ATTR_ATIME	(1u << 4)
#define ATTR_MTIME	(1u << 5)
#define ATTR_ATIME_SET	(1u << 7)
#define ATTR_MTIME_SET	(1u << 8)
#define ATTR_KILL_SUID	(1u << 11)
#define ATTR_TOUCH	(1u << 17)

/* utimensat's special tv_nsec values (include/uapi/linux/stat.h). */
#define UTIME_NOW	((1l << 30) - 1l)
#define UTIME_OMIT	((1l << 30) - 2l)

/*
 * The permission rules, which may clear S_ISGID from ia_mode: -EPERM
 * (not the owner; a chown by non-root; a group the owner is not in),
 * -EACCES (ATTR_TOUCH without write access).
 */
int setattr_prepare(const struct inode *inode, struct iattr *attr,
		    const struct vfs_cred *cred);
/* setattr_prepare, then the change under i_lock; ctime becomes now. */
int notify_change(struct inode *inode, struct iattr *attr,
		  const struct vfs_cred *cred);
/* chmod(2)'s core: the permission bits of mode (07777). */
int chmod_inode(struct inode *inode, umode_t mode,
		const struct vfs_cred *cred);
/* chown(2)'s core: (kuid_t)-1 / (kgid_t)-1 leave that id alone. */
int chown_inode(struct inode *inode, kuid_t uid, kgid_t gid,
		const struct vfs_cred *cred);
/* utimensat's core: times NULL, or two with UTIME_NOW/UTIME_OMIT. */
int utimes_inode(struct inode *inode, const struct __kernel_timespec *times,
		 const struct vfs_cred *cred);
/*
 * A write by anyone but root drops a regular file's S_ISUID, and S_ISGID
 * when group execute marks a set-group-id program (Linux's
 * file_remove_privs), so a program cannot be changed and keep its powers.
 */
void remove_privs(struct inode *inode, const struct vfs_cred *cred);
/* Whether both tv_nsec are in range or UTIME_NOW/UTIME_OMIT. */
bool utimes_valid(const struct __kernel_timespec *times);

#endif
