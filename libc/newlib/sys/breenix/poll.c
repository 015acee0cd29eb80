/* poll(2), ppoll(2), select(2) and pselect(2) over the Linux calls. */
#include <poll.h>
#include <signal.h>
#include <sys/select.h>
#include "syscall.h"

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	return SYSCALL3(SYS_poll, fds, nfds, timeout);
}

int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout, const sigset_t *mask)
{
	struct timespec ts;

	/* The kernel writes back the time left; POSIX keeps the caller's const. */
	if (timeout)
		ts = *timeout;
	return SYSCALL5(SYS_ppoll, fds, nfds, timeout ? &ts : NULL, mask, sizeof(sigset_t));
}

int select(int nfds, fd_set *rfds, fd_set *wfds, fd_set *efds, struct timeval *timeout)
{
	return SYSCALL5(SYS_select, nfds, rfds, wfds, efds, timeout);
}

/* pselect6's sixth argument: the mask and its size (Linux's pselect6). */
int pselect(int nfds, fd_set *rfds, fd_set *wfds, fd_set *efds, const struct timespec *timeout,
	    const sigset_t *mask)
{
	struct timespec ts;
	struct {
		const sigset_t *set;
		size_t size;
	} sig = { mask, sizeof(sigset_t) };

	/* The kernel writes back the time left; POSIX keeps the caller's const. */
	if (timeout)
		ts = *timeout;
	return SYSCALL6(SYS_pselect6, nfds, rfds, wfds, efds, timeout ? &ts : NULL,
			mask ? &sig : NULL);
}
