/*
 * Terminal ioctl structures: struct winsize of TIOCGWINSZ/TIOCSWINSZ, as
 * Linux's include/uapi/asm-generic/termios.h, with the termios bits.
 */
#ifndef _UAPI_ASM_GENERIC_TERMIOS_H
#define _UAPI_ASM_GENERIC_TERMIOS_H

#include <asm-generic/termbits.h>
#include <asm-generic/ioctls.h>

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

#endif
