/*
 * od: dump files in octal and other formats, as POSIX and coreutils'
 * od: -t TYPE (x, o, d, u with sizes 1, 2, 4, 8; c; a), the old -a, -b,
 * -c, -d, -o, -x; -A d/o/x/n for the offsets; -N to stop early; -v to show
 * repeated lines rather than "*". Several types print one line each,
 * their columns aligned as coreutils aligns them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dumpin.h"
#include "cli.h"
#include "msg.h"

static const char usage[] =
	"[-A d|o|x|n] [-t TYPE]... [-abcdoxv] [-N BYTES] [FILE...]\n"
	"Dump FILEs (standard input by default); the default type is o2.\n"
	"  TYPE: x, o, d, u followed by a size 1, 2, 4 or 8; c characters; a names";

#define MAX_TYPES 16

struct type {
	char kind;	/* x o d u c a */
	int size;	/* bytes an item covers */
	int width;	/* digits of the widest item */
	int pad;	/* spaces the line needs to line up with the widest type */
};

static struct type types[MAX_TYPES];
static int ntypes;
static char radix = 'o';

/* Widest item of each kind and size: all ones, or the most negative. */
static int natural_width(char kind, int size)
{
	static const int x[] = { 2, 4, 8, 16 }, o[] = { 3, 6, 11, 22 };
	static const int d[] = { 4, 6, 11, 20 }, u[] = { 3, 5, 10, 20 };
	int i = size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : 3;

	switch (kind) {
	case 'x':
		return x[i];
	case 'o':
		return o[i];
	case 'd':
		return d[i];
	case 'u':
		return u[i];
	default:
		return 3;
	}
}

static void add_type(char kind, int size)
{
	if (ntypes == MAX_TYPES)
		msg_diex(1, "too many types");
	types[ntypes].kind = kind;
	types[ntypes].size = size;
	types[ntypes].width = natural_width(kind, size);
	ntypes++;
}

/* A -t argument: several types may follow each other ("x1c", "d4u2"). */
static void parse_types(const char *s)
{
	while (*s) {
		char kind = *s++;
		int size = 1;

		if (!strchr("xoduca", kind))
			msg_diex(1, "invalid type string '%s'", s - 1);
		if (kind != 'c' && kind != 'a') {
			size = 4;
			if (*s >= '1' && *s <= '9')
				size = (int)strtol(s, (char **)&s, 10);
			else if (*s == 'C' || *s == 'S' || *s == 'I' || *s == 'L')
				size = *s == 'C' ? 1 : *s == 'S' ? 2 : *s == 'I' ? 4 : 8, s++;
			if (size != 1 && size != 2 && size != 4 && size != 8)
				msg_diex(1, "invalid type string '%s': no %d-byte integer type",
					 s - 1, size);
		}
		add_type(kind, size);
	}
}

/* coreutils' alignment: every type's line as wide as the widest. */
static void align_types(void)
{
	int widest = 0;

	for (int i = 0; i < ntypes; i++) {
		int w = (DUMP_LINE / types[i].size) * (types[i].width + 1);

		widest = w > widest ? w : widest;
	}
	for (int i = 0; i < ntypes; i++)
		types[i].pad = widest - (DUMP_LINE / types[i].size) * (types[i].width + 1);
}

static void print_char(unsigned char c, int named)
{
	static const char *const names[33] = {
		"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl",
		"vt", "ff", "cr", "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak",
		"syn", "etb", "can", "em", "sub", "esc", "fs", "gs", "rs", "us", "sp" };
	static const char esc_from[] = "\a\b\f\n\r\t\v", esc_to[] = "abfnrtv";
	const char *e;

	if (named) {
		c &= 0x7f;
		if (c <= ' ')
			printf("%3s", names[c]);
		else if (c == 0x7f)
			printf("%3s", "del");
		else
			printf("%3c", c);
	} else if (c == '\0') {
		printf("%3s", "\\0");
	} else if (c && (e = strchr(esc_from, c))) {
		printf(" \\%c", esc_to[e - esc_from]);
	} else if (c >= ' ' && c < 0x7f) {
		printf("%3c", c);
	} else {
		printf("%03o", c);
	}
}

static void print_item(const struct type *t, const unsigned char *p, int width)
{
	unsigned long long v = 0;

	for (int i = t->size - 1; i >= 0; i--)
		v = v << 8 | p[i];
	switch (t->kind) {
	case 'x':
		printf("%*.*llx", width, t->width, v);
		break;
	case 'o':
		printf("%*.*llo", width, t->width, v);
		break;
	case 'u':
		printf("%*llu", width, v);
		break;
	case 'd':
		if (t->size < 8 && (v >> (t->size * 8 - 1)) & 1)
			v |= ~0ULL << (t->size * 8);
		printf("%*lld", width, (long long)v);
		break;
	default:
		printf("%*s", width - 3, "");
		print_char(*p, t->kind == 'a');
	}
}

static void print_offset(unsigned long long off)
{
	if (radix == 'o')
		printf("%07llo", off);
	else if (radix == 'd')
		printf("%07llu", off);
	else if (radix == 'x')
		printf("%06llx", off);
}

static int offset_width(void)
{
	return radix == 'n' ? 0 : radix == 'x' ? 6 : 7;
}

/* One type's line; the pad is spread over its items, the later ones first. */
static void print_type(const struct type *t, const unsigned char *line, size_t n)
{
	int items = DUMP_LINE / t->size;

	for (int i = 0; i * t->size < (int)n; i++) {
		int extra = t->pad * (i + 1) / items - t->pad * i / items;

		print_item(t, line + i * t->size, t->width + 1 + extra);
	}
	putchar('\n');
}

static void dump(struct dumpin *in, int squeeze)
{
	unsigned char line[DUMP_LINE + 8];
	unsigned long long off = 0;
	size_t n;

	while ((n = dumpin_line(in, line)) > 0) {
		memset(line + n, 0, sizeof(line) - n);
		if (!(squeeze && dumpin_squeeze(in, line, n))) {
			for (int t = 0; t < ntypes; t++) {
				if (t)
					printf("%*s", offset_width(), "");
				else
					print_offset(off);
				print_type(&types[t], line, n);
			}
		}
		off += n;
	}
	if (radix != 'n') {
		print_offset(off);
		putchar('\n');
	}
}

/* coreutils' long names of od's options (-a, -b, -c, -d, -o and -x have none). */
static const struct cli_option longopts[] = {
	{ "address-radix", CLI_REQUIRED_ARG, 'A' },
	{ "read-bytes", CLI_REQUIRED_ARG, 'N' },
	{ "format", CLI_REQUIRED_ARG, 't' },
	{ "output-duplicates", CLI_NO_ARG, 'v' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	struct dumpin in;
	unsigned long long limit = 0;
	int c, squeeze = 1;
	char *end;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt_long(argc, argv, "A:t:N:abcdoxv", longopts)) != -1) {
		switch (c) {
		case 'A':
			if (strlen(optarg) != 1 || !strchr("doxn", optarg[0]))
				msg_diex(1, "invalid output address radix '%s'; it must be one character from [doxn]", optarg);
			radix = optarg[0];
			break;
		case 't':
			parse_types(optarg);
			break;
		case 'N':
			limit = strtoull(optarg, &end, 0);
			if (*end || !*optarg)
				msg_diex(1, "invalid -N argument '%s'", optarg);
			break;
		case 'a':
		case 'c':
			add_type((char)c, 1);
			break;
		case 'b':
			add_type('o', 1);
			break;
		case 'd':
			add_type('u', 2);
			break;
		case 'o':
			add_type('o', 2);
			break;
		case 'x':
			add_type('x', 2);
			break;
		case 'v':
			squeeze = 0;
			break;
		}
	}
	if (!ntypes)
		add_type('o', 2);
	align_types();
	dumpin_init(&in, argv + optind, limit);
	dump(&in, squeeze);
	cli_exit(in.status);
}
