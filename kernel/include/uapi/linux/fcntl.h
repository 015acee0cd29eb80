/*
 * open() flags, lseek() whences and the *at() conventions with Linux's
 * x86_64 values (asm-generic/fcntl.h, which x86_64 uses unchanged). Guarded
 * so that host code which also sees its libc's <fcntl.h> builds.
 */
#ifndef _UAPI_LINUX_FCNTL_H
#define _UAPI_LINUX_FCNTL_H

#ifndef O_CREAT
#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_NOCTTY	00000400
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_DSYNC		00010000
#define O_DIRECT	00040000
#define O_LARGEFILE	00100000
#define O_DIRECTORY	00200000
#define O_NOFOLLOW	00400000
#define O_NOATIME	01000000
#define O_CLOEXEC	02000000
#define O_SYNC		04010000
#define O_PATH		010000000
#endif
#ifndef O_ASYNC
#define O_ASYNC		00020000	/* FASYNC */
#endif

#ifndef F_DUPFD
#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_DUPFD_CLOEXEC	1030
#define FD_CLOEXEC	1
#endif

#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif
#ifndef SEEK_DATA
#define SEEK_DATA	3	/* the next byte of data at or after offset */
#define SEEK_HOLE	4	/* the next hole at or after offset */
#endif

#ifndef AT_FDCWD
#define AT_FDCWD		-100
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_REMOVEDIR		0x200
#define AT_SYMLINK_FOLLOW	0x400
#define AT_EMPTY_PATH		0x1000
#endif
#ifndef AT_EACCESS
#define AT_EACCESS		0x200	/* faccessat: effective ids */
#endif
#ifndef AT_STATX_SYNC_TYPE
#define AT_STATX_SYNC_TYPE	0x6000	/* statx: how to sync (tmpfs: nothing) */
#endif

#endif
