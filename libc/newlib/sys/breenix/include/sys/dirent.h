/*
 * struct dirent as Linux's getdents64(2) writes struct linux_dirent64
 * (kernel/fs/readdir.c), so readdir() hands out records straight from the
 * buffer; DIR is the port's own (dirent.c).
 */
#ifndef _SYS_DIRENT_H
#define _SYS_DIRENT_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

/* d_type (Linux's include/linux/fs_types.h: the S_IFMT bits >> 12). */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12
#define DT_WHT		14
#define IFTODT(mode)	(((mode) & 0170000) >> 12)
#define DTTOIF(type)	((type) << 12)

#define MAXNAMLEN	255

typedef struct __dirstream DIR;

ssize_t getdents(int, void *, size_t);

#ifdef __cplusplus
}
#endif

#endif
