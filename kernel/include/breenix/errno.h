/* Kernel error codes: functions return 0 or a negative errno, as in Linux. */
#ifndef BREENIX_ERRNO_H
#define BREENIX_ERRNO_H

#include <asm-generic/errno.h>

#endif
