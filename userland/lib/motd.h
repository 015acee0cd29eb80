/*
 * The message of the day: what login and init show before a login shell
 * starts (as Linux's login does; /etc/profile leaves it to them).
 */
#ifndef USERLAND_MOTD_H
#define USERLAND_MOTD_H

/* /etc/motd on stdout, if there is one. */
void motd_show(void);

#endif
