/*
 * pwrite(2): the system call, in place of newlib's emulation over lseek
 * (libc/unix/pwrite.c), which moves the shared file offset.
 */
#include <unistd.h>
#include "syscall.h"

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)
{
	return SYSCALL4(SYS_pwrite64, fd, buf, count, offset);
}
