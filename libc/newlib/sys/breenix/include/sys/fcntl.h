/*
 * open(2) and fcntl(2): the flag and command values of
 * kernel/include/uapi/linux/fcntl.h, plus the record-lock commands and
 * struct flock of Linux's asm-generic/fcntl.h (x86_64 layout).
 */
#ifndef _SYS_FCNTL_H_
#define _SYS_FCNTL_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <linux/fcntl.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Linux's asm-generic/fcntl.h: a directory argument with __O_TMPFILE. */
#define O_TMPFILE	(020000000 | O_DIRECTORY)
#define O_NDELAY	O_NONBLOCK
#define O_RSYNC		O_SYNC
#define O_EXEC		O_PATH
#define O_SEARCH	O_PATH
#define FNONBLOCK	O_NONBLOCK
#define FAPPEND		O_APPEND

#define F_GETLK		5
#define F_SETLK		6
#define F_SETLKW	7
#define F_SETOWN	8
#define F_GETOWN	9

#define F_RDLCK		0
#define F_WRLCK		1
#define F_UNLCK		2

struct flock {
	short l_type;
	short l_whence;
	off_t l_start;
	off_t l_len;
	pid_t l_pid;
};

int open(const char *, int, ...);
int openat(int, const char *, int, ...);
int creat(const char *, mode_t);
int fcntl(int, int, ...);

#ifdef _COMPILING_NEWLIB
int _open(const char *, int, ...);
int _fcntl(int, int, ...);
#endif

#ifdef __cplusplus
}
#endif

#endif
