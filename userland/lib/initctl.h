/*
 * The request channel to init (process 1): a FIFO that init creates and
 * reads, as sysvinit's /run/initctl. poweroff, reboot and halt write one
 * request to it; init answers by shutting the system down.
 */
#ifndef USERLAND_INITCTL_H
#define USERLAND_INITCTL_H

/*
 * Owned by root, mode 0600, so only root can ask. A request is one line,
 * written with a single write(2) (shorter than PIPE_BUF, so it arrives
 * whole): one of the words below followed by '\n'. init ignores, with a
 * warning on the console, any other line.
 */
#define INITCTL_PATH		"/run/initctl"
#define INITCTL_POWEROFF	"poweroff"
#define INITCTL_REBOOT		"reboot"
#define INITCTL_HALT		"halt"
/* The longest line init accepts, '\n' included. */
#define INITCTL_LINE_MAX	64

#endif
