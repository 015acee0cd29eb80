/*
 * whoami: print the name of the effective user, from /etc/passwd.
 */
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

#include "helpopt.h"
#include "msg.h"
#include "outcheck.h"

static const char usage[] = "usage: whoami\nPrint the user name of the effective user id.\n";

int main(int argc, char **argv)
{
	uid_t uid;
	struct passwd *pw;

	msg_init(argv[0]);
	helpopt_check(argc, argv, usage);
	if (getopt(argc, argv, "") != -1)
		helpopt_fail(usage, 1);
	if (optind < argc) {
		msg_warnx("extra operand '%s'", argv[optind]);
		helpopt_fail(usage, 1);
	}
	uid = geteuid();
	pw = getpwuid(uid);
	if (!pw)
		msg_diex(1, "cannot find name for user ID %lu", (unsigned long)uid);
	puts(pw->pw_name);
	outcheck_flush();
	return 0;
}
