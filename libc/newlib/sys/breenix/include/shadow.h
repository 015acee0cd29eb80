/*
 * <shadow.h> as glibc has it: the shadow password database, /etc/shadow
 * (shadow(5)), readable by root only, holding the hashes /etc/passwd marks
 * with "x".
 */
#ifndef _SHADOW_H
#define _SHADOW_H

#include <stddef.h>
#include <stdio.h>
#include <sys/cdefs.h>

#define SHADOW "/etc/shadow"

struct spwd {
	char *sp_namp;			/* login name */
	char *sp_pwdp;			/* hashed password */
	long sp_lstchg;			/* last change, days since 1970; -1 if empty */
	long sp_min;			/* days before it may change */
	long sp_max;			/* days after which it must change */
	long sp_warn;			/* days of warning before that */
	long sp_inact;			/* days after expiry until the account locks */
	long sp_expire;			/* the account's expiry, days since 1970 */
	unsigned long sp_flag;		/* reserved */
};

_BEGIN_STD_C

struct spwd *getspnam(const char *__name);
int getspnam_r(const char *__name, struct spwd *__spbuf, char *__buf, size_t __size,
	       struct spwd **__result);
struct spwd *getspent(void);
void setspent(void);
void endspent(void);
int putspent(const struct spwd *__p, FILE *__stream);

_END_STD_C

#endif
