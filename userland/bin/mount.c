/*
 * mount: with no operands, list the mounted file systems from
 * /proc/mounts as util-linux does ("SRC on DIR type TYPE (OPTIONS)"),
 * those of one type with -t; "mount -t TYPE SOURCE DIR" mounts one.
 * -o takes the generic options (ro, nosuid, remount...) as mount(2)
 * flags and hands the others to the file system as its data string.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char usage[] =
	"[-t TYPE] | mount -t TYPE [-o OPTIONS] SOURCE DIRECTORY\n"
	"List mounted file systems, or mount SOURCE of TYPE on DIRECTORY.";

struct flag_opt {
	const char *name;
	unsigned long set;	/* 0 with clear: the option turns a flag off */
	unsigned long clear;
};

/* mount(8)'s generic options and their mount(2) flags (<sys/mount.h>). */
static const struct flag_opt flag_opts[] = {
	{ "defaults", 0, 0 },
	{ "rw", 0, MS_RDONLY },
	{ "ro", MS_RDONLY, 0 },
	{ "suid", 0, MS_NOSUID },
	{ "nosuid", MS_NOSUID, 0 },
	{ "dev", 0, MS_NODEV },
	{ "nodev", MS_NODEV, 0 },
	{ "exec", 0, MS_NOEXEC },
	{ "noexec", MS_NOEXEC, 0 },
	{ "async", 0, MS_SYNCHRONOUS },
	{ "sync", MS_SYNCHRONOUS, 0 },
	{ "atime", 0, MS_NOATIME },
	{ "noatime", MS_NOATIME, 0 },
	{ "remount", MS_REMOUNT, 0 },
	{ "bind", MS_BIND, 0 },
};

/* Splits OPTIONS into flags and the comma-joined rest (data, as long as opts). */
static unsigned long parse_opts(char *opts, char *data)
{
	unsigned long flags = 0;

	*data = '\0';
	for (char *o = strtok(opts, ","); o; o = strtok(NULL, ",")) {
		size_t i;

		for (i = 0; i < sizeof(flag_opts) / sizeof(flag_opts[0]); i++)
			if (!strcmp(o, flag_opts[i].name))
				break;
		if (i < sizeof(flag_opts) / sizeof(flag_opts[0])) {
			flags = (flags & ~flag_opts[i].clear) | flag_opts[i].set;
			continue;
		}
		if (*data)
			strcat(data, ",");
		strcat(data, o);
	}
	return flags;
}

static int list(const char *type)
{
	FILE *f = fopen("/proc/mounts", "r");
	char *line = NULL;
	size_t cap = 0;

	if (!f)
		msg_die(1, "/proc/mounts");
	while (getline(&line, &cap, f) > 0) {
		char *src = strtok(line, " \n"), *dir = strtok(NULL, " \n");
		char *fstype = strtok(NULL, " \n"), *opts = strtok(NULL, " \n");

		if (!opts || (type && strcmp(type, fstype)))
			continue;
		printf("%s on %s type %s (%s)\n", src, dir, fstype, opts);
	}
	free(line);
	fclose(f);
	cli_exit(0);
}

int main(int argc, char **argv)
{
	const char *type = NULL;
	char *opts = NULL, *data = NULL;
	unsigned long flags = 0;
	int c;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt(argc, argv, "t:o:")) != -1) {
		if (c == 't')
			type = optarg;
		else if (c == 'o')
			opts = optarg;
	}
	if (optind == argc && !opts)
		return list(type);
	if (argc - optind != 2)
		cli_usage_error(argc - optind < 2 ? "missing operand" : "too many operands");
	if (!type)
		msg_diex(1, "%s: no file system type given (-t)", argv[optind + 1]);
	if (opts) {
		data = malloc(strlen(opts) + 1);
		if (!data)
			msg_die(1, "out of memory");
		flags = parse_opts(opts, data);
	}
	if (mount(argv[optind], argv[optind + 1], type, flags, data) < 0)
		msg_die(32, "mounting %s on %s", argv[optind], argv[optind + 1]);
	free(data);
	return 0;
}
