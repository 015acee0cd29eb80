/*
 * Open files and the operations on them: read, write, seek, stat, truncate
 * and readdir. A file holds its path (mount and dentry, so the inode too),
 * so a file unlinked while open stays readable until its last close.
 */
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/poll.h>
#include <breenix/slab.h>
#include <breenix/vfs.h>
#include "internal.h"

/* Files get bigger than this only by mistake; tmpfs refuses (-EFBIG). */
#define MAX_FILE_SIZE	((loff_t)1 << 40)

/*
 * Regular files and directories move their position under f_pos_lock
 * (Linux sets FMODE_ATOMIC_POS for them); every file starts seekable and
 * positionable until its open says otherwise (stream_open).
 */
struct file *alloc_file(const struct path *path, unsigned int flags)
{
	struct file *file = kzalloc(sizeof(*file), GFP_KERNEL);
	unsigned int acc = flags & O_ACCMODE;
	umode_t mode;

	if (!file)
		return NULL;
	file->f_path = *path;
	path_get(path);
	file->f_inode = path->dentry->d_inode;
	file->f_op = file->f_inode->i_fop;
	file->f_flags = flags;
	if (acc == O_RDONLY || acc == O_RDWR)
		file->f_mode |= FMODE_READ;
	if (acc == O_WRONLY || acc == O_RDWR)
		file->f_mode |= FMODE_WRITE;
	file->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	mode = file->f_inode->i_mode;
	if (S_ISREG(mode) || S_ISDIR(mode))
		file->f_mode |= FMODE_ATOMIC_POS;
	file->f_count = 1;
	file->f_lock = (spinlock_t)SPINLOCK_INIT;
	mutex_init(&file->f_pos_lock);
	return file;
}

int stream_open(struct inode *inode, struct file *file)
{
	(void)inode;
	file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE |
			  FMODE_ATOMIC_POS);
	return 0;
}

struct file *get_file(struct file *file)
{
	__atomic_add_fetch(&file->f_count, 1, __ATOMIC_RELAXED);
	return file;
}

void fput(struct file *file)
{
	if (__atomic_sub_fetch(&file->f_count, 1, __ATOMIC_ACQ_REL))
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	path_put(&file->f_path);
	if (file->f_cred)
		put_cred(file->f_cred);
	kfree(file);
}

void vfs_close(struct file *file)
{
	fput(file);
}

/*
 * pos NULL: the file position, read before and written after the
 * operation with f_pos_lock held for the files that have one, so threads
 * and processes sharing the open file never lose an update.
 */
static loff_t *file_pos(struct file *file, loff_t *pos, loff_t *tmp)
{
	if (pos)
		return pos;
	if (file->f_mode & FMODE_ATOMIC_POS)
		mutex_lock(&file->f_pos_lock);
	*tmp = file->f_pos;
	return tmp;
}

static void file_pos_done(struct file *file, loff_t *pos, loff_t tmp)
{
	if (pos)
		return;
	file->f_pos = tmp;
	if (file->f_mode & FMODE_ATOMIC_POS)
		mutex_unlock(&file->f_pos_lock);
}

long vfs_read_iter(struct file *file, struct iov_iter *to, loff_t *pos)
{
	loff_t tmp, *p;
	long ret;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(file->f_inode->i_mode))
		return -EISDIR;
	if (!file->f_op || !file->f_op->read)
		return -EINVAL;
	if (pos && *pos < 0)
		return -EINVAL;
	p = file_pos(file, pos, &tmp);
	ret = *p < 0 ? -EINVAL : file->f_op->read(file, to, p);
	file_pos_done(file, pos, tmp);
	return ret;
}

long vfs_write_iter(struct file *file, struct iov_iter *from, loff_t *pos)
{
	loff_t tmp, *p;
	long ret;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write)
		return -EINVAL;
	if (pos && *pos < 0)
		return -EINVAL;
	p = file_pos(file, pos, &tmp);
	ret = 0;
	if (*p < 0) {
		ret = -EINVAL;
	} else if (S_ISREG(file->f_inode->i_mode)) {
		loff_t at = (file->f_flags & O_APPEND) ? file->f_inode->i_size : *p;

		if (at >= MAX_FILE_SIZE && iov_iter_count(from))
			ret = -EFBIG;
		else
			iov_iter_truncate(from, (size_t)(MAX_FILE_SIZE - at));
	}
	if (!ret)
		ret = file->f_op->write(file, from, p);
	file_pos_done(file, pos, tmp);
	return ret;
}

long vfs_read(struct file *file, void *buf, size_t len, loff_t *pos)
{
	struct iov_iter iter;
	struct iovec seg;

	iov_iter_kbuf(&iter, &seg, buf, len);
	return vfs_read_iter(file, &iter, pos);
}

long vfs_write(struct file *file, const void *buf, size_t len, loff_t *pos)
{
	struct iov_iter iter;
	struct iovec seg;

	iov_iter_kbuf(&iter, &seg, (void *)buf, len);
	return vfs_write_iter(file, &iter, pos);
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file->f_inode;
	loff_t base, eof = inode->i_size;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		if (S_ISDIR(inode->i_mode))
			return -EINVAL;
		base = eof;
		break;
	case SEEK_DATA:
	case SEEK_HOLE:
		/* Without hole tracking: data up to EOF, the hole at EOF. */
		if (S_ISDIR(inode->i_mode))
			return -EINVAL;
		if (offset < 0 || offset >= eof)
			return -ENXIO;
		base = 0;
		if (whence == SEEK_HOLE)
			offset = eof;
		break;
	default:
		return -EINVAL;
	}
	if (offset > 0 ? base > LOFF_MAX - offset : base + offset < 0)
		return -EINVAL;
	file->f_pos = base + offset;
	return file->f_pos;
}

loff_t vfs_lseek(struct file *file, loff_t offset, int whence)
{
	loff_t ret;

	if (!(file->f_mode & FMODE_LSEEK))
		return -ESPIPE;
	if (file->f_mode & FMODE_ATOMIC_POS)
		mutex_lock(&file->f_pos_lock);
	ret = file->f_op && file->f_op->llseek ?
	      file->f_op->llseek(file, offset, whence) :
	      generic_file_llseek(file, offset, whence);
	if (file->f_mode & FMODE_ATOMIC_POS)
		mutex_unlock(&file->f_pos_lock);
	return ret;
}

void fill_kstat(const struct inode *inode, struct kstat *st)
{
	st->ino = inode->i_ino;
	st->dev = inode->i_sb->s_dev;
	st->mode = inode->i_mode;
	st->nlink = inode->i_nlink;
	st->uid = inode->i_uid;
	st->gid = inode->i_gid;
	st->rdev = inode->i_rdev;
	st->size = inode->i_size;
	st->blksize = inode->i_sb->s_blocksize;
	st->blocks = inode->i_blocks;
	st->atime = inode->i_atime;
	st->mtime = inode->i_mtime;
	st->ctime = inode->i_ctime;
}

int vfs_fstat(struct file *file, struct kstat *st)
{
	fill_kstat(file->f_inode, st);
	return 0;
}

int do_truncate(struct inode *inode, loff_t size)
{
	int err;

	if (size < 0)
		return -EINVAL;
	if (size > MAX_FILE_SIZE)
		return -EFBIG;
	if (!inode->i_op || !inode->i_op->setsize)
		return -EINVAL;
	mutex_lock(&inode->i_rwsem);
	spin_lock(&inode->i_lock);
	err = inode->i_op->setsize(inode, size);
	spin_unlock(&inode->i_lock);
	mutex_unlock(&inode->i_rwsem);
	return err;
}

int vfs_ftruncate(struct file *file, loff_t size)
{
	if (!S_ISREG(file->f_inode->i_mode) || !(file->f_mode & FMODE_WRITE))
		return -EINVAL;
	return do_truncate(file->f_inode, size);
}

int vfs_readdir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file->f_inode;
	int err;

	if (!S_ISDIR(inode->i_mode) || !file->f_op || !file->f_op->iterate)
		return -ENOTDIR;
	mutex_lock(&file->f_pos_lock);
	ctx->pos = file->f_pos;
	spin_lock(&inode->i_lock);
	err = inode->i_nlink ? file->f_op->iterate(file, ctx) : -ENOENT;
	spin_unlock(&inode->i_lock);
	file->f_pos = ctx->pos;
	mutex_unlock(&file->f_pos_lock);
	return err;
}

__poll_t vfs_poll(struct file *file, poll_table *pt)
{
	if (!file->f_op || !file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}
