/* mount(2), umount2(2), reboot(2) (with Linux's magic numbers added). */
#include <stddef.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include "syscall.h"

int mount(const char *source, const char *target, const char *type, unsigned long flags,
	  const void *data)
{
	return SYSCALL5(SYS_mount, source, target, type, flags, data);
}

int umount2(const char *target, int flags)
{
	return SYSCALL2(SYS_umount2, target, flags);
}

int umount(const char *target)
{
	return umount2(target, 0);
}

int reboot(int cmd)
{
	return SYSCALL4(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, cmd, NULL);
}
