/*
 * Starts the framebuffer console on the framebuffer the boot loader set up,
 * reached through the early direct map until the memory manager can map
 * device memory anywhere.
 */
#include <stdint.h>
#include <breenix/fbcon.h>
#include <breenix/init.h>
#include <breenix/printk.h>
#include <asm/page.h>

static int fbcon_boot_init(void)
{
	struct fb_info fb = boot_info.fb;
	uint64_t bytes = (uint64_t)fb.pitch * fb.height;
	int err;

	if (boot_info.fb_kind != FB_RGB)
		return 0;
	if (fb.phys + bytes > EARLY_DIRECT_MAP_LIMIT) {
		pr_warn("fbcon: framebuffer at %#llx is out of reach; no screen console\n",
			(unsigned long long)fb.phys);
		return 0;
	}
	fb.base = phys_to_virt(fb.phys);
	err = fbcon_init(&fb);
	if (!err)
		pr_info("Framebuffer: %ux%u, %u bpp at %#llx\n", fb.width,
			fb.height, fb.bpp, (unsigned long long)fb.phys);
	return err;
}
console_initcall(fbcon_boot_init);
