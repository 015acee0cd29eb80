/* The generic ioctl numbers of Linux's include/uapi/asm-generic/ioctls.h that Breenix handles. */
#ifndef _UAPI_ASM_GENERIC_IOCTLS_H
#define _UAPI_ASM_GENERIC_IOCTLS_H

#define FIONREAD	0x541B
#define FIONBIO		0x5421
#define FIONCLEX	0x5450
#define FIOCLEX		0x5451
#define FIOASYNC	0x5452
#define FIOQSIZE	0x5460

#endif
