/*
 * --help and bad options, the same way in every utility: --help prints
 * the usage text to stdout and exits 0; a bad option (getopt has already
 * said which) prints its usage line to stderr and exits with the utility's status.
 */
#ifndef USERLAND_HELPOPT_H
#define USERLAND_HELPOPT_H

/* Exits 0 after printing usage if argv[1] is "--help". */
void helpopt_check(int argc, char **argv, const char *usage);
/* Prints the usage text's first line on stderr and exits with status. */
void helpopt_fail(const char *usage, int status) __attribute__((noreturn));

#endif
