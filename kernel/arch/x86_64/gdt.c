/*
 * The GDT and TSS of the boot CPU: flat kernel and user segments, and a TSS
 * whose interrupt stack table gives double faults, NMIs and machine checks
 * stacks of their own, so they are handled even when the kernel stack is
 * exhausted or in an unknown state.
 */
#include <stdint.h>
#include <string.h>
#include <asm/segment.h>

/* Intel SDM 3A 8.7, figure 8-11: the 64-bit TSS. */
struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

struct gdt_ptr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

/* Intel SDM 3A 3.4.5: access byte and flags of code/data descriptors. */
#define DESC_CODE64	0x00af9a000000ffffULL	/* P, DPL0, code, L=1 */
#define DESC_DATA	0x00cf92000000ffffULL	/* P, DPL0, data, writable */
#define DESC_DPL3	(3ULL << 45)
#define TSS_TYPE_AVAIL	0x89ULL			/* P, 64-bit TSS available */

static uint64_t gdt[GDT_ENTRIES] __attribute__((aligned(16)));
static struct tss tss __attribute__((aligned(16)));
static uint8_t ist_stacks[IST_STACKS][IST_STACK_SIZE] __attribute__((aligned(16)));

/* Intel SDM 3A 8.2.3: a 16-byte TSS descriptor over two GDT slots. */
static void gdt_set_tss(int index, uint64_t base, uint32_t limit)
{
	gdt[index] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
		     (TSS_TYPE_AVAIL << 40) |
		     ((uint64_t)((limit >> 16) & 0xf) << 48) |
		     (((base >> 24) & 0xff) << 56);
	gdt[index + 1] = base >> 32;
}

static void tss_init(void)
{
	int i;

	memset(&tss, 0, sizeof(tss));
	for (i = 0; i < IST_STACKS; i++)
		tss.ist[i] = (uint64_t)&ist_stacks[i][IST_STACK_SIZE];
	/* No I/O permission bitmap: the base points past the segment limit. */
	tss.iomap_base = sizeof(tss);
}

/*
 * inline asm: lgdt, ltr and segment reloads have no C equivalent. FS and
 * GS keep the null selectors the boot stub left: in long mode their bases
 * are MSRs (GS holds the per-CPU data), and reloading them would clear it.
 */
static void gdt_load(void)
{
	struct gdt_ptr ptr = { sizeof(gdt) - 1, (uint64_t)gdt };

	__asm__ volatile("lgdt %0" : : "m"(ptr));
	__asm__ volatile(
		"pushq %[cs]\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movw %w[ds], %%ax\n\t"
		"movw %%ax, %%ds\n\t"
		"movw %%ax, %%es\n\t"
		"movw %%ax, %%ss"
		: : [cs] "i"(KERNEL_CS), [ds] "r"(KERNEL_DS) : "rax", "memory");
	__asm__ volatile("ltr %w0" : : "r"(GDT_TSS));
}

void gdt_init(void)
{
	gdt[0] = 0;
	gdt[GDT_KERNEL_CS / 8] = DESC_CODE64;
	gdt[GDT_KERNEL_DS / 8] = DESC_DATA;
	gdt[GDT_USER_DS / 8] = DESC_DATA | DESC_DPL3;
	gdt[GDT_USER_CS / 8] = DESC_CODE64 | DESC_DPL3;
	tss_init();
	gdt_set_tss(GDT_TSS / 8, (uint64_t)&tss, sizeof(tss) - 1);
	gdt_load();
}

void tss_set_rsp0(unsigned long rsp0)
{
	tss.rsp[0] = rsp0;
}
