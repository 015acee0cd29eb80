/*
 * What exec.c passes to probe.c across execve: the probe checks that it got
 * exactly these argument and environment strings.
 */
#ifndef BREENIX_TESTS_PROBE_H
#define BREENIX_TESTS_PROBE_H

/* argv[0..4]; exec.c appends the path it execs and the pid that execs it. */
#define PROBE_ARGV0 "probe-argv0"
#define PROBE_FIXED_ARGS PROBE_ARGV0, "alpha", "", "with space", "caf\xc3\xa9"
#define PROBE_NFIXED 5
#define PROBE_ENV "BREENIX_PROBE=1", "EMPTY=", "X=y=z"
#define PROBE_NENV 3
/* The #! script's optional argument, which puts the probe in script mode. */
#define PROBE_SHEBANG_ARG "shebang-arg"

#endif
