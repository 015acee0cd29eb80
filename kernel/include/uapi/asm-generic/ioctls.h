/* The generic ioctl numbers of Linux's include/uapi/asm-generic/ioctls.h that Breenix handles. */
#ifndef _UAPI_ASM_GENERIC_IOCTLS_H
#define _UAPI_ASM_GENERIC_IOCTLS_H

#define FIONREAD	0x541B
#define FIONBIO		0x5421

#endif
