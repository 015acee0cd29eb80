/*
 * select(2) and pselect(2) with Linux's fd_set: a bitmap of FD_SETSIZE
 * (1024) descriptors in longs, bit n of word n / 64.
 */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <sys/cdefs.h>
#include <sys/_sigset.h>
#include <sys/_timeval.h>
#include <sys/timespec.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef _SIGSET_T_DECLARED
#define _SIGSET_T_DECLARED
typedef __sigset_t sigset_t;
#endif

#define _SYS_TYPES_FD_SET
#define FD_SETSIZE	1024
typedef unsigned long fd_mask;
#define NFDBITS		(8 * (int)sizeof(fd_mask))

typedef struct {
	fd_mask fds_bits[FD_SETSIZE / NFDBITS];
} fd_set;

#define FD_SET(n, p)	((p)->fds_bits[(n) / NFDBITS] |= 1UL << ((n) % NFDBITS))
#define FD_CLR(n, p)	((p)->fds_bits[(n) / NFDBITS] &= ~(1UL << ((n) % NFDBITS)))
#define FD_ISSET(n, p)	(((p)->fds_bits[(n) / NFDBITS] & (1UL << ((n) % NFDBITS))) != 0)
#define FD_ZERO(p)	__builtin_memset((p), 0, sizeof(*(p)))

int select(int, fd_set *__restrict, fd_set *__restrict, fd_set *__restrict,
	   struct timeval *__restrict);
int pselect(int, fd_set *__restrict, fd_set *__restrict, fd_set *__restrict,
	    const struct timespec *__restrict, const sigset_t *__restrict);

#ifdef __cplusplus
}
#endif

#endif
