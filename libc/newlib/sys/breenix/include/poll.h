/* poll(2): struct pollfd and the events of kernel/include/uapi/asm-generic/poll.h. */
#ifndef _POLL_H
#define _POLL_H

#include <asm-generic/poll.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned long nfds_t;

int poll(struct pollfd *, nfds_t, int);

#ifdef __cplusplus
}
#endif

#endif
