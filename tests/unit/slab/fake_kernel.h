/* The host's printk and panic for the slab tests (fake_kernel.c). */
#ifndef FAKE_KERNEL_H
#define FAKE_KERNEL_H

/* The last message printk formatted. */
extern char last_printk[512];

#endif
