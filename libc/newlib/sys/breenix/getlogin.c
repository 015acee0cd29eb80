/*
 * getlogin and getlogin_r as musl has them on a system without utmp: the
 * login name is $LOGNAME (set by login and by init for root's shell), in
 * place of newlib's (libc/unix/getlogin.c), which reads a utmp file.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *getlogin(void)
{
	return getenv("LOGNAME");
}

int getlogin_r(char *name, size_t size)
{
	const char *login = getlogin();

	if (!login)
		return ENXIO;
	if (strlen(login) >= size)
		return ERANGE;
	strcpy(name, login);
	return 0;
}
