/* Scatter-gather I/O (readv/writev): Linux's struct iovec and limit. */
#ifndef _UAPI_LINUX_UIO_H
#define _UAPI_LINUX_UIO_H

#include <stddef.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};

#define UIO_FASTIOV	8
#define UIO_MAXIOV	1024

#endif
