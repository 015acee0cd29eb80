/*
 * umount: unmount file systems by their mount points (umount2(2));
 * -f forces (MNT_FORCE), -l detaches lazily (MNT_DETACH).
 */
#include <errno.h>
#include <stdio.h>
#include <sys/mount.h>
#include <unistd.h>

#include "helpopt.h"
#include "msg.h"

static const char usage[] = "usage: umount [-fl] DIRECTORY...\n"
			    "Unmount the file systems mounted on each DIRECTORY.\n";

int main(int argc, char **argv)
{
	int c, flags = 0, status = 0;

	msg_init(argv[0]);
	helpopt_check(argc, argv, usage);
	while ((c = getopt(argc, argv, "fl")) != -1) {
		if (c == 'f')
			flags |= MNT_FORCE;
		else if (c == 'l')
			flags |= MNT_DETACH;
		else
			helpopt_fail(usage, 1);
	}
	if (optind == argc) {
		msg_warnx("missing operand");
		helpopt_fail(usage, 1);
	}
	for (int i = optind; i < argc; i++) {
		if (umount2(argv[i], flags) == 0)
			continue;
		/* umount2(2): EINVAL for a plain unmount is "not a mount point". */
		if (errno == EINVAL && !flags)
			msg_warnx("%s: not mounted", argv[i]);
		else
			msg_warn("%s", argv[i]);
		status = 32;
	}
	return status;
}
