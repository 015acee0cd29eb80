/*
 * The framebuffer console device: the built-in font, one fbterm on the boot
 * framebuffer, and its registration as a printk console. Storage is static
 * because the console comes up before the kernel has a heap.
 */
#include <string.h>
#include <breenix/console.h>
#include <breenix/errno.h>
#include <breenix/fbcon.h>
#include <breenix/psf.h>
#include "fbterm.h"

static struct psf_font fbcon_font;
static struct psf_map_entry fbcon_font_map[FBCON_FONT_MAP_MAX];
static struct fbterm fbcon_term;
static bool fbcon_ready;

/*
 * printk's text ends lines with a bare '\n', which the terminal takes as a
 * pure line feed (as a VT does), so the carriage return is added here, as
 * the serial console does. printk holds the log lock around this, which
 * serialises the terminal.
 */
static void fbcon_write(struct console *con, const char *buf, size_t len)
{
	const char *nl;
	size_t n;

	while ((nl = memchr(buf, '\n', len))) {
		n = (size_t)(nl - buf);
		fbterm_write(con->data, buf, n);
		fbterm_write(con->data, "\r\n", 2);
		buf += n + 1;
		len -= n + 1;
	}
	fbterm_write(con->data, buf, len);
}

/* tty1's output, under the log lock too: OPOST/ONLCR already did the CRs. */
static void fbcon_write_tty(struct console *con, const char *buf, size_t len)
{
	fbterm_write(con->data, buf, len);
}

static struct console fbcon_console = {
	.name = "fb0",
	.write = fbcon_write,
	.write_tty = fbcon_write_tty,
	.data = &fbcon_term,
};

bool fbcon_text_size(unsigned int *cols, unsigned int *rows)
{
	if (!fbcon_ready)
		return false;
	*cols = fbcon_term.cols;
	*rows = fbcon_term.rows;
	return true;
}

int fbcon_init(const struct fb_info *fb)
{
	int err;

	if (fbcon_ready)
		return -EBUSY;
	err = psf_parse(&fbcon_font, font_psf2_start,
			(size_t)(font_psf2_end - font_psf2_start));
	if (err)
		return err;
	err = psf_build_map(&fbcon_font, fbcon_font_map, FBCON_FONT_MAP_MAX);
	if (err)
		return err;
	err = fbterm_init(&fbcon_term, fb, &fbcon_font);
	if (err)
		return err;
	fbcon_ready = true;
	console_register(&fbcon_console);
	return 0;
}
