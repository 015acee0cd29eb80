/*
 * /dev/tty1, the virtual terminal: output drawn by the framebuffer console
 * (fbterm's VT100 parser), input typed on the PS/2 keyboard, already turned
 * into a terminal's bytes by the keymap. /dev/tty0, the current VT, is
 * tty1: there is only one.
 */
#include <breenix/console.h>
#include <breenix/devfs.h>
#include <breenix/vfs.h>
#include <breenix/fbcon.h>
#include <breenix/init.h>
#include <breenix/tty.h>
#include "tty_internal.h"

/* Without a framebuffer console the output has nowhere to go: it is dropped. */
static void vt_write(struct tty_struct *tty, const unsigned char *buf,
		     size_t len)
{
	(void)tty;
	console_write("fb0", (const char *)buf, len);
}

static const struct tty_operations vt_ops = {
	.write = vt_write,
};

static struct tty_struct vt_tty = {
	.name = "tty1",
	.dev = MKDEV(TTY_MAJOR, 1),
	.ops = &vt_ops,
};

static int vt_init(void)
{
	unsigned int cols, rows;
	int err;

	vt_tty.input = kbd_input_queue();
	err = tty_register(&vt_tty);
	if (err)
		return err;
	if (fbcon_text_size(&cols, &rows)) {
		vt_tty.winsize.ws_col = (unsigned short)cols;
		vt_tty.winsize.ws_row = (unsigned short)rows;
	}
	err = devfs_create_node("tty1", S_IFCHR | 0620, vt_tty.dev);
	if (!err)
		err = devfs_create_node("tty0", S_IFCHR | 0620,
					MKDEV(TTY_MAJOR, 0));
	return err;
}
device_initcall(vt_init);
