/*
 * Unpacks the initrd (a cpio "newc" archive) into the root tmpfs, following
 * Linux's init/initramfs.c: names are sanitized, missing parents created,
 * existing non-directories replaced, hard links rebuilt from inode numbers.
 */
#include <stdbool.h>
#include <string.h>
#include <asm/page.h>
#include <breenix/cpio.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/initramfs.h>
#include <breenix/mm.h>
#include <breenix/printk.h>
#include <breenix/slab.h>
#include <breenix/vfs.h>

#define R	(&vfs_root_cred)

/* A regular file with nlink > 1, kept until its last name is seen. */
struct hardlink {
	struct hardlink *next;
	uint32_t major, minor, ino;
	char path[];
};

/* A directory whose mtime is set last: its children's creation moves it. */
struct dir_mtime {
	struct dir_mtime *next;
	int64_t mtime_ns;
	char path[];
};

struct unpacker {
	struct hardlink *links;
	struct dir_mtime *dirs;
	char *path;		/* the sanitized name of the current member */
};

/*
 * Rewrites name as an absolute path without empty or "." components into
 * out (CPIO_NAME_MAX + 1 bytes). Returns 0, 1 when the name is the root
 * itself, or -EINVAL for a ".." component, which could escape the root.
 */
static int sanitize(const char *name, char *out)
{
	size_t o = 0;

	while (*name) {
		const char *end = strchr(name, '/');
		size_t n = end ? (size_t)(end - name) : strlen(name);

		if (n == 2 && name[0] == '.' && name[1] == '.')
			return -EINVAL;
		if (n && !(n == 1 && name[0] == '.')) {
			out[o++] = '/';
			memcpy(out + o, name, n);
			o += n;
		}
		name += n;
		if (*name)
			name++;
	}
	out[o] = '\0';
	return o ? 0 : 1;
}

/* Creates each missing directory above path with mode 0755. */
static int make_parents(char *path)
{
	char *p;
	int err;

	for (p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		err = vfs_mkdir(NULL, path, 0755, R);
		*p = '/';
		if (err && err != -EEXIST)
			return err;
	}
	return 0;
}

/*
 * Clears the way for a new member at path: a directory stays for a
 * directory (merged), anything else in the way goes, as Linux unlinks.
 */
static int clear_path(const char *path, bool want_dir)
{
	struct kstat st;
	int err = vfs_stat(NULL, path, AT_SYMLINK_NOFOLLOW, R, &st);

	if (err == -ENOENT)
		return 0;
	if (err)
		return err;
	if (S_ISDIR(st.mode))
		return want_dir ? 0 : vfs_rmdir(NULL, path, R);
	return vfs_unlink(NULL, path, R);
}

static int write_data(const char *path, const void *data, size_t size)
{
	struct file *f;
	size_t done = 0;
	int err = vfs_open(NULL, path, O_WRONLY | O_TRUNC, 0, R, &f);

	if (err)
		return err;
	while (done < size) {
		long n = vfs_write(f, (const char *)data + done, size - done,
				   NULL);

		if (n <= 0) {
			err = n ? (int)n : -EIO;
			break;
		}
		done += n;
	}
	vfs_close(f);
	return err;
}

static struct hardlink *find_link(struct unpacker *u,
				  const struct cpio_entry *e)
{
	struct hardlink *h;

	for (h = u->links; h; h = h->next)
		if (h->ino == e->ino && h->major == e->devmajor &&
		    h->minor == e->devminor)
			return h;
	return NULL;
}

static int unpack_file(struct unpacker *u, const struct cpio_entry *e)
{
	const char *path = u->path;
	struct hardlink *h = NULL;
	struct file *f;
	int err;

	if (e->nlink > 1) {
		h = find_link(u, e);
		if (h) {
			err = vfs_link(NULL, h->path, path, R);
			goto data;
		}
		h = kmalloc(sizeof(*h) + strlen(path) + 1, GFP_KERNEL);
		if (!h)
			return -ENOMEM;
		h->major = e->devmajor;
		h->minor = e->devminor;
		h->ino = e->ino;
		strcpy(h->path, path);
		h->next = u->links;
		u->links = h;
	}
	err = vfs_open(NULL, path, O_CREAT | O_EXCL | O_WRONLY,
		       e->mode & 07777, R, &f);
	if (err)
		return err;
	vfs_close(f);
data:
	if (!err && e->size)
		err = write_data(path, e->data, e->size);
	return err;
}

static int remember_dir(struct unpacker *u, const char *path, int64_t mtime)
{
	struct dir_mtime *d = kmalloc(sizeof(*d) + strlen(path) + 1,
				      GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	d->mtime_ns = mtime;
	strcpy(d->path, path);
	d->next = u->dirs;
	u->dirs = d;
	return 0;
}

static int unpack_entry(struct unpacker *u, const struct cpio_entry *e)
{
	const char *path = u->path;
	umode_t type = e->mode & S_IFMT;
	int64_t mtime = (int64_t)e->mtime * 1000000000;
	int err;

	err = make_parents(u->path);
	if (!err)
		err = clear_path(path, type == S_IFDIR);
	if (err)
		return err;
	switch (type) {
	case S_IFDIR:
		err = vfs_mkdir(NULL, path, e->mode & 07777, R);
		if (err == -EEXIST)
			err = 0;
		break;
	case S_IFREG:
		err = unpack_file(u, e);
		break;
	case S_IFLNK: {
		char *target = kmalloc(e->size + 1, GFP_KERNEL);

		if (!target)
			return -ENOMEM;
		memcpy(target, e->data, e->size);
		target[e->size] = '\0';
		/* A target with a NUL inside would silently be cut short. */
		err = strlen(target) == e->size ?
			vfs_symlink(NULL, target, path, R) : -EINVAL;
		kfree(target);
		break;
	}
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		err = vfs_mknod(NULL, path, e->mode & (S_IFMT | 07777),
				MKDEV(e->rdevmajor, e->rdevminor), R);
		break;
	default:
		err = -EINVAL;
	}
	if (!err)
		err = vfs_chown(NULL, path, e->uid, e->gid, R);
	if (err)
		return err;
	if (type == S_IFDIR)
		return remember_dir(u, path, mtime);
	return vfs_set_mtime(NULL, path, mtime, R);
}

static void finish(struct unpacker *u)
{
	while (u->dirs) {
		struct dir_mtime *d = u->dirs;

		u->dirs = d->next;
		vfs_set_mtime(NULL, d->path, d->mtime_ns, R);
		kfree(d);
	}
	while (u->links) {
		struct hardlink *h = u->links;

		u->links = h->next;
		kfree(h);
	}
	kfree(u->path);
}

int initramfs_unpack_buf(const void *buf, size_t len,
			 struct initramfs_stats *st)
{
	struct unpacker u = { 0 };
	struct cpio_iter it;
	struct cpio_entry e;
	size_t start;
	int ret, err;

	*st = (struct initramfs_stats){ 0 };
	u.path = kmalloc(CPIO_NAME_MAX + 1, GFP_KERNEL);
	if (!u.path)
		return -ENOMEM;
	cpio_iter_init(&it, buf, len);
	for (;;) {
		start = it.off;
		ret = cpio_next(&it, &e);
		if (ret <= 0)
			break;
		err = sanitize(e.name, u.path);
		if (err == 1)
			continue;
		if (!err)
			err = unpack_entry(&u, &e);
		if (err) {
			pr_warn("initramfs: skipping \"%s\": error %d\n",
				e.name, err);
			st->skipped++;
		} else {
			st->entries++;
		}
	}
	if (ret < 0) {
		st->bad_offset = start;
		pr_err("initramfs: corrupt archive at offset %zu: error %d; unpacking stopped\n",
		       start, ret);
	}
	finish(&u);
	return ret;
}

int initramfs_unpack(void)
{
	struct initramfs_stats st;
	struct boot_module m;
	uint64_t freed;
	int ret;

	if (bootinfo_find_module(&boot_info, "initrd", &m)) {
		pr_info("initramfs: no initrd module: the root stays empty\n");
		return 0;
	}
	ret = initramfs_unpack_buf(phys_to_virt(m.start), m.end - m.start,
				   &st);
	freed = free_reserved_area((m.start + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1),
				   m.end & ~(PAGE_SIZE - 1));
	pr_info("initramfs: unpacked %lu entries (%llu KiB), freed %llu KiB\n",
		st.entries,
		(unsigned long long)(m.end - m.start + 1023) / 1024,
		(unsigned long long)freed * (PAGE_SIZE / 1024));
	return ret;
}
