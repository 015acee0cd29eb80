/*
 * sync: write every file system's cached data to its device (sync(2)).
 */
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char usage[] = "\nWrite cached data to the disks.";

int main(int argc, char **argv)
{
	cli_init(argv[0], usage, 1);
	/* No options: any is a usage error. */
	cli_getopt(argc, argv, "");
	sync();
	return 0;
}
