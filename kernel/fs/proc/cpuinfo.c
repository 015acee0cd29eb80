/*
 * /proc/cpuinfo: what CPUID says about the CPU, with the TSC rate the
 * kernel calibrated as its speed, in Linux's layout (proc_fmt.c). One CPU
 * until SMP.
 */
#include <string.h>
#include <breenix/proc_fmt.h>
#include <breenix/time.h>
#include <asm/msr.h>
#include <asm/tsc.h>
#include "internal.h"

/*
 * The cache size Linux shows: the last level's from CPUID leaf 4 on Intel
 * (SDM 2A, "Deterministic Cache Parameters"), else the L2's from
 * 0x80000006 ECX[31:16] in KB (AMD APM 3, E.4.7).
 */
static unsigned int cache_size_kb(const char *vendor, uint32_t max_leaf,
				  uint32_t max_ext)
{
	uint32_t a, b, c, d, sub, kb = 0;

	if (!strcmp(vendor, "GenuineIntel") && max_leaf >= 4) {
		for (sub = 0; sub < 16; sub++) {
			cpuid_count(4, sub, &a, &b, &c, &d);
			if (!(a & 0x1f))
				break;
			/* ways * partitions * line size * sets */
			kb = ((b >> 22) + 1) * (((b >> 12) & 0x3ff) + 1) *
			     ((b & 0xfff) + 1) * (c + 1) / 1024;
		}
		if (kb)
			return kb;
	}
	if (max_ext >= 0x80000006) {
		cpuid(0x80000006, &a, &b, &c, &d);
		return c >> 16;
	}
	return 0;
}

static void cpu_read(struct proc_cpuinfo *ci)
{
	uint32_t a, b, c, d, max_ext, regs[12];
	unsigned int i;

	memset(ci, 0, sizeof(*ci));
	cpuid(0, &a, &b, &c, &d);
	ci->cpuid_level = a;
	memcpy(ci->vendor, &b, 4);
	memcpy(ci->vendor + 4, &d, 4);
	memcpy(ci->vendor + 8, &c, 4);
	cpuid(1, &a, &b, &c, &d);
	proc_cpu_decode_signature(a, &ci->family, &ci->model, &ci->stepping);
	ci->words[CPU_WORD_1_EDX] = d;
	ci->words[CPU_WORD_1_ECX] = c;
	/* CLFLUSH line size in 8-byte units, EBX[15:8] (SDM 2A, CPUID leaf 1). */
	ci->clflush_size = ((b >> 8) & 0xff) * 8;
	ci->cache_alignment = ci->clflush_size;
	if (ci->cpuid_level >= 7) {
		cpuid_count(7, 0, &a, &b, &c, &d);
		ci->words[CPU_WORD_7_EBX] = b;
		/* Linux hides la57 (bit 16) unless it runs 5-level paging; Breenix uses 4 levels. */
		ci->words[CPU_WORD_7_ECX] = c & ~(1u << 16);
		ci->words[CPU_WORD_7_EDX] = d;
	}
	cpuid(0x80000000, &max_ext, &b, &c, &d);
	if (max_ext >= 0x80000001) {
		cpuid(0x80000001, &a, &b, &c, &d);
		ci->words[CPU_WORD_8_1_EDX] = d;
		ci->words[CPU_WORD_8_1_ECX] = c;
	}
	if (max_ext >= 0x80000004) {
		for (i = 0; i < 3; i++)
			cpuid(0x80000002 + i, &regs[4 * i], &regs[4 * i + 1],
			      &regs[4 * i + 2], &regs[4 * i + 3]);
		proc_cpu_model_name(ci->model_name, regs);
	}
	if (max_ext >= 0x80000007) {
		cpuid(0x80000007, &a, &b, &c, &d);
		ci->power = d;
	}
	/* Linux's defaults without leaf 0x80000008: 36 physical, 48 virtual. */
	ci->phys_bits = 36;
	ci->virt_bits = 48;
	if (max_ext >= 0x80000008) {
		cpuid(0x80000008, &a, &b, &c, &d);
		ci->phys_bits = a & 0xff;
		ci->virt_bits = (a >> 8) & 0xff;
	}
	ci->cache_kb = cache_size_kb(ci->vendor, ci->cpuid_level, max_ext);
	ci->cpu_khz = tsc_khz;
	/* The delay loop runs on the TSC: a jiffy is tsc_khz * 1000 / HZ loops. */
	ci->lpj = (unsigned long)tsc_khz * 1000 / HZ;
	ci->hz = HZ;
}

int proc_show_cpuinfo(struct seq_buf *s, struct task *t)
{
	struct proc_cpuinfo ci;

	(void)t;
	cpu_read(&ci);
	proc_fmt_cpuinfo(s, &ci);
	return 0;
}
