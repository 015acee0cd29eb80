/*
 * cp: copy files, "cp SOURCE DEST" or "cp SOURCE... DIRECTORY", as
 * coreutils: -r/-R directories, -a (-R -p -P), -p modes, owners and times,
 * -P/-d never follow symbolic links, -L always, -H on the command line,
 * -f replaces destinations that cannot be opened, -i asks before each
 * overwrite, -n never overwrites, -u only what is older, -v names each file.
 */
#include <sys/stat.h>
#include <unistd.h>

#include "copytree.h"
#include "cli.h"
#include "msg.h"
#include "targetdir.h"

static const char usage[] = "[-adfHiLnPpRruv] SOURCE DEST | cp [-adfHiLnPpRruv] SOURCE... DIRECTORY\n"
			    "Copy SOURCE to DEST, or SOURCEs into DIRECTORY.\n"
			    "  -r, -R copy directories recursively   -p preserve mode, owner, times\n"
			    "  -a     -R -p -P                       -P, -d never follow symbolic links\n"
			    "  -L     always follow symbolic links   -H follow those named as SOURCE\n"
			    "  -f replace unopenable destinations    -i ask before overwriting\n"
			    "  -n never overwrite                    -u overwrite only older files\n"
			    "  -v name each file copied";

static struct copy_opts opts;

static int copy_one(const char *src, const char *dst)
{
	return copy_tree(src, dst, &opts);
}

static void option(int c)
{
	switch (c) {
	case 'a':
		opts.recursive = opts.preserve = 1;
		opts.deref = DEREF_NEVER;
		break;
	case 'r':
	case 'R':
		opts.recursive = 1;
		break;
	case 'd':
	case 'P':
		opts.deref = DEREF_NEVER;
		break;
	case 'L':
		opts.deref = DEREF_ALWAYS;
		break;
	case 'H':
		opts.deref = DEREF_OPERANDS;
		break;
	case 'p':
		opts.preserve = 1;
		break;
	case 'f':
		opts.force = 1;
		break;
	case 'i':
	case 'n':
		/* The later of -i and -n wins, as in coreutils. */
		opts.interactive = c == 'i';
		opts.no_clobber = c == 'n';
		break;
	case 'u':
		opts.update = 1;
		break;
	case 'v':
		opts.verbose = 1;
		break;
	}
}

/* coreutils' long names of cp's options. */
static const struct cli_option longopts[] = {
	{ "archive", CLI_NO_ARG, 'a' },
	{ "force", CLI_NO_ARG, 'f' },
	{ "interactive", CLI_NO_ARG, 'i' },
	{ "dereference", CLI_NO_ARG, 'L' },
	{ "no-clobber", CLI_NO_ARG, 'n' },
	{ "no-dereference", CLI_NO_ARG, 'P' },
	{ "recursive", CLI_NO_ARG, 'R' },
	{ "update", CLI_NO_ARG, 'u' },
	{ "verbose", CLI_NO_ARG, 'v' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	int c, n, status;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt_long(argc, argv, "adfHiLnPpRruv", longopts)) != -1)
		option(c);
	n = argc - optind;
	if (n == 0)
		cli_usage_error("missing file operand");
	if (n == 1)
		cli_usage_error("missing destination file operand after '%s'", argv[optind]);
	opts.umask_bits = umask(0);
	umask(opts.umask_bits);
	status = target_each(argv + optind, n, 0, copy_one);
	cli_exit(status);
}
