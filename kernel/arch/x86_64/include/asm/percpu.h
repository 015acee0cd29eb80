/*
 * Access to this CPU's struct percpu through the GS segment base, which
 * MSR_GS_BASE points at (Intel SDM 3A 3.4.4): one instruction per access,
 * atomic against interrupts, and the same code on every CPU.
 */
#ifndef ASM_PERCPU_H
#define ASM_PERCPU_H

#include <stddef.h>

/* inline asm: a %gs-relative operand has no C spelling. */
#define this_cpu_read(field) ({						\
	__typeof__(((struct percpu *)0)->field) __v;			\
	__asm__ volatile("mov %%gs:%c1, %0" : "=r"(__v)		\
			 : "i"(offsetof(struct percpu, field)) : "memory"); \
	__v;								\
})

/* The same without a memory clobber, for values stable to their reader. */
#define this_cpu_read_stable(field) ({					\
	__typeof__(((struct percpu *)0)->field) __v;			\
	__asm__("mov %%gs:%c1, %0" : "=r"(__v)				\
		: "i"(offsetof(struct percpu, field)));			\
	__v;								\
})

#define this_cpu_write(field, val) do {					\
	__typeof__(((struct percpu *)0)->field) __v = (val);		\
	__asm__ volatile("mov %0, %%gs:%c1" : : "r"(__v),		\
			 "i"(offsetof(struct percpu, field)) : "memory"); \
} while (0)

#define this_cpu_add(field, val) do {					\
	__typeof__(((struct percpu *)0)->field) __v = (val);		\
	__asm__ volatile("add %0, %%gs:%c1" : : "r"(__v),		\
			 "i"(offsetof(struct percpu, field)) : "memory", "cc"); \
} while (0)

#endif
