/*
 * Id-to-name lookups with a small cache: a listing of one directory
 * usually shows a handful of owners, each many times.
 */
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "idname.h"

#define IDNAME_SLOTS 16

struct idname_slot {
	unsigned long id;
	char *name;	/* NULL: the id has no name */
	int used;
};

static struct idname_slot users[IDNAME_SLOTS], groups[IDNAME_SLOTS];

static struct idname_slot *idname_find(struct idname_slot *tab, unsigned long id, int *hit)
{
	static unsigned next_victim;

	for (int i = 0; i < IDNAME_SLOTS; i++) {
		if (tab[i].used && tab[i].id == id) {
			*hit = 1;
			return &tab[i];
		}
	}
	for (int i = 0; i < IDNAME_SLOTS; i++) {
		if (!tab[i].used) {
			*hit = 0;
			return &tab[i];
		}
	}
	*hit = 0;
	return &tab[next_victim++ % IDNAME_SLOTS];
}

static const char *idname_store(struct idname_slot *s, unsigned long id, const char *name)
{
	free(s->name);
	s->id = id;
	s->used = 1;
	s->name = name ? strdup(name) : NULL;
	return s->name;
}

const char *idname_user(uid_t uid)
{
	int hit;
	struct idname_slot *s = idname_find(users, uid, &hit);
	struct passwd *pw;

	if (hit)
		return s->name;
	pw = getpwuid(uid);
	return idname_store(s, uid, pw ? pw->pw_name : NULL);
}

const char *idname_group(gid_t gid)
{
	int hit;
	struct idname_slot *s = idname_find(groups, gid, &hit);
	struct group *gr;

	if (hit)
		return s->name;
	gr = getgrgid(gid);
	return idname_store(s, gid, gr ? gr->gr_name : NULL);
}
