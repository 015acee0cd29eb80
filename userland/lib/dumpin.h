/*
 * Input for the dump programs (od, hexdump): the named files, or standard
 * input for none or "-", read as one stream in lines of up to 16 bytes,
 * with the "*" that stands for a run of lines equal to the one before.
 */
#ifndef USERLAND_DUMPIN_H
#define USERLAND_DUMPIN_H

#include <stddef.h>

#define DUMP_LINE 16

struct dumpin {
	char **files;		/* NULL-terminated; NULL or empty: standard input */
	int fd;
	int status;		/* 1 once a file could not be read (reported) */
	unsigned long long offset;	/* bytes delivered so far */
	unsigned long long limit;	/* bytes to read at most; 0 for all */
	unsigned char prev[DUMP_LINE];
	int have_prev, squeezing;
};

void dumpin_init(struct dumpin *d, char **files, unsigned long long limit);
/* Up to DUMP_LINE bytes, across file boundaries; 0 at the end of all. */
size_t dumpin_line(struct dumpin *d, unsigned char *line);
/*
 * With squeezing on, whether a line is to be left out: a full line equal
 * to the one before is, and the first of such a run prints "*".
 */
int dumpin_squeeze(struct dumpin *d, const unsigned char *line, size_t n);

#endif
