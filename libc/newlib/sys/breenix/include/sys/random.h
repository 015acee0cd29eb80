/* getrandom(2) and getentropy(3), with the flags of kernel/include/uapi/linux/random.h. */
#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H

#include <sys/types.h>
#include <linux/random.h>

#ifdef __cplusplus
extern "C" {
#endif

ssize_t getrandom(void *, size_t, unsigned int);
int getentropy(void *, size_t);

#ifdef __cplusplus
}
#endif

#endif
