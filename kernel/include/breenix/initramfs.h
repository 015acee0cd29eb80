/*
 * The initramfs: the cpio "newc" archive the boot loader hands over as the
 * module named "initrd", unpacked into the root tmpfs at boot, as Linux does.
 */
#ifndef BREENIX_INITRAMFS_H
#define BREENIX_INITRAMFS_H

#include <stddef.h>

struct initramfs_stats {
	unsigned long entries;	/* members unpacked */
	unsigned long skipped;	/* members refused (bad name) or failed */
	size_t bad_offset;	/* where a corrupt archive stopped unpacking */
};

/*
 * Unpacks the archive in buf into the root filesystem as root. Returns 0,
 * or the cpio reader's error for a corrupt archive, in which case what came
 * before it stays unpacked. Members that cannot be created are logged and
 * skipped. The buffer may be freed afterwards.
 */
int initramfs_unpack_buf(const void *buf, size_t len,
			 struct initramfs_stats *st);

/*
 * Finds the "initrd" module and unpacks it; its pages stay reserved, as
 * the page allocator's boot-reservation test expects of every module. Never
 * fails the boot: a missing or corrupt archive is logged. Returns the result of
 * initramfs_unpack_buf(), or 0 without an initrd.
 */
int initramfs_unpack(void);

/* How /etc/initrd.manifest hashes file contents and symlink targets. */
#define FNV1A64_INIT	0xcbf29ce484222325ULL
static inline unsigned long long fnv1a64(unsigned long long h, const void *p,
					 size_t n)
{
	const unsigned char *c = p;

	while (n--)
		h = (h ^ *c++) * 0x100000001b3ULL;
	return h;
}

#endif
