/*
 * A reader for cpio "newc" archives held in memory: the initramfs the boot
 * loader hands over as a Multiboot2 module. The archive is never trusted, so
 * every field is checked before any byte it points at is read.
 */
#ifndef BREENIX_CPIO_H
#define BREENIX_CPIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The fixed header: "070701" or "070702" and 13 fields of 8 hex digits. */
#define CPIO_HDR_SIZE	110
/* The longest name accepted, its NUL included (PATH_MAX, as Linux's initramfs). */
#define CPIO_NAME_MAX	4096

/*
 * One archive member. name and data point into the archive buffer, which
 * must outlive the entry; name is NUL-terminated there (checked). Fields
 * are as the archive says: the name may be absolute or hold "." and ".."
 * components, and the mode is any 32-bit value. Sanitizing both is the
 * unpacker's job.
 *
 * Hard links: newc stores every name of a file as its own entry with the
 * same (devmajor, devminor, ino) and nlink > 1; only the last of them
 * carries the data and the others have size 0 (Linux's init/initramfs.c
 * and GNU cpio agree). The caller keys regular files with nlink > 1 on that
 * triple: the first entry creates the file, later ones link to it, and the
 * one with data fills it.
 */
struct cpio_entry {
	const char *name;
	size_t namelen;		/* strlen(name) */
	uint32_t mode, uid, gid, nlink, mtime;
	uint32_t devmajor, devminor;	/* the device holding the file */
	uint32_t rdevmajor, rdevminor;	/* the device a node stands for */
	const void *data;	/* file contents, or a symlink's target */
	size_t size;
	uint32_t ino;
};

struct cpio_iter {
	const unsigned char *buf;
	size_t len;
	size_t off;		/* next header, or padding between archives */
	bool in_archive;	/* a header seen since the last trailer */
	bool seen_trailer;	/* at least one archive ended properly */
	int err;		/* sticky: the error once returned */
};

void cpio_iter_init(struct cpio_iter *it, const void *buf, size_t len);

/*
 * Returns 1 and fills *out with the next member, 0 once the last archive's
 * trailer is followed only by NUL bytes up to the end of the buffer, or a
 * negative errno (returned again on every later call):
 *   -EINVAL	   bad magic, a non-hex digit, an empty name or one without
 *		   its NUL or with a NUL inside, junk after a trailer
 *   -ENODATA	   the archive ends early: a header, name or data runs past
 *		   the buffer, or the buffer ends without a trailer (also
 *		   when it holds no archive at all)
 *   -ENAMETOOLONG namesize above CPIO_NAME_MAX
 *   -EBADMSG	   a "070702" regular file whose data does not match its
 *		   checksum (other types carry none: GNU cpio writes 0)
 * Several archives may follow each other, with NUL padding before, between
 * and after them (Documentation/driver-api/early-userspace/buffer-format.rst);
 * the trailers between them are not reported.
 */
int cpio_next(struct cpio_iter *it, struct cpio_entry *out);

#endif
