/* A linear framebuffer as the boot loader handed it over. */
#ifndef BREENIX_FB_H
#define BREENIX_FB_H

#include <stdint.h>

struct fb_info {
	uint64_t phys;		/* physical address of the first pixel */
	void *base;		/* where the kernel reaches it */
	uint32_t width;		/* pixels */
	uint32_t height;	/* pixels */
	uint32_t pitch;		/* bytes per scan line */
	uint8_t bpp;		/* bits per pixel: 15, 16, 24 or 32 */
	uint8_t red_pos, red_size;
	uint8_t green_pos, green_size;
	uint8_t blue_pos, blue_size;
};

#endif
