/*
 * The group database from /etc/group (group(5)): getgrnam, getgrgid, their
 * _r forms and getgrent. The member list's
 * pointers follow the entry's text in the caller's buffer.
 */
#include <errno.h>
#include <grp.h>
#include <string.h>
#include "dbfile.h"

static int parse(char *buf, size_t len, size_t size, void *rec)
{
	struct group *gr = rec;
	char *f[4], **mem, *p;
	size_t n = 1, off = (len + sizeof(char *) - 1) & ~(sizeof(char *) - 1);
	unsigned int gid;

	if (__db_split(buf, f, 4) || __db_id(f[2], &gid))
		return -1;
	for (p = f[3]; *p; p++)
		n += *p == ',';
	if (off + (n + 1) * sizeof(char *) > size)
		return ERANGE;
	mem = (char **)(buf + off);
	n = 0;
	for (p = f[3]; p;) {
		char *name = strsep(&p, ",");

		/* newlib's strsep gives NULL, not "", for an empty list. */
		if (name && *name)
			mem[n++] = name;
	}
	mem[n] = NULL;
	gr->gr_name = f[0];
	gr->gr_passwd = f[1];
	gr->gr_gid = gid;
	gr->gr_mem = mem;
	return 0;
}

static int match_name(const void *rec, const void *key)
{
	return !strcmp(((const struct group *)rec)->gr_name, key);
}

static int match_gid(const void *rec, const void *key)
{
	return ((const struct group *)rec)->gr_gid == *(const gid_t *)key;
}

static const struct db_format by_name = { "/etc/group", parse, match_name };
static const struct db_format by_gid = { "/etc/group", parse, match_gid };

int getgrnam_r(const char *name, struct group *gr, char *buf, size_t size,
	       struct group **result)
{
	return __db_lookup(&by_name, name, gr, buf, size, (void **)result);
}

int getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t size, struct group **result)
{
	return __db_lookup(&by_gid, &gid, gr, buf, size, (void **)result);
}

static struct group entry;
static struct db_static entry_buf;
static FILE *ent_file;

struct group *getgrnam(const char *name)
{
	return __db_lookup_static(&by_name, name, &entry, &entry_buf);
}

struct group *getgrgid(gid_t gid)
{
	return __db_lookup_static(&by_gid, &gid, &entry, &entry_buf);
}

struct group *getgrent(void)
{
	return __db_next_entry(&by_name, &ent_file, &entry_buf, &entry);
}

void setgrent(void)
{
	if (ent_file)
		rewind(ent_file);
}

void endgrent(void)
{
	if (ent_file)
		fclose(ent_file);
	ent_file = NULL;
}
