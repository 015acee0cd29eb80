/* poll(2): struct pollfd and the events of kernel/include/uapi/asm-generic/poll.h. */
#ifndef _POLL_H
#define _POLL_H

#include <signal.h>
#include <asm-generic/poll.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned long nfds_t;

int poll(struct pollfd *, nfds_t, int);
int ppoll(struct pollfd *, nfds_t, const struct timespec *, const sigset_t *);

#ifdef __cplusplus
}
#endif

#endif
