/*
 * kmain: the first C code, entered from boot/head.S in long mode on the boot
 * stack. Brings up the consoles, reads what the boot loader handed over,
 * prints the banner and hands control to the rest of the kernel.
 */
#include <stdint.h>
#include <string.h>
#include <breenix/acpi.h>
#include <breenix/bootinfo.h>
#include <breenix/boottest.h>
#include <breenix/cmdline.h>
#include <breenix/init.h>
#include <breenix/initramfs.h>
#include <breenix/irq.h>
#include <breenix/ksyms.h>
#include <breenix/memblock.h>
#include <breenix/mm.h>
#include <breenix/multiboot2.h>
#include <breenix/panic.h>
#include <breenix/percpu.h>
#include <breenix/printk.h>
#include <breenix/process.h>
#include <breenix/sched.h>
#include <breenix/slab.h>
#include <breenix/time.h>
#include <breenix/timer.h>
#include <breenix/version.h>
#include <breenix/vfs.h>
#include <breenix/vmm.h>
#include <asm/boot.h>
#include <asm/cpu.h>
#include <asm/extable.h>
#include <asm/page.h>
#include <asm/segment.h>
#include <asm/syscall.h>
#include <asm/traps.h>

/* Far more than GRUB ever passes; anything larger is not trusted. */
#define MBI_MAX_SIZE	(1024 * 1024)
#define MiB		(1024ULL * 1024)

struct boot_info boot_info;

void kmain(uint32_t magic, uint32_t mbi_phys);

static void parse_boot_info(uint32_t magic, uint32_t mbi_phys)
{
	const char *why = NULL;

	if (magic != MB2_BOOTLOADER_MAGIC)
		panic("not booted by a Multiboot2 loader (magic %#x)", magic);
	if (bootinfo_parse(phys_to_virt(mbi_phys), MBI_MAX_SIZE, &boot_info,
			   &why))
		panic("malformed Multiboot2 information: %s", why);
	/* Parsed, but with a part dropped (the framebuffer): say so. */
	if (why)
		pr_warn("multiboot2: %s\n", why);
}

static const char *const mmap_type_names[] = {
	[MMAP_AVAILABLE] = "available",
	[MMAP_RESERVED] = "reserved",
	[MMAP_ACPI_RECLAIMABLE] = "ACPI data",
	[MMAP_NVS] = "ACPI NVS",
	[MMAP_BADRAM] = "bad RAM",
};

static const char *mmap_type_name(uint32_t type)
{
	if (type < sizeof(mmap_type_names) / sizeof(mmap_type_names[0]) &&
	    mmap_type_names[type])
		return mmap_type_names[type];
	return "reserved";
}

/* Total counts every range backed by RAM; usable only the free ones. */
static void print_memory(void)
{
	uint64_t total = 0, usable = 0;
	struct mmap_range r;
	uint32_t i;

	for (i = 0; i < boot_info.mmap_count; i++) {
		bootinfo_mmap_entry(&boot_info, i, &r);
		pr_info("  [mem 0x%016llx-0x%016llx] %s\n",
			(unsigned long long)r.base,
			(unsigned long long)(r.base + r.length - 1),
			mmap_type_name(r.type));
		if (r.type == MMAP_AVAILABLE)
			usable += r.length;
		if (r.type == MMAP_AVAILABLE || r.type == MMAP_ACPI_RECLAIMABLE ||
		    r.type == MMAP_NVS)
			total += r.length;
	}
	pr_info("Memory: %llu MiB total, %llu MiB usable\n",
		(unsigned long long)((total + MiB / 2) / MiB),
		(unsigned long long)(usable / MiB));
}

/* The initrd is the module GRUB was given with the argument "initrd". */
static void print_modules(void)
{
	struct boot_module m;
	uint32_t i;

	for (i = 0; i < boot_info.module_count; i++) {
		if (bootinfo_module(&boot_info, i, &m))
			continue;
		pr_info("Module: %s at %#llx, %llu bytes\n",
			*m.cmdline ? m.cmdline : "(unnamed)",
			(unsigned long long)m.start,
			(unsigned long long)(m.end - m.start));
	}
}

static void print_banner(void)
{
	pr_info("Breenix " BREENIX_VERSION " x86_64\n");
	pr_info("Boot loader: %s\n",
		*boot_info.loader_name ? boot_info.loader_name : "unknown");
	pr_info("Command line: %s\n", cmdline_raw());
	print_memory();
	print_modules();
}

/* Linux's switches: quiet shows warnings and worse, debug everything;
 * loglevel=N (0-15, messages below N are shown) wins over both. */
static void apply_loglevel(void)
{
	const char *v = cmdline_get("loglevel");
	int level = 0;

	if (cmdline_get("quiet"))
		printk_set_console_loglevel(CONSOLE_LOGLEVEL_QUIET);
	if (cmdline_get("debug"))
		printk_set_console_loglevel(CONSOLE_LOGLEVEL_DEBUG);
	if (!v || !*v)
		return;
	for (; *v >= '0' && *v <= '9' && level <= CONSOLE_LOGLEVEL_MOTORMOUTH; v++)
		level = level * 10 + (*v - '0');
	if (!*v)
		printk_set_console_loglevel(level);
}

/*
 * Memory comes up in stages: memblock hands out boot memory from the memory
 * map, the real page tables map all of RAM, then the buddy allocator takes
 * over every page memblock did not give away, and the slab heap sits on it.
 */
static void mm_init(void)
{
	memblock_init(&boot_info);
	paging_init(&boot_info);
	page_alloc_init();
	vmm_late_init();
	slab_init();
}

void kmain(uint32_t magic, uint32_t mbi_phys)
{
	percpu_init_boot();
	do_initcalls(INITCALL_EARLY);
	gdt_init();
	idt_init();
	syscall_init();
	parse_boot_info(magic, mbi_phys);
	cmdline_init(boot_info.cmdline);
	apply_loglevel();
	if (ksyms_init(boot_info.elf_shdrs, boot_info.elf_shnum,
		       boot_info.elf_shentsize))
		pr_warn("ksyms: no kernel symbol table; traces show addresses only\n");
	print_banner();
	mm_init();
	uaccess_init();
	do_initcalls(INITCALL_CONSOLE);
	acpi_init();
	interrupts_init();
	time_init();
	sched_init();
	timers_init();
	if (vfs_init())
		panic("VFS: cannot mount the root filesystem");
	initramfs_unpack();
	local_irq_enable();
	do_initcalls(INITCALL_DEVICE);
	boot_test_run();
	start_init();
	sched_boot_task_done();
}
