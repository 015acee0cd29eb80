/*
 * cp: copy files, "cp SOURCE DEST" or "cp SOURCE... DIRECTORY"; -r/-R
 * copies directories (symbolic links inside as links), -p keeps modes,
 * owners and times, -f replaces destinations that cannot be opened, -i
 * asks before overwriting.
 */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copytree.h"
#include "cli.h"
#include "msg.h"
#include "targetdir.h"

static const char usage[] = "[-fipRr] SOURCE DEST | cp [-fipRr] SOURCE... DIRECTORY\n"
			    "Copy SOURCE to DEST, or SOURCEs into DIRECTORY.\n"
			    "  -r, -R copy directories recursively   -p preserve mode, owner, times\n"
			    "  -f replace unopenable destinations    -i ask before overwriting";

static struct copy_opts opts;

static int copy_one(const char *src, const char *dst)
{
	return copy_tree(src, dst, &opts);
}

int main(int argc, char **argv)
{
	int c, n;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt(argc, argv, "fipRr")) != -1) {
		if (c == 'r' || c == 'R') {
			opts.recursive = 1;
		} else if (c == 'p') {
			opts.preserve = 1;
		} else if (c == 'f') {
			opts.force = 1;
			opts.interactive = 0;
		} else if (c == 'i') {
			opts.interactive = 1;
			opts.force = 0;
		}
	}
	n = argc - optind;
	if (n == 0)
		cli_usage_error("missing file operand");
	if (n == 1)
		cli_usage_error("missing destination file operand after '%s'", argv[optind]);
	opts.umask_bits = umask(0);
	umask(opts.umask_bits);
	return target_each(argv + optind, n, 0, copy_one);
}
