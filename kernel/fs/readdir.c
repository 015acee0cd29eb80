/*
 * getdents64 (Linux's fs/readdir.c): directory entries as struct
 * linux_dirent64 records, each 8-byte aligned, d_off being where the next
 * read starts. Entries are gathered in a kernel buffer while the
 * directory is locked (the readdir actor may not fault) and copied out
 * after; the position moves only past what reached user memory.
 */
#include <stddef.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/slab.h>
#include <breenix/syscall.h>
#include <breenix/uaccess.h>
#include <breenix/vfs.h>

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/* The kernel buffer's size: a bigger user buffer just takes more calls. */
#define GETDENTS_BUF	(16 * 1024)

struct getdents_ctx {
	struct dir_context ctx;
	char *buf;
	size_t size, used;
	bool too_small;			/* the first entry did not fit */
};

static bool filldir64(struct dir_context *ctx, const char *name,
		      unsigned int len, loff_t pos, uint64_t ino,
		      unsigned int type)
{
	struct getdents_ctx *g = (struct getdents_ctx *)ctx;
	size_t reclen = (offsetof(struct linux_dirent64, d_name) + len + 1 +
			 7) & ~(size_t)7;
	struct linux_dirent64 *d;

	if (g->used + reclen > g->size) {
		g->too_small = !g->used;
		return false;
	}
	d = (struct linux_dirent64 *)(g->buf + g->used);
	memset(d, 0, reclen);
	d->d_ino = ino;
	d->d_off = pos + 1;
	d->d_reclen = (unsigned short)reclen;
	d->d_type = (unsigned char)type;
	memcpy(d->d_name, name, len);
	g->used += reclen;
	return true;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 *,
		dirent, unsigned int, count)
{
	struct getdents_ctx g = { .ctx.actor = filldir64 };
	struct file *file;
	loff_t start;
	long ret;

	if (!access_ok(dirent, count))
		return -EFAULT;
	file = fget(fd);
	if (!file)
		return -EBADF;
	g.size = count < GETDENTS_BUF ? count : GETDENTS_BUF;
	g.buf = kmalloc(g.size ? g.size : 1, GFP_KERNEL);
	if (!g.buf) {
		fput(file);
		return -ENOMEM;
	}
	start = file->f_pos;
	ret = vfs_readdir(file, &g.ctx);
	if (!ret && g.too_small)
		ret = -EINVAL;
	if (!ret && g.used && copy_to_user(dirent, g.buf, g.used)) {
		/* Nothing reached the caller: the entries are read again. */
		vfs_lseek(file, start, SEEK_SET);
		ret = -EFAULT;
	}
	if (!ret)
		ret = (long)g.used;
	kfree(g.buf);
	fput(file);
	return ret;
}
