/*
 * umount: unmount file systems by their mount points (umount2(2));
 * -f forces (MNT_FORCE), -l detaches lazily (MNT_DETACH).
 */
#include <errno.h>
#include <stdio.h>
#include <sys/mount.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char usage[] = "[-fl] DIRECTORY...\n"
			    "Unmount the file systems mounted on each DIRECTORY.";

int main(int argc, char **argv)
{
	int c, flags = 0, status = 0;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt(argc, argv, "fl")) != -1) {
		if (c == 'f')
			flags |= MNT_FORCE;
		else if (c == 'l')
			flags |= MNT_DETACH;
	}
	if (optind == argc)
		cli_usage_error("missing operand");
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
