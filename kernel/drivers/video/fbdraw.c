/*
 * Pixel drawing for the framebuffer console. Colour field positions come
 * from the boot loader's description, never from an assumed RGB order.
 */
#include <string.h>
#include <breenix/errno.h>
#include "fbdraw.h"

static uint32_t fb_bytes_pp(const struct fb_info *fb)
{
	return (fb->bpp + 7u) / 8u;
}

static int fb_check_field(const struct fb_info *fb, uint8_t pos, uint8_t size)
{
	if (size == 0 || size > 16 || pos + size > fb_bytes_pp(fb) * 8)
		return -EINVAL;
	return 0;
}

int fb_check(const struct fb_info *fb)
{
	if (!fb->base || fb->width == 0 || fb->height == 0)
		return -EINVAL;
	if (fb->bpp != 15 && fb->bpp != 16 && fb->bpp != 24 && fb->bpp != 32)
		return -EINVAL;
	if ((uint64_t)fb->width * fb_bytes_pp(fb) > fb->pitch)
		return -EINVAL;
	if (fb_check_field(fb, fb->red_pos, fb->red_size) ||
	    fb_check_field(fb, fb->green_pos, fb->green_size) ||
	    fb_check_field(fb, fb->blue_pos, fb->blue_size))
		return -EINVAL;
	return 0;
}

/* Scale an 8-bit channel to a field of size bits (1..16) at pos. */
static uint32_t fb_channel(uint32_t c8, uint8_t pos, uint8_t size)
{
	uint32_t v = size <= 8 ? c8 >> (8 - size) : c8 << (size - 8);

	return v << pos;
}

uint32_t fb_pack_rgb(const struct fb_info *fb, uint32_t rgb)
{
	return fb_channel((rgb >> 16) & 0xff, fb->red_pos, fb->red_size) |
	       fb_channel((rgb >> 8) & 0xff, fb->green_pos, fb->green_size) |
	       fb_channel(rgb & 0xff, fb->blue_pos, fb->blue_size);
}

/* Pitches need not keep pixels aligned, so stores go through memcpy. */
static inline void fb_put(uint8_t *p, uint32_t bytes, uint32_t px)
{
	uint16_t px16 = (uint16_t)px;

	switch (bytes) {
	case 4:
		__builtin_memcpy(p, &px, 4);
		break;
	case 3:
		p[0] = px & 0xff;
		p[1] = (px >> 8) & 0xff;
		p[2] = (px >> 16) & 0xff;
		break;
	default:
		__builtin_memcpy(p, &px16, 2);
		break;
	}
}

static uint8_t *fb_at(const struct fb_info *fb, uint32_t x, uint32_t y)
{
	return (uint8_t *)fb->base + (size_t)y * fb->pitch +
	       (size_t)x * fb_bytes_pp(fb);
}

void fb_fill_rect(const struct fb_info *fb, uint32_t x, uint32_t y,
		  uint32_t w, uint32_t h, uint32_t px)
{
	uint32_t bytes = fb_bytes_pp(fb), i, j;
	uint8_t *row;

	for (j = 0; j < h; j++) {
		row = fb_at(fb, x, y + j);
		for (i = 0; i < w; i++)
			fb_put(row + i * bytes, bytes, px);
	}
}

void fb_draw_glyph(const struct fb_info *fb, uint32_t x, uint32_t y,
		   const struct psf_font *font, const uint8_t *bits,
		   uint32_t fg, uint32_t bg)
{
	uint32_t bytes = fb_bytes_pp(fb), i, j;
	const uint8_t *src;
	uint8_t *row;

	for (j = 0; j < font->height; j++) {
		row = fb_at(fb, x, y + j);
		src = bits + (size_t)j * font->row_bytes;
		for (i = 0; i < font->width; i++) {
			bool on = src[i / 8] & (0x80 >> (i % 8));

			fb_put(row + i * bytes, bytes, on ? fg : bg);
		}
	}
}

void fb_copy_rect(const struct fb_info *fb, uint32_t dx, uint32_t dy,
		  uint32_t sx, uint32_t sy, uint32_t w, uint32_t h)
{
	size_t bytes = (size_t)w * fb_bytes_pp(fb);
	uint32_t j, r;

	/* Moving down, the bottom row goes first: no source is overwritten. */
	for (j = 0; j < h; j++) {
		r = dy > sy ? h - 1 - j : j;
		memmove(fb_at(fb, dx, dy + r), fb_at(fb, sx, sy + r), bytes);
	}
}

static inline uint32_t fb_get(const uint8_t *p, uint32_t bytes)
{
	uint32_t px = 0;
	uint16_t px16;

	switch (bytes) {
	case 4:
		__builtin_memcpy(&px, p, 4);
		break;
	case 3:
		px = p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
		break;
	default:
		__builtin_memcpy(&px16, p, 2);
		px = px16;
		break;
	}
	return px;
}

void fb_invert_rect(const struct fb_info *fb, uint32_t x, uint32_t y,
		    uint32_t w, uint32_t h, uint32_t mask)
{
	uint32_t bytes = fb_bytes_pp(fb), i, j;
	uint8_t *p;

	for (j = 0; j < h; j++) {
		for (i = 0; i < w; i++) {
			p = fb_at(fb, x + i, y + j);
			fb_put(p, bytes, fb_get(p, bytes) ^ mask);
		}
	}
}
