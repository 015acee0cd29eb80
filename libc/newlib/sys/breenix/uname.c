/* uname(2) and sethostname(2). */
#include <sys/utsname.h>
#include <unistd.h>
#include "syscall.h"

int uname(struct utsname *buf)
{
	return SYSCALL1(SYS_uname, buf);
}

int sethostname(const char *name, size_t len)
{
	return SYSCALL2(SYS_sethostname, name, len);
}
