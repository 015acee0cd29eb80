/* Leaving the machine: restarting it, and ending an emulator run in test mode. */
#ifndef BREENIX_MACHINE_H
#define BREENIX_MACHINE_H

#include <stdbool.h>

/*
 * Ends a test run: QEMU exits through isa-debug-exit (status 33 for pass,
 * 35 for fail) and Bochs through its shutdown port. Halts if neither exists.
 */
__attribute__((noreturn)) void machine_test_exit(bool pass);

/* Resets the machine by the first of the platform's ways that works. */
__attribute__((noreturn)) void machine_restart(void);

#endif
