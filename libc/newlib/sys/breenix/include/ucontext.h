/*
 * <ucontext.h>: the user context a SA_SIGINFO handler's third argument
 * points to (sys/ucontext.h). Breenix has no getcontext family.
 */
#ifndef _UCONTEXT_H
#define _UCONTEXT_H

#include <sys/ucontext.h>

#endif
