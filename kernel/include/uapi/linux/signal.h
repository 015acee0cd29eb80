/* Signals: the numbers and sigaction ABI (asm/signal.h) and siginfo. */
#ifndef _UAPI_LINUX_SIGNAL_H
#define _UAPI_LINUX_SIGNAL_H

#include <asm/signal.h>
#include <asm-generic/siginfo.h>

#endif
