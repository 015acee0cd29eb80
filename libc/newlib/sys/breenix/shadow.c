/*
 * The shadow password database from /etc/shadow (shadow(5)): getspnam, its
 * _r form, getspent and putspent, read as getpwent.c reads /etc/passwd. An
 * empty numeric field is -1 (the flag ~0), as glibc has it.
 */
#include <errno.h>
#include <shadow.h>
#include <stdlib.h>
#include <string.h>
#include "dbfile.h"

/* An optional day count: empty is -1. */
static int parse_long(const char *s, long *v)
{
	unsigned int n;

	if (!*s) {
		*v = -1;
		return 0;
	}
	if (__db_id(s, &n))
		return -1;
	*v = n;
	return 0;
}

static int parse(char *buf, size_t len, size_t size, void *rec)
{
	struct spwd *sp = rec;
	long *days[] = { &sp->sp_lstchg, &sp->sp_min, &sp->sp_max, &sp->sp_warn,
			 &sp->sp_inact, &sp->sp_expire };
	unsigned int flag;
	char *f[9];

	(void)len;
	(void)size;
	if (__db_split(buf, f, 9))
		return -1;
	for (int i = 0; i < 6; i++)
		if (parse_long(f[2 + i], days[i]))
			return -1;
	if (*f[8] && __db_id(f[8], &flag))
		return -1;
	sp->sp_namp = f[0];
	sp->sp_pwdp = f[1];
	sp->sp_flag = *f[8] ? flag : ~0UL;
	return 0;
}

static int match_name(const void *rec, const void *key)
{
	return !strcmp(((const struct spwd *)rec)->sp_namp, key);
}

static const struct db_format by_name = { SHADOW, parse, match_name };

int getspnam_r(const char *name, struct spwd *sp, char *buf, size_t size, struct spwd **result)
{
	return __db_lookup(&by_name, name, sp, buf, size, (void **)result);
}

static struct spwd entry;
static struct db_static entry_buf;
static FILE *ent_file;

struct spwd *getspnam(const char *name)
{
	return __db_lookup_static(&by_name, name, &entry, &entry_buf);
}

struct spwd *getspent(void)
{
	return __db_next_entry(&by_name, &ent_file, &entry_buf, &entry);
}

void setspent(void)
{
	if (ent_file)
		rewind(ent_file);
}

void endspent(void)
{
	if (ent_file)
		fclose(ent_file);
	ent_file = NULL;
}

/* An empty field for -1 (and for the flag's ~0). */
static void put_long(FILE *f, long v, char sep)
{
	if (v != -1)
		fprintf(f, "%ld", v);
	fputc(sep, f);
}

int putspent(const struct spwd *sp, FILE *f)
{
	const long days[] = { sp->sp_lstchg, sp->sp_min, sp->sp_max, sp->sp_warn,
			      sp->sp_inact, sp->sp_expire };

	fprintf(f, "%s:%s:", sp->sp_namp, sp->sp_pwdp ? sp->sp_pwdp : "");
	for (int i = 0; i < 6; i++)
		put_long(f, days[i], ':');
	if (sp->sp_flag != ~0UL)
		fprintf(f, "%lu", sp->sp_flag);
	fputc('\n', f);
	return ferror(f) ? -1 : 0;
}
