/*
 * hexdump: dump files in hexadecimal as util-linux's hexdump: by default
 * 16-bit words after a seven-digit offset; -C the canonical layout of
 * offset, sixteen bytes and their printable characters; -v shows repeated
 * lines rather than "*"; -n stops after a number of bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dumpin.h"
#include "cli.h"
#include "msg.h"

static const char usage[] = "[-Cv] [-n LENGTH] [FILE...]\n"
			    "Dump FILEs (standard input by default) in hexadecimal.";

static void print_canonical(unsigned long long off, const unsigned char *line, size_t n)
{
	printf("%08llx ", off);
	for (size_t i = 0; i < DUMP_LINE; i++) {
		if (i % 8 == 0)
			putchar(' ');
		if (i < n)
			printf("%02x ", line[i]);
		else
			fputs("   ", stdout);
	}
	fputs(" |", stdout);
	for (size_t i = 0; i < n; i++)
		putchar(line[i] >= ' ' && line[i] < 0x7f ? line[i] : '.');
	puts("|");
}

/* Little-endian words, the last one's missing byte zero; short lines padded. */
static void print_words(unsigned long long off, const unsigned char *line, size_t n)
{
	printf("%07llx", off);
	for (size_t i = 0; i < DUMP_LINE; i += 2) {
		if (i < n)
			printf(" %04x", line[i] | (i + 1 < n ? line[i + 1] : 0) << 8);
		else
			fputs("     ", stdout);
	}
	putchar('\n');
}

/* util-linux's long names of hexdump's options. */
static const struct cli_option longopts[] = {
	{ "canonical", CLI_NO_ARG, 'C' },
	{ "length", CLI_REQUIRED_ARG, 'n' },
	{ "no-squeezing", CLI_NO_ARG, 'v' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	struct dumpin in;
	unsigned char line[DUMP_LINE];
	unsigned long long off = 0, limit = 0;
	int c, canonical = 0, squeeze = 1;
	size_t n;
	char *end;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt_long(argc, argv, "Cvn:", longopts)) != -1) {
		if (c == 'C') {
			canonical = 1;
		} else if (c == 'v') {
			squeeze = 0;
		} else if (c == 'n') {
			limit = strtoull(optarg, &end, 0);
			if (*end || !*optarg)
				msg_diex(1, "invalid length '%s'", optarg);
			if (!limit)
				return 0;
		}
	}
	dumpin_init(&in, argv + optind, limit);
	while ((n = dumpin_line(&in, line)) > 0) {
		if (!(squeeze && dumpin_squeeze(&in, line, n))) {
			if (canonical)
				print_canonical(off, line, n);
			else
				print_words(off, line, n);
		}
		off += n;
	}
	if (off || in.status)
		printf(canonical ? "%08llx\n" : "%07llx\n", off);
	cli_exit(in.status);
}
