/*
 * Human-readable sizes as coreutils prints them for ls -h, du -h and df -h:
 * powers of 1024, rounded up, one decimal below 10 ("4.0K", "12M").
 */
#ifndef USERLAND_HUMAN_H
#define USERLAND_HUMAN_H

#include <stddef.h>

/* Writes the size into buf (at least 8 bytes) and returns buf. */
char *human_size(unsigned long long bytes, char *buf, size_t len);

#endif
