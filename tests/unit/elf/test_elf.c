/*
 * exec's ELF checks (kernel/lib/elf_check.c) over the generated corpus
 * (tests/elf-corpus: every broken file -ENOEXEC, every valid one accepted
 * with the layout Linux would give it), over hand-made headers at each
 * limit, and under random mutation with an independent model of what an
 * accepted file must satisfy. Buffers are exactly file-sized for ASan.
 */
#define _GNU_SOURCE
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/binfmt.h>

#include "unit.h"

static unsigned char *slurp(const char *name, size_t *size)
{
	char path[4096];
	unsigned char *buf;
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/%s", ELF_CORPUS_DIR, name);
	f = fopen(path, "rb");
	ck_assert_msg(f, "cannot open %s", path);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	ck_assert_int_ge(n, 0);
	rewind(f);
	/* Exactly the file's size (1 for an empty one): ASan sees any overread. */
	buf = malloc(n ? (size_t)n : 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*size = (size_t)n;
	return buf;
}

START_TEST(corpus)
{
	char line[512], name[256], breenix[32], linux_res[32];
	unsigned int total = 0, ok = 0, bad = 0;
	FILE *list = fopen(ELF_CORPUS_DIR "/list", "r");

	ck_assert_ptr_nonnull(list);
	while (fgets(line, sizeof(line), list)) {
		struct elf_info info;
		unsigned char *buf;
		size_t size;
		int want, got;

		ck_assert_int_eq(sscanf(line, "%255s %31s %31s", name, breenix,
					linux_res), 3);
		buf = slurp(name, &size);
		want = strcmp(breenix, "ENOEXEC") ? 0 : -ENOEXEC;
		got = elf_check_image(buf, size, &info);
		ck_assert_msg(got == want, "%s: got %d, want %d", name, got, want);
		if (want)
			bad++;
		else
			ok++;
		total++;
		free(buf);
	}
	fclose(list);
	ck_assert_uint_ge(total, 60);
	ck_assert_uint_ge(ok, 5);
	ck_assert_uint_ge(bad, 50);
}
END_TEST

START_TEST(layout_static)
{
	struct elf_info info;
	size_t size;
	unsigned char *buf = slurp("ok-static.elf", &size);

	ck_assert_int_eq(elf_check_image(buf, size, &info), 0);
	ck_assert_uint_eq(info.type, ET_EXEC);
	ck_assert_uint_eq(elf_load_bias(&info), 0);
	/* musl-gcc -static links at 0x400000 with the headers in the first segment. */
	ck_assert_uint_eq(info.lo, 0x400000);
	ck_assert_uint_eq(info.phdr_vaddr, 0x400000 + info.phoff);
	ck_assert_uint_eq(info.interp_len, 0);
	ck_assert(!info.exec_stack);
	ck_assert_uint_gt(info.hi, info.lo);
	ck_assert_uint_ge(info.brk, info.end_data);
	ck_assert_uint_le(info.start_code, info.entry);
	ck_assert_uint_lt(info.entry, info.end_code);
	free(buf);

	buf = slurp("ok-static-execstack.elf", &size);
	ck_assert_int_eq(elf_check_image(buf, size, &info), 0);
	ck_assert(info.exec_stack);
	free(buf);
}
END_TEST

START_TEST(layout_pie)
{
	struct elf_info info;
	size_t size;
	unsigned char *buf = slurp("ok-pie.elf", &size);

	ck_assert_int_eq(elf_check_image(buf, size, &info), 0);
	ck_assert_uint_eq(info.type, ET_DYN);
	ck_assert_uint_eq(info.lo, 0);
	/* Where Linux puts a PIE without ASLR. */
	ck_assert_uint_eq(elf_load_bias(&info), 0x555555554000ULL);
	ck_assert_uint_eq(ELF_ET_DYN_BASE, 0x555555554000ULL);
	ck_assert_uint_eq(info.phdr_vaddr, info.phoff);
	free(buf);
}
END_TEST

/* A synthetic file: header, up to 8 phdrs, a page of text at 0x1000. */
#define SYN_SIZE	0x3000
#define SYN_PHOFF	64

struct syn {
	unsigned char buf[SYN_SIZE];
	Elf64_Ehdr eh;
	Elf64_Phdr ph[8];
	unsigned int n;
};

static void syn_init(struct syn *s, uint16_t type)
{
	memset(s, 0, sizeof(*s));
	memcpy(s->eh.e_ident, ELFMAG, SELFMAG);
	s->eh.e_ident[EI_CLASS] = ELFCLASS64;
	s->eh.e_ident[EI_DATA] = ELFDATA2LSB;
	s->eh.e_ident[EI_VERSION] = EV_CURRENT;
	s->eh.e_type = type;
	s->eh.e_machine = EM_X86_64;
	s->eh.e_version = EV_CURRENT;
	s->eh.e_phoff = SYN_PHOFF;
	s->eh.e_phentsize = sizeof(Elf64_Phdr);
	s->eh.e_entry = 0x401000;
}

static Elf64_Phdr *syn_add(struct syn *s, uint32_t type, uint32_t flags,
			   uint64_t off, uint64_t vaddr, uint64_t filesz,
			   uint64_t memsz)
{
	Elf64_Phdr *p = &s->ph[s->n++];

	*p = (Elf64_Phdr){ .p_type = type, .p_flags = flags, .p_offset = off,
			   .p_vaddr = vaddr, .p_paddr = vaddr,
			   .p_filesz = filesz, .p_memsz = memsz,
			   .p_align = 0x1000 };
	return p;
}

static int syn_check(struct syn *s, struct elf_info *info)
{
	s->eh.e_phnum = (uint16_t)s->n;
	memcpy(s->buf, &s->eh, sizeof(s->eh));
	memcpy(s->buf + SYN_PHOFF, s->ph, s->n * sizeof(Elf64_Phdr));
	return elf_check_image(s->buf, sizeof(s->buf), info);
}

/* A text segment at 0x401000 from file offset 0x1000. */
static void syn_text(struct syn *s)
{
	syn_add(s, PT_LOAD, PF_R | PF_X, 0x1000, 0x401000, 0x1000, 0x1000);
}

START_TEST(limits_segments)
{
	struct elf_info info;
	struct syn s;

	syn_init(&s, ET_EXEC);
	syn_text(&s);
	ck_assert_int_eq(syn_check(&s, &info), 0);
	ck_assert_uint_eq(info.phdr_vaddr, 0);	/* no segment maps the table */

	/* Page 1 is the lowest allowed; page 0 is not. */
	syn_init(&s, ET_EXEC);
	syn_add(&s, PT_LOAD, PF_R | PF_X, 0x1000, 0x1000, 0x1000, 0x1000);
	s.eh.e_entry = 0x1000;
	ck_assert_int_eq(syn_check(&s, &info), 0);
	s.ph[0].p_vaddr = 0;
	s.ph[0].p_offset = 0;
	s.eh.e_entry = 0;
	ck_assert_int_eq(syn_check(&s, &info), -ENOEXEC);

	/* Up to TASK_SIZE exactly. */
	syn_init(&s, ET_EXEC);
	syn_text(&s);
	syn_add(&s, PT_LOAD, PF_R | PF_W, 0x2000, TASK_SIZE - 0x2000, 0x1000,
		0x2000);
	ck_assert_int_eq(syn_check(&s, &info), 0);
	ck_assert_uint_eq(info.hi, TASK_SIZE);
	s.ph[1].p_memsz = 0x2001;
	ck_assert_int_eq(syn_check(&s, &info), -ENOEXEC);

	/* Adjacent pages are fine, a shared page is not. */
	syn_init(&s, ET_EXEC);
	syn_text(&s);
	syn_add(&s, PT_LOAD, PF_R | PF_W, 0x2000, 0x402000, 0x10, 0x10);
	ck_assert_int_eq(syn_check(&s, &info), 0);
	s.ph[1].p_vaddr = 0x401ff0;
	s.ph[1].p_offset = 0x1ff0;
	ck_assert_int_eq(syn_check(&s, &info), -ENOEXEC);

	/* A file range ending exactly at the end of the file; one byte more. */
	syn_init(&s, ET_EXEC);
	syn_add(&s, PT_LOAD, PF_R | PF_X, 0x1000, 0x401000, 0x2000, 0x2000);
	ck_assert_int_eq(syn_check(&s, &info), 0);
	s.ph[0].p_filesz = 0x2001;
	s.ph[0].p_memsz = 0x2001;
	ck_assert_int_eq(syn_check(&s, &info), -ENOEXEC);

	/* An empty PT_LOAD is ignored, wherever it claims to be. */
	syn_init(&s, ET_EXEC);
	syn_text(&s);
	syn_add(&s, PT_LOAD, PF_R, 0x123, 0xffffffff80000123, 0, 0);
	ck_assert_int_eq(syn_check(&s, &info), 0);

	/* filesz == memsz is fine, filesz > memsz is not. */
	syn_init(&s, ET_EXEC);
	syn_text(&s);
	s.ph[0].p_memsz = 0xfff;
	ck_assert_int_eq(syn_check(&s, &info), -ENOEXEC);
}
END_TEST

START_TEST(limits_entry)
{
	struct elf_info info;
	struct syn s;

	syn_init(&s, ET_EXEC);
	syn_text(&s);
	s.ph[0].p_memsz = 0x1800;
	s.eh.e_entry = 0x4027ff;	/* last byte, in the segment's bss */
	ck_assert_int_eq(syn_check(&s, &info), 0);
	s.eh.e_entry = 0x402800;
	ck_assert_int_eq(syn_check(&s, &info), -ENOEXEC);
	s.eh.e_entry = 0x400fff;
	ck_assert_int_eq(syn_check(&s, &info), -ENOEXEC);
	/* Not executable: not text. */
	s.eh.e_entry = 0x401000;
	s.ph[0].p_flags = PF_R;
	ck_assert_int_eq(syn_check(&s, &info), -ENOEXEC);
}
END_TEST

START_TEST(limits_interp)
{
	static unsigned char file[8192];
	struct elf_info info;
	Elf64_Ehdr eh;
	Elf64_Phdr ph[2];

	/* An interpreter path of PATH_MAX bytes with its NUL, then one more. */
	memset(&eh, 0, sizeof(eh));
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_DYN;
	eh.e_machine = EM_X86_64;
	eh.e_version = EV_CURRENT;
	eh.e_phoff = 64;
	eh.e_phentsize = sizeof(Elf64_Phdr);
	eh.e_phnum = 2;
	eh.e_entry = 0x10;
	ph[0] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X,
			      .p_filesz = sizeof(file), .p_memsz = sizeof(file),
			      .p_align = 0x1000 };
	ph[1] = (Elf64_Phdr){ .p_type = PT_INTERP, .p_offset = 1024,
			      .p_filesz = 4096 };
	memset(file, 'a', sizeof(file));
	memcpy(file, &eh, sizeof(eh));
	memcpy(file + 64, ph, sizeof(ph));
	file[1024 + 4095] = '\0';
	ck_assert_int_eq(elf_check_image(file, sizeof(file), &info), 0);
	ck_assert_uint_eq(info.interp_off, 1024);
	ck_assert_uint_eq(info.interp_len, 4096);
	ck_assert_uint_eq(elf_load_bias(&info), ELF_ET_DYN_BASE);

	ph[1].p_filesz = 4097;
	file[1024 + 4096] = '\0';
	memcpy(file + 64, ph, sizeof(ph));
	ck_assert_int_eq(elf_check_image(file, sizeof(file), &info), -ENOEXEC);

	/* The NUL must be the last byte. */
	ph[1].p_filesz = 4000;
	memcpy(file + 64, ph, sizeof(ph));
	ck_assert_int_eq(elf_check_image(file, sizeof(file), &info), -ENOEXEC);
	file[1024 + 3999] = '\0';
	ck_assert_int_eq(elf_check_image(file, sizeof(file), &info), 0);
}
END_TEST

START_TEST(limits_phnum)
{
	/* 1170 phdrs is 65520 bytes, under Linux's 64 KiB; 1171 is over. */
	size_t size = 64 + 1171 * sizeof(Elf64_Phdr) + 0x1000;
	unsigned char *file = calloc(1, size);
	struct elf_info info;
	Elf64_Ehdr eh;
	Elf64_Phdr ph;

	ck_assert_ptr_nonnull(file);
	memset(&eh, 0, sizeof(eh));
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_EXEC;
	eh.e_machine = EM_X86_64;
	eh.e_version = EV_CURRENT;
	eh.e_phoff = 64;
	eh.e_phentsize = sizeof(Elf64_Phdr);
	eh.e_phnum = 1170;
	eh.e_entry = 0x400000;
	ph = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X,
			   .p_vaddr = 0x400000, .p_filesz = 64,
			   .p_memsz = 64, .p_align = 0x1000 };
	memcpy(file, &eh, sizeof(eh));
	memcpy(file + 64, &ph, sizeof(ph));
	ck_assert_int_eq(elf_check_image(file, size, &info), 0);
	eh.e_phnum = 1171;
	memcpy(file, &eh, sizeof(eh));
	ck_assert_int_eq(elf_check_image(file, size, &info), -ENOEXEC);
	free(file);
}
END_TEST

START_TEST(bias_alignment)
{
	struct elf_info info = { .type = ET_DYN, .align = 0x200000 };

	/* A 2 MiB p_align rounds the base down, as Linux's maximum_alignment. */
	ck_assert_uint_eq(elf_load_bias(&info), 0x555555400000ULL);
	info.align = 0x1000;
	info.first_vaddr = 0x1234;
	ck_assert_uint_eq(elf_load_bias(&info), 0x555555552000ULL);
	info.type = ET_EXEC;
	ck_assert_uint_eq(elf_load_bias(&info), 0);

	info.lo = 0;
	info.hi = 0x5000;
	ck_assert_int_eq(elf_check_bias(&info, 0x1000), 0);
	ck_assert_int_eq(elf_check_bias(&info, 0), -ENOEXEC);
	ck_assert_int_eq(elf_check_bias(&info, TASK_SIZE - 0x5000), 0);
	ck_assert_int_eq(elf_check_bias(&info, TASK_SIZE - 0x4000), -ENOEXEC);
	ck_assert_int_eq(elf_check_bias(&info, (uint64_t)-0x1000), -ENOEXEC);
}
END_TEST

START_TEST(prot)
{
	ck_assert_uint_eq(elf_prot(0), 0);
	ck_assert_uint_eq(elf_prot(PF_R), 1);
	ck_assert_uint_eq(elf_prot(PF_R | PF_W), 3);
	ck_assert_uint_eq(elf_prot(PF_R | PF_X), 5);
	ck_assert_uint_eq(elf_prot(PF_R | PF_W | PF_X | 0xf0000000), 7);
}
END_TEST

/*
 * What an accepted file must satisfy, checked without the validator's
 * code: every PT_LOAD inside the file and, moved by the bias, inside user
 * space above page 0, in ascending pages that no two share; the entry in
 * an executable one.
 */
static void model(const unsigned char *f, size_t size,
		  const struct elf_info *info)
{
	uint64_t bias = elf_load_bias(info), prev_end = 0;
	bool entry_ok = false;
	Elf64_Ehdr eh;
	unsigned int i;

	memcpy(&eh, f, sizeof(eh));
	CHECK(eh.e_phoff + eh.e_phnum * 56ULL <= size, "phdrs out of the file");
	for (i = 0; i < eh.e_phnum; i++) {
		Elf64_Phdr p;
		uint64_t start, end;

		memcpy(&p, f + eh.e_phoff + i * 56, sizeof(p));
		if (p.p_type != PT_LOAD || (!p.p_memsz && !p.p_filesz))
			continue;
		CHECK(p.p_filesz <= p.p_memsz, "filesz > memsz accepted");
		CHECK(p.p_offset <= size && p.p_filesz <= size - p.p_offset,
		      "segment out of the file accepted");
		CHECK(p.p_vaddr < TASK_SIZE && p.p_memsz <= TASK_SIZE,
		      "absurd segment accepted");
		start = (p.p_vaddr & ~0xfffULL) + bias;
		end = ((p.p_vaddr + p.p_memsz + 0xfff) & ~0xfffULL) + bias;
		CHECK(start >= 0x1000 && end <= TASK_SIZE && start < end,
		      "segment outside user space accepted");
		CHECK(start >= prev_end, "overlapping segments accepted");
		prev_end = end;
		if ((p.p_flags & PF_X) && eh.e_entry >= p.p_vaddr &&
		    eh.e_entry - p.p_vaddr < p.p_memsz)
			entry_ok = true;
	}
	CHECK(entry_ok, "entry outside text accepted");
}

static uint64_t rnd64(void)
{
	return ((uint64_t)random() << 33) ^ ((uint64_t)random() << 11) ^
	       (uint64_t)random();
}

/* Values that sit at the edges the checks care about. */
static uint64_t interesting(size_t size)
{
	static const uint64_t v[] = {
		0, 1, 2, 0xfff, 0x1000, 0x1001, 0x400000, TASK_SIZE - 0x1000,
		TASK_SIZE, TASK_SIZE + 1, 0x800000000000ULL,
		0xffffffff80000000ULL, (uint64_t)-1, (uint64_t)-0x1000,
		0x7fffffff, 0x80000000, 56, 64, 65536,
	};
	unsigned int i = (unsigned int)(random() % (sizeof(v) / sizeof(v[0]) + 3));

	if (i == sizeof(v) / sizeof(v[0]))
		return size;
	if (i == sizeof(v) / sizeof(v[0]) + 1)
		return size - (uint64_t)(random() % 64);
	if (i == sizeof(v) / sizeof(v[0]) + 2)
		return rnd64();
	return v[i];
}

static void mutate(unsigned char *f, size_t size, const struct elf_info *orig)
{
	unsigned int k, n = 1 + (unsigned int)(random() % 4);
	size_t hot = 64 + (size_t)orig->phnum * 56;

	for (k = 0; k < n; k++) {
		size_t at;
		uint64_t v;

		switch (random() % 3) {
		case 0:		/* a random byte in the headers */
			f[random() % hot] = (unsigned char)random();
			break;
		case 1:		/* an edge value in an aligned 8-byte field */
			at = (size_t)(random() % (hot / 8)) * 8;
			v = interesting(size);
			memcpy(f + at, &v, 8);
			break;
		default:	/* a phdr field, precisely */
			at = 64 + (size_t)(random() % orig->phnum) * 56 +
			     8 + (size_t)(random() % 6) * 8;
			v = interesting(size);
			memcpy(f + at, &v, 8);
			break;
		}
	}
}

START_TEST(fuzz)
{
	static const char *const seeds[] = {
		"ok-static.elf", "ok-pie.elf", "ok-static-no-shdrs.elf",
	};
	const char *env = getenv("ELF_FUZZ_ITERATIONS");
	long iterations = env ? atol(env) : 30000;
	unsigned int accepted = 0, s;

	srandom(0x5eed);
	for (s = 0; s < sizeof(seeds) / sizeof(seeds[0]); s++) {
		struct elf_info orig;
		size_t size;
		unsigned char *seed = slurp(seeds[s], &size);
		long i;

		ck_assert_int_eq(elf_check_image(seed, size, &orig), 0);
		for (i = 0; i < iterations; i++) {
			size_t len = size;
			unsigned char *f;
			struct elf_info info;

			if (random() % 8 == 0)
				len = (size_t)random() % (size + 1);
			f = malloc(len ? len : 1);
			CHECK(f, "out of memory");
			memcpy(f, seed, len);
			if (len == size)
				mutate(f, len, &orig);
			if (elf_check_image(f, len, &info) == 0) {
				model(f, len, &info);
				accepted++;
			}
			free(f);
		}
		free(seed);
	}
	/* Some mutations are harmless: the model was exercised. */
	ck_assert_uint_gt(accepted, 0);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("elf");
	TCase *tc = tcase_create("check");

	tcase_set_timeout(tc, 100);
	tcase_add_test(tc, corpus);
	tcase_add_test(tc, layout_static);
	tcase_add_test(tc, layout_pie);
	tcase_add_test(tc, limits_segments);
	tcase_add_test(tc, limits_entry);
	tcase_add_test(tc, limits_interp);
	tcase_add_test(tc, limits_phnum);
	tcase_add_test(tc, bias_alignment);
	tcase_add_test(tc, prot);
	tcase_add_test(tc, fuzz);
	suite_add_tcase(s, tc);
	return s;
}
