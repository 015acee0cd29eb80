/*
 * Asking the user before something is destroyed (see prompt.h).
 */
#include <stdarg.h>
#include <stdio.h>

#include "msg.h"
#include "prompt.h"

int prompt_yes(const char *fmt, ...)
{
	va_list ap;
	int c, first;

	fflush(stdout);
	fprintf(stderr, "%s: ", msg_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("? ", stderr);
	fflush(stderr);
	first = c = getchar();
	while (c != EOF && c != '\n')
		c = getchar();
	return first == 'y' || first == 'Y';
}
