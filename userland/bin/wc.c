/*
 * wc: count lines, words and bytes of files, as coreutils: -l -w -c -m
 * (characters: bytes, as only the C locale exists) and -L (the longest
 * line's width), in that column order, a total line for several files, and
 * coreutils' column width (digits of the files' total size, at least 7 if
 * one is not a regular file).
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

/* The buffer read at a time. */
#define WC_CHUNK 65536
/* Tab stops for -L, as a terminal shows them. */
#define WC_TAB 8

enum { C_LINES, C_WORDS, C_CHARS, C_BYTES, C_MAXLEN, C_COUNT };

struct wc_counts {
	unsigned long long n[C_COUNT];
	unsigned long long col;
	bool in_word;
};

static void count_byte(struct wc_counts *c, unsigned char ch)
{
	if (isspace(ch)) {
		c->in_word = false;
	} else if (!c->in_word) {
		c->in_word = true;
		c->n[C_WORDS]++;
	}
	if (ch == '\n' || ch == '\r' || ch == '\f') {
		c->n[C_LINES] += ch == '\n';
		c->col = 0;
	} else if (ch == '\t') {
		c->col += WC_TAB - c->col % WC_TAB;
	} else if (isprint(ch)) {
		c->col++;
	}
	if (c->col > c->n[C_MAXLEN])
		c->n[C_MAXLEN] = c->col;
}

static bool count_stream(FILE *f, struct wc_counts *c)
{
	static unsigned char buf[WC_CHUNK];
	size_t got;

	memset(c, 0, sizeof(*c));
	while ((got = fread(buf, 1, sizeof(buf), f)) > 0) {
		c->n[C_BYTES] += got;
		for (size_t i = 0; i < got; i++)
			count_byte(c, buf[i]);
	}
	c->n[C_CHARS] = c->n[C_BYTES];
	return !ferror(f);
}

static int count_digits(unsigned long long v)
{
	int d = 1;

	for (; v >= 10; v /= 10)
		d++;
	return d;
}

/* coreutils' width: the digits of all regular files' sizes, 7 for others. */
static int column_width(char **names, int n, int shown)
{
	unsigned long long total = 0;
	int min = 1, width;
	struct stat st;

	if (n == 1 && shown == 1)
		return 1;
	for (int i = 0; i < n; i++) {
		int r = strcmp(names[i], "-") ? stat(names[i], &st) : fstat(STDIN_FILENO, &st);

		if (r < 0)
			continue;
		if (S_ISREG(st.st_mode))
			total += st.st_size;
		else
			min = 7;
	}
	width = count_digits(total);
	return width > min ? width : min;
}

/* The total's -L is the longest line of all; the rest are sums. */
static void add_total(struct wc_counts *total, const struct wc_counts *c)
{
	for (int i = 0; i < C_COUNT; i++) {
		if (i != C_MAXLEN)
			total->n[i] += c->n[i];
		else if (c->n[i] > total->n[i])
			total->n[i] = c->n[i];
	}
}

static void print_counts(const struct wc_counts *c, const bool *show, int width,
			 const char *name)
{
	bool first = true;

	for (int i = 0; i < C_COUNT; i++) {
		if (!show[i])
			continue;
		printf("%s%*llu", first ? "" : " ", width, c->n[i]);
		first = false;
	}
	if (name)
		printf(" %s", name);
	putchar('\n');
}

/* coreutils' long names of wc's options. */
static const struct cli_option longopts[] = {
	{ "bytes", CLI_NO_ARG, 'c' },
	{ "chars", CLI_NO_ARG, 'm' },
	{ "lines", CLI_NO_ARG, 'l' },
	{ "max-line-length", CLI_NO_ARG, 'L' },
	{ "words", CLI_NO_ARG, 'w' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	static const char opts[] = "lwmcL";
	static const int column[] = { C_LINES, C_WORDS, C_CHARS, C_BYTES, C_MAXLEN };
	bool show[C_COUNT] = { false }, any = false;
	struct wc_counts c, total = { { 0 }, 0, false };
	int opt, status = 0, shown = 0, width, nfiles;
	char **files;

	cli_init(argv[0], "[-clmwL] [FILE]...", 1);
	while ((opt = cli_getopt_long(argc, argv, opts, longopts)) != -1)
		show[column[strchr(opts, opt) - opts]] = any = true;
	if (!any)
		show[C_LINES] = show[C_WORDS] = show[C_BYTES] = true;
	for (int i = 0; i < C_COUNT; i++)
		shown += show[i];
	files = optind < argc ? argv + optind : stdin_only;
	nfiles = optind < argc ? argc - optind : 1;
	width = column_width(files, nfiles, shown);
	for (int i = 0; i < nfiles; i++) {
		FILE *f = cli_open(files[i]);

		if (!f) {
			status = 1;
			continue;
		}
		if (!count_stream(f, &c))
			status = 1;
		cli_close(f, files[i]);
		print_counts(&c, show, width, optind < argc ? files[i] : NULL);
		add_total(&total, &c);
	}
	if (nfiles > 1)
		print_counts(&total, show, width, "total");
	cli_exit(status);
}
