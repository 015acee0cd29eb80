/*
 * sync: write every file system's cached data to its device (sync(2)).
 */
#include <unistd.h>

#include "helpopt.h"
#include "msg.h"

static const char usage[] = "usage: sync\nWrite cached data to the disks.\n";

int main(int argc, char **argv)
{
	msg_init(argv[0]);
	helpopt_check(argc, argv, usage);
	if (getopt(argc, argv, "") != -1)
		helpopt_fail(usage, 1);
	sync();
	return 0;
}
