/*
 * The end of a utility's output: whatever stdio still holds is written,
 * and a failed write is an error ("prog: write error: ..."), so that
 * nothing is lost without a word (a full disk, a closed pipe).
 */
#ifndef USERLAND_OUTCHECK_H
#define USERLAND_OUTCHECK_H

/* Flushes stdout; on failure reports it and exits 1. */
void outcheck_flush(void);
/* Reports the write error in errno and exits 1. */
void outcheck_fail(void) __attribute__((noreturn));

#endif
