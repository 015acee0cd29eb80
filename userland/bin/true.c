/*
 * true: do nothing, successfully. Arguments are ignored, except a lone
 * "--help" or "--version", as coreutils does.
 */
#include "cli.h"

int main(int argc, char **argv)
{
	cli_init(argv[0], "[ignored command line arguments]", 0);
	cli_sole_option(argc, argv);
	return 0;
}
