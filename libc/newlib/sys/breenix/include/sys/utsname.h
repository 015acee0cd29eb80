/* uname(2): struct utsname is the kernel's struct new_utsname (linux/utsname.h). */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <linux/utsname.h>

#ifdef __cplusplus
extern "C" {
#endif

struct utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

int uname(struct utsname *);

#ifdef __cplusplus
}
#endif

#endif
