/*
 * errno and its values: the numbers are the kernel's own
 * (asm-generic/errno.h, installed beside this from kernel/include/uapi),
 * plus POSIX's ENOTSUP, which Linux spells EOPNOTSUPP.
 */
#ifndef _SYS_ERRNO_H_
#define _SYS_ERRNO_H_

#include <sys/reent.h>
#include <asm-generic/errno.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef _REENT_ONLY
#define errno (*__errno())
extern int *__errno(void);
#endif

#define __errno_r(ptr) ((ptr)->_errno)

#ifdef _COMPILING_NEWLIB
/* newlib's libc/search reports a file of the wrong type with its EFTYPE. */
#define EFTYPE		EINVAL
#endif

/* POSIX's name for Linux's EOPNOTSUPP (errno(3)). */
#define ENOTSUP		EOPNOTSUPP

#ifdef __cplusplus
}
#endif

#endif
