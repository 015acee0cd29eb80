/*
 * x87/SSE(/AVX) state of a task: an FXSAVE area, or an XSAVE area when the
 * CPU has XSAVE, saved and restored whole on every task switch.
 */
#ifndef ASM_FPU_H
#define ASM_FPU_H

#include <stddef.h>
#include <stdint.h>

/* Enables the FPU and SSE for the kernel and sizes the state area. */
void fpu_init(void);

/* Size and alignment of a task's state area. */
size_t fpu_state_size(void);
#define FPU_STATE_ALIGN	64	/* Intel SDM 1 13.4: XSAVE area alignment */
/* XCR0's components when the area is an XSAVE image, 0 when it is FXSAVE's. */
uint64_t fpu_xfeatures(void);
/* The MXCSR bits FXRSTOR/XRSTOR accept (others #GP). */
uint32_t fpu_mxcsr_mask(void);

/* The state a new task starts with: what fninit and the reset MXCSR give. */
void fpu_state_init(void *state);

void fpu_save(void *state);
void fpu_restore(const void *state);

#endif
