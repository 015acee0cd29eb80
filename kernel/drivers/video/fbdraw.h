/*
 * Pixel operations on a linear direct-colour framebuffer, whatever memory
 * fb->base points at: the screen in the kernel, a heap buffer in host tests.
 */
#ifndef DRIVERS_VIDEO_FBDRAW_H
#define DRIVERS_VIDEO_FBDRAW_H

#include <stdint.h>
#include <breenix/fb.h>
#include <breenix/psf.h>

/* Check that fb describes a format we draw: 0 or -EINVAL. */
int fb_check(const struct fb_info *fb);

/* The pixel value for a 0xRRGGBB colour, per fb's field layout. */
uint32_t fb_pack_rgb(const struct fb_info *fb, uint32_t rgb);

void fb_fill_rect(const struct fb_info *fb, uint32_t x, uint32_t y,
		  uint32_t w, uint32_t h, uint32_t px);

/* Draw glyph bitmap bits (font's geometry) with its top left at (x, y). */
void fb_draw_glyph(const struct fb_info *fb, uint32_t x, uint32_t y,
		   const struct psf_font *font, const uint8_t *bits,
		   uint32_t fg, uint32_t bg);

/* Copy the w x h rectangle at (sx, sy) to (dx, dy); the two may overlap. */
void fb_copy_rect(const struct fb_info *fb, uint32_t dx, uint32_t dy,
		  uint32_t sx, uint32_t sy, uint32_t w, uint32_t h);

/* XOR every pixel of the rectangle with mask: doing it twice restores it. */
void fb_invert_rect(const struct fb_info *fb, uint32_t x, uint32_t y,
		    uint32_t w, uint32_t h, uint32_t mask);

#endif
