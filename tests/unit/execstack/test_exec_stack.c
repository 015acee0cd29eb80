/*
 * The initial stack builder (kernel/lib/exec_stack.c): images built for
 * known argv/envp are read back the way a libc's _start does (argc at rsp,
 * argv, envp, auxv) and every pointer, string, auxv value and alignment
 * is checked, for many counts and sizes, with the strings given apart and
 * in place; malformed inputs are refused.
 */
#define _GNU_SOURCE
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/binfmt.h>
#include <linux/auxvec.h>

#include "unit.h"

static const uint8_t rnd[16] = {
	0x10, 0x21, 0x32, 0x43, 0x54, 0x65, 0x76, 0x87,
	0x98, 0xa9, 0xba, 0xcb, 0xdc, 0xed, 0xfe, 0x0f,
};

static const struct exec_auxv aux = {
	.hwcap = 0x178bfbff, .hwcap2 = 2, .pagesz = 4096, .clktck = 100,
	.phdr = 0x400040, .phent = 56, .phnum = 9, .base = 0x7ffff7fc3000,
	.flags = 0, .entry = 0x401033, .uid = 1000, .euid = 1001,
	.gid = 100, .egid = 101, .secure = 0,
};

/* Linux's order of the entries (create_elf_tables, no vDSO). */
static const uint64_t order[] = {
	AT_HWCAP, AT_PAGESZ, AT_CLKTCK, AT_PHDR, AT_PHENT, AT_PHNUM, AT_BASE,
	AT_FLAGS, AT_ENTRY, AT_UID, AT_EUID, AT_GID, AT_EGID, AT_SECURE,
	AT_RANDOM, AT_HWCAP2, AT_EXECFN, AT_PLATFORM, AT_NULL,
};

/* The image as user memory: [top - size, top). */
struct mem {
	const unsigned char *img;
	uint64_t base, top;
};

static uint64_t rd(const struct mem *m, uint64_t addr)
{
	uint64_t v;

	CHECK(addr >= m->base && addr + 8 <= m->top, "read outside: %#lx",
	      (unsigned long)addr);
	memcpy(&v, m->img + (addr - m->base), 8);
	return v;
}

static const char *str(const struct mem *m, uint64_t addr)
{
	CHECK(addr >= m->base && addr < m->top, "string outside: %#lx",
	      (unsigned long)addr);
	CHECK(memchr(m->img + (addr - m->base), 0, m->top - addr),
	      "unterminated string");
	return (const char *)m->img + (addr - m->base);
}

/* Packs argv, envp and execfn as exec gathers them. */
static size_t pack(char *out, char **argv, unsigned int argc, char **envp,
		   unsigned int envc, const char *execfn)
{
	size_t n = 0;
	unsigned int i;

	for (i = 0; i < argc; i++, n++)
		n += (size_t)stpcpy(out + n, argv[i]) - (size_t)(out + n);
	for (i = 0; i < envc; i++, n++)
		n += (size_t)stpcpy(out + n, envp[i]) - (size_t)(out + n);
	n += (size_t)stpcpy(out + n, execfn) - (size_t)(out + n);
	return n + 1;
}

/* Builds for the given strings and checks the image as a crt would see it. */
static void build_and_parse(char **argv, unsigned int argc, char **envp,
			    unsigned int envc, const char *execfn, uint64_t top,
			    bool in_place)
{
	size_t cap = 16 + strlen(execfn), len, size;
	struct exec_stack_out out;
	struct exec_stack_in in;
	unsigned char *img;
	char *strings;
	struct mem m;
	uint64_t sp, p, seen = 0;
	unsigned int i;

	for (i = 0; i < argc; i++)
		cap += strlen(argv[i]) + 1;
	for (i = 0; i < envc; i++)
		cap += strlen(envp[i]) + 1;
	strings = malloc(cap);
	CHECK(strings, "oom");
	len = pack(strings, argv, argc, envp, envc, execfn);
	in = (struct exec_stack_in){
		.top = top, .strings = strings, .strings_len = len,
		.argc = argc, .envc = envc, .platform = "x86_64",
		.random = rnd, .aux = &aux,
	};
	size = exec_stack_size(&in);
	CHECK(size > len + 8, "size %zu too small", size);
	img = malloc(size);
	CHECK(img, "oom");
	memset(img, 0xa5, size);
	if (in_place) {
		/* Where exec keeps them: just below the top 8 bytes. */
		memcpy(img + size - 8 - len, strings, len);
		in.strings = (const char *)img + size - 8 - len;
	}
	CHECK(exec_stack_build(&in, img, size, &out) == 0, "build failed");

	m = (struct mem){ .img = img, .base = top - size, .top = top };
	sp = out.sp;
	CHECK(sp == top - size, "sp is not the image's bottom");
	CHECK(sp % 16 == 0, "sp not 16-byte aligned");
	CHECK(rd(&m, top - 8) == 0, "top 8 bytes not zero");

	/* What _start does: argc, argv[], NULL, envp[], NULL, auxv. */
	CHECK(rd(&m, sp) == argc, "argc");
	p = sp + 8;
	for (i = 0; i < argc; i++, p += 8) {
		CHECK(!strcmp(str(&m, rd(&m, p)), argv[i]), "argv[%u]", i);
		if (i == 0)
			CHECK(rd(&m, p) == out.arg_start, "arg_start");
	}
	CHECK(rd(&m, p) == 0, "argv not NULL-terminated");
	p += 8;
	for (i = 0; i < envc; i++, p += 8) {
		CHECK(!strcmp(str(&m, rd(&m, p)), envp[i]), "envp[%u]", i);
		if (i == 0)
			CHECK(rd(&m, p) == out.env_start, "env_start");
	}
	CHECK(rd(&m, p) == 0, "envp not NULL-terminated");
	p += 8;
	CHECK(out.arg_end == out.env_start, "arg_end != env_start");
	CHECK(out.env_start - out.arg_start ==
	      (uint64_t)(pack(strings, argv, argc, NULL, 0, "") - 1),
	      "argv strings span");
	CHECK(out.env_end == out.execfn, "env_end");

	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++, p += 16) {
		uint64_t type = rd(&m, p), val = rd(&m, p + 8);

		CHECK(type == order[i], "auxv[%u] is %lu, want %lu", i,
		      (unsigned long)type, (unsigned long)order[i]);
		seen |= 1ULL << type;
		switch (type) {
		case AT_HWCAP: CHECK(val == aux.hwcap, "hwcap"); break;
		case AT_HWCAP2: CHECK(val == aux.hwcap2, "hwcap2"); break;
		case AT_PAGESZ: CHECK(val == 4096, "pagesz"); break;
		case AT_CLKTCK: CHECK(val == 100, "clktck"); break;
		case AT_PHDR: CHECK(val == aux.phdr, "phdr"); break;
		case AT_PHENT: CHECK(val == 56, "phent"); break;
		case AT_PHNUM: CHECK(val == aux.phnum, "phnum"); break;
		case AT_BASE: CHECK(val == aux.base, "base"); break;
		case AT_FLAGS: CHECK(val == 0, "flags"); break;
		case AT_ENTRY: CHECK(val == aux.entry, "entry"); break;
		case AT_UID: CHECK(val == aux.uid, "uid"); break;
		case AT_EUID: CHECK(val == aux.euid, "euid"); break;
		case AT_GID: CHECK(val == aux.gid, "gid"); break;
		case AT_EGID: CHECK(val == aux.egid, "egid"); break;
		case AT_SECURE: CHECK(val == 0, "secure"); break;
		case AT_RANDOM:
			CHECK(val == out.random, "random addr");
			CHECK(val >= m.base && val + 16 <= top, "random outside");
			CHECK(!memcmp(img + (val - m.base), rnd, 16), "random bytes");
			break;
		case AT_EXECFN:
			CHECK(val == out.execfn, "execfn addr");
			CHECK(!strcmp(str(&m, val), execfn), "execfn");
			CHECK(val + strlen(execfn) + 1 == top - 8,
			      "execfn is not the top string");
			break;
		case AT_PLATFORM:
			CHECK(val == out.platform, "platform addr");
			CHECK(!strcmp(str(&m, val), "x86_64"), "platform");
			break;
		case AT_NULL: CHECK(val == 0, "AT_NULL value"); break;
		}
	}
	/* The platform and random bytes sit between auxv and the strings. */
	CHECK(p <= out.random && out.random + 16 <= out.platform &&
	      out.platform + 7 <= out.arg_start, "parts out of order");
	CHECK(out.arg_start + len == top - 8, "strings not at the top");
	CHECK(seen & (1ULL << AT_NULL), "no AT_NULL");
	free(img);
	free(strings);
}

START_TEST(known)
{
	char *argv[] = { "/bin/prog", "-x", "", "last arg" };
	char *envp[] = { "HOME=/", "TERM=vt100" };

	build_and_parse(argv, 4, envp, 2, "/bin/prog", TASK_SIZE, false);
	build_and_parse(argv, 4, envp, 2, "/bin/prog", TASK_SIZE, true);
	build_and_parse(argv, 1, NULL, 0, "./p", TASK_SIZE, false);
	build_and_parse(argv, 0, NULL, 0, "x", TASK_SIZE, false);
	build_and_parse(argv, 0, envp, 2, "", TASK_SIZE - 0x10000, true);
}
END_TEST

static char *rand_string(unsigned int max)
{
	unsigned int n = max ? (unsigned int)(random() % max) : 0, i;
	char *s = malloc(n + 1);

	CHECK(s, "oom");
	for (i = 0; i < n; i++)
		s[i] = (char)(1 + random() % 255);
	s[n] = '\0';
	return s;
}

/* Every alignment of the strings, counts up to hundreds, long strings. */
START_TEST(many)
{
	unsigned int round;

	srandom(42);
	for (round = 0; round < 600; round++) {
		unsigned int argc = (unsigned int)(round < 300 ? round % 17 :
						   random() % 400);
		unsigned int envc = (unsigned int)(random() % 40), i;
		unsigned int max = round % 5 == 0 ? 5000 : 40;
		char **argv = malloc((argc + 1) * sizeof(char *));
		char **envp = malloc((envc + 1) * sizeof(char *));
		char *execfn = rand_string(64);

		CHECK(argv && envp, "oom");
		for (i = 0; i < argc; i++)
			argv[i] = rand_string(max);
		for (i = 0; i < envc; i++)
			envp[i] = rand_string(max);
		build_and_parse(argv, argc, envp, envc, execfn,
				TASK_SIZE - (uint64_t)(round % 3) * 0x1000,
				round & 1);
		for (i = 0; i < argc; i++)
			free(argv[i]);
		for (i = 0; i < envc; i++)
			free(envp[i]);
		free(argv);
		free(envp);
		free(execfn);
	}
}
END_TEST

START_TEST(malformed)
{
	static const char good[] = "a\0b\0fn";
	struct exec_stack_out out;
	struct exec_stack_in in = {
		.top = TASK_SIZE, .strings = good, .strings_len = sizeof(good),
		.argc = 1, .envc = 1, .platform = "x86_64", .random = rnd,
		.aux = &aux,
	};
	size_t size = exec_stack_size(&in);
	unsigned char *img = malloc(size + 16);

	ck_assert_ptr_nonnull(img);
	ck_assert_int_eq(exec_stack_build(&in, img, size, &out), 0);
	/* The size must be the one exec_stack_size gave. */
	ck_assert_int_eq(exec_stack_build(&in, img, size - 16, &out), -E2BIG);
	ck_assert_int_eq(exec_stack_build(&in, img, size + 16, &out), -E2BIG);
	/* Too few or too many strings for the counts. */
	in.argc = 2;
	ck_assert_int_eq(exec_stack_build(&in, img, exec_stack_size(&in), &out),
			 -EINVAL);
	in.argc = 0;
	ck_assert_int_eq(exec_stack_build(&in, img, exec_stack_size(&in), &out),
			 -EINVAL);
	/* The last string unterminated. */
	in.argc = 1;
	in.strings_len = sizeof(good) - 1;
	ck_assert_int_eq(exec_stack_build(&in, img, exec_stack_size(&in), &out),
			 -EINVAL);
	in.strings_len = 0;
	ck_assert_int_eq(exec_stack_build(&in, img, exec_stack_size(&in), &out),
			 -EINVAL);
	/* No room below the top. */
	in.strings_len = sizeof(good);
	in.top = 64;
	ck_assert_uint_eq(exec_stack_size(&in), 0);
	ck_assert_int_eq(exec_stack_build(&in, img, size, &out), -EINVAL);
	free(img);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("exec_stack");
	TCase *tc = tcase_create("build");

	tcase_set_timeout(tc, 100);
	tcase_add_test(tc, known);
	tcase_add_test(tc, many);
	tcase_add_test(tc, malformed);
	suite_add_tcase(s, tc);
	return s;
}
