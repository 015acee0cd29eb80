/*
 * The framebuffer text console: kernel messages (and later a tty) drawn with
 * the built-in PSF2 font on a linear direct-colour framebuffer.
 */
#ifndef BREENIX_FBCON_H
#define BREENIX_FBCON_H

#include <stdbool.h>
#include <breenix/fb.h>

/*
 * Room for the font's code point map (entries above U+00FF). Every font in
 * Debian's console-setup needs at most 700; a host test checks ours fits.
 */
#define FBCON_FONT_MAP_MAX 1024

/*
 * Set up the console on fb (fb->base mapped by the caller, write-combining
 * ideally; the console keeps a copy of *fb) and register it as "fb0".
 * Returns 0, -EINVAL for an unusable framebuffer or font, -ENOSPC if the
 * font's map does not fit, or -EBUSY if already initialised.
 */
int fbcon_init(const struct fb_info *fb);

/* The text size, for tty1's window size; false without a framebuffer console. */
bool fbcon_text_size(unsigned int *cols, unsigned int *rows);

#endif
