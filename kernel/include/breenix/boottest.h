/* Boot-time test switches (test=... on the command line), for the harness. */
#ifndef BREENIX_BOOTTEST_H
#define BREENIX_BOOTTEST_H

/* Runs the test named by test= if any; a test ends the run, never returns. */
void boot_test_run(void);

#endif
