/*
 * initgroups(3): the supplementary groups of a user who logs in, GROUP and
 * every /etc/group entry that lists USER as a member, set with setgroups
 * (root only). It reads the group file with getgrent, so it ends the
 * caller's own walk of it, as endgrent would.
 */
#include <errno.h>
#include <grp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int is_member(const struct group *gr, const char *user)
{
	for (char **m = gr->gr_mem; *m; m++)
		if (!strcmp(*m, user))
			return 1;
	return 0;
}

/* Appends GID unless present; -1 when out of memory. */
static int add_gid(gid_t **list, size_t *n, size_t *cap, gid_t gid)
{
	for (size_t i = 0; i < *n; i++)
		if ((*list)[i] == gid)
			return 0;
	if (*n == *cap) {
		size_t grown_cap = *cap ? 2 * *cap : 16;
		gid_t *grown = realloc(*list, grown_cap * sizeof(gid_t));

		if (!grown)
			return -1;
		*list = grown;
		*cap = grown_cap;
	}
	(*list)[(*n)++] = gid;
	return 0;
}

int initgroups(const char *user, gid_t group)
{
	gid_t *list = NULL;
	size_t n = 0, cap = 0;
	struct group *gr;
	int r = add_gid(&list, &n, &cap, group);

	setgrent();
	while (!r && (gr = getgrent()))
		if (is_member(gr, user))
			r = add_gid(&list, &n, &cap, gr->gr_gid);
	endgrent();
	if (r)
		errno = ENOMEM;
	else
		r = setgroups((int)n, list);
	free(list);
	return r;
}
