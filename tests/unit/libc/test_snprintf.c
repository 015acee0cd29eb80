/*
 * snprintf, vsnprintf and vcbprintf against glibc: every combination of
 * flags, width, precision, length and conversion, then edge cases one by one.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "kc.h"
#include "unit.h"

#define BUF 512
#define SENTINEL 0xa5

enum kind {
	K_NONE,         /* no value argument, for "%%" */
	K_INT, K_UINT, K_LONG, K_ULONG, K_LLONG, K_ULLONG,
	K_SSIZE, K_SIZE, K_PTRDIFF, K_INTMAX, K_UINTMAX,
	K_PTR, K_STR, K_CHAR,
};

/* One argument of a given type; integers and pointers travel in u. */
struct arg {
	enum kind kind;
	uint64_t u;
	const char *s;
};

/* The int arguments consumed by '*' width and precision, in order. */
struct stars {
	int n;
	int a, b;
};

typedef int (*snprintf_fn)(char *, size_t, const char *, ...);

#define CALL(fn, buf, size, fmt, st, ...)				\
	((st)->n == 0 ? fn(buf, size, fmt, __VA_ARGS__) :               \
	 (st)->n == 1 ? fn(buf, size, fmt, (st)->a, __VA_ARGS__) :      \
	 fn(buf, size, fmt, (st)->a, (st)->b, __VA_ARGS__))

static int call(snprintf_fn fn, char *buf, size_t size, const char *fmt,
		const struct stars *st, const struct arg *a)
{
	switch (a->kind) {
	case K_NONE:
		return CALL(fn, buf, size, fmt, st, 0);
	case K_INT:
		return CALL(fn, buf, size, fmt, st, (int)a->u);
	case K_UINT:
		return CALL(fn, buf, size, fmt, st, (unsigned int)a->u);
	case K_LONG:
		return CALL(fn, buf, size, fmt, st, (long)a->u);
	case K_ULONG:
		return CALL(fn, buf, size, fmt, st, (unsigned long)a->u);
	case K_LLONG:
		return CALL(fn, buf, size, fmt, st, (long long)a->u);
	case K_ULLONG:
		return CALL(fn, buf, size, fmt, st,
			    (unsigned long long)a->u);
	case K_SSIZE:
		return CALL(fn, buf, size, fmt, st, (ssize_t)a->u);
	case K_SIZE:
		return CALL(fn, buf, size, fmt, st, (size_t)a->u);
	case K_PTRDIFF:
		return CALL(fn, buf, size, fmt, st, (ptrdiff_t)a->u);
	case K_INTMAX:
		return CALL(fn, buf, size, fmt, st, (intmax_t)a->u);
	case K_UINTMAX:
		return CALL(fn, buf, size, fmt, st, (uintmax_t)a->u);
	case K_PTR:
		return CALL(fn, buf, size, fmt, st, (void *)(uintptr_t)a->u);
	case K_STR:
		return CALL(fn, buf, size, fmt, st, a->s);
	case K_CHAR:
		return CALL(fn, buf, size, fmt, st, (int)a->u);
	}
	ck_abort_msg("bad argument kind %d", a->kind);
	return -1;
}

/*
 * Formats with both implementations into sentinel-filled buffers of BUF
 * bytes, passing size (and NULL instead of a buffer when size is 0), and
 * requires the same return value and the same BUF bytes: the output, the
 * NUL and every untouched byte after them. Returns the host's result.
 */
static int compare_sized(const char *fmt, const struct stars *st,
			 const struct arg *a, size_t size)
{
	char want[BUF + 1], got[BUF + 1];
	int wr, gr;

	memset(want, SENTINEL, BUF);
	memset(got, SENTINEL, BUF);
	want[BUF] = got[BUF] = '\0';   /* for the message only */
	wr = call(snprintf, size ? want : NULL, size, fmt, st, a);
	gr = call(kc_snprintf, size ? got : NULL, size, fmt, st, a);
	CHECK(wr == gr && !memcmp(want, got, BUF),
	      "\"%s\" (stars %d: %d %d, kind %d, value %#llx/%s) size %zu:"
	      " host \"%s\" = %d, ours \"%s\" = %d", fmt, st->n, st->a,
	      st->b, a->kind, (unsigned long long)a->u,
	      a->s ? a->s : "-", size, want, wr, got, gr);
	return wr;
}

/*
 * The full comparison; with truncate, also the sizes around the
 * interesting points: 0, 1, half the output, and exactly too small.
 */
static void compare(const char *fmt, const struct stars *st,
		    const struct arg *a, bool truncate)
{
	int len = compare_sized(fmt, st, a, BUF);

	CHECK(len >= 0 && len < BUF, "\"%s\": length %d", fmt, len);
	if (!truncate)
		return;
	compare_sized(fmt, st, a, 0);
	compare_sized(fmt, st, a, 1);
	compare_sized(fmt, st, a, (size_t)len / 2);
	compare_sized(fmt, st, a, (size_t)len);
	compare_sized(fmt, st, a, (size_t)len + 1);
}

/* ---- The combinatorial sweep ---- */

static const uint64_t int_values[] = {
	0, 1, 5, 7, 8, 10, 15, 16, 99, 127, 128, 255, 256, 4095,
	32767, 32768, 65535, 65536, 0x7fffffff, 0x80000000, 0xffffffff,
	0x100000000, 0x7fffffffffffffff, 0x8000000000000000,
	0xffffffffffffffff, (uint64_t)-2, (uint64_t)-42, (uint64_t)-128,
	(uint64_t)-129, (uint64_t)-32768, (uint64_t)INT_MIN,
	1234567890123456789,
};

static int stack_object;

static const char *const str_values[] = {
	NULL, "", "a", "hello", "a somewhat longer string, 34 bytes",
};

static const uint64_t char_values[] = { 'a', 0, 255, ' ', 'Z' + 256 };

/* A width or precision field and, for '*', the int it consumes. */
struct field {
	const char *text;
	bool star;
	int value;
};

static const struct field widths[] = {
	{ "", false, 0 }, { "1", false, 0 }, { "6", false, 0 },
	{ "23", false, 0 }, { "*", true, -9 }, { "*", true, 0 },
	{ "*", true, 14 },
};

static const struct field precisions[] = {
	{ "", false, 0 }, { ".", false, 0 }, { ".0", false, 0 },
	{ ".1", false, 0 }, { ".3", false, 0 }, { ".19", false, 0 },
	{ ".*", true, -2 }, { ".*", true, 0 }, { ".*", true, 4 },
};

/* A conversion and length modifier, and the argument types they take. */
struct conv {
	char conv;
	const char *len;
	enum kind kind;
};

static const struct conv convs[] = {
#define SIGNED(c)							\
	{ c, "", K_INT }, { c, "hh", K_INT }, { c, "h", K_INT },       \
	{ c, "l", K_LONG }, { c, "ll", K_LLONG }, { c, "z", K_SSIZE },  \
	{ c, "t", K_PTRDIFF }, { c, "j", K_INTMAX }
#define UNSIGNED(c)							\
	{ c, "", K_UINT }, { c, "hh", K_UINT }, { c, "h", K_UINT },    \
	{ c, "l", K_ULONG }, { c, "ll", K_ULLONG }, { c, "z", K_SIZE }, \
	{ c, "t", K_PTRDIFF }, { c, "j", K_UINTMAX }
	SIGNED('d'), SIGNED('i'),
	UNSIGNED('u'), UNSIGNED('x'), UNSIGNED('X'), UNSIGNED('o'),
#undef SIGNED
#undef UNSIGNED
	{ 'p', "", K_PTR }, { 's', "", K_STR }, { 'c', "", K_CHAR },
};

/* The i-th value to try for conversion cv, or false past the last one. */
static bool nth_value(const struct conv *cv, size_t i, struct arg *a)
{
	a->kind = cv->kind;
	a->u = 0;
	a->s = NULL;
	switch (cv->kind) {
	case K_PTR:
		if (i >= 6)
			return false;
		a->u = (uint64_t[]){ 0, 1, 0x1234, 0xdeadbeef,
				     (uintptr_t)&stack_object,
				     UINTPTR_MAX }[i];
		return true;
	case K_STR:
		if (i >= sizeof(str_values) / sizeof(str_values[0]))
			return false;
		a->s = str_values[i];
		return true;
	case K_CHAR:
		if (i >= sizeof(char_values) / sizeof(char_values[0]))
			return false;
		a->u = char_values[i];
		return true;
	case K_NONE:
		return i == 0;
	default:
		if (i >= sizeof(int_values) / sizeof(int_values[0]))
			return false;
		a->u = int_values[i];
		return true;
	}
}

/* Builds "%<flags><width><precision><length><conv>"; flags is a bit set. */
static void build_fmt(char *fmt, size_t size, unsigned int flags,
		      const struct field *w, const struct field *p,
		      const char *len, char conv)
{
	int n = snprintf(fmt, size, "%%%s%s%s%s%s%s%s%s%c",
			 flags & 1 ? "-" : "", flags & 2 ? "+" : "",
			 flags & 4 ? " " : "", flags & 8 ? "#" : "",
			 flags & 16 ? "0" : "", w->text, p->text, len, conv);

	ck_assert_int_lt(n, (int)size);
}

START_TEST(test_sweep)
{
	const struct conv *cv = &convs[_i];
	const struct field *w, *p;
	struct stars st;
	int *const slot[] = { &st.a, &st.b };
	struct arg a;
	char fmt[32];
	unsigned int flags, n = 0;
	size_t wi, pi, vi;

	for (flags = 0; flags < 32; flags++) {
		for (wi = 0; wi < sizeof(widths) / sizeof(widths[0]); wi++) {
			w = &widths[wi];
			for (pi = 0; pi < sizeof(precisions) /
			     sizeof(precisions[0]); pi++) {
				p = &precisions[pi];
				build_fmt(fmt, sizeof(fmt), flags, w, p,
					  cv->len, cv->conv);
				st.n = 0;
				if (w->star)
					*slot[st.n++] = w->value;
				if (p->star)
					*slot[st.n++] = p->value;
				for (vi = 0; nth_value(cv, vi, &a); vi++)
					compare(fmt, &st, &a, ++n % 16 == 0);
			}
		}
	}
}
END_TEST

/* ---- Edge cases, one by one ---- */

struct edge {
	const char *fmt;
	struct stars st;
	struct arg a;
};

#define NOSTAR { 0, 0, 0 }
#define STAR1(x) { 1, x, 0 }
#define STAR2(x, y) { 2, x, y }
#define I(v) { K_INT, (uint64_t)(v), NULL }
#define U(v) { K_UINT, (uint64_t)(v), NULL }
#define L(v) { K_LONG, (uint64_t)(v), NULL }
#define LL(v) { K_LLONG, (uint64_t)(v), NULL }
#define ULL(v) { K_ULLONG, (uint64_t)(v), NULL }
#define SZ(v) { K_SIZE, (uint64_t)(v), NULL }
#define SSZ(v) { K_SSIZE, (uint64_t)(v), NULL }
#define PD(v) { K_PTRDIFF, (uint64_t)(v), NULL }
#define IM(v) { K_INTMAX, (uint64_t)(v), NULL }
#define UM(v) { K_UINTMAX, (uint64_t)(v), NULL }
#define P(v) { K_PTR, (uint64_t)(uintptr_t)(v), NULL }
#define S(v) { K_STR, 0, v }
#define C(v) { K_CHAR, (uint64_t)(v), NULL }
#define NONE { K_NONE, 0, NULL }

static const struct edge edges[] = {
	{ "%d", NOSTAR, I(INT_MIN) },
	{ "%d", NOSTAR, I(INT_MAX) },
	{ "%i", NOSTAR, I(-1) },
	{ "%u", NOSTAR, U(UINT_MAX) },
	{ "%ld", NOSTAR, L(LONG_MIN) },
	{ "%lld", NOSTAR, LL(LLONG_MIN) },
	{ "%lld", NOSTAR, LL(LLONG_MAX) },
	{ "%llu", NOSTAR, ULL(ULLONG_MAX) },
	{ "%llo", NOSTAR, ULL(ULLONG_MAX) },
	{ "%#llo", NOSTAR, ULL(ULLONG_MAX) },
	{ "%#llX", NOSTAR, ULL(ULLONG_MAX) },
	{ "%zu", NOSTAR, SZ(SIZE_MAX) },
	{ "%zd", NOSTAR, SSZ(-1) },
	{ "%zx", NOSTAR, SZ(SIZE_MAX) },
	{ "%td", NOSTAR, PD(PTRDIFF_MIN) },
	{ "%jd", NOSTAR, IM(INTMAX_MIN) },
	{ "%ju", NOSTAR, UM(UINTMAX_MAX) },
	{ "%hhd", NOSTAR, I(300) },
	{ "%hhd", NOSTAR, I(-129) },
	{ "%hhu", NOSTAR, U(-1) },
	{ "%hd", NOSTAR, I(70000) },
	{ "%hd", NOSTAR, I(-32769) },
	{ "%hx", NOSTAR, U(0x12345) },
	{ "%05d", NOSTAR, I(-42) },
	{ "%-05d", NOSTAR, I(-42) },
	{ "%+05d", NOSTAR, I(42) },
	{ "% 05d", NOSTAR, I(42) },
	{ "%012lld", NOSTAR, LL(LLONG_MIN) },
	{ "%+.3d", NOSTAR, I(-7) },
	{ "%08.3d", NOSTAR, I(-7) },
	{ "%.0d", NOSTAR, I(0) },
	{ "%5.0d", NOSTAR, I(0) },
	{ "%-5.0d|", NOSTAR, I(0) },
	{ "%+.0d", NOSTAR, I(0) },
	{ "% .0d", NOSTAR, I(0) },
	{ "%.0u", NOSTAR, U(0) },
	{ "%.0x", NOSTAR, U(0) },
	{ "%.0o", NOSTAR, U(0) },
	{ "%#o", NOSTAR, U(0) },
	{ "%#x", NOSTAR, U(0) },
	{ "%#X", NOSTAR, U(0) },
	{ "%#.0o", NOSTAR, U(0) },
	{ "%#.0x", NOSTAR, U(0) },
	{ "%#5.0x|", NOSTAR, U(0) },
	{ "%#o", NOSTAR, U(8) },
	{ "%#.3o", NOSTAR, U(8) },
	{ "%#.2o", NOSTAR, U(8) },
	{ "%#08o", NOSTAR, U(8) },
	{ "%#x", NOSTAR, U(255) },
	{ "%#010x", NOSTAR, U(255) },
	{ "%#-10X|", NOSTAR, U(255) },
	{ "%#.5x", NOSTAR, U(255) },
	{ "%--5d|", NOSTAR, I(1) },
	{ "%00d", NOSTAR, I(1) },
	{ "%+ d", NOSTAR, I(1) },
	{ "%*d|", STAR1(-8), I(42) },
	{ "%-*d|", STAR1(-8), I(42) },
	{ "%*d|", STAR1(8), I(42) },
	{ "%0*d|", STAR1(-8), I(42) },
	{ "%.*d", STAR1(-1), I(42) },
	{ "%.*d", STAR1(0), I(0) },
	{ "%*.*d|", STAR2(-10, 4), I(-42) },
	{ "%*.*s|", STAR2(7, 2), S("hello") },
	{ "%p", NOSTAR, P(NULL) },
	{ "%10p|", NOSTAR, P(NULL) },
	{ "%-10p|", NOSTAR, P(NULL) },
	{ "%.3p", NOSTAR, P(NULL) },
	{ "%p", NOSTAR, P(&stack_object) },
	{ "%p", NOSTAR, P(UINTPTR_MAX) },
	{ "%20p|", NOSTAR, P(0x1234) },
	{ "%-20p|", NOSTAR, P(0x1234) },
	{ "%020p|", NOSTAR, P(0x1234) },
	{ "%.8p", NOSTAR, P(0x1234) },
	{ "%+p", NOSTAR, P(0x1234) },
	{ "% p", NOSTAR, P(0x1234) },
	{ "%s", NOSTAR, S(NULL) },
	{ "%.3s", NOSTAR, S(NULL) },
	{ "%.6s", NOSTAR, S(NULL) },
	{ "%10s|", NOSTAR, S(NULL) },
	{ "%-10.2s|", NOSTAR, S(NULL) },
	{ "%s", NOSTAR, S("") },
	{ "%10s|", NOSTAR, S("right") },
	{ "%-10s|", NOSTAR, S("left") },
	{ "%010s|", NOSTAR, S("zero") },
	{ "%.2s", NOSTAR, S("truncated") },
	{ "%.0s|", NOSTAR, S("gone") },
	{ "%c", NOSTAR, C('x') },
	{ "%c", NOSTAR, C(0) },
	{ "[%c]", NOSTAR, C(0) },
	{ "%5c|", NOSTAR, C(0) },
	{ "%-5c|", NOSTAR, C('y') },
	{ "%05c|", NOSTAR, C('y') },
	{ "%c", NOSTAR, C(0x141) },
	{ "%c", NOSTAR, C(-1) },
	{ "100%%", NOSTAR, NONE },
	{ "", NOSTAR, NONE },
	{ "plain text", NOSTAR, NONE },
};

START_TEST(test_edge)
{
	const struct edge *e = &edges[_i];

	compare(e->fmt, &e->st, &e->a, true);
}
END_TEST

/*
 * "%%" prints '%' whatever flags, width and precision come with it, as in
 * glibc. Not compared with the host: ASan's printf interceptor complains
 * about such formats.
 */
START_TEST(test_percent)
{
	const struct field *w, *p;
	char fmt[32], buf[8];
	unsigned int flags;
	size_t wi, pi;

	for (flags = 0; flags < 32; flags++) {
		for (wi = 0; wi < sizeof(widths) / sizeof(widths[0]); wi++) {
			w = &widths[wi];
			for (pi = 0; pi < sizeof(precisions) /
			     sizeof(precisions[0]); pi++) {
				p = &precisions[pi];
				build_fmt(fmt, sizeof(fmt), flags, w, p, "",
					  '%');
				memset(buf, SENTINEL, sizeof(buf));
				CHECK(kc_snprintf(buf, sizeof(buf), fmt, 1,
						  2) == 1 && !strcmp(buf, "%"),
				      "\"%s\"", fmt);
			}
		}
	}
}
END_TEST

/* Every output size from 0 up, on one format with many conversions. */
START_TEST(test_truncation)
{
	static const char fmt[] = "[%-6d|% d|%x|%#o|%s|%c|%p|%5.2s|%%|%lld]";
	char want[128], got[128];
	size_t size;
	int wr, gr, len = -1;

	for (size = 0; size < sizeof(want); size++) {
		memset(want, SENTINEL, sizeof(want));
		memset(got, SENTINEL, sizeof(got));
		wr = snprintf(size ? want : NULL, size, fmt, -17, 5, 0xbeef, 8,
			      "str", 'c', (void *)&stack_object, "abc",
			      LLONG_MIN);
		gr = kc_snprintf(size ? got : NULL, size, fmt, -17, 5,
				 0xbeef, 8, "str", 'c', (void *)&stack_object,
				 "abc", LLONG_MIN);
		ck_assert_int_eq(wr, gr);
		ck_assert_mem_eq(want, got, sizeof(want));
		if (size)
			ck_assert_int_eq(got[(size_t)gr < size ? (size_t)gr :
					     size - 1], '\0');
		len = gr;
	}
	ck_assert_int_gt(len, 60);
}
END_TEST

START_TEST(test_size_zero)
{
	char buf[8];

	ck_assert_int_eq(kc_snprintf(NULL, 0, "%d", 12345), 5);
	ck_assert_int_eq(kc_snprintf(NULL, 0, "%s-%s", "ab", "cd"), 5);
	ck_assert_int_eq(kc_snprintf(NULL, 0, "%s", ""), 0);
	memset(buf, 'z', sizeof(buf));
	ck_assert_int_eq(kc_snprintf(buf, 0, "%d", 7), 1);
	ck_assert_mem_eq(buf, "zzzzzzzz", sizeof(buf));
	ck_assert_int_eq(kc_snprintf(buf, 1, "%d", 7), 1);
	ck_assert_int_eq(buf[0], '\0');
	ck_assert_int_eq(buf[1], 'z');
}
END_TEST

/* Precision bounds %s, so an unterminated array must not be read past. */
START_TEST(test_unterminated)
{
	static const char five[5] = { 'h', 'e', 'l', 'l', 'o' };
	char *heap = malloc(3);
	char want[32], got[32];

	ck_assert_ptr_nonnull(heap);
	memcpy(heap, "xyz", 3);
	ck_assert_int_eq(kc_snprintf(got, sizeof(got), "%.5s", five), 5);
	ck_assert_str_eq(got, "hello");
	ck_assert_int_eq(kc_snprintf(got, sizeof(got), "[%8.3s]", five), 10);
	snprintf(want, sizeof(want), "[%8.3s]", five);
	ck_assert_str_eq(got, want);
	ck_assert_int_eq(kc_snprintf(got, sizeof(got), "%-6.*s|", 4, five),
			 7);
	snprintf(want, sizeof(want), "%-6.*s|", 4, five);
	ck_assert_str_eq(got, want);
	ck_assert_int_eq(kc_snprintf(got, sizeof(got), "%.3s", heap), 3);
	ck_assert_str_eq(got, "xyz");
	ck_assert_int_eq(kc_snprintf(got, sizeof(got), "%.*s", 0, heap), 0);
	ck_assert_str_eq(got, "");
	free(heap);
}
END_TEST

START_TEST(test_char_nul)
{
	char want[16], got[16];
	int wr, gr;

	memset(want, SENTINEL, sizeof(want));
	memset(got, SENTINEL, sizeof(got));
	wr = snprintf(want, sizeof(want), "a%cb%3c", 0, 0);
	gr = kc_snprintf(got, sizeof(got), "a%cb%3c", 0, 0);
	ck_assert_int_eq(wr, 6);
	ck_assert_int_eq(gr, wr);
	ck_assert_mem_eq(got, want, sizeof(want));
	ck_assert_mem_eq(got, "a\0b  \0", 7);
}
END_TEST

/* Conversions this libc does not support come out literally. */
struct literal {
	const char *fmt;
	const char *out;
};

static const struct literal literals[] = {
	{ "%f", "%f" },
	{ "a%5.2fb", "a%5.2fb" },
	{ "%n", "%n" },
	{ "%hn", "%hn" },
	{ "%lc", "%lc" },
	{ "%ls", "%ls" },
	{ "%hs", "%hs" },
	{ "%lp", "%lp" },
	{ "%q", "%q" },
	{ "%Lf", "%Lf" },
	{ "%1$d", "%1$d" },
	{ "%'d", "%'d" },
	{ "%llld", "%llld" },
	{ "abc%", "abc%" },
	{ "abc%-5", "abc%-5" },
	{ "%y%d", "%y7" },
};

START_TEST(test_unsupported)
{
	const struct literal *l = &literals[_i];
	char buf[64];
	int r;

	memset(buf, SENTINEL, sizeof(buf));
	/* The argument feeds only the %d in the last entry. */
	r = kc_snprintf(buf, sizeof(buf), l->fmt, 7);
	ck_assert_str_eq(buf, l->out);
	ck_assert_int_eq(r, (int)strlen(l->out));
}
END_TEST

static int vs_ours(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = kc_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return r;
}

static int vs_host(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return r;
}

/*
 * Past INT_MAX bytes the length no longer fits the return type: -1. Through
 * vs_ours, which gcc cannot check, since the overflow is the point.
 */
START_TEST(test_int_overflow)
{
	ck_assert_int_eq(vs_ours(NULL, 0, "%*d", INT_MAX, 1), INT_MAX);
	ck_assert_int_eq(vs_ours(NULL, 0, "x%*d", INT_MAX, 1), -1);
	ck_assert_int_eq(vs_ours(NULL, 0, "%2147483647d%d", 1, 2), -1);
	ck_assert_int_eq(vs_ours(NULL, 0, "%99999999999d", 1), INT_MAX);
}
END_TEST

START_TEST(test_vsnprintf)
{
	char want[64], got[64];
	size_t size;

	for (size = 0; size < sizeof(want); size++) {
		memset(want, SENTINEL, sizeof(want));
		memset(got, SENTINEL, sizeof(got));
		ck_assert_int_eq(vs_ours(got, size, "%s=%#lx (%-4hhd)", "key",
					 0xabcdefUL, -3),
				 vs_host(want, size, "%s=%#lx (%-4hhd)",
					 "key", 0xabcdefUL, -3));
		ck_assert_mem_eq(got, want, sizeof(want));
	}
}
END_TEST

/* vcbprintf: collects what the callback receives. */
struct collect {
	char buf[256];
	size_t len;
	unsigned int calls;
	bool empty_call;
};

static void collect_emit(void *ctx, const char *s, size_t n)
{
	struct collect *c = ctx;

	c->calls++;
	if (n == 0)
		c->empty_call = true;
	ck_assert_uint_le(c->len + n, sizeof(c->buf));
	memcpy(c->buf + c->len, s, n);
	c->len += n;
}

static size_t cb_format(struct collect *c, const char *fmt, ...)
{
	va_list ap;
	size_t r;

	memset(c, 0, sizeof(*c));
	va_start(ap, fmt);
	r = kc_vcbprintf(collect_emit, c, fmt, ap);
	va_end(ap);
	return r;
}

START_TEST(test_vcbprintf)
{
	struct collect c;
	char want[256];
	int len;

	len = snprintf(want, sizeof(want), "<%-40s|%080d|%c%%>", "pad me",
		       -5, 0);
	ck_assert_uint_eq(cb_format(&c, "<%-40s|%080d|%c%%>", "pad me", -5,
				    0), (size_t)len);
	ck_assert_uint_eq(c.len, (size_t)len);
	ck_assert_mem_eq(c.buf, want, (size_t)len);
	ck_assert(!c.empty_call);
	ck_assert_uint_gt(c.calls, 1);

	ck_assert_uint_eq(cb_format(&c, "%s%.0d%s", "", 0, ""), 0);
	ck_assert_uint_eq(c.calls, 0);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("libc_snprintf");
	TCase *sweep = tcase_create("sweep");
	TCase *tc = tcase_create("cases");

	tcase_set_timeout(sweep, 60);
	tcase_add_loop_test(sweep, test_sweep, 0,
			    sizeof(convs) / sizeof(convs[0]));
	suite_add_tcase(s, sweep);

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_edge, 0,
			    sizeof(edges) / sizeof(edges[0]));
	tcase_add_test(tc, test_percent);
	tcase_add_test(tc, test_truncation);
	tcase_add_test(tc, test_size_zero);
	tcase_add_test(tc, test_unterminated);
	tcase_add_test(tc, test_char_nul);
	tcase_add_loop_test(tc, test_unsupported, 0,
			    sizeof(literals) / sizeof(literals[0]));
	tcase_add_test(tc, test_int_overflow);
	tcase_add_test(tc, test_vsnprintf);
	tcase_add_test(tc, test_vcbprintf);
	suite_add_tcase(s, tc);
	return s;
}
