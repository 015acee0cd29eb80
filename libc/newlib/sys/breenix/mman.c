/*
 * Memory mappings over Linux's mmap, munmap, mprotect, msync and madvise
 * (the kernel has no mremap yet).
 */
#include <errno.h>
#include <sys/mman.h>
#include "syscall.h"

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
	return (void *)SYSCALL6(SYS_mmap, addr, length, prot, flags, fd, offset);
}

int munmap(void *addr, size_t length)
{
	return SYSCALL2(SYS_munmap, addr, length);
}

int mprotect(void *addr, size_t length, int prot)
{
	return SYSCALL3(SYS_mprotect, addr, length, prot);
}

int msync(void *addr, size_t length, int flags)
{
	return SYSCALL3(SYS_msync, addr, length, flags);
}

int madvise(void *addr, size_t length, int advice)
{
	return SYSCALL3(SYS_madvise, addr, length, advice);
}

/* POSIX: the error number is returned, errno left alone. */
int posix_madvise(void *addr, size_t length, int advice)
{
	return (int)-__sc3(SYS_madvise, addr, length, advice);
}
