/*
 * Call traces by walking the frame-pointer chain (the kernel is built with
 * -fno-omit-frame-pointer): each frame holds the caller's rbp and the return
 * address. Every frame is bounds-checked against the stack so a corrupt
 * chain ends the trace instead of faulting inside a panic.
 */
#include <stdint.h>
#include <breenix/ksyms.h>
#include <breenix/printk.h>
#include <breenix/stacktrace.h>

#define TRACE_MAX_FRAMES	32

extern char boot_stack[], boot_stack_top[];

static void print_frame(uint64_t addr, uint64_t lookup_addr)
{
	struct ksym sym;

	if (ksyms_lookup(lookup_addr, &sym) == 0) {
		sym.offset += addr - lookup_addr;
		if (sym.size)
			printk(KERN_EMERG " [<%016llx>] %s+0x%llx/0x%llx\n",
			       (unsigned long long)addr, sym.name,
			       (unsigned long long)sym.offset,
			       (unsigned long long)sym.size);
		else
			printk(KERN_EMERG " [<%016llx>] %s+0x%llx\n",
			       (unsigned long long)addr, sym.name,
			       (unsigned long long)sym.offset);
	} else {
		printk(KERN_EMERG " [<%016llx>] ?\n", (unsigned long long)addr);
	}
}

static int frame_ok(uint64_t fp)
{
	uint64_t lo = (uint64_t)boot_stack, hi = (uint64_t)boot_stack_top;

	return fp % 8 == 0 && fp >= lo && fp + 16 <= hi;
}

void show_stack_trace(const struct pt_regs *regs)
{
	uint64_t fp = regs->rbp, prev = 0;
	int n;

	printk(KERN_EMERG "Call trace:\n");
	print_frame(regs->rip, regs->rip);
	for (n = 0; n < TRACE_MAX_FRAMES && frame_ok(fp) && fp > prev; n++) {
		const uint64_t *frame = (const uint64_t *)fp;
		uint64_t ret = frame[1];

		if (ret == 0)
			break;
		/* ret - 1 is inside the call: right even after a noreturn call. */
		print_frame(ret, ret - 1);
		prev = fp;
		fp = frame[0];
	}
}
