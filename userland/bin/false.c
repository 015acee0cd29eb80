/*
 * false: do nothing, unsuccessfully (status 1). Arguments are ignored,
 * except a lone "--help", as coreutils does.
 */
#include <string.h>

#include "cli.h"

int main(int argc, char **argv)
{
	cli_init(argv[0], "[ignored command line arguments]", 1);
	if (argc == 2 && !strcmp(argv[1], "--help"))
		cli_help();
	return 1;
}
