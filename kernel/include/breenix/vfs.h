/*
 * The in-kernel file API that the system calls sit on: operations on paths
 * and on open files. Paths resolve from at (a process's cwd later; NULL: the
 * root), under the credentials cred. Errors are negative errno values, as
 * POSIX and Linux give them.
 */
#ifndef BREENIX_VFS_H
#define BREENIX_VFS_H

#include <breenix/fs.h>
#include <breenix/uio.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

/*
 * Registers the built-in filesystems and mounts a tmpfs as "/". Called once
 * from kmain after slab_init() (and time_init(), for timestamps).
 */
int vfs_init(void);

/* Mounts a new instance of the filesystem type fstype on the directory path. */
int vfs_mount(const char *fstype, const struct path *at, const char *path,
	      const void *data, const struct vfs_cred *cred);
/* -EBUSY while anything is open or mounted below it. */
int vfs_umount(const struct path *at, const char *path,
	       const struct vfs_cred *cred);

/*
 * O_CREAT (with mode, umask already applied), O_EXCL, O_TRUNC, O_APPEND,
 * O_DIRECTORY, O_NOFOLLOW. A character device opens with the file
 * operations its driver registered (chrdev.h), -ENXIO when none did; a
 * FIFO opens as a pipe shared by its openers (pipe.h), which may wait for
 * a partner; block devices and sockets give -ENXIO until their drivers
 * exist.
 */
int vfs_open(const struct path *at, const char *path, unsigned int flags,
	     umode_t mode, const struct vfs_cred *cred, struct file **out);
/*
 * exec: opens the file a program is loaded from. Execute permission takes
 * the place of read permission (a mode 0111 program runs), as in Linux's
 * open_exec; anything but a regular file is -EACCES, a symlink not
 * followed (no LOOKUP_FOLLOW in lookup_flags) -ELOOP. The file reads.
 */
int vfs_open_exec(const struct path *at, const char *name,
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
int vfs_stat(const struct path *at, const char *path, unsigned int flags,
	     const struct vfs_cred *cred, struct kstat *st);
int vfs_mkdir(const struct path *at, const char *path, umode_t mode,
	      const struct vfs_cred *cred);
int vfs_rmdir(const struct path *at, const char *path,
	      const struct vfs_cred *cred);
int vfs_unlink(const struct path *at, const char *path,
	       const struct vfs_cred *cred);
int vfs_rename(const struct path *at, const char *from, const char *to,
	       const struct vfs_cred *cred);
int vfs_symlink(const struct path *at, const char *target, const char *path,
		const struct vfs_cred *cred);
int vfs_link(const struct path *at, const char *from, const char *to,
	     const struct vfs_cred *cred);
/* Copies up to size bytes (no NUL); returns how many. */
long vfs_readlink(const struct path *at, const char *path, char *buf,
		  size_t size, const struct vfs_cred *cred);
/* mode carries the type: S_IFREG, S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK. */
int vfs_mknod(const struct path *at, const char *path, umode_t mode,
	      kdev_t dev, const struct vfs_cred *cred);
int vfs_truncate(const struct path *at, const char *path, loff_t size,
		 const struct vfs_cred *cred);
/*
 * Owner (root only) and modification time (owner or root) of the name
 * itself, a symlink included, as unpacking an archive needs.
 */
int vfs_chown(const struct path *at, const char *path, kuid_t uid, kgid_t gid,
	      const struct vfs_cred *cred);
int vfs_set_mtime(const struct path *at, const char *path, int64_t mtime_ns,
		  const struct vfs_cred *cred);

#endif
