/*
 * The cpio "newc" (and checksummed "crc") archive reader behind initramfs,
 * after the cpio(5) layout and Linux's buffer-format.rst. Policy code,
 * shared with the host tests.
 */
#include <string.h>
#include <breenix/cpio.h>
#include <breenix/errno.h>
#include <linux/stat.h>

/* The header fields after the 6-byte magic, each 8 ASCII hex digits. */
enum {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK,
	F_COUNT
};

#define MAGIC_LEN	6
#define FIELD_LEN	8
#define TRAILER		"TRAILER!!!"

static int hex_digit(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int parse_field(const unsigned char *p, uint32_t *val)
{
	uint32_t v = 0;
	int i, d;

	for (i = 0; i < FIELD_LEN; i++) {
		d = hex_digit(p[i]);
		if (d < 0)
			return -EINVAL;
		v = v << 4 | (uint32_t)d;
	}
	*val = v;
	return 0;
}

/* "070701" is newc; "070702" adds a checksum of the data in the check field. */
static int parse_header(const unsigned char *h, uint32_t f[F_COUNT], bool *crc)
{
	int i, ret;

	if (memcmp(h, "07070", 5) || (h[5] != '1' && h[5] != '2'))
		return -EINVAL;
	*crc = h[5] == '2';
	for (i = 0; i < F_COUNT; i++) {
		ret = parse_field(h + MAGIC_LEN + i * FIELD_LEN, &f[i]);
		if (ret)
			return ret;
	}
	return 0;
}

/*
 * Round off up to a multiple of 4 (headers sit at multiples of 4 from the
 * buffer start, so this is the format's padding from the header start).
 * Padding cut off by the end of the buffer is forgiven: nothing follows.
 */
static size_t pad4(size_t off, size_t len)
{
	size_t pad = -off & 3;

	return len - off < pad ? len : off + pad;
}

/*
 * The "crc" format's checksum: the 32-bit sum of the data bytes. GNU cpio
 * fills it for regular files only (a symlink's is 0) and checks it only for
 * them, so only theirs is verified here.
 */
static uint32_t data_sum(const unsigned char *p, size_t n)
{
	uint32_t sum = 0;

	while (n--)
		sum += *p++;
	return sum;
}

static void fill_entry(struct cpio_entry *e, const uint32_t f[F_COUNT],
		       const char *name, const void *data)
{
	e->name = name;
	e->namelen = f[F_NAMESIZE] - 1;
	e->mode = f[F_MODE];
	e->uid = f[F_UID];
	e->gid = f[F_GID];
	e->nlink = f[F_NLINK];
	e->mtime = f[F_MTIME];
	e->devmajor = f[F_DEVMAJOR];
	e->devminor = f[F_DEVMINOR];
	e->rdevmajor = f[F_RDEVMAJOR];
	e->rdevminor = f[F_RDEVMINOR];
	e->data = data;
	e->size = f[F_FILESIZE];
	e->ino = f[F_INO];
}

/*
 * Read the member at it->off into *e and move past it. Every length is
 * compared with what is left of the buffer before it is added to an
 * offset, so no sum can overflow and no byte past the end is read.
 */
static int read_entry(struct cpio_iter *it, struct cpio_entry *e)
{
	const unsigned char *h = it->buf + it->off;
	size_t name_off, data_off, namesize, size;
	uint32_t f[F_COUNT];
	const char *name;
	bool crc;
	int ret;

	if (it->len - it->off < CPIO_HDR_SIZE)
		return -ENODATA;
	ret = parse_header(h, f, &crc);
	if (ret)
		return ret;
	namesize = f[F_NAMESIZE];
	size = f[F_FILESIZE];
	if (namesize > CPIO_NAME_MAX)
		return -ENAMETOOLONG;
	if (namesize < 2)
		return -EINVAL;
	name_off = it->off + CPIO_HDR_SIZE;
	if (it->len - name_off < namesize)
		return -ENODATA;
	name = (const char *)it->buf + name_off;
	if (name[namesize - 1] || memchr(name, 0, namesize - 1))
		return -EINVAL;
	data_off = pad4(name_off + namesize, it->len);
	if (it->len - data_off < size)
		return -ENODATA;
	if (crc && S_ISREG(f[F_MODE]) &&
	    data_sum(it->buf + data_off, size) != f[F_CHECK])
		return -EBADMSG;
	fill_entry(e, f, name, it->buf + data_off);
	it->off = pad4(data_off + size, it->len);
	return 0;
}

/*
 * Between archives only NUL bytes may appear, and the next archive starts
 * at a multiple of 4, as Linux's initramfs unpacker demands. Returns 1 when
 * another archive follows, 0 at the end of the buffer.
 */
static int skip_padding(struct cpio_iter *it)
{
	while (it->off < it->len && !it->buf[it->off])
		it->off++;
	if (it->off == it->len)
		return 0;
	if (it->off & 3)
		return -EINVAL;
	return 1;
}

static bool is_trailer(const struct cpio_entry *e)
{
	return e->namelen == sizeof(TRAILER) - 1 &&
	       !memcmp(e->name, TRAILER, sizeof(TRAILER) - 1);
}

void cpio_iter_init(struct cpio_iter *it, const void *buf, size_t len)
{
	it->buf = buf;
	it->len = len;
	it->off = 0;
	it->in_archive = false;
	it->seen_trailer = false;
	it->err = 0;
}

int cpio_next(struct cpio_iter *it, struct cpio_entry *out)
{
	int ret;

	if (it->err)
		return it->err;
	for (;;) {
		if (!it->in_archive) {
			ret = skip_padding(it);
			if (!ret) {
				if (it->seen_trailer)
					return 0;
				ret = -ENODATA;
			}
			if (ret < 0)
				goto out;
			it->in_archive = true;
		}
		ret = read_entry(it, out);
		if (ret)
			goto out;
		if (!is_trailer(out))
			return 1;
		it->in_archive = false;
		it->seen_trailer = true;
	}
out:
	it->err = ret;
	return ret;
}
