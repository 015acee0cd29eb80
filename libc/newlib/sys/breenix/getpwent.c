/*
 * The passwd database from /etc/passwd (passwd(5)): getpwnam, getpwuid,
 * their _r forms and getpwent, in place of newlib's
 * (libc/unix/getpwent.c), which has no _r forms.
 */
#include <errno.h>
#include <pwd.h>
#include <string.h>
#include "dbfile.h"

static int parse(char *buf, size_t len, size_t size, void *rec)
{
	struct passwd *pw = rec;
	char *f[7];
	unsigned int uid, gid;

	(void)len;
	(void)size;
	if (__db_split(buf, f, 7) || __db_id(f[2], &uid) || __db_id(f[3], &gid))
		return -1;
	pw->pw_name = f[0];
	pw->pw_passwd = f[1];
	pw->pw_uid = uid;
	pw->pw_gid = gid;
	pw->pw_gecos = f[4];
	pw->pw_comment = f[4];
	pw->pw_dir = f[5];
	pw->pw_shell = f[6];
	return 0;
}

static int match_name(const void *rec, const void *key)
{
	return !strcmp(((const struct passwd *)rec)->pw_name, key);
}

static int match_uid(const void *rec, const void *key)
{
	return ((const struct passwd *)rec)->pw_uid == *(const uid_t *)key;
}

static const struct db_format by_name = { _PATH_PASSWD, parse, match_name };
static const struct db_format by_uid = { _PATH_PASSWD, parse, match_uid };

int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t size,
	       struct passwd **result)
{
	return __db_lookup(&by_name, name, pw, buf, size, (void **)result);
}

int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t size, struct passwd **result)
{
	return __db_lookup(&by_uid, &uid, pw, buf, size, (void **)result);
}

static struct passwd entry;
static struct db_static entry_buf;
static FILE *ent_file;

struct passwd *getpwnam(const char *name)
{
	return __db_lookup_static(&by_name, name, &entry, &entry_buf);
}

struct passwd *getpwuid(uid_t uid)
{
	return __db_lookup_static(&by_uid, &uid, &entry, &entry_buf);
}

struct passwd *getpwent(void)
{
	return __db_next_entry(&by_name, &ent_file, &entry_buf, &entry);
}

void setpwent(void)
{
	if (ent_file)
		rewind(ent_file);
}

void endpwent(void)
{
	if (ent_file)
		fclose(ent_file);
	ent_file = NULL;
}
