/*
 * The system types of Linux's x86_64 ABI (the kernel's struct stat,
 * getuid(2), clock_gettime(2) widths), replacing newlib's 16-bit defaults
 * of dev_t, uid_t, gid_t, mode_t and nlink_t.
 */
#ifndef _MACHINE__TYPES_H
#define _MACHINE__TYPES_H

#include <machine/_default_types.h>

#define __machine_dev_t_defined
typedef unsigned long __dev_t;
#define __machine_ino_t_defined
typedef unsigned long __ino_t;
#define __machine_mode_t_defined
typedef unsigned int __mode_t;
#define __machine_nlink_t_defined
typedef unsigned long __nlink_t;
#define __machine_uid_t_defined
typedef unsigned int __uid_t;
#define __machine_gid_t_defined
typedef unsigned int __gid_t;
#define __machine_blksize_t_defined
typedef long __blksize_t;
#define __machine_blkcnt_t_defined
typedef long __blkcnt_t;
#define __machine_clock_t_defined
#define _CLOCK_T_ long
#define __machine_clockid_t_defined
#define _CLOCKID_T_ int

#endif
