/*
 * reboot(2) as C libraries offer it: one argument, the command of
 * kernel/include/uapi/linux/reboot.h (the magic numbers are added by reboot()).
 */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#include <linux/reboot.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RB_AUTOBOOT	LINUX_REBOOT_CMD_RESTART
#define RB_HALT_SYSTEM	LINUX_REBOOT_CMD_HALT
#define RB_ENABLE_CAD	LINUX_REBOOT_CMD_CAD_ON
#define RB_DISABLE_CAD	LINUX_REBOOT_CMD_CAD_OFF
#define RB_POWER_OFF	LINUX_REBOOT_CMD_POWER_OFF

int reboot(int);

#ifdef __cplusplus
}
#endif

#endif
