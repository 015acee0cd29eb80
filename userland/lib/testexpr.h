/*
 * The expression of test and [ (POSIX XCU test), shared by /bin/test and
 * the shell's builtin: one evaluator, no exit and no output of its own.
 */
#ifndef USERLAND_TESTEXPR_H
#define USERLAND_TESTEXPR_H

#include <stddef.h>

#define TESTEXPR_ERROR	2

/*
 * Evaluates ARGV[0..ARGC) (for "[", without the closing "]"): 0 true,
 * 1 false, or TESTEXPR_ERROR with the reason in ERR (coreutils' wording,
 * without the program's name).
 */
int testexpr_eval(char **argv, int argc, char *err, size_t errlen);

#endif
