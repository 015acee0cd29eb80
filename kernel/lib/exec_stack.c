/*
 * The initial stack of a new program, as the SysV x86_64 ABI (section
 * "Initial Stack and Register State") and Linux's create_elf_tables lay it
 * out, built into a kernel buffer that exec then copies into the new
 * address space. Pure code, so the host tests can parse it back as a crt would.
 */
#include <string.h>
#include <breenix/binfmt.h>
#include <linux/auxvec.h>

/* The auxv pairs written, AT_NULL included; see put_auxv for the order. */
#define AUXV_PAIRS	19
#define RANDOM_BYTES	16

/* What the builder derives from its inputs: where each part goes. */
struct stack_layout {
	uint64_t str_lo;		/* the first string byte */
	uint64_t platform;
	uint64_t random;
	uint64_t sp;
};

static bool layout(const struct exec_stack_in *in, struct stack_layout *l)
{
	uint64_t p, need, plen = strlen(in->platform) + 1;
	uint64_t items = (uint64_t)in->argc + 1 + in->envc + 1 + 1;

	/* Everything, with both alignments' worst case, must fit below the top. */
	if (in->strings_len > (1ULL << 40))
		return false;
	need = sizeof(uint64_t) + in->strings_len + 15 + plen + RANDOM_BYTES +
	       AUXV_PAIRS * 16 + items * 8 + 15;
	if (need > in->top)
		return false;
	/* The top 8 bytes stay zero: Linux's end marker below vm_end. */
	l->str_lo = in->top - sizeof(uint64_t) - in->strings_len;
	p = l->str_lo & ~15ULL;
	p -= plen;
	l->platform = p;
	p -= RANDOM_BYTES;
	l->random = p;
	/* The ABI: rsp is 16-byte aligned at entry, pointing at argc. */
	l->sp = (p - AUXV_PAIRS * 16 - items * 8) & ~15ULL;
	return true;
}

size_t exec_stack_size(const struct exec_stack_in *in)
{
	struct stack_layout l;

	if (!layout(in, &l))
		return 0;
	return in->top - l.sp;
}

/* Whether the strings are exactly argc + envc + 1 terminated ones. */
static bool strings_ok(const struct exec_stack_in *in)
{
	uint64_t want = (uint64_t)in->argc + in->envc + 1, n = 0;
	size_t i;

	if (!in->strings_len || in->strings[in->strings_len - 1] != '\0')
		return false;
	for (i = 0; i < in->strings_len; i++)
		if (in->strings[i] == '\0' && ++n > want)
			return false;
	return n == want;
}

static void put64(unsigned char *image, uint64_t base, uint64_t addr,
		  uint64_t v)
{
	memcpy(image + (addr - base), &v, sizeof(v));
}

/* In Linux's order (create_elf_tables, without a vDSO). */
static void put_auxv(unsigned char *image, uint64_t base, uint64_t at,
			 const struct exec_stack_in *in,
			 const struct stack_layout *l, uint64_t execfn)
{
	const struct exec_auxv *a = in->aux;
	const uint64_t pairs[AUXV_PAIRS][2] = {
		{ AT_HWCAP, a->hwcap },
		{ AT_PAGESZ, a->pagesz },
		{ AT_CLKTCK, a->clktck },
		{ AT_PHDR, a->phdr },
		{ AT_PHENT, a->phent },
		{ AT_PHNUM, a->phnum },
		{ AT_BASE, a->base },
		{ AT_FLAGS, a->flags },
		{ AT_ENTRY, a->entry },
		{ AT_UID, a->uid },
		{ AT_EUID, a->euid },
		{ AT_GID, a->gid },
		{ AT_EGID, a->egid },
		{ AT_SECURE, a->secure },
		{ AT_RANDOM, l->random },
		{ AT_HWCAP2, a->hwcap2 },
		{ AT_EXECFN, execfn },
		{ AT_PLATFORM, l->platform },
		{ AT_NULL, 0 },
	};
	unsigned int i;

	for (i = 0; i < AUXV_PAIRS; i++) {
		put64(image, base, at, pairs[i][0]);
		put64(image, base, at + 8, pairs[i][1]);
		at += 16;
	}
}

int exec_stack_build(const struct exec_stack_in *in, void *image, size_t size,
		     struct exec_stack_out *out)
{
	unsigned char *img = image;
	struct stack_layout l;
	uint64_t base, at, s;
	uint32_t i;

	if (!layout(in, &l) || !strings_ok(in))
		return -EINVAL;
	if (size != in->top - l.sp)
		return -E2BIG;
	base = l.sp;
	memmove(img + (l.str_lo - base), in->strings, in->strings_len);
	memset(img, 0, l.str_lo - base);
	memset(img + (in->top - base) - sizeof(uint64_t), 0, sizeof(uint64_t));
	memcpy(img + (l.platform - base), in->platform,
	       strlen(in->platform) + 1);
	memcpy(img + (l.random - base), in->random, RANDOM_BYTES);

	at = l.sp;
	s = l.str_lo;
	put64(img, base, at, in->argc);
	at += 8;
	out->arg_start = s;
	for (i = 0; i < in->argc; i++, at += 8) {
		put64(img, base, at, s);
		s += strlen((const char *)img + (s - base)) + 1;
	}
	put64(img, base, at, 0);
	at += 8;
	out->arg_end = out->env_start = s;
	for (i = 0; i < in->envc; i++, at += 8) {
		put64(img, base, at, s);
		s += strlen((const char *)img + (s - base)) + 1;
	}
	put64(img, base, at, 0);
	at += 8;
	out->env_end = s;
	put_auxv(img, base, at, in, &l, s);

	out->sp = l.sp;
	out->execfn = s;
	out->platform = l.platform;
	out->random = l.random;
	return 0;
}
