/*
 * ioctl(2) with the request numbers of kernel/include/uapi/asm-generic/
 * ioctls.h and struct winsize (Linux's asm-generic/termios.h).
 */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <asm-generic/ioctls.h>
#include <asm-generic/termios.h>

/* Linux's numbers for the requests termios.c uses, where the uapi lacks them. */
#ifndef TCSBRK
#define TCSBRK		0x5409
#endif
#ifndef TCXONC
#define TCXONC		0x540A
#endif
#ifndef TCFLSH
#define TCFLSH		0x540B
#endif
#ifndef TIOCNOTTY
#define TIOCNOTTY	0x5422
#endif
#ifndef TIOCGSID
#define TIOCGSID	0x5429
#endif

#ifdef __cplusplus
extern "C" {
#endif

int ioctl(int, unsigned long, ...);

#ifdef __cplusplus
}
#endif

#endif
