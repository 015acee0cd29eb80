/*
 * id: print user and group ids with their names, as coreutils does:
 * "uid=0(root) gid=0(root) groups=0(root)", or one part with -u -g -G,
 * as names with -n, the real ids with -r. A USER operand is looked up in
 * /etc/passwd, its groups in /etc/group.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "idname.h"
#include "msg.h"

static const char usage[] = "[-u|-g|-G [-n] [-r]] [USER]\n"
			    "Print the user and group ids of USER, or of this process.";

#define MAX_GROUPS 65536

struct ids {
	uid_t ruid, euid;
	gid_t rgid, egid;
	gid_t *groups;
	int ngroups;
};

static int has_member(char **members, const char *user)
{
	for (; *members; members++)
		if (!strcmp(*members, user))
			return 1;
	return 0;
}

/* USER's supplementary groups: the /etc/group entries that list it. */
static void user_groups(struct ids *id, const char *user)
{
	size_t cap = 8;
	struct group *gr;

	id->groups = malloc(sizeof(gid_t) * cap);
	if (!id->groups)
		msg_die(1, "out of memory");
	id->groups[0] = id->rgid;
	id->ngroups = 1;
	setgrent();
	while ((gr = getgrent())) {
		if (gr->gr_gid == id->rgid || !has_member(gr->gr_mem, user))
			continue;
		if ((size_t)id->ngroups == cap) {
			cap *= 2;
			id->groups = realloc(id->groups, sizeof(gid_t) * cap);
			if (!id->groups)
				msg_die(1, "out of memory");
		}
		id->groups[id->ngroups++] = gr->gr_gid;
	}
	endgrent();
}

static void lookup(struct ids *id, const char *user)
{
	struct passwd *pw = getpwnam(user);

	if (!pw)
		msg_diex(1, "'%s': no such user", user);
	id->ruid = id->euid = pw->pw_uid;
	id->rgid = id->egid = pw->pw_gid;
	user_groups(id, pw->pw_name);
}

static void self(struct ids *id)
{
	int n;

	id->ruid = getuid();
	id->euid = geteuid();
	id->rgid = getgid();
	id->egid = getegid();
	id->groups = malloc(sizeof(gid_t) * MAX_GROUPS);
	if (!id->groups)
		msg_die(1, "out of memory");
	id->ngroups = getgroups(MAX_GROUPS - 2, id->groups + 2);
	if (id->ngroups < 0)
		msg_die(1, "cannot get groups");
	/* As coreutils: the real group first, the effective one, then the rest. */
	id->groups[0] = id->rgid;
	id->groups[1] = id->egid;
	n = id->egid != id->rgid ? 2 : 1;
	for (int i = 0; i < id->ngroups; i++) {
		gid_t g = id->groups[i + 2];

		if (g != id->rgid && g != id->egid)
			id->groups[n++] = g;
	}
	id->ngroups = n;
}

/* "label=id(name)"; a group after the first in the list has ",id(name)". */
static void print_id(const char *label, unsigned long v, const char *name)
{
	printf("%s%lu", label, v);
	if (name)
		printf("(%s)", name);
}

static void print_all(const struct ids *id)
{
	print_id("uid=", id->ruid, idname_user(id->ruid));
	print_id(" gid=", id->rgid, idname_group(id->rgid));
	if (id->euid != id->ruid)
		print_id(" euid=", id->euid, idname_user(id->euid));
	if (id->egid != id->rgid)
		print_id(" egid=", id->egid, idname_group(id->egid));
	fputs(" groups=", stdout);
	for (int i = 0; i < id->ngroups; i++)
		print_id(i ? "," : "", id->groups[i], idname_group(id->groups[i]));
	putchar('\n');
}

static void print_one(unsigned long v, const char *name, int names)
{
	if (names && name)
		fputs(name, stdout);
	else
		printf("%lu", v);
}

/* coreutils' long names of id's options. */
static const struct cli_option longopts[] = {
	{ "group", CLI_NO_ARG, 'g' },
	{ "groups", CLI_NO_ARG, 'G' },
	{ "name", CLI_NO_ARG, 'n' },
	{ "real", CLI_NO_ARG, 'r' },
	{ "user", CLI_NO_ARG, 'u' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	struct ids id;
	int c, what = 0, names = 0, real = 0;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt_long(argc, argv, "ugGnr", longopts)) != -1) {
		if (c == 'u' || c == 'g' || c == 'G') {
			if (what && what != c)
				msg_diex(1, "cannot print \"only\" of more than one choice");
			what = c;
		} else if (c == 'n') {
			names = 1;
		} else if (c == 'r') {
			real = 1;
		}
	}
	if (argc - optind > 1)
		cli_usage_error("extra operand '%s'", argv[optind + 1]);
	if (!what && (names || real))
		msg_diex(1, "cannot print only names or real IDs in default format");
	if (optind < argc)
		lookup(&id, argv[optind]);
	else
		self(&id);
	if (what == 'u') {
		uid_t u = real ? id.ruid : id.euid;

		print_one(u, idname_user(u), names);
		putchar('\n');
	} else if (what == 'g') {
		gid_t g = real ? id.rgid : id.egid;

		print_one(g, idname_group(g), names);
		putchar('\n');
	} else if (what == 'G') {
		for (int i = 0; i < id.ngroups; i++) {
			if (i)
				putchar(' ');
			print_one(id.groups[i], idname_group(id.groups[i]), names);
		}
		putchar('\n');
	} else {
		print_all(&id);
	}
	free(id.groups);
	cli_exit(0);
}
