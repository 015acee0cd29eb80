/*
 * <string.h> against glibc (and strlcpy/strlcat, which glibc 2.36 lacks,
 * against OpenBSD's rules), in exact-size buffers so ASan sees any stray byte.
 */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kc.h"
#include "unit.h"

#define MAXLEN 64
#define SENTINEL 0xee

/* A heap block of exactly n bytes (at least 1, so malloc cannot fail). */
static unsigned char *exact(size_t n)
{
	unsigned char *p = malloc(n ? n : 1);

	ck_assert_ptr_nonnull(p);
	return p;
}

static void fill_pattern(unsigned char *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i * 37 + (i >> 3));
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

START_TEST(test_memcpy)
{
	unsigned char *src, *dst, *ref;
	size_t soff, doff, len;

	for (soff = 0; soff < 9; soff++) {
		for (doff = 0; doff < 9; doff++) {
			for (len = 0; len <= MAXLEN; len++) {
				src = exact(soff + len);
				dst = exact(doff + len);
				ref = exact(doff + len);
				fill_pattern(src, soff + len, (unsigned)len);
				memset(dst, SENTINEL, doff + len);
				memset(ref, SENTINEL, doff + len);
				CHECK(kc_memcpy(dst + doff, src + soff, len) ==
				      dst + doff, "memcpy return");
				memcpy(ref + doff, src + soff, len);
				CHECK(!memcmp(dst, ref, doff + len),
				      "memcpy soff %zu doff %zu len %zu",
				      soff, doff, len);
				free(src);
				free(dst);
				free(ref);
			}
		}
	}
}
END_TEST

/* Overlapping moves in both directions, inside one buffer. */
START_TEST(test_memmove)
{
	unsigned char buf[2 * MAXLEN + 32], ref[sizeof(buf)];
	size_t soff, doff, len;

	for (soff = 0; soff < 32; soff++) {
		for (doff = 0; doff < 32; doff++) {
			for (len = 0; len <= MAXLEN; len++) {
				fill_pattern(buf, sizeof(buf), 3);
				fill_pattern(ref, sizeof(ref), 3);
				CHECK(kc_memmove(buf + doff, buf + soff, len)
				      == buf + doff, "memmove return");
				memmove(ref + doff, ref + soff, len);
				CHECK(!memcmp(buf, ref, sizeof(buf)),
				      "memmove soff %zu doff %zu len %zu",
				      soff, doff, len);
			}
		}
	}
}
END_TEST

/* memmove between separate exact-size blocks must not stray either. */
START_TEST(test_memmove_bounds)
{
	unsigned char *src, *dst;
	size_t off, len;

	for (off = 0; off < 9; off++) {
		for (len = 0; len <= MAXLEN; len++) {
			src = exact(len);
			dst = exact(off + len);
			fill_pattern(src, len, 11);
			kc_memmove(dst + off, src, len);
			CHECK(!memcmp(dst + off, src, len), "memmove %zu %zu",
			      off, len);
			free(src);
			free(dst);
		}
	}
}
END_TEST

START_TEST(test_memset)
{
	static const int values[] = { 0, 0x5a, 0xff, 0x1a5, -1, -256 };
	unsigned char *buf, *ref;
	size_t off, len, v;

	for (v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
		for (off = 0; off < 9; off++) {
			for (len = 0; len <= MAXLEN; len++) {
				buf = exact(off + len);
				ref = exact(off + len);
				memset(buf, SENTINEL, off + len);
				memset(ref, SENTINEL, off + len);
				CHECK(kc_memset(buf + off, values[v], len) ==
				      buf + off, "memset return");
				memset(ref + off, values[v], len);
				CHECK(!memcmp(buf, ref, off + len),
				      "memset %d off %zu len %zu",
				      values[v], off, len);
				free(buf);
				free(ref);
			}
		}
	}
}
END_TEST

/* One difference at each position, in both directions, bytes >= 0x80 too. */
START_TEST(test_memcmp)
{
	static const unsigned char pairs[][2] = {
		{ 1, 2 }, { 0x7f, 0x80 }, { 0, 0xff }, { 'a', 'A' },
	};
	unsigned char *a, *b;
	size_t len, pos, n, k;

	for (len = 0; len <= MAXLEN; len++) {
		a = exact(len);
		b = exact(len);
		fill_pattern(a, len, 5);
		memcpy(b, a, len);
		for (n = 0; n <= len; n++)
			CHECK(kc_memcmp(a, b, n) == 0, "equal %zu", n);
		for (pos = 0; pos < len; pos++) {
			for (k = 0; k < 4; k++) {
				a[pos] = pairs[k][0];
				b[pos] = pairs[k][1];
				for (n = 0; n <= len; n++) {
					CHECK(sign(kc_memcmp(a, b, n)) ==
					      sign(memcmp(a, b, n)) &&
					      sign(kc_memcmp(b, a, n)) ==
					      sign(memcmp(b, a, n)),
					      "memcmp len %zu pos %zu n %zu",
					      len, pos, n);
				}
			}
			a[pos] = b[pos];
		}
		free(a);
		free(b);
	}
}
END_TEST

START_TEST(test_memchr)
{
	unsigned char *buf;
	size_t len, n;
	int c;

	for (len = 0; len <= MAXLEN; len++) {
		buf = exact(len);
		for (n = 0; n < len; n++)
			buf[n] = (unsigned char)("abcab\x80\xff\0"[n % 8]);
		for (c = -260; c < 520; c++) {
			for (n = 0; n <= len; n++) {
				CHECK(kc_memchr(buf, c, n) ==
				      memchr(buf, c, n) &&
				      kc_memrchr(buf, c, n) ==
				      memrchr(buf, c, n),
				      "memchr/memrchr c %d len %zu n %zu",
				      c, len, n);
			}
		}
		free(buf);
	}
}
END_TEST

START_TEST(test_strlen)
{
	unsigned char *buf;
	size_t off, len, max;

	for (off = 0; off < 9; off++) {
		for (len = 0; len <= MAXLEN; len++) {
			buf = exact(off + len + 1);
			memset(buf, 'x', off + len);
			buf[off + len] = '\0';
			CHECK(kc_strlen((char *)buf + off) == len,
			      "strlen off %zu len %zu", off, len);
			for (max = 0; max <= len + 2; max++) {
				CHECK(kc_strnlen((char *)buf + off, max) ==
				      strnlen((char *)buf + off, max),
				      "strnlen off %zu len %zu max %zu",
				      off, len, max);
			}
			CHECK(kc_strnlen((char *)buf + off, SIZE_MAX) == len,
			      "strnlen SIZE_MAX");
			free(buf);
		}
	}
}
END_TEST

/* strnlen must stop at maxlen in a buffer with no NUL at all. */
START_TEST(test_strnlen_unterminated)
{
	unsigned char *buf;
	size_t len;

	for (len = 0; len <= MAXLEN; len++) {
		buf = exact(len);
		memset(buf, 'y', len);
		ck_assert_uint_eq(kc_strnlen((char *)buf, len), len);
		free(buf);
	}
}
END_TEST

static const char *const cmp_strings[] = {
	"", "a", "A", "b", "abc", "abd", "abcd", "ABC", "aBc", "abC",
	"\x7f", "\x80", "\xff", "a\x80", "a\x7f", "Hello", "hello",
	"HELLO", "hellO", "_", "[", "{", "@", "`", "Z", "z",
	"abc\xc9", "abc\xe9",
};

START_TEST(test_strcmp)
{
	const size_t n = sizeof(cmp_strings) / sizeof(cmp_strings[0]);
	static const size_t lens[] = { 0, 1, 2, 3, 4, 5, SIZE_MAX };
	const char *a, *b;
	size_t i, j, k;

	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			a = cmp_strings[i];
			b = cmp_strings[j];
			CHECK(sign(kc_strcmp(a, b)) == sign(strcmp(a, b)),
			      "strcmp \"%s\" \"%s\"", a, b);
			CHECK(sign(kc_strcasecmp(a, b)) ==
			      sign(strcasecmp(a, b)),
			      "strcasecmp \"%s\" \"%s\"", a, b);
			for (k = 0; k < sizeof(lens) / sizeof(lens[0]); k++) {
				CHECK(sign(kc_strncmp(a, b, lens[k])) ==
				      sign(strncmp(a, b, lens[k])),
				      "strncmp \"%s\" \"%s\" %zu", a, b,
				      lens[k]);
				CHECK(sign(kc_strncasecmp(a, b, lens[k])) ==
				      sign(strncasecmp(a, b, lens[k])),
				      "strncasecmp \"%s\" \"%s\" %zu", a, b,
				      lens[k]);
			}
		}
	}
}
END_TEST

/* strcpy, strncpy, strcat, strncat into sentinel-filled buffers. */
START_TEST(test_copy_concat)
{
	static const char src_all[] = "the quick brown fox jumps over it";
	static const char *const prefixes[] = { "", "x", "prefix-" };
	char ours[80], host[80], src[sizeof(src_all)];
	size_t len, n, p;

	for (len = 0; len < sizeof(src_all); len++) {
		memcpy(src, src_all, len);
		src[len] = '\0';

		memset(ours, SENTINEL, sizeof(ours));
		memset(host, SENTINEL, sizeof(host));
		ck_assert_ptr_eq(kc_strcpy(ours, src), ours);
		strcpy(host, src);
		ck_assert_mem_eq(ours, host, sizeof(ours));

		for (n = 0; n <= len + 3; n++) {
			memset(ours, SENTINEL, sizeof(ours));
			memset(host, SENTINEL, sizeof(host));
			ck_assert_ptr_eq(kc_strncpy(ours, src, n), ours);
			strncpy(host, src, n);
			ck_assert_mem_eq(ours, host, sizeof(ours));
		}

		for (p = 0; p < sizeof(prefixes) / sizeof(prefixes[0]); p++) {
			memset(ours, SENTINEL, sizeof(ours));
			memset(host, SENTINEL, sizeof(host));
			strcpy(ours, prefixes[p]);
			strcpy(host, prefixes[p]);
			ck_assert_ptr_eq(kc_strcat(ours, src), ours);
			strcat(host, src);
			ck_assert_mem_eq(ours, host, sizeof(ours));
			for (n = 0; n <= len + 2; n++) {
				memset(ours, SENTINEL, sizeof(ours));
				memset(host, SENTINEL, sizeof(host));
				strcpy(ours, prefixes[p]);
				strcpy(host, prefixes[p]);
				ck_assert_ptr_eq(kc_strncat(ours, src, n),
						 ours);
				strncat(host, src, n);
				ck_assert_mem_eq(ours, host, sizeof(ours));
			}
		}
	}
}
END_TEST

/*
 * strlcpy per OpenBSD: returns strlen(src); copies min(len, size - 1)
 * bytes and a NUL when size > 0; touches nothing beyond size bytes.
 */
START_TEST(test_strlcpy)
{
	static const char src_all[] = "abcdefghijklmnopqrst";
	char buf[32], src[sizeof(src_all)];
	size_t len, size, copied, i;

	for (len = 0; len < sizeof(src_all); len++) {
		memcpy(src, src_all, len);
		src[len] = '\0';
		for (size = 0; size < 24; size++) {
			memset(buf, SENTINEL, sizeof(buf));
			ck_assert_uint_eq(kc_strlcpy(buf, src, size), len);
			copied = size == 0 ? 0 : len < size ? len : size - 1;
			ck_assert_mem_eq(buf, src, copied);
			i = copied;
			if (size)
				ck_assert_int_eq(buf[i++], '\0');
			for (; i < sizeof(buf); i++)
				ck_assert_int_eq((unsigned char)buf[i],
						 SENTINEL);
		}
	}
	ck_assert_uint_eq(kc_strlcpy(buf, "hello", 6), 5);
	ck_assert_str_eq(buf, "hello");
	ck_assert_uint_eq(kc_strlcpy(buf, "hello", 5), 5);
	ck_assert_str_eq(buf, "hell");
	ck_assert_uint_eq(kc_strlcpy(buf, "hello", 1), 5);
	ck_assert_str_eq(buf, "");
}
END_TEST

/*
 * strlcat per OpenBSD: with dlen = strnlen(dst, size), returns dlen +
 * strlen(src); when dlen == size it writes nothing, otherwise it appends
 * min(slen, size - dlen - 1) bytes and a NUL.
 */
START_TEST(test_strlcat)
{
	static const char all[] = "0123456789";
	char buf[32];
	size_t dlen, slen, size, room, i;
	const char *src;

	for (dlen = 0; dlen <= 10; dlen++) {
		for (slen = 0; slen <= 10; slen++) {
			src = all + 10 - slen;
			for (size = 0; size < 24; size++) {
				memset(buf, SENTINEL, sizeof(buf));
				memset(buf, 'd', dlen);
				buf[dlen] = '\0';
				if (size <= dlen) {
					ck_assert_uint_eq(
						kc_strlcat(buf, src, size),
						size + slen);
					for (i = 0; i < dlen; i++)
						ck_assert_int_eq(buf[i], 'd');
					ck_assert_int_eq(buf[dlen], '\0');
					continue;
				}
				ck_assert_uint_eq(kc_strlcat(buf, src, size),
						  dlen + slen);
				room = size - dlen - 1;
				room = slen < room ? slen : room;
				for (i = 0; i < dlen; i++)
					ck_assert_int_eq(buf[i], 'd');
				ck_assert_mem_eq(buf + dlen, src, room);
				ck_assert_int_eq(buf[dlen + room], '\0');
				for (i = dlen + room + 1; i < sizeof(buf);
				     i++)
					ck_assert_int_eq(
						(unsigned char)buf[i],
						SENTINEL);
			}
		}
	}
	strcpy(buf, "abc");
	ck_assert_uint_eq(kc_strlcat(buf, "defgh", 6), 8);
	ck_assert_str_eq(buf, "abcde");
}
END_TEST

START_TEST(test_strchr)
{
	static const char *const strs[] = {
		"", "a", "abcabc", "x\x80y\xe9z\xe9", "\xff\x01\xff",
	};
	size_t i;
	int c;

	for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
		for (c = -300; c < 600; c++) {
			CHECK(kc_strchr(strs[i], c) == strchr(strs[i], c),
			      "strchr \"%s\" %d", strs[i], c);
			CHECK(kc_strrchr(strs[i], c) == strrchr(strs[i], c),
			      "strrchr \"%s\" %d", strs[i], c);
		}
	}
}
END_TEST

START_TEST(test_strstr)
{
	static const char *const hay[] = {
		"", "a", "aaaaab", "abababc", "hello world", "mississippi",
		"\x80\xff\x80",
	};
	static const char *const needle[] = {
		"", "a", "b", "aab", "ababc", "abc", "world", "worlds",
		"issip", "ssi", "ippi", "hello world!", "\xff\x80", "\x80",
	};
	size_t i, j;

	for (i = 0; i < sizeof(hay) / sizeof(hay[0]); i++) {
		for (j = 0; j < sizeof(needle) / sizeof(needle[0]); j++) {
			ck_assert_msg(kc_strstr(hay[i], needle[j]) ==
				      strstr(hay[i], needle[j]),
				      "strstr \"%s\" \"%s\"", hay[i],
				      needle[j]);
		}
	}
}
END_TEST

START_TEST(test_span)
{
	static const char *const strs[] = {
		"", "abc", "  \t word", "a,b;;c", "\x80\x81x", "zzz",
	};
	static const char *const sets[] = {
		"", "a", "abc", " \t", ",;", "\x80", "xyz", "cba ",
	};
	size_t i, j;

	for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
		for (j = 0; j < sizeof(sets) / sizeof(sets[0]); j++) {
			ck_assert_uint_eq(kc_strspn(strs[i], sets[j]),
					  strspn(strs[i], sets[j]));
			ck_assert_uint_eq(kc_strcspn(strs[i], sets[j]),
					  strcspn(strs[i], sets[j]));
			ck_assert_ptr_eq(kc_strpbrk(strs[i], sets[j]),
					 strpbrk(strs[i], sets[j]));
		}
	}
}
END_TEST

struct split_case {
	const char *input;
	const char *delims[3];  /* used in turn, call after call */
};

static const struct split_case splits[] = {
	{ "", { " ", " ", " " } },
	{ "one", { " ", " ", " " } },
	{ "  leading and  trailing  ", { " ", " ", " " } },
	{ "a,b;;c,,d", { ",;", ",;", ",;" } },
	{ "a,b;;c,,d", { ",", ";", "," } },
	{ ",,,", { ",", ",", "," } },
	{ "path/to//file/", { "/", "/", "/" } },
	{ "no delimiters here", { "", "", "" } },
	{ "k=v; x = y", { "=", "; ", "= " } },
};

/*
 * Runs strtok_r on copies with ours and with glibc's, comparing every
 * token (as an offset) and the saved position, until both return NULL.
 */
START_TEST(test_strtok_r)
{
	const struct split_case *sc = &splits[_i];
	char ours[64], host[64], *so = NULL, *sh = NULL, *to, *th;
	int call;

	memset(ours, 0, sizeof(ours));
	memset(host, 0, sizeof(host));
	strcpy(ours, sc->input);
	strcpy(host, sc->input);
	for (call = 0; call < 32; call++) {
		to = kc_strtok_r(call ? NULL : ours, sc->delims[call % 3],
				 &so);
		th = strtok_r(call ? NULL : host, sc->delims[call % 3], &sh);
		ck_assert_int_eq(to ? to - ours : -1, th ? th - host : -1);
		ck_assert_int_eq(so - ours, sh - host);
		ck_assert_mem_eq(ours, host, sizeof(ours));
		if (!th)
			break;
	}
	ck_assert_ptr_null(kc_strtok_r(NULL, " ", &so));
}
END_TEST

START_TEST(test_strsep)
{
	const struct split_case *sc = &splits[_i];
	char ours[64], host[64], *po = ours, *ph = host, *to, *th;
	int call;

	memset(ours, 0, sizeof(ours));
	memset(host, 0, sizeof(host));
	strcpy(ours, sc->input);
	strcpy(host, sc->input);
	for (call = 0; call < 32; call++) {
		to = kc_strsep(&po, sc->delims[call % 3]);
		th = strsep(&ph, sc->delims[call % 3]);
		ck_assert_int_eq(to ? to - ours : -1, th ? th - host : -1);
		ck_assert_int_eq(po ? po - ours : -1, ph ? ph - host : -1);
		ck_assert_mem_eq(ours, host, sizeof(ours));
		if (!th)
			break;
	}
	ck_assert_ptr_null(po);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("libc_string");
	TCase *mem = tcase_create("mem");
	TCase *str = tcase_create("str");

	tcase_set_timeout(mem, 60);
	tcase_add_test(mem, test_memcpy);
	tcase_add_test(mem, test_memmove);
	tcase_add_test(mem, test_memmove_bounds);
	tcase_add_test(mem, test_memset);
	tcase_add_test(mem, test_memcmp);
	tcase_add_test(mem, test_memchr);
	suite_add_tcase(s, mem);

	tcase_add_test(str, test_strlen);
	tcase_add_test(str, test_strnlen_unterminated);
	tcase_add_test(str, test_strcmp);
	tcase_add_test(str, test_copy_concat);
	tcase_add_test(str, test_strlcpy);
	tcase_add_test(str, test_strlcat);
	tcase_add_test(str, test_strchr);
	tcase_add_test(str, test_strstr);
	tcase_add_test(str, test_span);
	tcase_add_loop_test(str, test_strtok_r, 0,
			    sizeof(splits) / sizeof(splits[0]));
	tcase_add_loop_test(str, test_strsep, 0,
			    sizeof(splits) / sizeof(splits[0]));
	suite_add_tcase(s, str);
	return s;
}
