/*
 * The "#!" line of an interpreter script, parsed as Linux's load_script
 * (fs/binfmt_script.c) does, so the same scripts run with the same argv.
 * Pure code, tested on the host with every edge of the 256-byte buffer.
 */
#include <breenix/binfmt.h>

static bool spacetab(char c)
{
	return c == ' ' || c == '\t';
}

int script_parse(char *buf, char **name, char **arg)
{
	char *end = buf + BINPRM_BUF_SIZE - 1, *cp;

	*arg = NULL;
	if (buf[0] != '#' || buf[1] != '!')
		return -ENOEXEC;
	buf[BINPRM_BUF_SIZE] = '\0';
	/* The line ends at a newline; a NUL ends the search (Linux's strnchr). */
	for (cp = buf; cp <= end && *cp && *cp != '\n'; cp++)
		;
	if (cp > end || *cp != '\n') {
		/*
		 * No newline: the line may be cut short. Accept it only if the
		 * interpreter's name ends within the buffer; the argument may
		 * be truncated (the interpreter reads the script itself).
		 */
		for (cp = buf + 2; cp <= end && spacetab(*cp); cp++)
			;
		if (cp > end)
			return -ENOEXEC;
		while (cp <= end && *cp && !spacetab(*cp))
			cp++;
		if (cp > end)
			return -ENOEXEC;
		cp = end;
	}
	*cp = '\0';
	while (cp > buf && spacetab(cp[-1]))
		*--cp = '\0';
	for (cp = buf + 2; spacetab(*cp); cp++)
		;
	if (!*cp)
		return -ENOEXEC;
	*name = cp;
	while (*cp && !spacetab(*cp))
		cp++;
	while (spacetab(*cp))
		*cp++ = '\0';
	if (*cp)
		*arg = cp;
	return 0;
}
