/*
 * The kernel's random numbers: a ChaCha20 generator keyed from an entropy
 * pool, behind /dev/random, /dev/urandom and get_random_bytes().
 */
#ifndef BREENIX_RANDOM_H
#define BREENIX_RANDOM_H

#include <stddef.h>

/* Fills buf with cryptographically secure random bytes; never blocks. */
void get_random_bytes(void *buf, size_t len);

struct iov_iter;
/*
 * Fills an iterator (getrandom, /dev/urandom reads): the bytes written, or
 * -EFAULT if the first chunk faulted.
 */
long get_random_bytes_iter(struct iov_iter *to);

/* Mixes bytes into the pool without crediting them (a write to /dev/random). */
void add_device_randomness(const void *buf, size_t len);

/* Called for every interrupt: its arrival time feeds the pool. */
void add_interrupt_randomness(unsigned int vector);

#endif
