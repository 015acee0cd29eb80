/*
 * clear: clear the terminal as ncurses' clear does on a VT100/xterm:
 * cursor home, erase the display, then erase the scrollback (ECMA-48 ED
 * with parameter 3, an xterm extension Linux's console also knows).
 */
#include <stdio.h>
#include <unistd.h>

#include "helpopt.h"
#include "msg.h"
#include "outcheck.h"

static const char usage[] = "usage: clear [-x]\nClear the screen; -x keeps the scrollback.\n";

int main(int argc, char **argv)
{
	int c, keep_scrollback = 0;

	msg_init(argv[0]);
	helpopt_check(argc, argv, usage);
	while ((c = getopt(argc, argv, "x")) != -1) {
		if (c != 'x')
			helpopt_fail(usage, 1);
		keep_scrollback = 1;
	}
	fputs(keep_scrollback ? "\033[H\033[2J" : "\033[H\033[2J\033[3J", stdout);
	outcheck_flush();
	return 0;
}
