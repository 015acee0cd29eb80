/*
 * Starts the framebuffer console on the framebuffer the boot loader set up,
 * mapped write-combining: drawing is many small writes. (Scrolling reads the
 * framebuffer back, which is slow on real write-combining memory.)
 */
#include <stdint.h>
#include <breenix/errno.h>
#include <breenix/fbcon.h>
#include <breenix/init.h>
#include <breenix/printk.h>
#include <breenix/vmalloc.h>

static int fbcon_boot_init(void)
{
	struct fb_info fb = boot_info.fb;
	uint64_t bytes = (uint64_t)fb.pitch * fb.height;
	int err;

	if (boot_info.fb_kind != FB_RGB)
		return 0;
	fb.base = ioremap_wc(fb.phys, bytes);
	if (!fb.base) {
		pr_warn("fbcon: cannot map the framebuffer at %#llx\n",
			(unsigned long long)fb.phys);
		return -ENOMEM;
	}
	err = fbcon_init(&fb);
	if (err) {
		iounmap(fb.base);
		return err;
	}
	pr_info("Framebuffer: %ux%u, %u bpp at %#llx\n", fb.width, fb.height,
		fb.bpp, (unsigned long long)fb.phys);
	return 0;
}
console_initcall(fbcon_boot_init);
