/* readv/writev's vector element (Linux's uapi/linux/uio.h). */
#ifndef _UAPI_LINUX_UIO_H
#define _UAPI_LINUX_UIO_H

#include <stddef.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};

#endif
