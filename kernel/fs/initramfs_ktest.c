/*
 * Checks the unpacked initramfs against /etc/initrd.manifest, the listing
 * the build wrote of the tree it packed (cmake/initrd_manifest.py): every
 * entry's type, mode, size, link count and content hash, and nothing extra.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <breenix/boottest.h>
#include <breenix/errno.h>
#include <breenix/initramfs.h>
#include <breenix/ktest.h>
#include <breenix/printk.h>
#include <breenix/slab.h>
#include <breenix/vfs.h>

#define R		(&vfs_root_cred)
#define MANIFEST	"/etc/initrd.manifest"
#define FIXTURE		"/usr/share/breenix-tests/initramfs"
#define MANIFEST_MAX	(256 * 1024)
#define BUF_SIZE	4096

/* Reads all of path into a new NUL-terminated buffer; NULL on failure. */
static char *slurp(const char *path, size_t max, size_t *len)
{
	char *buf = kmalloc(max + 1, GFP_KERNEL);
	struct file *f;
	long n = 0;

	if (!buf)
		return NULL;
	if (vfs_open(NULL, path, O_RDONLY, 0, R, &f)) {
		kfree(buf);
		return NULL;
	}
	*len = 0;
	while (*len < max && (n = vfs_read(f, buf + *len, max - *len, NULL)) > 0)
		*len += n;
	vfs_close(f);
	if (n < 0) {
		kfree(buf);
		return NULL;
	}
	buf[*len] = '\0';
	return buf;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Undoes the manifest's %XX quoting in place; false on a bad escape. */
static bool unquote(char *s)
{
	char *o = s;

	for (; *s; s++) {
		if (*s == '%') {
			int hi = hexval(s[1]), lo = hi < 0 ? -1 : hexval(s[2]);

			if (lo < 0)
				return false;
			*o++ = (char)(hi << 4 | lo);
			s += 2;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return true;
}

static bool parse_num(const char *s, unsigned int base,
		      unsigned long long *out)
{
	*out = 0;
	if (!*s)
		return false;
	for (; *s; s++) {
		int d = hexval(*s);

		if (d < 0 || (unsigned int)d >= base)
			return false;
		*out = *out * base + d;
	}
	return true;
}

static unsigned long long hash_file(const char *path, char *buf, int *err)
{
	unsigned long long h = FNV1A64_INIT;
	struct file *f;
	long n;

	*err = vfs_open(NULL, path, O_RDONLY, 0, R, &f);
	if (*err)
		return 0;
	while ((n = vfs_read(f, buf, BUF_SIZE, NULL)) > 0)
		h = fnv1a64(h, buf, n);
	vfs_close(f);
	if (n < 0)
		*err = (int)n;
	return h;
}

/* Compares one manifest line with the file it names; false on a mismatch. */
static bool check_line(char *line, char *buf)
{
	char *field[6];
	unsigned long long mode, size, nlink, hash = 0, got = 0;
	umode_t type;
	struct kstat st;
	int i, err = 0;

	for (i = 0; i < 6; i++) {
		field[i] = line;
		line = strchr(line, ' ');
		if (!line != (i == 5))
			goto bad;
		if (line)
			*line++ = '\0';
	}
	if (!unquote(field[0]) || strlen(field[1]) != 1 ||
	    !parse_num(field[2], 8, &mode) || !parse_num(field[3], 10, &size) ||
	    !parse_num(field[4], 10, &nlink) ||
	    (strcmp(field[5], "-") && !parse_num(field[5], 16, &hash)))
		goto bad;
	switch (field[1][0]) {
	case 'f': type = S_IFREG; break;
	case 'd': type = S_IFDIR; break;
	case 'l': type = S_IFLNK; break;
	case 'c': type = S_IFCHR; break;
	case 'b': type = S_IFBLK; break;
	case 'p': type = S_IFIFO; break;
	default: type = S_IFSOCK; break;
	}
	err = vfs_stat(NULL, field[0], AT_SYMLINK_NOFOLLOW, R, &st);
	if (err) {
		pr_err("initramfs test: %s: stat error %d\n", field[0], err);
		return false;
	}
	if ((st.mode & S_IFMT) != type || (st.mode & 07777) != mode ||
	    st.uid || st.gid) {
		pr_err("initramfs test: %s: mode %o uid %u gid %u, expected %o%04llo root\n",
		       field[0], st.mode, st.uid, st.gid, type, mode);
		return false;
	}
	if (type == S_IFREG) {
		got = hash_file(field[0], buf, &err);
		if (!err && ((unsigned long long)st.size != size ||
			     st.nlink != nlink))
			err = -EFBIG;
	} else if (type == S_IFLNK) {
		long n = vfs_readlink(NULL, field[0], buf, BUF_SIZE, R);

		got = fnv1a64(FNV1A64_INIT, buf, n > 0 ? n : 0);
		if (n < 0 || (unsigned long long)n != size)
			err = n < 0 ? (int)n : -EFBIG;
	}
	if (!err && got != hash)
		err = -EBADMSG;
	if (err) {
		pr_err("initramfs test: %s: size %lld nlink %u hash %016llx, expected %llu %llu %016llx (error %d)\n",
		       field[0], (long long)st.size, st.nlink, got, size, nlink,
		       hash, err);
		return false;
	}
	return true;
bad:
	pr_err("initramfs test: malformed manifest line\n");
	return false;
}

struct names {
	struct dir_context ctx;
	char *buf;
	size_t used;
	bool full;
};

static bool add_name(struct dir_context *ctx, const char *name,
		     unsigned int len, loff_t pos, uint64_t ino,
		     unsigned int type)
{
	struct names *nm = (struct names *)ctx;

	(void)pos;
	(void)ino;
	(void)type;
	if ((len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.'))
		return true;
	if (nm->used + len + 1 > BUF_SIZE) {
		nm->full = true;
		return false;
	}
	memcpy(nm->buf + nm->used, name, len);
	nm->buf[nm->used + len] = '\0';
	nm->used += len + 1;
	return true;
}

/*
 * Counts the entries below dir on the root's filesystem, leaving out the
 * manifest and /dev; other mounts are not the initramfs's. -errno on error.
 */
static long count_tree(const char *dir, kdev_t root_dev)
{
	struct names nm = { .ctx.actor = add_name };
	size_t dlen = strlen(dir);
	struct file *d;
	long count = 0;
	bool opened;
	char *path;
	int err;

	nm.buf = kmalloc(BUF_SIZE, GFP_KERNEL);
	path = kmalloc(BUF_SIZE, GFP_KERNEL);
	err = nm.buf && path ? 0 : -ENOMEM;
	if (!err)
		err = vfs_open(NULL, dir, O_RDONLY | O_DIRECTORY, 0, R, &d);
	opened = !err;
	while (!err) {
		size_t off;

		nm.used = 0;
		nm.full = false;
		err = vfs_readdir(d, &nm.ctx);
		for (off = 0; !err && off < nm.used;
		     off += strlen(nm.buf + off) + 1) {
			struct kstat st;

			snprintf(path, BUF_SIZE, "%s/%s",
				 dlen == 1 ? "" : dir, nm.buf + off);
			if (!strcmp(path, MANIFEST) || !strcmp(path, "/dev"))
				continue;
			err = vfs_stat(NULL, path, AT_SYMLINK_NOFOLLOW, R, &st);
			if (err || st.dev != root_dev)
				continue;
			count++;
			if (S_ISDIR(st.mode)) {
				long n = count_tree(path, root_dev);

				if (n < 0)
					err = (int)n;
				else
					count += n;
			}
		}
		if (!nm.full)
			break;
	}
	if (opened)
		vfs_close(d);
	kfree(nm.buf);
	kfree(path);
	return err ? err : count;
}

/*
 * Checks every manifest entry and that the tree under subtree holds no
 * more than the manifest lists there. Returns the number of problems.
 */
static int check_initramfs(const char *subtree)
{
	size_t len, sublen = strlen(subtree);
	char *manifest = slurp(MANIFEST, MANIFEST_MAX, &len);
	char *buf = kmalloc(BUF_SIZE, GFP_KERNEL);
	long listed = 0, found;
	int bad = 0;
	struct kstat root;
	char *line, *next;

	if (!manifest || !buf) {
		pr_err("initramfs test: cannot read " MANIFEST "\n");
		kfree(manifest);
		kfree(buf);
		return 1;
	}
	for (line = manifest; *line; line = next) {
		next = strchr(line, '\n');
		if (!next) {
			pr_err("initramfs test: manifest does not end in a newline\n");
			bad++;
			break;
		}
		*next++ = '\0';
		if (!strncmp(line, subtree, sublen) &&
		    (sublen == 1 || line[sublen] == '/'))
			listed++;
		if (!check_line(line, buf))
			bad++;
	}
	vfs_stat(NULL, "/", 0, R, &root);
	found = count_tree(subtree, root.dev);
	if (found != listed) {
		pr_err("initramfs test: %ld entries under %s, manifest lists %ld\n",
		       found, subtree, listed);
		bad++;
	}
	pr_info("initramfs test: %ld manifest entries checked, %d problems\n",
		listed, bad);
	kfree(manifest);
	kfree(buf);
	return bad;
}

/* Other tests may have added files elsewhere: only the fixture is exact. */
KTEST(initramfs_matches_manifest)
{
	KT_ASSERT_EQ(check_initramfs(FIXTURE), 0);
}

KTEST(initramfs_hard_links_share_an_inode)
{
	struct kstat a, b;

	KT_ASSERT_EQ(vfs_stat(NULL, FIXTURE "/hardlink-a", 0, R, &a), 0);
	KT_ASSERT_EQ(vfs_stat(NULL, FIXTURE "/hardlink-b", 0, R, &b), 0);
	KT_ASSERT_EQ(a.ino, b.ino);
	KT_ASSERT_EQ(a.nlink, 2);
	KT_ASSERT_EQ(a.size, 7);
}

/* test=initramfs: right after boot, so the whole root must match. */
BOOT_TEST(initramfs)
{
	return check_initramfs("/") == 0;
}
