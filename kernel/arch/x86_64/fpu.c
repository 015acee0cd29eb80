/*
 * FPU bring-up and state switching. The kernel itself is built without
 * floating point, so these registers only ever hold (later) user state, and
 * tests that set them by inline asm.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <breenix/printk.h>
#include <asm/cpu.h>
#include <asm/fpu.h>
#include <asm/msr.h>

/* Intel SDM 3A 2.5: control register bits. */
#define CR0_MP		(1UL << 1)
#define CR0_EM		(1UL << 2)
#define CR0_TS		(1UL << 3)
#define CR0_NE		(1UL << 5)
#define CR4_OSFXSR	(1UL << 9)
#define CR4_OSXMMEXCPT	(1UL << 10)
#define CR4_OSXSAVE	(1UL << 18)

/* Intel SDM 2A CPUID leaf 1 ECX, and 1 13.3: XCR0 state components. */
#define CPUID1_ECX_XSAVE	(1U << 26)
#define CPUID1_ECX_AVX		(1U << 28)
#define XSTATE_X87		(1ULL << 0)
#define XSTATE_SSE		(1ULL << 1)
#define XSTATE_AVX		(1ULL << 2)

#define FXSAVE_SIZE	512
#define MXCSR_DEFAULT	0x1f80	/* Intel SDM 1 10.2.3.1: all masked */
#define MXCSR_OFFSET	24	/* Intel SDM 1 table 10-2: FXSAVE layout */
#define FCW_DEFAULT	0x037f	/* Intel SDM 1 8.1.5: what fninit loads */

#define MXCSR_MASK_OFFSET	28
#define MXCSR_MASK_DEFAULT	0xffbf	/* Intel SDM 1 11.6.6: when FXSAVE stores 0 */

static bool use_xsave;
static size_t state_size = FXSAVE_SIZE;
static uint64_t xcr0;
static uint32_t mxcsr_mask = MXCSR_MASK_DEFAULT;

/* inline asm below: control registers and FPU save instructions. */
static inline void write_cr0(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr0" : : "r"(v) : "memory");
}

static inline void xsetbv(uint32_t reg, uint64_t v)
{
	__asm__ volatile("xsetbv" : : "c"(reg), "a"((uint32_t)v),
			 "d"((uint32_t)(v >> 32)));
}

/* Intel SDM 1 11.6.6: the MXCSR bits this CPU lets software set. */
static void find_mxcsr_mask(void)
{
	uint8_t area[FXSAVE_SIZE] __attribute__((aligned(16)));
	uint32_t mask;

	memset(area, 0, sizeof(area));
	__asm__ volatile("fxsave64 (%0)" : : "r"(area) : "memory");
	memcpy(&mask, area + MXCSR_MASK_OFFSET, sizeof(mask));
	if (mask)
		mxcsr_mask = mask;
}

void fpu_init(void)
{
	uint32_t a, b, c, d;
	uint64_t cr4;

	write_cr0((read_cr0() | CR0_MP | CR0_NE) & ~(CR0_EM | CR0_TS));
	cr4 = read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT;
	cpuid(1, &a, &b, &c, &d);
	if (c & CPUID1_ECX_XSAVE) {
		write_cr4(cr4 | CR4_OSXSAVE);
		xcr0 = XSTATE_X87 | XSTATE_SSE;
		if (c & CPUID1_ECX_AVX)
			xcr0 |= XSTATE_AVX;
		xsetbv(0, xcr0);
		/* Intel SDM 2A CPUID 0xD.0 EBX: size for the enabled XCR0. */
		cpuid_count(0xd, 0, &a, &b, &c, &d);
		state_size = b;
		use_xsave = true;
	} else {
		write_cr4(cr4);
	}
	/* Intel SDM 1 8.1.5: fninit resets the x87 to its default. */
	__asm__ volatile("fninit");
	find_mxcsr_mask();
	pr_info("fpu: %s, %zu-byte state\n",
		use_xsave ? (xcr0 & XSTATE_AVX ? "XSAVE x87|SSE|AVX" :
			     "XSAVE x87|SSE") : "FXSAVE", state_size);
}

size_t fpu_state_size(void)
{
	return state_size;
}

uint64_t fpu_xfeatures(void)
{
	return use_xsave ? xcr0 : 0;
}

uint32_t fpu_mxcsr_mask(void)
{
	return mxcsr_mask;
}

/*
 * An all-zero XSAVE header means every component is in its initial state
 * (Intel SDM 1 13.6), but the legacy region still supplies MXCSR and FCW
 * for FXRSTOR; set both so either restore gives the reset state.
 */
void fpu_state_init(void *state)
{
	uint8_t *p = state;
	uint16_t fcw = FCW_DEFAULT;
	uint32_t mxcsr = MXCSR_DEFAULT;

	memset(state, 0, state_size);
	memcpy(p, &fcw, sizeof(fcw));
	memcpy(p + MXCSR_OFFSET, &mxcsr, sizeof(mxcsr));
}

void fpu_save(void *state)
{
	if (use_xsave)
		__asm__ volatile("xsave64 (%0)" : : "r"(state), "a"((uint32_t)xcr0),
				 "d"((uint32_t)(xcr0 >> 32)) : "memory");
	else
		__asm__ volatile("fxsave64 (%0)" : : "r"(state) : "memory");
}

void fpu_restore(const void *state)
{
	if (use_xsave)
		__asm__ volatile("xrstor64 (%0)" : : "r"(state), "a"((uint32_t)xcr0),
				 "d"((uint32_t)(xcr0 >> 32)) : "memory");
	else
		__asm__ volatile("fxrstor64 (%0)" : : "r"(state) : "memory");
}
