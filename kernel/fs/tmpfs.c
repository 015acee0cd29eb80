/*
 * tmpfs: everything in memory. Regular files keep their data in an array
 * of pages indexed by file offset, with holes (never-written or truncated
 * away) reading as zeros; running out of pages is -ENOSPC. Directories are
 * their dentries: each name is held in the dentry cache by an extra
 * reference from creation to unlink, and readdir walks the children.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/mm.h>
#include <breenix/slab.h>
#include <breenix/tmpfs.h>
#include <breenix/vfs.h>

struct tmpfs_info {
	struct page **pages;		/* regular files: NULL is a hole */
	unsigned long npages;		/* entries in pages */
	char *link;			/* symlinks: the target */
	loff_t next_pos;		/* directories: next readdir cookie */
};

#define DIR_FIRST_POS	2		/* after "." and ".." */

static const struct inode_operations tmpfs_dir_iops;
static const struct inode_operations tmpfs_file_iops;
static const struct inode_operations tmpfs_link_iops;
static const struct file_operations tmpfs_dir_fops;
static const struct file_operations tmpfs_file_fops;

static struct tmpfs_info *info(const struct inode *inode)
{
	return inode->i_private;
}

static void touch(struct inode *inode, bool mtime)
{
	int64_t now = current_time_ns();

	inode->i_ctime = now;
	if (mtime)
		inode->i_mtime = now;
}

/* File pages of every tmpfs: Linux counts them as Shmem and Cached. */
static uint64_t tmpfs_pages;

uint64_t tmpfs_total_pages(void)
{
	return __atomic_load_n(&tmpfs_pages, __ATOMIC_RELAXED);
}

static void free_pages_from(struct inode *inode, unsigned long first)
{
	struct tmpfs_info *ti = info(inode);
	unsigned long i;

	for (i = first; i < ti->npages; i++) {
		if (ti->pages[i]) {
			free_pages(ti->pages[i], 0);
			__atomic_sub_fetch(&tmpfs_pages, 1, __ATOMIC_RELAXED);
			ti->pages[i] = NULL;
			inode->i_blocks -= PAGE_SIZE / 512;
		}
	}
}

static void tmpfs_evict_inode(struct inode *inode)
{
	struct tmpfs_info *ti = info(inode);

	if (!ti)
		return;
	free_pages_from(inode, 0);
	kfree(ti->pages);
	kfree(ti->link);
	kfree(ti);
}

static const struct super_operations tmpfs_sops = {
	.evict_inode = tmpfs_evict_inode,
};

static struct inode *tmpfs_get_inode(struct super_block *sb,
				     const struct inode *dir, umode_t mode,
				     kdev_t rdev, const struct vfs_cred *cred)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_private = kzalloc(sizeof(struct tmpfs_info), GFP_KERNEL);
	if (!inode->i_private) {
		iput(inode);
		return NULL;
	}
	inode_init_owner(inode, dir, mode, cred);
	inode->i_nlink = 1;
	switch (mode & S_IFMT) {
	case S_IFDIR:
		inode->i_op = &tmpfs_dir_iops;
		inode->i_fop = &tmpfs_dir_fops;
		inode->i_nlink = 2;
		info(inode)->next_pos = DIR_FIRST_POS;
		break;
	case S_IFREG:
		inode->i_op = &tmpfs_file_iops;
		inode->i_fop = &tmpfs_file_fops;
		break;
	case S_IFLNK:
		inode->i_op = &tmpfs_link_iops;
		break;
	default:
		/* Device nodes, FIFOs, sockets: their drivers supply i_fop. */
		inode->i_rdev = rdev;
		break;
	}
	return inode;
}

/* A new name in dir for inode: the dentry cache holds it from now on. */
static void tmpfs_add(struct inode *dir, struct dentry *dentry,
		      struct inode *inode)
{
	dentry->d_fsdata = (unsigned long)info(dir)->next_pos++;
	d_instantiate(dentry, inode);
	dget(dentry);
	touch(dir, true);
}

static int tmpfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode,
		       kdev_t rdev, const struct vfs_cred *cred)
{
	struct inode *inode = tmpfs_get_inode(dir->i_sb, dir, mode, rdev, cred);

	if (!inode)
		return -ENOSPC;
	if (S_ISDIR(mode))
		dir->i_nlink++;
	tmpfs_add(dir, dentry, inode);
	return 0;
}

static int tmpfs_create(struct inode *dir, struct dentry *dentry, umode_t mode,
			const struct vfs_cred *cred)
{
	return tmpfs_mknod(dir, dentry, mode, 0, cred);
}

static int tmpfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode,
		       const struct vfs_cred *cred)
{
	return tmpfs_mknod(dir, dentry, mode, 0, cred);
}

static int tmpfs_symlink(struct inode *dir, struct dentry *dentry,
			 const char *target, const struct vfs_cred *cred)
{
	size_t len = strlen(target);
	struct inode *inode;
	char *copy;

	inode = tmpfs_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0, cred);
	if (!inode)
		return -ENOSPC;
	copy = kmalloc(len + 1, GFP_KERNEL);
	if (!copy) {
		iput(inode);
		return -ENOSPC;
	}
	memcpy(copy, target, len + 1);
	info(inode)->link = copy;
	inode->i_size = (loff_t)len;
	tmpfs_add(dir, dentry, inode);
	return 0;
}

static int tmpfs_link(struct dentry *old, struct inode *dir,
		      struct dentry *dentry)
{
	struct inode *inode = old->d_inode;

	inode->i_nlink++;
	touch(inode, false);
	tmpfs_add(dir, dentry, igrab(inode));
	return 0;
}

/* Drops the name: the cache's reference goes, the caller's d_delete follows. */
static void tmpfs_remove(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	if (S_ISDIR(inode->i_mode)) {
		inode->i_nlink = 0;
		dir->i_nlink--;
	} else {
		inode->i_nlink--;
	}
	touch(inode, false);
	touch(dir, true);
	dput(dentry);
}

static int tmpfs_unlink(struct inode *dir, struct dentry *dentry)
{
	tmpfs_remove(dir, dentry);
	return 0;
}

static bool tmpfs_empty(struct dentry *dentry)
{
	struct dentry *child;
	bool empty = true;

	spin_lock(&dcache_lock);
	list_for_each_entry(child, &dentry->d_subdirs, d_child) {
		if (child->d_inode) {
			empty = false;
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return empty;
}

static int tmpfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!tmpfs_empty(dentry))
		return -ENOTEMPTY;
	tmpfs_remove(dir, dentry);
	return 0;
}

/*
 * The VFS has checked permissions and types; d_move() follows. A replaced
 * target loses its name here, and a directory moving between parents
 * moves its ".." link with it.
 */
static int tmpfs_rename(struct inode *old_dir, struct dentry *old_dentry,
			struct inode *new_dir, struct dentry *new_dentry)
{
	struct inode *inode = old_dentry->d_inode;
	bool isdir = S_ISDIR(inode->i_mode);

	if (new_dentry->d_inode) {
		if (isdir && !tmpfs_empty(new_dentry))
			return -ENOTEMPTY;
		tmpfs_remove(new_dir, new_dentry);
	}
	if (isdir && old_dir != new_dir) {
		old_dir->i_nlink--;
		new_dir->i_nlink++;
	}
	old_dentry->d_fsdata = (unsigned long)info(new_dir)->next_pos++;
	touch(old_dir, true);
	touch(new_dir, true);
	touch(inode, false);
	return 0;
}

static int tmpfs_iterate(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry, *child;
	struct inode *inode = dir->d_inode;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 0, inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		struct dentry *parent = dget_parent(dir);
		bool more = ctx->actor(ctx, "..", 2, 1,
				       parent->d_inode->i_ino, DT_DIR);

		dput(parent);
		if (!more)
			return 0;
		ctx->pos = DIR_FIRST_POS;
	}
	spin_lock(&dcache_lock);
	list_for_each_entry(child, &dir->d_subdirs, d_child) {
		loff_t pos = (loff_t)child->d_fsdata;

		if (!child->d_inode || pos < ctx->pos)
			continue;
		if (!ctx->actor(ctx, child->d_name.name, child->d_name.len, pos,
				child->d_inode->i_ino,
				dt_type(child->d_inode->i_mode)))
			break;
		ctx->pos = pos + 1;
	}
	spin_unlock(&dcache_lock);
	inode->i_atime = current_time_ns();
	return 0;
}

static struct page *get_page_at(struct inode *inode, unsigned long index)
{
	struct tmpfs_info *ti = info(inode);
	struct page *page;

	if (index >= ti->npages) {
		unsigned long n = ti->npages ? ti->npages : 4;
		struct page **pages;

		while (n <= index)
			n *= 2;
		pages = krealloc(ti->pages, n * sizeof(*pages), GFP_KERNEL);
		if (!pages)
			return NULL;
		memset(pages + ti->npages, 0,
		       (n - ti->npages) * sizeof(*pages));
		ti->pages = pages;
		ti->npages = n;
	}
	page = ti->pages[index];
	if (!page) {
		page = alloc_page(__GFP_ZERO);
		if (!page)
			return NULL;
		__atomic_add_fetch(&tmpfs_pages, 1, __ATOMIC_RELAXED);
		ti->pages[index] = page;
		inode->i_blocks += PAGE_SIZE / 512;
	}
	return page;
}

/*
 * File data is guarded by i_rwsem, a sleeping lock: copies to and from user
 * buffers may fault and sleep. i_size changes under i_lock as well, for
 * the readers of metadata that take only that.
 */
static long tmpfs_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	struct tmpfs_info *ti = info(inode);
	size_t done = 0, len;

	mutex_lock(&inode->i_rwsem);
	len = iov_iter_count(to);
	if (*pos >= inode->i_size)
		len = 0;
	else if (len > (size_t)(inode->i_size - *pos))
		len = (size_t)(inode->i_size - *pos);
	while (done < len) {
		unsigned long index = (unsigned long)(*pos >> PAGE_SHIFT);
		size_t off = (size_t)(*pos & (PAGE_SIZE - 1));
		size_t n = PAGE_SIZE - off, got;

		if (n > len - done)
			n = len - done;
		if (index < ti->npages && ti->pages[index])
			got = copy_to_iter((char *)page_address(ti->pages[index]) + off,
					   n, to);
		else
			got = iov_iter_zero(n, to);
		done += got;
		*pos += (loff_t)got;
		if (got < n)
			break;
	}
	inode->i_atime = current_time_ns();
	mutex_unlock(&inode->i_rwsem);
	return done || !len ? (long)done : -EFAULT;
}

static long tmpfs_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	size_t done = 0, len;
	bool nospace = false;

	mutex_lock(&inode->i_rwsem);
	len = iov_iter_count(from);
	if (file->f_flags & O_APPEND)
		*pos = inode->i_size;
	while (done < len) {
		unsigned long index = (unsigned long)(*pos >> PAGE_SHIFT);
		size_t off = (size_t)(*pos & (PAGE_SIZE - 1));
		size_t n = PAGE_SIZE - off, got;
		struct page *page;

		spin_lock(&inode->i_lock);
		page = get_page_at(inode, index);
		spin_unlock(&inode->i_lock);
		if (!page) {
			nospace = true;
			break;
		}
		if (n > len - done)
			n = len - done;
		got = copy_from_iter((char *)page_address(page) + off, n, from);
		done += got;
		*pos += (loff_t)got;
		spin_lock(&inode->i_lock);
		if (*pos > inode->i_size)
			inode->i_size = *pos;
		spin_unlock(&inode->i_lock);
		if (got < n)
			break;
	}
	if (done)
		touch(inode, true);
	mutex_unlock(&inode->i_rwsem);
	if (!done && len)
		return nospace ? -ENOSPC : -EFAULT;
	return (long)done;
}

/*
 * SEEK_DATA and SEEK_HOLE at page granularity: a page never written (or
 * truncated away) is a hole, as in Linux's shmem; the end of the file is
 * a hole too.
 */
static loff_t tmpfs_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file->f_inode;
	struct tmpfs_info *ti = info(inode);
	unsigned long index, last;
	loff_t pos;

	if (whence != SEEK_DATA && whence != SEEK_HOLE)
		return generic_file_llseek(file, offset, whence);
	mutex_lock(&inode->i_rwsem);
	if (offset < 0 || offset >= inode->i_size) {
		mutex_unlock(&inode->i_rwsem);
		return -ENXIO;
	}
	last = (unsigned long)((inode->i_size - 1) >> PAGE_SHIFT);
	for (index = (unsigned long)(offset >> PAGE_SHIFT); index <= last;
	     index++) {
		bool data = index < ti->npages && ti->pages[index];

		if (data == (whence == SEEK_DATA))
			break;
	}
	pos = (loff_t)index << PAGE_SHIFT;
	if (pos < offset)
		pos = offset;
	if (index > last)
		pos = whence == SEEK_DATA ? -ENXIO : inode->i_size;
	mutex_unlock(&inode->i_rwsem);
	if (pos >= 0)
		file->f_pos = pos;
	return pos;
}

/*
 * Shrinking frees the pages past the end and zeroes the rest of the last
 * one, so growing again reads zeros; growing only moves i_size (a hole).
 */
static int tmpfs_setsize(struct inode *inode, loff_t size)
{
	struct tmpfs_info *ti = info(inode);

	if (size < inode->i_size) {
		unsigned long keep = (unsigned long)((size + PAGE_SIZE - 1) >>
						     PAGE_SHIFT);
		size_t off = (size_t)(size & (PAGE_SIZE - 1));

		free_pages_from(inode, keep);
		if (off && keep - 1 < ti->npages && ti->pages[keep - 1])
			memset((char *)page_address(ti->pages[keep - 1]) + off,
			       0, PAGE_SIZE - off);
	}
	inode->i_size = size;
	touch(inode, true);
	return 0;
}

static const char *tmpfs_get_link(struct inode *inode)
{
	return info(inode)->link;
}

static const struct inode_operations tmpfs_dir_iops = {
	.create = tmpfs_create,
	.mkdir = tmpfs_mkdir,
	.mknod = tmpfs_mknod,
	.symlink = tmpfs_symlink,
	.link = tmpfs_link,
	.unlink = tmpfs_unlink,
	.rmdir = tmpfs_rmdir,
	.rename = tmpfs_rename,
};

static const struct inode_operations tmpfs_file_iops = {
	.setsize = tmpfs_setsize,
};

static const struct inode_operations tmpfs_link_iops = {
	.get_link = tmpfs_get_link,
};

static const struct file_operations tmpfs_dir_fops = {
	.iterate = tmpfs_iterate,
};

static const struct file_operations tmpfs_file_fops = {
	.read = tmpfs_read,
	.write = tmpfs_write,
	.llseek = tmpfs_llseek,
};

/* tmpfs takes no mount options. */
static int tmpfs_fill_super(struct super_block *sb, const void *data)
{
	struct inode *root;

	if (data)
		return -EINVAL;
	sb->s_op = &tmpfs_sops;
	sb->s_blocksize = PAGE_SIZE;
	root = tmpfs_get_inode(sb, NULL, S_IFDIR | 0755, 0, &vfs_root_cred);
	if (!root)
		return -ENOMEM;
	sb->s_root = d_alloc_root(root);
	if (!sb->s_root) {
		iput(root);
		return -ENOMEM;
	}
	return 0;
}

static struct dentry *first_positive_child(struct dentry *dir)
{
	struct dentry *child, *found = NULL;

	spin_lock(&dcache_lock);
	list_for_each_entry(child, &dir->d_subdirs, d_child) {
		if (child->d_inode) {
			found = child;
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return found;
}

/* The name goes: its cache reference, and with it the dentry. */
static void tmpfs_release(struct dentry *dentry)
{
	d_drop(dentry);
	dput(dentry);
}

/*
 * Drops the cache's hold on every name below root, deepest first, without
 * recursion (a deep tree must not overflow the kernel stack). Nothing else
 * holds these dentries: the mount was not busy.
 */
static void tmpfs_release_tree(struct dentry *root)
{
	struct dentry *dir = root;

	for (;;) {
		struct dentry *child = first_positive_child(dir);

		if (child && S_ISDIR(child->d_inode->i_mode)) {
			dir = child;
		} else if (child) {
			tmpfs_release(child);
		} else if (dir != root) {
			child = dir;
			dir = dir->d_parent;
			tmpfs_release(child);
		} else {
			return;
		}
	}
}

static void tmpfs_kill_super(struct super_block *sb)
{
	tmpfs_release_tree(sb->s_root);
}

static struct file_system_type tmpfs_type = {
	.name = "tmpfs",
	.fill_super = tmpfs_fill_super,
	.kill_super = tmpfs_kill_super,
};

int tmpfs_init(void)
{
	return register_filesystem(&tmpfs_type);
}
