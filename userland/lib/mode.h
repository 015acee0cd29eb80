/*
 * File modes as people read and write them: the "drwxr-xr-x" string of
 * ls -l and stat, and the octal or symbolic modes of chmod and mkdir -m.
 */
#ifndef USERLAND_MODE_H
#define USERLAND_MODE_H

#include <sys/types.h>

/* The ten-character string ls -l prints ("-rw-r--r--"); buf holds 11. */
char *mode_string(mode_t mode, char *buf);

/*
 * Applies a chmod(1) mode (octal, or symbolic as "u+x,go-w,a=r,+X") to
 * old, the mode a file has; is_dir says whether it is a directory (for X
 * and the set-id bits octal modes leave on directories); umask_bits masks
 * clauses that name no one ("+x"). Returns 0, or -1 if spec is invalid.
 */
int mode_parse(const char *spec, mode_t old, int is_dir, mode_t umask_bits, mode_t *out);

#endif
