/*
 * clear: clear the terminal as ncurses' clear does on a VT100/xterm:
 * cursor home, erase the display, then erase the scrollback (ECMA-48 ED
 * with parameter 3, an xterm extension Linux's console also knows).
 */
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char usage[] = "[-x]\nClear the screen; -x keeps the scrollback.";

int main(int argc, char **argv)
{
	int c, keep_scrollback = 0;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt(argc, argv, "x")) != -1) {
		keep_scrollback = 1;
	}
	fputs(keep_scrollback ? "\033[H\033[2J" : "\033[H\033[2J\033[3J", stdout);
	cli_exit(0);
}
