/*
 * <setjmp.h> for Breenix: newlib's jmp_buf (machine/setjmp.h) with setjmp
 * and longjmp, and what POSIX adds: sigsetjmp/siglongjmp, whose sigjmp_buf
 * keeps the signal mask (saved and restored through rt_sigprocmask), and
 * _setjmp/_longjmp, which leave the mask alone as setjmp/longjmp do here.
 */
#ifndef _SETJMP_H_
#define _SETJMP_H_

#include <_ansi.h>
#include <sys/features.h>
#include <sys/_sigset.h>
#include <machine/setjmp.h>

_BEGIN_STD_C

int setjmp(jmp_buf __env) __attribute__((__returns_twice__));
void longjmp(jmp_buf __env, int __val) __attribute__((__noreturn__));

#if __POSIX_VISIBLE
/* sigsetjmp.S knows these offsets: 64 and 72. */
typedef struct {
	jmp_buf __jb;
	int __savemask;
	__sigset_t __mask;
} sigjmp_buf[1];

int sigsetjmp(sigjmp_buf __env, int __savemask) __attribute__((__returns_twice__));
void siglongjmp(sigjmp_buf __env, int __val) __attribute__((__noreturn__));
#endif

#if __XSI_VISIBLE
int _setjmp(jmp_buf __env) __attribute__((__returns_twice__));
void _longjmp(jmp_buf __env, int __val) __attribute__((__noreturn__));
#endif

_END_STD_C

#endif
