/*
 * whoami: print the name of the effective user, from /etc/passwd.
 */
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char usage[] = "\nPrint the user name of the effective user id.";

int main(int argc, char **argv)
{
	uid_t uid;
	struct passwd *pw;

	cli_init(argv[0], usage, 1);
	/* No options: any is a usage error. */
	cli_getopt(argc, argv, "");
	if (optind < argc)
		cli_usage_error("extra operand '%s'", argv[optind]);
	uid = geteuid();
	pw = getpwuid(uid);
	if (!pw)
		msg_diex(1, "cannot find name for user ID %lu", (unsigned long)uid);
	puts(pw->pw_name);
	cli_exit(0);
}
