/*
 * printf: format and print the arguments, as POSIX and coreutils: the
 * format is used again while arguments are left, a missing argument is 0
 * or "", and a bad number is reported ("'x': expected a numeric value")
 * while the rest is still printed, with exit status 1.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"

/* A directive's pieces are at most this long (flags, no digits: '*'). */
#define SPEC_MAX 16

struct args {
	char **v;
	int n;
	int used;
};

struct spec {
	char flags[8];
	int width, prec;
	bool has_prec;
	char conv;
};

static const char usage[] =
	"FORMAT [ARGUMENT]...\n"
	"Print the ARGUMENTs as FORMAT says, using it again while some are left.\n"
	"  %d %i %o %u %x %X %c %s %e %E %f %g %G with flags, width, .precision\n"
	"  (* takes them from an argument); %b a string with escapes; %% a %\n"
	"  escapes: \\\\ \\\" \\a \\b \\e \\f \\n \\r \\t \\v \\NNN \\xHH, \\c ends the output\n"
	"  numbers: 10, 012, 0xA, or 'c for the code of the character c";

static int status;

/* The next argument, or NULL when they are used up. */
static const char *next_arg(struct args *a)
{
	return a->used < a->n ? a->v[a->used++] : NULL;
}

/* Reports what strto* left: a range error, no number, or trailing text. */
static void check_number(const char *s, const char *end)
{
	if (errno) {
		msg_warn("'%s'", s);
		status = 1;
	} else if (*end) {
		msg_warnx(end == s ? "'%s': expected a numeric value" :
				     "'%s': value not completely converted", s);
		status = 1;
	}
}

/* A 'c or "c argument stands for the character's code (POSIX). */
static bool char_constant(const char *s, unsigned char *code)
{
	if ((*s != '\'' && *s != '"') || !s[1])
		return false;
	*code = (unsigned char)s[1];
	if (s[2])
		msg_warnx("warning: %s: character(s) following character constant have been ignored",
			  s + 2);
	return true;
}

/*
 * An integer argument: strtoll's for the signed conversions, strtoull's
 * (which takes "-1" as the largest value, as C and coreutils) for the others.
 */
static unsigned long long arg_integer(const char *s, bool is_signed)
{
	unsigned long long v;
	unsigned char code;
	char *end;

	if (!s)
		return 0;
	if (char_constant(s, &code))
		return code;
	errno = 0;
	v = is_signed ? (unsigned long long)strtoll(s, &end, 0) : strtoull(s, &end, 0);
	check_number(s, end);
	return v;
}

static double arg_double(const char *s)
{
	unsigned char code;
	char *end;
	double v;

	if (!s)
		return 0;
	if (char_constant(s, &code))
		return code;
	errno = 0;
	v = strtod(s, &end);
	check_number(s, end);
	return v;
}

/* Width or precision from a '*' argument; what ("field width") for errors. */
static int arg_int(struct args *a, const char *what)
{
	const char *s = next_arg(a);
	long long v = (long long)arg_integer(s, true);

	if (v < INT_MIN || v > INT_MAX)
		msg_diex(1, "invalid %s: '%s'", what, s);
	return (int)v;
}

/* The byte a \ escape at *p (after the backslash) stands for; -1 for \c. */
static int escape(const char **p, bool in_b)
{
	static const char from[] = "\\\"abefnrtv", to[] = "\\\"\a\b\033\f\n\r\t\v";
	const char *s = *p, *c;
	int v = 0, n;

	if (*s == 'c') {
		*p = s + 1;
		return -1;
	}
	if (*s == 'x') {
		for (n = 0, s++; n < 2 && isxdigit((unsigned char)*s); n++, s++)
			v = v * 16 + (isdigit((unsigned char)*s) ? *s - '0' : (*s | 0x20) - 'a' + 10);
		if (!n)
			msg_diex(1, "missing hexadecimal number in escape");
		*p = s;
		return v;
	}
	if (*s >= '0' && *s <= '7') {
		/* %b's octal escapes are \0NNN; the format's are \NNN. */
		if (in_b && *s == '0')
			s++;
		for (n = 0; n < 3 && *s >= '0' && *s <= '7'; n++, s++)
			v = v * 8 + *s - '0';
		*p = s;
		return v & 0xff;
	}
	c = *s ? strchr(from, *s) : NULL;
	if (!c) {
		/* Not an escape: the backslash stands for itself. */
		return '\\';
	}
	*p = s + 1;
	return to[c - from];
}

/* Appends s with its escapes expanded to buf; false if \c ended it. */
static bool expand_b(const char *s, char **buf, size_t *len)
{
	size_t cap = strlen(s) + 1;

	*buf = malloc(cap);
	if (!*buf)
		msg_die(1, "out of memory");
	*len = 0;
	while (*s) {
		int ch = (unsigned char)*s++;

		if (ch == '\\' && (ch = escape(&s, true)) < 0)
			return false;
		(*buf)[(*len)++] = (char)ch;
	}
	return true;
}

static void pad(int n)
{
	while (n-- > 0)
		putchar(' ');
}

/* %b: the argument with its escapes, in the field; false after \c. */
static bool print_b(const struct spec *sp, const char *arg)
{
	bool go_on, left = strchr(sp->flags, '-') != NULL;
	size_t len;
	char *buf;
	int width = sp->width;

	go_on = expand_b(arg ? arg : "", &buf, &len);
	if (sp->has_prec && sp->prec >= 0 && (size_t)sp->prec < len)
		len = (size_t)sp->prec;
	if (width < 0) {
		left = true;
		width = -width;
	}
	if (!left)
		pad(width - (int)len);
	fwrite(buf, 1, len, stdout);
	if (left)
		pad(width - (int)len);
	free(buf);
	return go_on;
}

/*
 * The C format for one directive: '%', flags, "*", ".*" (but for c: a
 * negative precision is none, C11 7.21.6.1), the length, the conversion.
 */
static void c_format(const struct spec *sp, const char *length, char *out)
{
	char *o = out;

	*o++ = '%';
	for (const char *f = sp->flags; *f; f++) {
		/* Grouping ('): the C locale has no thousands separator. */
		if (*f != '\'')
			*o++ = *f;
	}
	*o++ = '*';
	if (sp->conv != 'c') {
		*o++ = '.';
		*o++ = '*';
	}
	strcpy(o, length);
	o += strlen(length);
	*o++ = sp->conv;
	*o = '\0';
}

static void print_conv(const struct spec *sp, struct args *a)
{
	const char *arg = next_arg(a);
	char fmt[SPEC_MAX];
	int prec = sp->has_prec ? sp->prec : -1;

	if (strchr("di", sp->conv)) {
		c_format(sp, "ll", fmt);
		printf(fmt, sp->width, prec, (long long)arg_integer(arg, true));
	} else if (strchr("ouxX", sp->conv)) {
		c_format(sp, "ll", fmt);
		printf(fmt, sp->width, prec, arg_integer(arg, false));
	} else if (strchr("eEfgG", sp->conv)) {
		c_format(sp, "", fmt);
		printf(fmt, sp->width, prec, arg_double(arg));
	} else if (sp->conv == 'c') {
		c_format(sp, "", fmt);
		printf(fmt, sp->width, arg ? (unsigned char)*arg : 0);
	} else {
		c_format(sp, "", fmt);
		printf(fmt, sp->width, prec, arg ? arg : "");
	}
}

/*
 * Whether the flags and precision suit the conversion, as C defines them
 * (coreutils refuses the same): '#' only for o x X and the floating ones,
 * '0' not for c s b, no precision for c.
 */
static bool spec_valid(const struct spec *sp)
{
	if (!sp->conv || !strchr("diouxXeEfgGcsb", sp->conv))
		return false;
	if (strchr(sp->flags, '#') && strchr("dicsbu", sp->conv))
		return false;
	if (strchr(sp->flags, '0') && strchr("csb", sp->conv))
		return false;
	if (strchr(sp->flags, '\'') && strchr("ceEoxXsb", sp->conv))
		return false;
	return !(sp->has_prec && sp->conv == 'c');
}

/* Reads the directive after '%' at *p into sp, taking '*' arguments. */
static void parse_spec(const char **p, struct spec *sp, struct args *a)
{
	const char *start = *p - 1, *s = *p;
	size_t nflags = 0;

	memset(sp, 0, sizeof(*sp));
	for (; *s && strchr("-+ #0'", *s); s++) {
		if (nflags < sizeof(sp->flags) - 1 && !strchr(sp->flags, *s))
			sp->flags[nflags++] = *s;
	}
	if (*s == '*') {
		sp->width = arg_int(a, "field width");
		s++;
	} else {
		for (; isdigit((unsigned char)*s); s++)
			sp->width = sp->width > INT_MAX / 10 ? INT_MAX : sp->width * 10 + *s - '0';
	}
	if (*s == '.') {
		sp->has_prec = true;
		if (*++s == '*') {
			sp->prec = arg_int(a, "precision");
			s++;
		} else {
			for (; isdigit((unsigned char)*s); s++)
				sp->prec = sp->prec > INT_MAX / 10 ? INT_MAX : sp->prec * 10 + *s - '0';
		}
	}
	/* C's length modifiers change nothing here: every value is the widest. */
	while (*s && strchr("hlLqjzt", *s))
		s++;
	sp->conv = *s;
	if (!spec_valid(sp))
		msg_diex(1, "%.*s: invalid conversion specification", (int)(s - start + (*s != 0)),
			 start);
	*p = s + 1;
}

/* One pass over the format; false once \c asks for no more output. */
static bool print_format(const char *f, struct args *a)
{
	struct spec sp;

	while (*f) {
		int ch = (unsigned char)*f++;

		if (ch == '\\') {
			ch = escape(&f, false);
			if (ch < 0)
				return false;
			putchar(ch);
		} else if (ch != '%') {
			putchar(ch);
		} else if (*f == '%') {
			putchar('%');
			f++;
		} else {
			parse_spec(&f, &sp, a);
			if (sp.conv == 'b' && !print_b(&sp, next_arg(a)))
				return false;
			if (sp.conv != 'b')
				print_conv(&sp, a);
		}
	}
	return true;
}

int main(int argc, char **argv)
{
	struct args a;
	int i = 1;

	cli_init(argv[0], usage, 1);
	cli_sole_option(argc, argv);
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc)
		cli_usage_error("missing operand");
	a.v = argv + i + 1;
	a.n = argc - i - 1;
	a.used = 0;
	do {
		int before = a.used;

		if (!print_format(argv[i], &a))
			break;
		if (a.used == before) {
			if (a.used < a.n)
				msg_warnx("warning: ignoring excess arguments, starting with '%s'",
					  a.v[a.used]);
			break;
		}
	} while (a.used < a.n);
	cli_exit(status);
}
