/*
 * The VFS objects, as in Linux: super_block, inode, dentry, file and
 * vfsmount with their operation tables, and filesystem type registration.
 * Filesystems implement the tables; the core (kernel/fs) names none of them.
 */
#ifndef BREENIX_FS_H
#define BREENIX_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <breenix/list.h>
#include <breenix/mutex.h>
#include <breenix/spinlock.h>

#define NAME_MAX	255	/* bytes in a path component */
#define PATH_MAX	4096	/* bytes in a path, with its NUL */
#define MAXSYMLINKS	40	/* symlinks followed in one lookup */

typedef long loff_t;
#define LOFF_MAX	((loff_t)(~0UL >> 1))
typedef unsigned short umode_t;
typedef uint32_t kuid_t;
typedef uint32_t kgid_t;
typedef uint32_t kdev_t;

#define MKDEV(ma, mi)	(((kdev_t)(ma) << 20) | (kdev_t)(mi))
#define MAJOR(dev)	((unsigned int)((dev) >> 20))
#define MINOR(dev)	((unsigned int)((dev) & 0xfffff))

/* Access a permission check asks for (the rwx bits of a mode). */
#define MAY_EXEC	1
#define MAY_WRITE	2
#define MAY_READ	4

/* Directory entry types, as linux_dirent64's d_type. */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

/*
 * Who asks: the ids a lookup or permission check acts as (a task's fsuid,
 * fsgid and groups; its real ids for access(2)). groups points into the
 * credentials the caller holds.
 */
struct vfs_cred {
	kuid_t uid;
	kgid_t gid;
	unsigned int ngroups;
	const kgid_t *groups;		/* supplementary groups */
};

extern const struct vfs_cred vfs_root_cred;

struct super_block;
struct inode;
struct dentry;
struct file;
struct vfsmount;
struct kstat;
struct dir_context;
struct cred;

struct file_system_type {
	const char *name;
	int fs_flags;			/* FS_REQUIRES_DEV */
	/* Fills in sb (s_root, s_op, ...) for a new instance; data may be NULL. */
	int (*fill_super)(struct super_block *sb, const void *data);
	/* Frees what fill_super made beyond s_root; NULL when nothing. */
	void (*kill_super)(struct super_block *sb);
	struct list_head node;
};

/* fs_flags: a filesystem that lives on a block device (Linux's value). */
#define FS_REQUIRES_DEV	1

struct super_operations {
	/* The last reference to an inode is gone: free the fs's part. */
	void (*evict_inode)(struct inode *inode);
};

struct super_block {
	const struct file_system_type *s_type;
	const struct super_operations *s_op;
	struct dentry *s_root;
	kdev_t s_dev;
	unsigned long s_blocksize;
	uint64_t s_next_ino;
	spinlock_t s_lock;		/* s_next_ino */
	void *s_fs_info;
};

/*
 * Directory operations run with the directory's i_lock held by the VFS
 * (rename: both directories, and the global rename lock), so an operation
 * sees the directory unchanged from its checks to its update. i_lock is a
 * spinlock until the kernel has a sleeping mutex; it then becomes the
 * per-inode i_rwsem that may be held across a disk read. Until then
 * operations must not sleep.
 */
struct inode_operations {
	/* A dcache miss: d_instantiate() the inode named by dentry, or leave it negative. */
	int (*lookup)(struct inode *dir, struct dentry *dentry);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode,
		      const struct vfs_cred *cred);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode,
		     const struct vfs_cred *cred);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode,
		     kdev_t rdev, const struct vfs_cred *cred);
	int (*symlink)(struct inode *dir, struct dentry *dentry,
		       const char *target, const struct vfs_cred *cred);
	int (*link)(struct dentry *old, struct inode *dir, struct dentry *dentry);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	/* new_dentry may be positive: it is replaced. Checks are done. */
	int (*rename)(struct inode *old_dir, struct dentry *old_dentry,
		      struct inode *new_dir, struct dentry *new_dentry);
	/* The target of a symlink, valid while the caller holds the inode. */
	const char *(*get_link)(struct inode *inode);
	/* Changes i_size, freeing or zero-extending the data. */
	int (*setsize)(struct inode *inode, loff_t size);
};

/*
 * What an open file does. read and write move bytes through an iov_iter
 * (kernel or user buffers, breenix/uio.h) at *pos and return the count or a
 * negative errno; a fault in a user buffer ends the transfer short (-EFAULT
 * if nothing moved). NULL entries: llseek uses the generic rules, poll
 * reports DEFAULT_POLLMASK, ioctl is -ENOTTY, fsync succeeds for regular
 * files, directories and symlinks (memory filesystems have nothing to write
 * back) and is -EINVAL for the rest, as Linux's files without ->fsync.
 */
struct iov_iter;
struct poll_table_struct;
struct pipe_inode_info;

struct file_operations {
	int (*open)(struct inode *inode, struct file *file);
	long (*read)(struct file *file, struct iov_iter *to, loff_t *pos);
	long (*write)(struct file *file, struct iov_iter *from, loff_t *pos);
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	int (*iterate)(struct file *file, struct dir_context *ctx);
	unsigned int (*poll)(struct file *file, struct poll_table_struct *pt);
	long (*ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*fsync)(struct file *file, int datasync);
	void (*release)(struct inode *inode, struct file *file);
};

struct inode {
	uint64_t i_ino;
	umode_t i_mode;
	kuid_t i_uid;
	kgid_t i_gid;
	unsigned int i_nlink;
	kdev_t i_rdev;			/* device files */
	loff_t i_size;
	uint64_t i_blocks;		/* 512-byte units in use */
	int64_t i_atime, i_mtime, i_ctime;	/* ns since the epoch */
	int i_count;			/* references: dentries, files */
	spinlock_t i_lock;		/* see inode_operations */
	struct mutex i_rwsem;		/* file data and size: reads, writes, truncate */
	struct super_block *i_sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct pipe_inode_info *i_pipe;	/* a FIFO's or pipe's, while open (i_lock) */
	void *i_private;		/* the filesystem's */
};

struct qstr {
	const char *name;
	unsigned int len;
	uint32_t hash;
};

/*
 * A name in a directory: positive (d_inode set) or negative. Hashed dentries
 * are found by (d_parent, d_name) in the dentry cache; a child is on its
 * parent's d_subdirs while hashed.
 */
struct dentry {
	struct qstr d_name;
	char d_iname[32];		/* short names live here */
	struct dentry *d_parent;	/* itself at a filesystem root */
	struct inode *d_inode;
	struct super_block *d_sb;
	int d_count;
	unsigned int d_flags;
	unsigned int d_mounted;		/* mounts on this dentry */
	struct list_head d_hash;
	struct list_head d_child;	/* on d_parent->d_subdirs */
	struct list_head d_subdirs;
	unsigned long d_fsdata;		/* the filesystem's */
};

#define DCACHE_HASHED	(1u << 0)

struct vfsmount {
	struct dentry *mnt_root;
	struct super_block *mnt_sb;
	struct vfsmount *mnt_parent;	/* itself for the root mount */
	struct dentry *mnt_mountpoint;	/* in mnt_parent */
	int mnt_count;
	struct list_head mnt_list;
};

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/*
 * Where a lookup starts (Linux's nameidata root and dfd): absolute names
 * and absolute symlink targets at root, relative names at dir, and ".."
 * never climbs above root. A NULL root is the namespace root, a NULL dir
 * is root; a NULL vfs_at is both.
 */
struct vfs_at {
	const struct path *root;
	const struct path *dir;
};

struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags;		/* O_* from open */
	unsigned int f_mode;		/* FMODE_* */
	loff_t f_pos;
	int f_count;
	spinlock_t f_lock;		/* f_flags changes (fcntl F_SETFL) */
	/*
	 * Serialises the read-modify-write of f_pos by read, write, lseek and
	 * getdents on regular files and directories (Linux's f_pos_lock), so
	 * descriptors shared after dup or fork see one position.
	 */
	struct mutex f_pos_lock;
	unsigned int f_pipe;		/* pipes: writers seen at open (poll's POLLHUP) */
	struct cred *f_cred;		/* the opener's, once installed as a descriptor */
	void *private_data;
};

#define FMODE_READ	(1u << 0)
#define FMODE_WRITE	(1u << 1)
#define FMODE_LSEEK	(1u << 2)	/* the position can move */
#define FMODE_PREAD	(1u << 3)	/* pread64 works */
#define FMODE_PWRITE	(1u << 4)	/* pwrite64 works */
#define FMODE_PATH	(1u << 5)	/* O_PATH: a place, not an open file */
#define FMODE_ATOMIC_POS (1u << 6)	/* f_pos under f_pos_lock */

/*
 * readdir: iterate calls actor for each entry from ctx->pos on and sets
 * ctx->pos past each one emitted; actor returns false to stop (full). The
 * actor runs with the directory locked: it must not sleep or enter the VFS.
 */
struct dir_context {
	bool (*actor)(struct dir_context *ctx, const char *name, unsigned int len,
		      loff_t pos, uint64_t ino, unsigned int type);
	loff_t pos;
};

struct kstat {
	uint64_t ino;
	kdev_t dev;
	umode_t mode;
	unsigned int nlink;
	kuid_t uid;
	kgid_t gid;
	kdev_t rdev;
	loff_t size;
	unsigned long blksize;
	uint64_t blocks;
	int64_t atime, mtime, ctime;
};

/* Filesystem types. */
int register_filesystem(struct file_system_type *fs);
void unregister_filesystem(struct file_system_type *fs);

/* Inodes (kernel/fs/inode.c). */
struct inode *new_inode(struct super_block *sb);
struct inode *igrab(struct inode *inode);
void iput(struct inode *inode);
void inode_init_owner(struct inode *inode, const struct inode *dir,
		      umode_t mode, const struct vfs_cred *cred);
int64_t current_time_ns(void);
unsigned int dt_type(umode_t mode);
bool in_group(const struct vfs_cred *cred, kgid_t gid);
/* Whether cred owns inode or is root (Linux's inode_owner_or_capable). */
bool inode_owner_or_capable(const struct inode *inode,
			    const struct vfs_cred *cred);
/* -EACCES unless cred may access inode as mask (MAY_*) says. */
int inode_permission(const struct inode *inode, int mask,
		     const struct vfs_cred *cred);

/* Dentries (kernel/fs/dcache.c). */
struct dentry *d_alloc(struct dentry *parent, const char *name,
		       unsigned int len);
struct dentry *d_alloc_root(struct inode *root);
struct dentry *d_lookup(struct dentry *parent, const char *name,
			unsigned int len);
void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_delete(struct dentry *dentry);
void d_drop(struct dentry *dentry);
void d_move(struct dentry *dentry, struct dentry *target);
struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);
/* Whether a is b or below it (within one filesystem). */
bool is_subdir(struct dentry *a, struct dentry *b);
struct dentry *dget_parent(struct dentry *dentry);
/* Guards the dentry cache: hash chains, d_subdirs, d_parent, d_count. */
extern spinlock_t dcache_lock;

/* Mounts and paths (kernel/fs/namespace.c). */
struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);
void path_get(const struct path *path);
void path_put(const struct path *path);
/* The mount on (mnt, dentry), referenced, or NULL. */
struct vfsmount *lookup_mnt(struct vfsmount *mnt, struct dentry *dentry);
/* The namespace root, referenced. */
void get_root(struct path *root);
/*
 * /proc/mounts and /proc/filesystems: calls @fn for every mount, oldest
 * first, and for every filesystem type, in registration order, with the
 * list's lock held (@fn must not sleep; the dcache lock may be taken).
 */
void iterate_mounts(void (*fn)(struct vfsmount *mnt, void *arg), void *arg);
void iterate_filesystems(void (*fn)(const struct file_system_type *fs,
				    void *arg), void *arg);

/* Files (kernel/fs/file.c). */
struct file *get_file(struct file *file);
void fput(struct file *file);
/*
 * An open for files without positions (pipes, ttys): lseek is -ESPIPE,
 * pread64 and pwrite64 too (Linux's stream_open).
 */
int stream_open(struct inode *inode, struct file *file);
/*
 * llseek's default: SEEK_SET, SEEK_CUR, SEEK_END (not for directories);
 * SEEK_DATA and SEEK_HOLE with all data up to the end; -EINVAL for a
 * negative or overflowing result, -ENXIO for SEEK_DATA/HOLE at or past
 * the end. Called with f_pos_lock held (vfs_lseek).
 */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);

#endif
