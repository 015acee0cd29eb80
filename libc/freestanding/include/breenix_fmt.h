/*
 * The printf engine: vcbprintf formats into a callback instead of a buffer,
 * so printk can write straight into the kernel log and vsnprintf is a thin
 * wrapper. It knows the same conversions as snprintf (see vcbprintf.c).
 */
#ifndef BREENIX_LIBC_BREENIX_FMT_H
#define BREENIX_LIBC_BREENIX_FMT_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Formats fmt with ap and passes the output, in order, to emit(ctx, s, n);
 * n is never 0 and s is not NUL-terminated. Returns the number of bytes
 * passed to emit in total.
 *
 * Supported: flags "-+ #0", width and precision (digits or '*'), lengths
 * hh h l ll z t j, conversions d i u x X o p s c %. Output matches glibc,
 * including its choices where C leaves them open: "%p" prints like "%#lx"
 * (honouring '+' and ' ') and NULL as "(nil)"; "%s" of NULL prints "(null)",
 * or nothing when the precision is below 6; '0' pads only numbers.
 * Anything else (floating point, %n, wide %lc/%ls, positional arguments, a
 * length on c s p, a format ending inside a conversion) is copied to the
 * output literally, from the '%' through the offending character, and
 * consumes no argument beyond a '*' it has already read.
 */
size_t vcbprintf(void (*emit)(void *ctx, const char *s, size_t n), void *ctx,
		 const char *fmt, va_list ap)
	__attribute__((__format__(__printf__, 3, 0)));

#endif
