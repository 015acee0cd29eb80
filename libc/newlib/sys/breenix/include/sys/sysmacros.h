/*
 * major(), minor() and makedev() in Linux's encoding of dev_t (the
 * kernel's new_encode_dev: 12 bits of major, 20 of minor, split).
 */
#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H

#define major(d)	((unsigned int)((((d) >> 32) & 0xfffff000u) | (((d) >> 8) & 0xfffu)))
#define minor(d)	((unsigned int)((((d) >> 12) & 0xffffff00u) | ((d) & 0xffu)))
#define makedev(ma, mi)	((((unsigned long)(ma) & 0xfffff000ul) << 32) | \
			 (((unsigned long)(ma) & 0xfffu) << 8) | \
			 (((unsigned long)(mi) & 0xffffff00ul) << 12) | \
			 ((unsigned long)(mi) & 0xffu))

#endif
