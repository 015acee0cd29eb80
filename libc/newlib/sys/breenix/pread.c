/*
 * pread(2): the system call, in place of newlib's emulation over lseek
 * (libc/unix/pread.c), which moves the shared file offset.
 */
#include <unistd.h>
#include "syscall.h"

ssize_t pread(int fd, void *buf, size_t count, off_t offset)
{
	return SYSCALL4(SYS_pread64, fd, buf, count, offset);
}
