/*
 * vcbprintf: the printf engine. It walks the format and passes every piece
 * of output to a callback; what it accepts is described in <breenix_fmt.h>.
 */
#include <breenix_fmt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define F_LEFT		0x01	/* '-' */
#define F_PLUS		0x02	/* '+' */
#define F_SPACE		0x04	/* ' ' */
#define F_ALT		0x08	/* '#' */
#define F_ZERO		0x10	/* '0' */

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };

_Static_assert(sizeof(ptrdiff_t) == sizeof(size_t),
	       "%zd reads a ptrdiff_t as the signed size_t");

struct out {
	void (*emit)(void *ctx, const char *s, size_t n);
	void *ctx;
	size_t total;
};

struct spec {
	unsigned int flags;
	size_t width;
	int prec;		/* -1: none given */
	enum length len;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (n) {
		o->emit(o->ctx, s, n);
		o->total += n;
	}
}

static void pad(struct out *o, char c, size_t n)
{
	static const char spaces[] = "                                ";
	static const char zeros[] = "00000000000000000000000000000000";
	const char *fill = c == '0' ? zeros : spaces;
	size_t k;

	for (; n; n -= k) {
		k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
		put(o, fill, k);
	}
}

/* Emits s[0..len) padded with spaces to the field width. */
static void put_field(struct out *o, const struct spec *sp, const char *s,
		      size_t len)
{
	size_t fill = sp->width > len ? sp->width - len : 0;

	if (!(sp->flags & F_LEFT))
		pad(o, ' ', fill);
	put(o, s, len);
	if (sp->flags & F_LEFT)
		pad(o, ' ', fill);
}

/*
 * Emits an integer: magnitude v in base 8, 10 or 16, with prefix (a sign or
 * "0x"), precision zeros, and padding. Follows C11 7.21.6.1: precision 0 with
 * value 0 prints no digits; '#' with 'o' forces a leading 0; '0' is ignored
 * when a precision or '-' is given.
 */
static void put_number(struct out *o, const struct spec *sp,
		       uintmax_t v, unsigned int base, bool upper,
		       const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[sizeof(uintmax_t) * CHAR_BIT / 3 + 1];
	char *p = buf + sizeof(buf);
	size_t ndigits, zeros, plen, len;
	size_t prec = sp->prec < 0 ? 1 : (size_t)sp->prec;

	for (; v; v /= base)
		*--p = digits[v % base];
	ndigits = (size_t)(buf + sizeof(buf) - p);
	zeros = prec > ndigits ? prec - ndigits : 0;
	if (base == 8 && (sp->flags & F_ALT) && zeros == 0 &&
	    (ndigits == 0 || *p != '0'))
		zeros = 1;
	plen = strlen(prefix);
	len = plen + zeros + ndigits;
	if ((sp->flags & (F_ZERO | F_LEFT)) == F_ZERO && sp->prec < 0 &&
	    sp->width > len) {
		zeros += sp->width - len;
		len = sp->width;
	}
	if (!(sp->flags & F_LEFT) && sp->width > len)
		pad(o, ' ', sp->width - len);
	put(o, prefix, plen);
	pad(o, '0', zeros);
	put(o, p, ndigits);
	if ((sp->flags & F_LEFT) && sp->width > len)
		pad(o, ' ', sp->width - len);
}

static const char *sign_prefix(unsigned int flags, bool negative)
{
	if (negative)
		return "-";
	if (flags & F_PLUS)
		return "+";
	if (flags & F_SPACE)
		return " ";
	return "";
}

static intmax_t signed_arg(enum length len, va_list *ap)
{
	switch (len) {
	case LEN_HH:
		return (signed char)va_arg(*ap, int);
	case LEN_H:
		return (short)va_arg(*ap, int);
	case LEN_L:
		return va_arg(*ap, long);
	case LEN_LL:
		return va_arg(*ap, long long);
	case LEN_Z:
	case LEN_T:
		return va_arg(*ap, ptrdiff_t);
	case LEN_J:
		return va_arg(*ap, intmax_t);
	default:
		return va_arg(*ap, int);
	}
}

static uintmax_t unsigned_arg(enum length len, va_list *ap)
{
	switch (len) {
	case LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H:
		return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_L:
		return va_arg(*ap, unsigned long);
	case LEN_LL:
		return va_arg(*ap, unsigned long long);
	case LEN_Z:
	case LEN_T:
		return va_arg(*ap, size_t);
	case LEN_J:
		return va_arg(*ap, uintmax_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

/* Reads a decimal field width or precision, saturating at INT_MAX. */
static int parse_count(const char **fmt)
{
	int n = 0;

	for (; **fmt >= '0' && **fmt <= '9'; (*fmt)++) {
		if (n > (INT_MAX - (**fmt - '0')) / 10)
			n = INT_MAX;
		else
			n = n * 10 + (**fmt - '0');
	}
	return n;
}

/*
 * Parses the conversion after a '%' at *fmt, consumes its arguments and
 * emits it. Returns false, leaving *fmt on the character it could not
 * accept, when the conversion is not supported.
 */
/* Flags, width and precision: "%-08.3". */
static const char *parse_field(const char *f, struct spec *sp, va_list *ap)
{
	int w;

	for (;; f++) {
		if (*f == '-')
			sp->flags |= F_LEFT;
		else if (*f == '+')
			sp->flags |= F_PLUS;
		else if (*f == ' ')
			sp->flags |= F_SPACE;
		else if (*f == '#')
			sp->flags |= F_ALT;
		else if (*f == '0')
			sp->flags |= F_ZERO;
		else
			break;
	}
	if (*f == '*') {
		f++;
		w = va_arg(*ap, int);
		if (w < 0)
			sp->flags |= F_LEFT;
		sp->width = w < 0 ? 0U - (unsigned int)w : (unsigned int)w;
	} else {
		sp->width = (size_t)parse_count(&f);
	}
	if (*f == '.') {
		f++;
		if (*f == '*') {
			f++;
			sp->prec = va_arg(*ap, int);
			if (sp->prec < 0)
				sp->prec = -1;
		} else {
			sp->prec = parse_count(&f);
		}
	}
	return f;
}

/* The length modifier: h hh l ll z t j. */
static const char *parse_length(const char *f, struct spec *sp)
{
	switch (*f) {
	case 'h':
		sp->len = f[1] == 'h' ? LEN_HH : LEN_H;
		return f + (sp->len == LEN_HH ? 2 : 1);
	case 'l':
		sp->len = f[1] == 'l' ? LEN_LL : LEN_L;
		return f + (sp->len == LEN_LL ? 2 : 1);
	case 'z':
		sp->len = LEN_Z;
		return f + 1;
	case 't':
		sp->len = LEN_T;
		return f + 1;
	case 'j':
		sp->len = LEN_J;
		return f + 1;
	default:
		return f;
	}
}

static void emit_integer(struct out *o, struct spec *sp, char conv,
			 va_list *ap)
{
	intmax_t sv;
	uintmax_t uv;

	switch (conv) {
	case 'd':
	case 'i':
		sv = signed_arg(sp->len, ap);
		uv = sv < 0 ? 0 - (uintmax_t)sv : (uintmax_t)sv;
		put_number(o, sp, uv, 10, false, sign_prefix(sp->flags, sv < 0));
		break;
	case 'u':
		put_number(o, sp, unsigned_arg(sp->len, ap), 10, false, "");
		break;
	case 'o':
		put_number(o, sp, unsigned_arg(sp->len, ap), 8, false, "");
		break;
	default:	/* x, X */
		uv = unsigned_arg(sp->len, ap);
		put_number(o, sp, uv, 16, conv == 'X',
			   ((sp->flags & F_ALT) && uv) ?
			   (conv == 'X' ? "0X" : "0x") : "");
		break;
	}
}

/* p, s and c take no length modifier; false for an unsupported form. */
static bool emit_other(struct out *o, struct spec *sp, char conv, va_list *ap)
{
	const char *s;
	uintmax_t uv;
	char c;

	if (sp->len != LEN_NONE)
		return false;
	switch (conv) {
	case 'p':
		uv = (uintptr_t)va_arg(*ap, void *);
		if (!uv) {
			put_field(o, sp, "(nil)", 5);
			break;
		}
		put_number(o, sp, uv, 16, false,
			   (sp->flags & F_PLUS) ? "+0x" :
			   (sp->flags & F_SPACE) ? " 0x" : "0x");
		break;
	case 's':
		s = va_arg(*ap, const char *);
		if (!s)
			s = sp->prec < 0 || sp->prec >= 6 ? "(null)" : "";
		put_field(o, sp, s, sp->prec < 0 ? strlen(s) :
			  strnlen(s, (size_t)sp->prec));
		break;
	default:	/* c */
		c = (char)(unsigned char)va_arg(*ap, int);
		put_field(o, sp, &c, 1);
		break;
	}
	return true;
}

static bool convert(struct out *o, const char **fmt, va_list *ap)
{
	struct spec sp = { .prec = -1 };
	const char *f = parse_length(parse_field(*fmt, &sp, ap), &sp);

	*fmt = f;
	switch (*f) {
	case 'd':
	case 'i':
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		emit_integer(o, &sp, *f, ap);
		break;
	case 'p':
	case 's':
	case 'c':
		if (!emit_other(o, &sp, *f, ap))
			return false;
		break;
	case '%':
		put(o, "%", 1);
		break;
	default:
		return false;
	}
	(*fmt)++;
	return true;
}

size_t vcbprintf(void (*emit)(void *ctx, const char *s, size_t n), void *ctx,
		 const char *fmt, va_list ap)
{
	struct out o = { .emit = emit, .ctx = ctx, .total = 0 };
	const char *start;
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		start = fmt;
		if (*fmt != '%') {
			fmt += strcspn(fmt, "%");
			put(&o, start, (size_t)(fmt - start));
			continue;
		}
		fmt++;
		if (!convert(&o, &fmt, &args)) {
			if (*fmt)
				fmt++;
			put(&o, start, (size_t)(fmt - start));
		}
	}
	va_end(args);
	return o.total;
}
