/*
 * In-kernel tests of devfs and the character devices through the file API:
 * /dev is a devfs, the memory devices' semantics, the generator's output,
 * /dev/kmsg's record format, a tmpfs device node, and an unclaimed major.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/ktest.h>
#include <breenix/namei.h>
#include <breenix/random.h>
#include <breenix/slab.h>
#include <breenix/vfs.h>

#define R	(&vfs_root_cred)

KTEST(devfs_mounted_on_dev)
{
	static const char *const names[] = {
		"null", "zero", "full", "random", "urandom", "kmsg",
		"ttyS0", "console",
	};
	struct path path;
	struct kstat st;
	char name[32];
	size_t i;
	bool is_devfs;

	KT_ASSERT_EQ(kern_path(NULL, "/dev", LOOKUP_FOLLOW, R, &path), 0);
	is_devfs = !strcmp(path.mnt->mnt_sb->s_type->name, "devfs");
	path_put(&path);
	KT_ASSERT(is_devfs);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(name, sizeof(name), "/dev/%s", names[i]);
		KT_ASSERT_MSG(vfs_stat(NULL, name, 0, R, &st) == 0, "%s", name);
		KT_ASSERT_MSG(S_ISCHR(st.mode), "%s is not a char device",
			      name);
	}
	KT_ASSERT_EQ(vfs_stat(NULL, "/dev/null", 0, R, &st), 0);
	KT_ASSERT_EQ(st.rdev, MKDEV(1, 3));
	KT_ASSERT_EQ(vfs_stat(NULL, "/dev/ttyS0", 0, R, &st), 0);
	KT_ASSERT_EQ(st.rdev, MKDEV(4, 64));
	KT_ASSERT_EQ(vfs_stat(NULL, "/dev/nothere", 0, R, &st), -ENOENT);
}

struct count_ctx {
	struct dir_context ctx;
	unsigned int entries;
	bool saw_null;
};

static bool count_actor(struct dir_context *ctx, const char *name,
			unsigned int len, loff_t pos, uint64_t ino,
			unsigned int type)
{
	struct count_ctx *c = (struct count_ctx *)ctx;

	(void)pos, (void)ino;
	c->entries++;
	if (len == 4 && !memcmp(name, "null", 4) && type == DT_CHR)
		c->saw_null = true;
	return true;
}

KTEST(devfs_readdir)
{
	struct count_ctx c = { .ctx.actor = count_actor };
	struct file *f;

	KT_ASSERT_EQ(vfs_open(NULL, "/dev", O_RDONLY | O_DIRECTORY, 0, R, &f),
		     0);
	KT_ASSERT_EQ(vfs_readdir(f, &c.ctx), 0);
	vfs_close(f);
	KT_ASSERT(c.saw_null);
	KT_ASSERT(c.entries >= 10);	/* ".", "..", and eight devices */
}

static long rw(const char *path, unsigned int flags, bool write, void *buf,
	       size_t len)
{
	struct file *f;
	long n;
	int err = vfs_open(NULL, path, flags, 0, R, &f);

	if (err)
		return err;
	n = write ? vfs_write(f, buf, len, NULL) : vfs_read(f, buf, len, NULL);
	vfs_close(f);
	return n;
}

static bool all_zero(const unsigned char *p, size_t len)
{
	while (len--)
		if (*p++)
			return false;
	return true;
}

static void null_semantics(struct ktest_ctx *t, const char *path)
{
	char buf[64];

	memset(buf, 'x', sizeof(buf));
	KT_ASSERT_EQ(rw(path, O_RDONLY, false, buf, sizeof(buf)), 0);
	KT_ASSERT(buf[0] == 'x');
	KT_ASSERT_EQ(rw(path, O_WRONLY, true, buf, sizeof(buf)), 64);
}

KTEST(dev_null_zero_full)
{
	static unsigned char buf[8192];

	null_semantics(t, "/dev/null");
	if (t->failed)
		return;
	memset(buf, 0xa5, sizeof(buf));
	KT_ASSERT_EQ(rw("/dev/zero", O_RDONLY, false, buf, sizeof(buf)),
		     (long)sizeof(buf));
	KT_ASSERT(all_zero(buf, sizeof(buf)));
	KT_ASSERT_EQ(rw("/dev/zero", O_WRONLY, true, buf, 10), 10);
	memset(buf, 0xa5, sizeof(buf));
	KT_ASSERT_EQ(rw("/dev/full", O_RDONLY, false, buf, 100), 100);
	KT_ASSERT(all_zero(buf, 100));
	KT_ASSERT_EQ(rw("/dev/full", O_WRONLY, true, buf, 10), -ENOSPC);
	KT_ASSERT_EQ(rw("/dev/null", O_RDONLY, true, buf, 1), -EBADF);
}

KTEST(dev_urandom_output)
{
	const size_t sz = 4096, bits = 2 * 8 * 4096;
	unsigned char *a = kmalloc(2 * sz, GFP_KERNEL);
	unsigned long ones = 0, repeats = 0;
	bool same;
	size_t i, j;

	KT_ASSERT(a);
	if (rw("/dev/urandom", O_RDONLY, false, a, sz) != (long)sz ||
	    rw("/dev/random", O_RDONLY, false, a + sz, sz) != (long)sz) {
		kfree(a);
		KT_ASSERT_MSG(false, "short read");
	}
	for (i = 0; i < 2 * sz; i++)
		for (j = 0; j < 8; j++)
			ones += (a[i] >> j) & 1;
	for (i = 0; i < 2 * sz; i += 16)
		for (j = i + 16; j < 2 * sz; j += 16)
			repeats += !memcmp(a + i, a + j, 16);
	same = !memcmp(a, a + sz, sz);
	kfree(a);
	KT_ASSERT_MSG(!same, "two reads gave the same 4 KiB");
	KT_ASSERT_EQ(repeats, 0);
	/* 65536 fair bits: 45-55% ones is over 25 standard deviations. */
	KT_ASSERT_MSG(ones * 100 >= 45 * bits && ones * 100 <= 55 * bits,
		      "%lu one bits of %zu", ones, bits);
}

KTEST(get_random_bytes_differs)
{
	uint64_t a[4] = { 0 }, b[4] = { 0 };

	get_random_bytes(a, sizeof(a));
	get_random_bytes(b, sizeof(b));
	KT_ASSERT(memcmp(a, b, sizeof(a)) != 0);
	KT_ASSERT(a[0] || a[1] || a[2] || a[3]);
}

/*
 * Parses "level,seq,timestamp,-;" at the front of a record; returns the
 * text after it, or NULL when the prefix is malformed.
 */
static const char *kmsg_prefix(const char *rec, unsigned long *level,
			       unsigned long long *seq)
{
	char *end;

	*level = strtoul(rec, &end, 10);
	if (end == rec || *end++ != ',')
		return NULL;
	rec = end;
	*seq = strtoull(rec, &end, 10);
	if (end == rec || *end++ != ',')
		return NULL;
	rec = end;
	strtoull(rec, &end, 10);
	if (end == rec || strncmp(end, ",-;", 3))
		return NULL;
	return end + 3;
}

KTEST(dev_kmsg_records)
{
	char buf[1200];
	const char *text;
	struct file *f;
	unsigned long level;
	unsigned long long seq, seq2;
	long n, n2;

	KT_ASSERT_EQ(vfs_open(NULL, "/dev/kmsg", O_RDONLY, 0, R, &f), 0);
	n = vfs_read(f, buf, sizeof(buf) - 1, NULL);
	if (n > 0)
		buf[n] = '\0';
	text = n > 0 ? kmsg_prefix(buf, &level, &seq) : NULL;
	if (!text || !strstr(text, "Breenix") || buf[n - 1] != '\n' ||
	    level > 7) {
		vfs_close(f);
		KT_ASSERT_MSG(false, "first record (%ld) is \"%s\"", n,
			      n > 0 ? buf : "");
	}
	n2 = vfs_read(f, buf, sizeof(buf) - 1, NULL);
	if (n2 > 0)
		buf[n2] = '\0';
	KT_ASSERT_EQ(vfs_read(f, buf + 600, 4, NULL), -EINVAL);
	vfs_close(f);
	KT_ASSERT(n2 > 0);
	KT_ASSERT(kmsg_prefix(buf, &level, &seq2));
	KT_ASSERT_EQ(seq2, seq + 1);
}

KTEST(dev_kmsg_write_logs)
{
	static const char msg[] = "<5>kmsg-ktest-marker";
	char buf[1200];
	struct file *f;
	bool found = false;
	long n;

	KT_ASSERT_EQ(rw("/dev/kmsg", O_WRONLY, true, (void *)msg,
			sizeof(msg) - 1), (long)sizeof(msg) - 1);
	KT_ASSERT_EQ(vfs_open(NULL, "/dev/kmsg", O_RDONLY | O_NONBLOCK, 0, R,
			      &f), 0);
	while ((n = vfs_read(f, buf, sizeof(buf) - 1, NULL)) > 0 ||
	       n == -EPIPE) {
		if (n < 0)
			continue;
		buf[n] = '\0';
		if (strstr(buf, ";kmsg-ktest-marker\n") && buf[0] == '5')
			found = true;
	}
	vfs_close(f);
	KT_ASSERT_EQ(n, -EAGAIN);
	KT_ASSERT(found);
}

KTEST(chrdev_tmpfs_node_and_unclaimed_major)
{
	KT_ASSERT_EQ(vfs_mkdir(NULL, "/ktdev", 0755, R), 0);
	KT_ASSERT_EQ(vfs_mknod(NULL, "/ktdev/null", S_IFCHR | 0666,
			       MKDEV(1, 3), R), 0);
	KT_ASSERT_EQ(vfs_mknod(NULL, "/ktdev/none", S_IFCHR | 0666,
			       MKDEV(250, 0), R), 0);
	KT_ASSERT_EQ(vfs_mknod(NULL, "/ktdev/mem2", S_IFCHR | 0666,
			       MKDEV(1, 2), R), 0);
	null_semantics(t, "/ktdev/null");
	if (t->failed)
		return;
	KT_ASSERT_EQ(rw("/ktdev/none", O_RDONLY, false, NULL, 0), -ENXIO);
	KT_ASSERT_EQ(rw("/ktdev/mem2", O_RDONLY, false, NULL, 0), -ENXIO);
	KT_ASSERT_EQ(vfs_unlink(NULL, "/ktdev/null", R), 0);
	KT_ASSERT_EQ(vfs_unlink(NULL, "/ktdev/none", R), 0);
	KT_ASSERT_EQ(vfs_unlink(NULL, "/ktdev/mem2", R), 0);
	KT_ASSERT_EQ(vfs_rmdir(NULL, "/ktdev", R), 0);
}

KTEST(dev_ttyS0_nonblocking)
{
	static const char msg[] = "ktest: ttyS0 write\n";
	char c;

	KT_ASSERT_EQ(rw("/dev/ttyS0", O_WRONLY, true, (void *)msg,
			sizeof(msg) - 1), (long)sizeof(msg) - 1);
	KT_ASSERT_EQ(rw("/dev/ttyS0", O_RDONLY | O_NONBLOCK, false, &c, 1),
		     -EAGAIN);
}
