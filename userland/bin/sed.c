/*
 * sed: a stream editor, as POSIX and GNU sed describe it: scripts from -e
 * and -f (-n: no automatic printing, -E/-r: extended regexes), addresses
 * (N, $, /re/ and \cREc with I, ranges A,B, !), blocks { }, and the
 * commands s (flags g p N I), y, d, D, p, P, n, N, q, Q, =, a, i, c, h, H,
 * g, G, x, b, t, T, :label and # comments. Missing here: -i, -s, r, w, l.
 */
#include <ctype.h>
#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

/* GNU sed's exit statuses: bad script, missing input file. */
#define SED_USAGE 1
#define SED_NO_INPUT 2
/* \0 to \9 in a replacement; the regmatch_t array's size. */
#define SED_GROUPS 10
/* A replacement element at or above this is a group (GROUP + n), else a byte. */
#define GROUP 256

struct buf {
	char *s;
	size_t len, cap;
};

/* GNU's forms too: FIRST~STEP, and ADDR,+N as the end of a range. */
enum addr_type { A_NONE, A_LINE, A_LAST, A_RE, A_STEP, A_PLUS };

struct addr {
	enum addr_type type;
	unsigned long long line, step;
	regex_t *re;	/* NULL: the last regex used */
};

struct cmd {
	struct addr a1, a2;
	bool negate, active;
	unsigned long long end;	/* the last line of an active numeric range */
	char name;
	regex_t *re;		/* s; NULL for the last regex used */
	int *repl;		/* s: bytes and GROUP + n */
	size_t repl_len;
	bool global, print;
	unsigned long long nth;
	unsigned char map[256];	/* y */
	char *text;		/* a i c; label of b t T : */
	size_t jump;		/* b t T: the target; {: after its } */
	int status;		/* q Q */
};

static struct cmd *cmds;
static size_t ncmds;
static struct buf script;
static size_t pos;	/* parse position in script */
static bool quiet, extended;

/* The input: all files as one stream of lines. */
static char **files;
static int nfiles, cur_file = -1, status;
static FILE *in;
static struct buf next_line;
static bool have_next, next_nl;
static unsigned long long lineno;

static struct buf ps, hold, appended;
static bool ps_nl, pending_nl, replaced;
static regex_t *last_re;

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		if (!b->s)
			msg_die(4, "out of memory");
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void buf_set(struct buf *b, const char *s, size_t n)
{
	b->len = 0;
	buf_add(b, s, n);
}

static void bad_script(const char *what) __attribute__((noreturn));
static void bad_script(const char *what)
{
	msg_diex(SED_USAGE, "-e expression, char %zu: %s", pos, what);
}

/* Parsing. */

static int peek(void)
{
	return pos < script.len ? (unsigned char)script.s[pos] : EOF;
}

static void skip_blanks(void)
{
	while (peek() == ' ' || peek() == '\t')
		pos++;
}

static regex_t *compile(const char *re, bool icase)
{
	regex_t *r;
	int err;

	if (!*re)
		return NULL;
	r = malloc(sizeof(*r));
	if (!r)
		msg_die(4, "out of memory");
	err = regcomp(r, re, (extended ? REG_EXTENDED : 0) | (icase ? REG_ICASE : 0));
	if (err) {
		char msg[256];

		regerror(err, r, msg, sizeof(msg));
		bad_script(msg);
	}
	return r;
}

/*
 * The text up to an unescaped delim, which is skipped. "\n" is a newline,
 * "\delim" the delimiter itself; other escapes stay for regcomp, or, with
 * is_repl, for the replacement's parser (which also reads "\n" itself).
 */
static char *delimited(char delim, bool is_repl, const char *what)
{
	struct buf b = { 0 };
	int c;

	buf_add(&b, "", 0);
	while ((c = peek()) != delim) {
		if (c == EOF || c == '\n')
			bad_script(what);
		pos++;
		if (c == '\\') {
			c = peek();
			if (c == EOF)
				bad_script(what);
			pos++;
			if (c == 'n' && !is_repl) {
				buf_add(&b, "\n", 1);
				continue;
			}
			if (c == delim && (!is_repl || (c != '&' && !isdigit(c)))) {
				buf_add(&b, (char *)&c, 1);
				continue;
			}
			buf_add(&b, "\\", 1);
		}
		buf_add(&b, (char *)&c, 1);
	}
	pos++;
	return b.s;
}

static unsigned long long parse_number(void)
{
	unsigned long long n = 0;

	while (isdigit(peek()))
		n = n * 10 + (script.s[pos++] - '0');
	return n;
}

static bool parse_addr(struct addr *a, bool second)
{
	int c = peek();
	char delim;

	if (isdigit(c) || (second && c == '+')) {
		a->type = c == '+' ? A_PLUS : A_LINE;
		pos += c == '+';
		a->line = parse_number();
		if (peek() == '~' && !second) {
			pos++;
			a->type = A_STEP;
			a->step = parse_number();
		}
		if (a->type == A_LINE && !a->line)
			bad_script("invalid usage of line address 0");
		return true;
	}
	if (c == '$') {
		pos++;
		a->type = A_LAST;
		return true;
	}
	if (c != '/' && c != '\\')
		return false;
	pos++;
	delim = c == '\\' ? script.s[pos++] : '/';
	if (c == '\\' && (pos > script.len || delim == '\n' || delim == '\\'))
		bad_script("unexpected delimiter");
	char *re = delimited(delim, false, "unterminated address regex");
	bool icase = peek() == 'I';

	pos += icase;
	a->type = A_RE;
	a->re = compile(re, icase);
	free(re);
	return true;
}

static void parse_replacement(struct cmd *c, char delim)
{
	char *r = delimited(delim, true, "unterminated `s' command");
	size_t n = 0;

	c->repl = malloc((strlen(r) + 1) * sizeof(*c->repl));
	if (!c->repl)
		msg_die(4, "out of memory");
	for (char *p = r; *p; p++) {
		if (*p == '&') {
			c->repl[n++] = GROUP;
		} else if (*p == '\\' && isdigit((unsigned char)p[1])) {
			int g = *++p - '0';

			if (c->re && (size_t)g > c->re->re_nsub)
				bad_script("invalid reference on `s' command's RHS");
			c->repl[n++] = GROUP + g;
		} else if (*p == '\\' && p[1]) {
			p++;
			c->repl[n++] = *p == 'n' ? '\n' : *p == 't' ? '\t' : (unsigned char)*p;
		} else {
			c->repl[n++] = (unsigned char)*p;
		}
	}
	c->repl_len = n;
	free(r);
}

static void parse_s(struct cmd *c)
{
	char delim = peek(), *re;
	bool icase = false;

	if (delim == EOF || delim == '\n' || delim == '\\')
		bad_script("unterminated `s' command");
	pos++;
	re = delimited(delim, false, "unterminated `s' command");
	/* The flags come after the replacement, but I changes the regex. */
	size_t save = pos;

	free(delimited(delim, true, "unterminated `s' command"));
	for (size_t p = pos; p < script.len && strchr("gpIi0123456789", script.s[p]); p++)
		icase |= script.s[p] == 'I' || script.s[p] == 'i';
	c->re = compile(re, icase);
	free(re);
	pos = save;
	parse_replacement(c, delim);
	c->nth = 1;
	for (;;) {
		int f = peek();

		if (f == 'g') {
			c->global = true;
		} else if (f == 'p') {
			c->print = true;
		} else if (isdigit(f) && f != '0') {
			c->nth = 0;
			while (isdigit(peek()))
				c->nth = c->nth * 10 + (script.s[pos++] - '0');
			continue;
		} else if (f != 'I' && f != 'i') {
			return;	/* I was read with the regex */
		}
		pos++;
	}
}

static void parse_y(struct cmd *c)
{
	char delim = peek(), *from, *to;
	size_t n;

	if (delim == EOF || delim == '\n' || delim == '\\')
		bad_script("unterminated `y' command");
	pos++;
	from = delimited(delim, true, "unterminated `y' command");
	to = delimited(delim, true, "unterminated `y' command");
	for (int i = 0; i < 256; i++)
		c->map[i] = i;
	/* Unescape both: "\\" is a backslash, "\n" a newline. */
	for (char **s = (char *[]){ from, to, NULL }; *s; s++) {
		char *w = *s;

		for (char *r = *s; *r; r++)
			*w++ = *r == '\\' && r[1] ? (*++r == 'n' ? '\n' : *r) : *r;
		*w = '\0';
	}
	n = strlen(from);
	if (n != strlen(to))
		bad_script("strings for `y' command are different lengths");
	for (size_t i = 0; i < n; i++)
		c->map[(unsigned char)from[i]] = to[i];
	free(from);
	free(to);
}

/* a, i, c text: "a\" then lines, or GNU's one-liner "a text". */
static void parse_text(struct cmd *c)
{
	struct buf b = { 0 };
	int ch;

	buf_add(&b, "", 0);
	skip_blanks();
	if (peek() == '\\') {
		pos++;
		if (peek() == '\n')
			pos++;
	}
	while ((ch = peek()) != EOF && ch != '\n') {
		pos++;
		if (ch == '\\' && peek() != EOF)
			ch = script.s[pos++];
		buf_add(&b, (char *)&ch, 1);
	}
	c->text = b.s;
}

static void parse_label(struct cmd *c)
{
	size_t start;

	skip_blanks();
	start = pos;
	while (peek() != EOF && peek() != '\n' && peek() != ';')
		pos++;
	c->text = strndup(script.s + start, pos - start);
	if (!c->text)
		msg_die(4, "out of memory");
	while (pos > start && isspace((unsigned char)c->text[pos - start - 1]))
		c->text[--pos - start] = '\0';
	if (c->name == ':' && !*c->text)
		bad_script("\":\" lacks a label");
}

static void parse_args(struct cmd *c)
{
	switch (c->name) {
	case 's':
		parse_s(c);
		break;
	case 'y':
		parse_y(c);
		break;
	case 'a':
	case 'i':
	case 'c':
		parse_text(c);
		break;
	case 'b':
	case 't':
	case 'T':
	case ':':
		parse_label(c);
		break;
	case 'q':
	case 'Q':
		skip_blanks();
		while (isdigit(peek()))
			c->status = c->status * 10 + (script.s[pos++] - '0');
		break;
	default:
		if (!strchr("{}=dDgGhHnNpPx", c->name)) {
			char msg[32];

			snprintf(msg, sizeof(msg), "unknown command: `%c'", c->name);
			bad_script(msg);
		}
	}
}

/* b, t and T find their labels once all is parsed. */
static void resolve_labels(void)
{
	for (size_t i = 0; i < ncmds; i++) {
		struct cmd *c = &cmds[i];

		if (!strchr("btT", c->name))
			continue;
		c->jump = ncmds;
		if (!*c->text)
			continue;
		for (size_t k = 0; k < ncmds; k++)
			if (cmds[k].name == ':' && !strcmp(cmds[k].text, c->text))
				c->jump = k;
		if (c->jump == ncmds)
			msg_diex(SED_USAGE, "can't find label for jump to `%s'", c->text);
	}
}

static void parse_script(void)
{
	size_t *open = NULL, nopen = 0;

	while (pos < script.len) {
		struct cmd c = { 0 };

		while (peek() != EOF && (isspace(peek()) || peek() == ';'))
			pos++;
		if (peek() == EOF)
			break;
		if (peek() == '#') {
			while (peek() != EOF && peek() != '\n')
				pos++;
			continue;
		}
		if (parse_addr(&c.a1, false) && peek() == ',') {
			pos++;
			if (!parse_addr(&c.a2, true))
				bad_script("unexpected `,'");
		}
		skip_blanks();
		while (peek() == '!') {
			c.negate = true;
			pos++;
			skip_blanks();
		}
		if (peek() == EOF)
			bad_script("missing command");
		c.name = script.s[pos++];
		if (c.a1.type != A_NONE && strchr(":}", c.name))
			bad_script(": doesn't want any addresses");
		parse_args(&c);
		cmds = realloc(cmds, (ncmds + 1) * sizeof(*cmds));
		open = realloc(open, (nopen + 1) * sizeof(*open));
		if (!cmds || !open)
			msg_die(4, "out of memory");
		if (c.name == '{')
			open[nopen++] = ncmds;
		if (c.name == '}') {
			if (!nopen)
				bad_script("unexpected `}'");
			cmds[open[--nopen]].jump = ncmds + 1;
		}
		cmds[ncmds++] = c;
		skip_blanks();
		if (c.name != '{' && peek() != EOF && !strchr(";\n}#", peek()))
			bad_script("extra characters after command");
	}
	if (nopen)
		bad_script("unmatched `{'");
	free(open);
	resolve_labels();
}

/* Input. */

/* The next line of all the files into next_line; false at the end. */
static bool fetch(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	for (;;) {
		if (!in) {
			if (++cur_file >= nfiles) {
				free(line);
				return false;
			}
			in = cli_open(files[cur_file]);
			if (!in) {
				status = SED_NO_INPUT;
				continue;
			}
		}
		len = getline(&line, &cap, in);
		if (len > 0)
			break;
		if (!cli_close(in, files[cur_file]))
			status = SED_NO_INPUT;
		in = NULL;
	}
	next_nl = line[len - 1] == '\n';
	buf_set(&next_line, line, len - next_nl);
	free(line);
	return true;
}

/* Move the line read ahead into b; false if there is none. */
static bool read_line(struct buf *b, bool *nl)
{
	if (!have_next)
		return false;
	buf_set(b, next_line.s, next_line.len);
	*nl = next_nl;
	lineno++;
	have_next = fetch();
	return true;
}

/* Output: a missing final newline is supplied once more follows. */
static void output(const char *s, size_t n, bool nl)
{
	if (pending_nl)
		putchar('\n');
	fwrite(s, 1, n, stdout);
	if (nl)
		putchar('\n');
	pending_nl = !nl;
}

/* Execution. */

static bool re_match(regex_t *re, const char *s, int flags, regmatch_t *m, size_t nm)
{
	if (re)
		last_re = re;
	if (!last_re)
		msg_diex(SED_USAGE, "no previous regular expression");
	return !regexec(last_re, s, nm, m, flags);
}

static bool addr_match(const struct addr *a)
{
	switch (a->type) {
	case A_LINE:
		return lineno == a->line;
	case A_LAST:
		return !have_next;
	case A_RE:
		return re_match(a->re, ps.s, 0, NULL, 0);
	case A_STEP:
		if (!a->step)
			return lineno == a->line;
		return lineno >= a->line && (lineno - a->line) % a->step == 0;
	default:
		return true;
	}
}

static bool selected(struct cmd *c)
{
	bool hit;

	if (c->a1.type == A_NONE) {
		hit = true;
	} else if (c->a2.type == A_NONE) {
		hit = addr_match(&c->a1);
	} else if (c->active) {
		hit = true;
		if (c->a2.type == A_LINE || c->a2.type == A_PLUS ? lineno >= c->end
		    : addr_match(&c->a2))
			c->active = false;
	} else {
		hit = addr_match(&c->a1);
		c->end = c->a2.type == A_PLUS ? lineno + c->a2.line : c->a2.line;
		/* A range whose end line is already past is this line alone. */
		c->active = hit && !((c->a2.type == A_LINE || c->a2.type == A_PLUS) &&
				     c->end <= lineno) && !(c->a2.type == A_LAST && !have_next);
	}
	return hit != c->negate;
}

static void substitute(struct cmd *c)
{
	regmatch_t m[SED_GROUPS];
	struct buf out = { 0 };
	unsigned long long count = 0;
	size_t at = 0, prev_end = (size_t)-1;
	bool done = false;

	buf_add(&out, "", 0);
	while (at <= ps.len && re_match(c->re, ps.s + at, at ? REG_NOTBOL : 0, m, SED_GROUPS)) {
		size_t so = at + m[0].rm_so, eo = at + m[0].rm_eo;

		/* An empty match right after the last match does not count. */
		if (so == eo && so == prev_end) {
			if (so < ps.len)
				buf_add(&out, ps.s + so, 1);
			at = so + 1;
			continue;
		}
		buf_add(&out, ps.s + at, so - at);
		if (++count >= c->nth && !done) {
			for (size_t i = 0; i < c->repl_len; i++) {
				int r = c->repl[i];
				char ch = r;

				if (r < GROUP)
					buf_add(&out, &ch, 1);
				else if (m[r - GROUP].rm_so >= 0)
					buf_add(&out, ps.s + at + m[r - GROUP].rm_so,
						m[r - GROUP].rm_eo - m[r - GROUP].rm_so);
			}
			replaced = true;
			done = !c->global;
		} else {
			buf_add(&out, ps.s + so, eo - so);
		}
		prev_end = eo;
		at = eo;
		if (so == eo) {
			if (so < ps.len)
				buf_add(&out, ps.s + so, 1);
			at++;
		}
		if (done)
			break;
	}
	if (at < ps.len)
		buf_add(&out, ps.s + at, ps.len - at);
	if (count >= c->nth) {
		free(ps.s);
		ps = out;
		if (c->print && replaced)
			output(ps.s, ps.len, true);
	} else {
		free(out.s);
	}
}

static void exchange(void)
{
	struct buf t = ps;

	ps = hold;
	hold = t;
	if (!ps.s)
		buf_set(&ps, "", 0);
}

/* What a cycle's end does next. */
enum flow { NEXT_CYCLE, DELETE, RESTART, QUIT, QUIT_SILENT };

/* The text a queued for the end of the cycle. */
static void flush_appended(void)
{
	if (!appended.len)
		return;
	output(appended.s, appended.len, false);
	pending_nl = false;
	appended.len = 0;
}

/* The commands that read or end the cycle; anything else is in run(). */
static enum flow run_flow(struct cmd *c, size_t *pc)
{
	char *nl;

	switch (c->name) {
	case 'd':
		return DELETE;
	case 'D':
		nl = memchr(ps.s, '\n', ps.len);
		if (!nl)
			return DELETE;
		ps.len -= nl + 1 - ps.s;
		memmove(ps.s, nl + 1, ps.len + 1);
		return RESTART;
	case 'n':
		if (!have_next)
			return QUIT;
		if (!quiet)
			output(ps.s, ps.len, ps_nl);
		flush_appended();
		read_line(&ps, &ps_nl);
		break;
	case 'N':
		if (!have_next)
			return QUIT;
		flush_appended();
		buf_add(&ps, "\n", 1);
		{
			struct buf line = { 0 };

			read_line(&line, &ps_nl);
			buf_add(&ps, line.s, line.len);
			free(line.s);
		}
		break;
	case 'q':
		status = c->status;
		return QUIT;
	case 'Q':
		status = c->status;
		return QUIT_SILENT;
	case 'c':
		/* In a range the text replaces its last line; each line goes. */
		if (c->a2.type == A_NONE || !c->active)
			output(c->text, strlen(c->text), true);
		return DELETE;
	case 'b':
		*pc = c->jump - 1;
		break;
	case 't':
	case 'T':
		if (replaced == (c->name == 't'))
			*pc = c->jump - 1;
		replaced = false;
		break;
	}
	return NEXT_CYCLE;
}

static enum flow run(void)
{
	for (size_t pc = 0; pc < ncmds; pc++) {
		struct cmd *c = &cmds[pc];
		char *nl;
		enum flow f;

		if (c->name == '}' || c->name == ':')
			continue;
		if (!selected(c)) {
			if (c->name == '{')
				pc = c->jump - 1;
			continue;
		}
		switch (c->name) {
		case '=':
			printf("%s%llu\n", pending_nl ? "\n" : "", lineno);
			pending_nl = false;
			break;
		case 'a':
			buf_add(&appended, c->text, strlen(c->text));
			buf_add(&appended, "\n", 1);
			break;
		case 'i':
			output(c->text, strlen(c->text), true);
			break;
		case 'p':
			output(ps.s, ps.len, true);
			break;
		case 'P':
			nl = memchr(ps.s, '\n', ps.len);
			output(ps.s, nl ? (size_t)(nl - ps.s) : ps.len, true);
			break;
		case 's':
			substitute(c);
			break;
		case 'y':
			for (size_t i = 0; i < ps.len; i++)
				ps.s[i] = c->map[(unsigned char)ps.s[i]];
			break;
		case 'g':
			buf_set(&ps, hold.s ? hold.s : "", hold.len);
			break;
		case 'G':
			buf_add(&ps, "\n", 1);
			buf_add(&ps, hold.s ? hold.s : "", hold.len);
			break;
		case 'h':
			buf_set(&hold, ps.s, ps.len);
			break;
		case 'H':
			buf_add(&hold, "\n", 1);
			buf_add(&hold, ps.s, ps.len);
			break;
		case 'x':
			exchange();
			break;
		case '{':
			break;
		default:
			f = run_flow(c, &pc);
			if (f != NEXT_CYCLE)
				return f;
		}
	}
	return NEXT_CYCLE;
}

static void edit(void)
{
	enum flow f = NEXT_CYCLE;

	have_next = fetch();
	while (f == RESTART || read_line(&ps, &ps_nl)) {
		replaced = f == RESTART ? replaced : false;
		f = run();
		if (f != DELETE && f != QUIT_SILENT && f != RESTART && !quiet)
			output(ps.s, ps.len, ps_nl);
		if (f != RESTART)
			flush_appended();
		if (f == QUIT || f == QUIT_SILENT)
			return;
	}
}

static void add_script_file(const char *name)
{
	FILE *f = cli_open(name);
	char chunk[4096];
	size_t got;

	if (!f)
		exit(SED_USAGE);
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&script, chunk, got);
	if (!cli_close(f, name))
		exit(SED_USAGE);
	if (script.len && script.s[script.len - 1] != '\n')
		buf_add(&script, "\n", 1);
}

int main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	bool have_script = false;
	int c;

	cli_init(argv[0], "[-nEr] [-e SCRIPT]... [-f FILE]... [SCRIPT] [FILE]...", SED_USAGE);
	buf_add(&script, "", 0);
	while ((c = cli_getopt(argc, argv, "ne:f:Er")) != -1) {
		if (c == 'n') {
			quiet = true;
		} else if (c == 'e') {
			buf_add(&script, optarg, strlen(optarg));
			buf_add(&script, "\n", 1);
			have_script = true;
		} else if (c == 'f') {
			add_script_file(optarg);
			have_script = true;
		} else {
			extended = true;
		}
	}
	if (!have_script) {
		if (optind >= argc)
			cli_usage_error("no script given");
		buf_add(&script, argv[optind], strlen(argv[optind]));
		optind++;
	}
	/* POSIX: a script starting with the line "#n" is as -n. */
	if (!strncmp(script.s, "#n", 2) && (script.len == 2 || script.s[2] == '\n'))
		quiet = true;
	parse_script();
	files = optind < argc ? argv + optind : stdin_only;
	nfiles = optind < argc ? argc - optind : 1;
	edit();
	if (fflush(stdout) == EOF)
		msg_die(4, "couldn't flush stdout");
	cli_exit(status);
}
