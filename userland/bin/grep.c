/*
 * grep: print the lines that match patterns, as POSIX and GNU grep: basic
 * regular expressions by default, -E extended, -F fixed strings; -e and -f
 * for several patterns; -i -v -x -w -c -l -L -n -o -q -s -H -h -m N, -r
 * (symbolic links followed on the command line only) and -R (everywhere),
 * context lines -A N, -B N, -C N and -N with "--" between groups. A file
 * with a NUL byte is binary, as for GNU grep: NULs end lines too, and a
 * selected line is only reported ("binary file matches"), unless -a reads
 * it as text; -I skips it. Exit 0 if a line was selected, 1 if none, 2 on
 * an error (0 with -q once a line matched, as POSIX allows).
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"
#include "direach.h"

#define GREP_ERROR 2
#define GREP_OPTIONS "EFGe:f:iyvxwclLnoqsHhm:rRA:B:C:aI0123456789"
#define GREP_CHUNK 65536

struct pattern {
	char *text;
	size_t len;
	regex_t re;
};

static struct pattern *pats;
static size_t npats;
static bool fixed, extended, icase, invert, whole_line, whole_word, count_only, list_files,
	list_missing, number, only_matching, quiet, no_file_errors, recursive, deref_all, text,
	skip_binary;
static int with_name = -1;	/* -H 1, -h 0, else by the number of files */
static unsigned long long max_count = -1ULL;
static bool errors, selected_any;
/* Context: lines before and after each selected one; groups get "--" between them. */
static unsigned long long before_n, after_n;
static bool context, printed_any;

/* A line kept for -B until it is printed as context or too far back. */
struct held {
	char *text;
	size_t len;
	unsigned long long lineno;
};

static struct held *ring;
static size_t ring_cap, ring_len, ring_head;

static void add_pattern(const char *text, size_t len)
{
	pats = realloc(pats, (npats + 1) * sizeof(*pats));
	if (!pats || !(pats[npats].text = strndup(text, len)))
		msg_die(GREP_ERROR, "out of memory");
	pats[npats++].len = len;
}

/* A -e argument or pattern file's text: one pattern per line. */
static void add_patterns(const char *text, size_t len)
{
	const char *nl;

	while ((nl = memchr(text, '\n', len))) {
		add_pattern(text, nl - text);
		len -= nl - text + 1;
		text = nl + 1;
	}
	add_pattern(text, len);
}

static void read_pattern_file(const char *name)
{
	FILE *f = cli_open(name);
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!f)
		exit(GREP_ERROR);
	while ((len = getline(&line, &cap, f)) > 0)
		add_pattern(line, len - (line[len - 1] == '\n'));
	free(line);
	if (!cli_close(f, name))
		exit(GREP_ERROR);
}

static void compile_patterns(void)
{
	int flags = (extended ? REG_EXTENDED : 0) | (icase ? REG_ICASE : 0);

	for (size_t i = 0; !fixed && i < npats; i++) {
		int r = regcomp(&pats[i].re, pats[i].text, flags);

		if (r) {
			char buf[256];

			regerror(r, &pats[i].re, buf, sizeof(buf));
			msg_diex(GREP_ERROR, "%s", buf);
		}
	}
}

static bool same_char(char a, char b)
{
	return icase ? tolower((unsigned char)a) == tolower((unsigned char)b) : a == b;
}

/* The first match of p in line at or after from: true and [*so, *eo). */
static bool find_one(const struct pattern *p, const char *line, size_t len, size_t from,
		     size_t *so, size_t *eo)
{
	regmatch_t m;

	/* REG_STARTEND: the regex sees what is before from (\b, \<) and bytes past a NUL. */
	if (!fixed) {
		m.rm_so = (regoff_t)from;
		m.rm_eo = (regoff_t)len;
		if (regexec(&p->re, line, 1, &m, REG_STARTEND | (from ? REG_NOTBOL : 0)))
			return false;
		*so = m.rm_so;
		*eo = m.rm_eo;
		return true;
	}
	for (size_t i = from; i + p->len <= len; i++) {
		size_t k = 0;

		while (k < p->len && same_char(line[i + k], p->text[k]))
			k++;
		if (k == p->len) {
			*so = i;
			*eo = i + k;
			return true;
		}
	}
	return false;
}

static bool word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* The first match of p that -x or -w accept. */
static bool find_accepted(const struct pattern *p, const char *line, size_t len, size_t from,
			  size_t *so, size_t *eo)
{
	while (from <= len && find_one(p, line, len, from, so, eo)) {
		if (whole_line)
			return *so == 0 && *eo == len;
		if (!whole_word)
			return true;
		if ((!*so || !word_char(line[*so - 1])) && (*eo == len || !word_char(line[*eo])))
			return true;
		from = *so + 1;
	}
	return false;
}

/* The leftmost (then longest) accepted match of any pattern. */
static bool find_next(const char *line, size_t len, size_t from, size_t *so, size_t *eo)
{
	bool found = false;
	size_t s, e;

	for (size_t i = 0; i < npats; i++) {
		if (!find_accepted(&pats[i], line, len, from, &s, &e))
			continue;
		if (!found || s < *so || (s == *so && e > *eo)) {
			*so = s;
			*eo = e;
		}
		found = true;
	}
	return found;
}

/* "name:" and "lineno:" as asked; '-' instead of ':' for context lines. */
static void prefix(const char *name, unsigned long long lineno, char sep)
{
	if (with_name)
		printf("%s%c", name, sep);
	if (number)
		printf("%llu%c", lineno, sep);
}

static void print_matches(const char *name, unsigned long long lineno, const char *line,
			  size_t len)
{
	size_t from = 0, so, eo;

	while (from <= len && find_next(line, len, from, &so, &eo)) {
		if (eo > so) {
			prefix(name, lineno, ':');
			fwrite(line + so, 1, eo - so, stdout);
			putchar('\n');
		}
		from = eo > so ? eo : so + 1;
	}
}

/*
 * Print a selected line (sep ':') or a context line ('-'), after "--" if
 * it does not follow the last line printed (*last, 0: none in this file).
 * -o prints only the matches, and no context, but the groups still count.
 */
static void out_line(const char *name, unsigned long long lineno, const char *line, size_t len,
		     char sep, unsigned long long *last)
{
	if (context && printed_any && (!*last || lineno > *last + 1))
		puts("--");
	printed_any = true;
	*last = lineno;
	if (only_matching && sep == ':' && !invert) {
		print_matches(name, lineno, line, len);
	} else if (!only_matching) {
		prefix(name, lineno, sep);
		fwrite(line, 1, len, stdout);
		putchar('\n');
	}
	/* A reader gone with SIGPIPE ignored: stop now, as GNU grep. */
	if (ferror(stdout))
		msg_die(GREP_ERROR, "write error");
}

/* An input read with read(2): whatever has come is searched at once. */
struct input {
	int fd;
	char *buf;
	size_t start, len, cap;	/* buf[start, len) is not yet taken */
	bool eof, binary;
	int err;		/* a read error's errno, or 0 */
};

/* Read more after what is left; false at the end or on an error. */
static bool fill(struct input *in)
{
	ssize_t got;

	if (in->eof)
		return false;
	if (in->start) {
		memmove(in->buf, in->buf + in->start, in->len - in->start);
		in->len -= in->start;
		in->start = 0;
	}
	if (in->cap - in->len < GREP_CHUNK + 1) {
		in->cap = 2 * in->cap + GREP_CHUNK + 1;
		in->buf = realloc(in->buf, in->cap);
		if (!in->buf)
			msg_die(GREP_ERROR, "out of memory");
	}
	do
		got = read(in->fd, in->buf + in->len, GREP_CHUNK);
	while (got < 0 && errno == EINTR);
	if (got <= 0) {
		in->err = got < 0 ? errno : 0;
		in->eof = true;
		return false;
	}
	/* From the first NUL on the file is binary (GNU grep looks at what it has read). */
	in->binary |= !text && memchr(in->buf + in->len, '\0', got);
	in->len += got;
	return true;
}

/* Where the line at start ends: '\n', in a binary file also NUL; NULL if not read yet. */
static char *line_end(const struct input *in)
{
	char *p = in->buf + in->start, *end = in->buf + in->len, *nl, *nul;

	if (!in->buf)
		return NULL;
	nl = memchr(p, '\n', end - p);
	nul = in->binary ? memchr(p, '\0', (nl ? nl : end) - p) : NULL;
	return nul ? nul : nl;
}

/* The next line, its end replaced by a NUL; the last may have no end. */
static bool next_line(struct input *in, char **line, size_t *len)
{
	char *nl;

	while (!(nl = line_end(in)) && fill(in))
		;
	if (!nl && in->start == in->len)
		return false;
	*line = in->buf + in->start;
	*len = (nl ? nl : in->buf + in->len) - *line;
	(*line)[*len] = '\0';
	in->start += *len + (nl != NULL);
	return true;
}

/* Keep a line for -B: the oldest goes once before_n are kept. */
static void hold_line(const char *line, size_t len, unsigned long long lineno)
{
	if (!before_n)
		return;
	if (ring_len == before_n) {
		free(ring[ring_head].text);
		ring_head = (ring_head + 1) % ring_cap;
		ring_len--;
	}
	if (ring_len == ring_cap) {
		size_t cap = ring_cap * 2 + 8 < before_n ? ring_cap * 2 + 8 : before_n;
		struct held *r = malloc(cap * sizeof(*r));

		if (!r)
			msg_die(GREP_ERROR, "out of memory");
		for (size_t i = 0; i < ring_len; i++)
			r[i] = ring[(ring_head + i) % ring_cap];
		free(ring);
		ring = r;
		ring_cap = cap;
		ring_head = 0;
	}
	struct held *h = &ring[(ring_head + ring_len++) % ring_cap];

	h->text = malloc(len + 1);
	if (!h->text)
		msg_die(GREP_ERROR, "out of memory");
	memcpy(h->text, line, len + 1);
	h->len = len;
	h->lineno = lineno;
}

/* The kept lines, printed as context (name set) or only dropped (NULL). */
static void flush_held(const char *name, unsigned long long *last)
{
	for (; ring_len; ring_len--, ring_head = (ring_head + 1) % ring_cap) {
		struct held *h = &ring[ring_head];

		if (name)
			out_line(name, h->lineno, h->text, h->len, '-', last);
		free(h->text);
	}
}

/*
 * Search one stream; the number of lines selected. Once max_count are,
 * what follows is only trailing context, as GNU grep.
 */
static unsigned long long grep_stream(struct input *in, const char *name)
{
	unsigned long long lineno = 0, selected = 0, after_left = 0, last = 0;
	char *line;
	size_t len, so, eo;

	while ((selected < max_count || after_left) && next_line(in, &line, &len)) {
		lineno++;
		if (in->binary && skip_binary)
			break;
		if (selected >= max_count || find_next(line, len, 0, &so, &eo) == invert) {
			if (after_left) {
				after_left--;
				out_line(name, lineno, line, len, '-', &last);
			} else {
				hold_line(line, len, lineno);
			}
			continue;
		}
		selected++;
		if (quiet)
			exit(0);
		if (count_only || list_files || list_missing)
			continue;
		if (in->binary) {
			msg_warnx("%s: binary file matches", name);
			break;
		}
		flush_held(name, &last);
		out_line(name, lineno, line, len, ':', &last);
		after_left = after_n;
	}
	flush_held(NULL, NULL);
	return in->binary && skip_binary ? 0 : selected;
}

static void grep_file(const char *path);

/* -r: symbolic links met inside the tree are skipped (-R follows them). */
static int grep_entry(const char *child, const char *name, void *arg)
{
	struct stat st;

	(void)name, (void)arg;
	if (!deref_all && !lstat(child, &st) && S_ISLNK(st.st_mode))
		return 0;
	/* Without operands the walk of "." names its files "sub/f", not "./sub/f". */
	grep_file(arg ? name : child);
	return 0;
}

static void grep_dir(const char *path, bool implicit)
{
	if (dir_each(path, grep_entry, implicit ? (void *)path : NULL) < 0) {
		if (!no_file_errors)
			msg_warn("%s", path);
		errors = true;
	}
}

static void report(const char *name, unsigned long long selected)
{
	if (count_only) {
		if (with_name)
			printf("%s:", name);
		printf("%llu\n", selected);
	}
	if ((list_files && selected) || (list_missing && !selected))
		printf("%s\n", name);
	if (selected)
		selected_any = true;
}

/* One operand or file found by -r: a file, "-", or a directory to walk. */
static void grep_file(const char *path)
{
	bool is_stdin = !strcmp(path, "-");
	const char *name = is_stdin ? "(standard input)" : path;
	struct input in = { 0 };
	struct stat st;

	if (recursive && !is_stdin && !stat(path, &st) && S_ISDIR(st.st_mode)) {
		grep_dir(path, false);
		return;
	}
	in.fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
	if (in.fd >= 0) {
		report(name, grep_stream(&in, name));
		errno = in.err;
		free(in.buf);
	}
	if (in.fd < 0 || in.err) {
		if (!no_file_errors)
			msg_warn("%s", path);
		errors = true;
	}
	if (in.fd > STDIN_FILENO)
		close(in.fd);
}

/* -A, -B, -C NUM: a count of lines, up to GNU grep's limit (intmax_t). */
static long long context_arg(const char *arg)
{
	unsigned long long v;

	if (!cli_parse_count(arg, LLONG_MAX, &v))
		msg_diex(GREP_ERROR, "%s: invalid context length argument", arg);
	return (long long)v;
}

/*
 * The context: -A and -B as given, else -C or -NUM; none where no lines
 * are printed (-c -l -L -q).
 */
static void set_context(long long before, long long after, long long both)
{
	context = before >= 0 || after >= 0 || both >= 0;
	if (count_only || list_files || list_missing || quiet)
		context = false;
	if (!context)
		return;
	before_n = before >= 0 ? before : both >= 0 ? both : 0;
	after_n = after >= 0 ? after : both >= 0 ? both : 0;
}

/* GNU grep's long names of grep's options. */
static const struct cli_option longopts[] = {
	{ "extended-regexp", CLI_NO_ARG, 'E' },
	{ "fixed-strings", CLI_NO_ARG, 'F' },
	{ "basic-regexp", CLI_NO_ARG, 'G' },
	{ "regexp", CLI_REQUIRED_ARG, 'e' },
	{ "file", CLI_REQUIRED_ARG, 'f' },
	{ "ignore-case", CLI_NO_ARG, 'i' },
	{ "word-regexp", CLI_NO_ARG, 'w' },
	{ "line-regexp", CLI_NO_ARG, 'x' },
	{ "no-messages", CLI_NO_ARG, 's' },
	{ "invert-match", CLI_NO_ARG, 'v' },
	{ "max-count", CLI_REQUIRED_ARG, 'm' },
	{ "line-number", CLI_NO_ARG, 'n' },
	{ "with-filename", CLI_NO_ARG, 'H' },
	{ "no-filename", CLI_NO_ARG, 'h' },
	{ "only-matching", CLI_NO_ARG, 'o' },
	{ "quiet", CLI_NO_ARG, 'q' },
	{ "silent", CLI_NO_ARG, 'q' },
	{ "text", CLI_NO_ARG, 'a' },
	{ "recursive", CLI_NO_ARG, 'r' },
	{ "dereference-recursive", CLI_NO_ARG, 'R' },
	{ "files-without-match", CLI_NO_ARG, 'L' },
	{ "files-with-matches", CLI_NO_ARG, 'l' },
	{ "count", CLI_NO_ARG, 'c' },
	{ "before-context", CLI_REQUIRED_ARG, 'B' },
	{ "after-context", CLI_REQUIRED_ARG, 'A' },
	{ "context", CLI_REQUIRED_ARG, 'C' },
	{ NULL, CLI_NO_ARG, 0 },
};

static void options(int argc, char **argv)
{
	bool have_patterns = false;
	long long before = -1, after = -1, both = -1;
	/* -NUM: digits in one word make one number; another word starts anew. */
	int word, digit_word = -1;
	/* The options that only set a flag, and their flags. */
	static const char flag_opts[] = "iyvxwclLnoqsraI";
	static bool *const flag_vars[] = {
		&icase, &icase, &invert, &whole_line, &whole_word, &count_only, &list_files,
		&list_missing, &number, &only_matching, &quiet, &no_file_errors, &recursive,
		&text, &skip_binary,
	};
	int c;

	for (word = optind; (c = cli_getopt_long(argc, argv, GREP_OPTIONS, longopts)) != -1;
	     word = optind) {
		if (isdigit(c)) {
			if (digit_word != word || both > LLONG_MAX / 10 - 9)
				both = 0;
			both = both * 10 + (c - '0');
			digit_word = word;
			continue;
		}
		switch (c) {
		case 'E':
		case 'F':
		case 'G':
			extended = c == 'E';
			fixed = c == 'F';
			break;
		case 'e':
			add_patterns(optarg, strlen(optarg));
			have_patterns = true;
			break;
		case 'f':
			read_pattern_file(optarg);
			have_patterns = true;
			break;
		case 'H':
		case 'h':
			with_name = c == 'H';
			break;
		case 'm':
			if (!cli_parse_count(optarg, -1ULL, &max_count))
				msg_diex(GREP_ERROR, "invalid max count");
			break;
		case 'A':
			after = context_arg(optarg);
			break;
		case 'B':
			before = context_arg(optarg);
			break;
		case 'C':
			both = context_arg(optarg);
			break;
		case 'R':
			deref_all = recursive = true;
			break;
		default:
			*flag_vars[strchr(flag_opts, c) - flag_opts] = true;
		}
	}
	if (!have_patterns) {
		if (optind >= argc)
			cli_usage_error("no pattern given");
		add_patterns(argv[optind], strlen(argv[optind]));
		optind++;
	}
	set_context(before, after, both);
}

int main(int argc, char **argv)
{
	int nfiles;

	cli_init(argv[0], "[-aEFGHhIiLlnoqRrsvwx] [-m NUM] [-A NUM] [-B NUM] [-C NUM] [-e PATTERN]... "
		"[-f FILE]... [PATTERN] [FILE]...",
		GREP_ERROR);
	options(argc, argv);
	compile_patterns();
	nfiles = argc - optind;
	if (with_name < 0)
		with_name = nfiles > 1 || recursive;
	if (!nfiles && recursive)
		grep_dir(".", true);
	else if (!nfiles)
		grep_file("-");
	for (int i = optind; i < argc; i++)
		grep_file(argv[i]);
	if (fflush(stdout) == EOF)
		msg_die(GREP_ERROR, "write error");
	cli_exit(errors && !(quiet && selected_any) ? GREP_ERROR : !selected_any);
}
