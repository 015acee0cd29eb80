/*
 * The console font, linked into .rodata so the framebuffer console works
 * before any filesystem exists. FONT_PSF_PATH is the build-dir copy of
 * BREENIX_CONSOLE_FONT, decompressed by drivers/video/CMakeLists.txt.
 */
	.section .rodata, "a", @progbits
	.balign 16
	.global font_psf2_start
	.type font_psf2_start, @object
font_psf2_start:
	.incbin FONT_PSF_PATH
	.global font_psf2_end
	.type font_psf2_end, @object
font_psf2_end:
	.size font_psf2_start, font_psf2_end - font_psf2_start
	.size font_psf2_end, 0

	.section .note.GNU-stack, "", @progbits
