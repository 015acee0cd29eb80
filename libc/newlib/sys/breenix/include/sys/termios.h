/*
 * The termios functions over the kernel's struct termios and flag values
 * (kernel/include/uapi/asm-generic/termbits.h): the speed lives in c_cflag's
 * CBAUD bits, as Linux keeps it for TCGETS/TCSETS.
 */
#ifndef _SYS_TERMIOS_H
#define _SYS_TERMIOS_H

#include <sys/types.h>
#include <asm-generic/termbits.h>

#ifdef __cplusplus
extern "C" {
#endif

/* tcsetattr()'s when: TCSETS, TCSETSW, TCSETSF less TCSETS (termios(3)). */
#define TCSANOW		0
#define TCSADRAIN	1
#define TCSAFLUSH	2

/* tcflow() and tcflush() arguments (Linux's asm-generic/termbits.h). */
#ifndef TCOOFF
#define TCOOFF		0
#define TCOON		1
#define TCIOFF		2
#define TCION		3
#endif
#ifndef TCIFLUSH
#define TCIFLUSH	0
#define TCOFLUSH	1
#define TCIOFLUSH	2
#endif

#define _POSIX_VDISABLE	'\0'

speed_t cfgetispeed(const struct termios *);
speed_t cfgetospeed(const struct termios *);
int cfsetispeed(struct termios *, speed_t);
int cfsetospeed(struct termios *, speed_t);
int cfsetspeed(struct termios *, speed_t);
void cfmakeraw(struct termios *);
int tcgetattr(int, struct termios *);
int tcsetattr(int, int, const struct termios *);
int tcdrain(int);
int tcflow(int, int);
int tcflush(int, int);
int tcsendbreak(int, int);
pid_t tcgetsid(int);
pid_t tcgetpgrp(int);
int tcsetpgrp(int, pid_t);

#ifdef __cplusplus
}
#endif

#endif
