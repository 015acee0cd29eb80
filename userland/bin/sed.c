/*
 * sed: a stream editor, as POSIX and GNU sed describe it: scripts from -e
 * and -f (-n: no automatic printing, -E/-r: extended regexes, -s: files
 * apart, -i[SUFFIX]: files edited in place, -z: NUL-separated lines, -l N:
 * the width of l), addresses (N, $, /re/ and \cREc with I, FIRST~STEP, ranges A,B
 * A,+N A,~N 0,/re/, !), blocks { }, and the commands s (flags g p N I m w),
 * y, d, D, p, P, n, N, q, Q, =, l, F, z, a, i, c, r, R, w, W, h, H, g, G,
 * x, b, t, T, :label and # comments.
 */
#include <ctype.h>
#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

/* GNU sed's exit statuses: bad script, missing input file, I/O error. */
#define SED_USAGE 1
#define SED_NO_INPUT 2
#define SED_PANIC 4
/* GNU sed's default line length for l. */
#define SED_WRAP 70
/* \0 to \9 in a replacement; the regmatch_t array's size. */
#define SED_GROUPS 10
/*
 * A replacement element: a byte (below 256), a group (GROUP + n), or one
 * of GNU's case conversions (CASE + the letter of \U \L \u \l \E).
 */
#define GROUP 256
#define CASE 512

struct buf {
	char *s;
	size_t len, cap;
};

/* GNU's forms too: FIRST~STEP, and ADDR,+N and ADDR,~N as the end of a range. */
enum addr_type { A_NONE, A_LINE, A_LAST, A_RE, A_STEP, A_PLUS, A_MULT };

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
	int *repl;		/* s: bytes, GROUP + n, CASE + letter */
	size_t repl_len;
	bool global, print;
	unsigned long long nth;
	unsigned char map[256];	/* y */
	char *text;		/* a i c; label of b t T :; file of r R */
	FILE *wfile;		/* w W, s///w */
	size_t jump;		/* b t T: the target; {: after its } */
	int status;		/* q Q */
};

static struct cmd *cmds;
static size_t ncmds;
static struct buf script;
static size_t pos;	/* parse position in script */
static bool quiet, extended, separate, in_place, multiline;
static const char *backup_suffix;	/* -iSUFFIX */
static unsigned long wrap = SED_WRAP;	/* -l N */
static char eol = '\n';			/* -z: '\0' */

/* Where each -e or -f piece of the script starts, for errors. */
struct piece {
	size_t start;
	int expr;		/* -e expression #expr, or */
	const char *file;	/* the -f file */
};

static struct piece *pieces;
static size_t npieces;

/* The files of w W s///w, each opened once; r and R read theirs later. */
struct named_file {
	char *name;
	FILE *f;
};

static struct named_file *wfiles, *rfiles;
static size_t nwfiles, nrfiles;

/* The input: all files as one stream of lines. */
static char **files;
static int nfiles, cur_file = -1, status;
static FILE *in;
static struct buf next_line;
static bool have_next, next_nl;
static int next_file, line_file = -1;	/* the files of next_line and the pattern space */
static const char *not_editable;	/* -i met something else than a regular file */
static unsigned long long lineno;

/* The output: stdout, or with -i a temporary file beside the one edited. */
static FILE *out;
static char *temp_name;

/* What a, r and R queue for the end of the cycle: text, or a file to copy. */
struct queued {
	char *text;
	size_t len;
	const char *rfile;
};

static struct queued *queue;
static size_t nqueue;

static struct buf ps, hold;
static bool ps_nl, pending_nl, replaced;
static regex_t *last_re;

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		if (!b->s)
			msg_die(SED_PANIC, "out of memory");
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

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		msg_die(SED_PANIC, "out of memory");
	return p;
}

/* "-e expression #N, char C: what" or "file F line L: what", as GNU sed. */
static void bad_script(const char *what) __attribute__((noreturn));
static void bad_script(const char *what)
{
	size_t at = pos ? pos - 1 : 0, i = npieces - 1;
	unsigned long line = 1;

	while (i && pieces[i].start > at)
		i--;
	if (!pieces[i].file)
		msg_diex(SED_USAGE, "-e expression #%d, char %zu: %s", pieces[i].expr,
			 pos - pieces[i].start, what);
	for (size_t k = pieces[i].start; k < pos && k < script.len; k++)
		line += script.s[k] == '\n' && k + 1 < pos;
	msg_diex(SED_USAGE, "file %s line %lu: %s", pieces[i].file, line, what);
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
	r = xrealloc(NULL, sizeof(*r));
	err = regcomp(r, re, (extended ? REG_EXTENDED : 0) | (icase ? REG_ICASE : 0) |
		      (multiline ? REG_NEWLINE : 0));
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
/* The byte of GNU sed's escapes \a \f \n \r \t \v; 0 for another letter. */
static char escape_byte(int c)
{
	static const char letters[] = "afnrtv", bytes[] = "\a\f\n\r\t\v";
	const char *l = c > 0 ? strchr(letters, c) : NULL;

	return l ? bytes[l - letters] : '\0';
}

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
			if (escape_byte(c) && !is_repl && c != delim) {
				buf_add(&b, &(char){ escape_byte(c) }, 1);
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

	if (isdigit(c) || (second && (c == '+' || c == '~'))) {
		a->type = c == '+' ? A_PLUS : c == '~' ? A_MULT : A_LINE;
		pos += !isdigit(c);
		a->line = parse_number();
		if (peek() == '~' && !second) {
			pos++;
			a->type = A_STEP;
			a->step = parse_number();
		}
		/* 0 only starts "0,/re/", which parse_script checks. */
		if (a->type == A_LINE && !a->line && second)
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

	c->repl = xrealloc(NULL, (strlen(r) + 1) * sizeof(*c->repl));
	for (char *p = r; *p; p++) {
		if (*p == '&') {
			c->repl[n++] = GROUP;
		} else if (*p == '\\' && isdigit((unsigned char)p[1])) {
			int g = *++p - '0';

			if (c->re && (size_t)g > c->re->re_nsub) {
				char msg[64];

				snprintf(msg, sizeof(msg),
					 "invalid reference \\%d on `s' command's RHS", g);
				bad_script(msg);
			}
			c->repl[n++] = GROUP + g;
		} else if (*p == '\\' && p[1] && strchr("ULulE", p[1])) {
			c->repl[n++] = CASE + *++p;
		} else if (*p == '\\' && p[1]) {
			p++;
			c->repl[n++] = escape_byte(*p) ? escape_byte(*p) : (unsigned char)*p;
		} else {
			c->repl[n++] = (unsigned char)*p;
		}
	}
	c->repl_len = n;
	free(r);
}

/* The file name of r R w W: the rest of the line. */
static char *parse_filename(void)
{
	size_t start;
	char *name;

	skip_blanks();
	start = pos;
	while (peek() != EOF && peek() != '\n')
		pos++;
	if (pos == start)
		bad_script("missing filename in r/R/w/W commands");
	name = strndup(script.s + start, pos - start);
	if (!name)
		msg_die(SED_PANIC, "out of memory");
	return name;
}

/* A w file: made empty now, as sed does before reading any input; one FILE a name. */
static FILE *parse_wfile(void)
{
	char *name = parse_filename();
	FILE *f;

	if (!strcmp(name, "/dev/stdout") || !strcmp(name, "/dev/stderr")) {
		f = !strcmp(name, "/dev/stdout") ? stdout : stderr;
		free(name);
		return f;
	}
	for (size_t i = 0; i < nwfiles; i++) {
		if (!strcmp(wfiles[i].name, name)) {
			free(name);
			return wfiles[i].f;
		}
	}
	f = fopen(name, "w");
	if (!f)
		msg_die(SED_PANIC, "couldn't open file %s", name);
	wfiles = xrealloc(wfiles, (nwfiles + 1) * sizeof(*wfiles));
	wfiles[nwfiles++] = (struct named_file){ name, f };
	return f;
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
	for (size_t p = pos; p < script.len && strchr("gpIimM0123456789", script.s[p]); p++) {
		icase |= script.s[p] == 'I' || script.s[p] == 'i';
		multiline |= script.s[p] == 'm' || script.s[p] == 'M';
	}
	c->re = compile(re, icase);
	multiline = false;
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
		} else if (f == 'w') {
			pos++;
			c->wfile = parse_wfile();
			return;
		} else if (f != 'I' && f != 'i' && f != 'm' && f != 'M') {
			return;	/* I and m were read with the regex */
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
			*w++ = *r == '\\' && r[1] ? (escape_byte(r[1]) ? escape_byte(*++r) : *++r) : *r;
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
	if (peek() == EOF || peek() == '\n')
		bad_script("expected \\ after `a', `c' or `i'");
	if (peek() == '\\') {
		pos++;
		if (peek() == '\n')
			pos++;
		/* GNU sed: "a\" and nothing after it adds nothing at all. */
		if (peek() == EOF) {
			free(b.s);
			return;
		}
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
		msg_die(SED_PANIC, "out of memory");
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
	case 'l':
		skip_blanks();
		c->nth = isdigit(peek()) ? parse_number() : wrap;
		break;
	case 'r':
	case 'R':
		c->text = parse_filename();
		break;
	case 'w':
	case 'W':
		c->wfile = parse_wfile();
		break;
	default:
		if (!strchr("{}=dDgGhHnNpPxFz", c->name)) {
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
			msg_diex(SED_PANIC, "can't find label for jump to `%s'", c->text);
	}
}

/* At the end of the script, GNU sed reports the last piece's "char 0" or line. */
static void unmatched_brace(void) __attribute__((noreturn));
static void unmatched_brace(void)
{
	const struct piece *p = &pieces[npieces - 1];

	if (!p->file)
		msg_diex(SED_USAGE, "-e expression #%d, char 0: unmatched `{'", p->expr);
	pos = script.len;
	bad_script("unmatched `{'");
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
		if (c.a1.type == A_LINE && !c.a1.line && c.a2.type != A_RE)
			bad_script("invalid usage of line address 0");
		if (c.a1.type != A_NONE && strchr(":}", c.name))
			bad_script(": doesn't want any addresses");
		parse_args(&c);
		cmds = xrealloc(cmds, (ncmds + 1) * sizeof(*cmds));
		open = xrealloc(open, (nopen + 1) * sizeof(*open));
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
		{
			pos++;
			bad_script("extra characters after command");
		}
	}
	if (nopen)
		unmatched_brace();
	free(open);
	resolve_labels();
}

/* Input. */

/*
 * An input file; NULL after "can't read" (status 2). A read error is
 * fatal, as in GNU sed, and so is -i on anything but a regular file: that
 * one ends the input here (not_editable), so the file before it is
 * finished first.
 */
static FILE *open_input(const char *name)
{
	struct stat st;
	FILE *f = strcmp(name, "-") ? fopen(name, "r") : stdin;

	if (!f) {
		msg_warn("can't read %s", name);
		status = SED_NO_INPUT;
		return NULL;
	}
	if (in_place && (f == stdin || fstat(fileno(f), &st) < 0 || !S_ISREG(st.st_mode))) {
		not_editable = name;
		if (f != stdin)
			fclose(f);
		return NULL;
	}
	return f;
}

static void close_input(void)
{
	if (ferror(in))
		msg_die(SED_PANIC, "read error on %s", files[cur_file]);
	if (in == stdin)
		clearerr(in);
	else
		fclose(in);
	in = NULL;
}

/* The next line of all the files into next_line; false at the end. */
static bool fetch(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	for (;;) {
		if (!in) {
			if (not_editable || ++cur_file >= nfiles) {
				free(line);
				return false;
			}
			in = open_input(files[cur_file]);
			if (!in)
				continue;
		}
		len = getdelim(&line, &cap, eol, in);
		if (len > 0)
			break;
		close_input();
	}
	next_nl = line[len - 1] == eol;
	next_file = cur_file;
	buf_set(&next_line, line, len - next_nl);
	free(line);
	return true;
}

/* -i: the edited text goes to a temporary file beside the original. */
static void begin_in_place(const char *name)
{
	const char *slash = strrchr(name, '/');
	int dir_len = slash ? (int)(slash - name + 1) : 0, fd;
	struct stat st;

	free(temp_name);
	temp_name = xrealloc(NULL, dir_len + sizeof("sedXXXXXX"));
	sprintf(temp_name, "%.*ssedXXXXXX", dir_len, name);
	fd = mkstemp(temp_name);
	if (fd < 0)
		msg_die(SED_PANIC, "couldn't open temporary file %s", temp_name);
	if (!stat(name, &st)) {
		if (fchown(fd, st.st_uid, st.st_gid) < 0)
			st.st_mode &= ~(mode_t)(S_ISUID | S_ISGID);
		fchmod(fd, st.st_mode & 07777);
	}
	out = fdopen(fd, "w");
	if (!out)
		msg_die(SED_PANIC, "couldn't open temporary file %s", temp_name);
	pending_nl = false;
}

/* -iSUFFIX: the backup's name; each '*' in SUFFIX stands for the name (as GNU sed). */
static char *backup_name(const char *name)
{
	struct buf b = { 0 };

	buf_add(&b, "", 0);
	if (!strchr(backup_suffix, '*'))
		buf_add(&b, name, strlen(name));
	for (const char *p = backup_suffix; *p; p++)
		buf_add(&b, *p == '*' ? name : p, *p == '*' ? strlen(name) : 1);
	return b.s;
}

/* -i: the temporary file takes the edited file's name (the old one kept with a suffix). */
static void finish_in_place(const char *name)
{
	char *backup;

	if (fclose(out) == EOF)
		msg_die(SED_PANIC, "couldn't close %s", temp_name);
	out = stdout;
	if (backup_suffix) {
		backup = backup_name(name);
		if (rename(name, backup) < 0)
			msg_die(SED_PANIC, "cannot rename %s", name);
		free(backup);
	}
	if (rename(temp_name, name) < 0)
		msg_die(SED_PANIC, "cannot rename %s", temp_name);
}

/* The first line of another file: -s and -i count lines and ranges anew. */
static void start_file(void)
{
	if (in_place && line_file >= 0)
		finish_in_place(files[line_file]);
	line_file = next_file;
	if (!separate)
		return;
	lineno = 0;
	for (size_t i = 0; i < ncmds; i++)
		cmds[i].active = false;
	if (in_place)
		begin_in_place(files[line_file]);
}

/* The line read ahead is the last of its part: of all input, or with -s of its file. */
static bool at_last_line(void)
{
	return !have_next || (separate && next_file != line_file);
}

/* Move the line read ahead into b; false if there is none. */
static bool read_line(struct buf *b, bool *nl)
{
	if (!have_next)
		return false;
	if (next_file != line_file)
		start_file();
	buf_set(b, next_line.s, next_line.len);
	*nl = next_nl;
	lineno++;
	have_next = fetch();
	return true;
}

/* Output: checked, as GNU sed, which stops at the first failed write. */
static void checked_write(const char *s, size_t n, FILE *f)
{
	if (fwrite(s, 1, n, f) < n || ferror(f))
		msg_die(SED_PANIC, "couldn't write %zu item%s to %s", n, n == 1 ? "" : "s",
			f == stdout ? "stdout" : "file");
}

/* A line of output: a missing final newline is supplied once more follows. */
static void output(const char *s, size_t n, bool nl)
{
	if (pending_nl)
		checked_write(&eol, 1, out);
	checked_write(s, n, out);
	if (nl)
		checked_write(&eol, 1, out);
	pending_nl = !nl;
}

/* Execution. */

/*
 * A match in s[from, len): REG_STARTEND lets the regex see what comes
 * before from (for \b, \<) and bytes past a NUL; offsets are from s.
 */
static bool re_match(regex_t *re, const char *s, size_t from, size_t len, regmatch_t *m,
		     size_t nm)
{
	regmatch_t whole;

	if (re)
		last_re = re;
	if (!last_re)
		msg_diex(SED_USAGE, "no previous regular expression");
	if (!nm) {
		m = &whole;
		nm = 1;
	}
	m[0].rm_so = (regoff_t)from;
	m[0].rm_eo = (regoff_t)len;
	return !regexec(last_re, s, nm, m, REG_STARTEND | (from ? REG_NOTBOL : 0));
}

static bool addr_match(const struct addr *a)
{
	switch (a->type) {
	case A_LINE:
		return lineno == a->line;
	case A_LAST:
		return at_last_line();
	case A_RE:
		return re_match(a->re, ps.s, 0, ps.len, NULL, 0);
	case A_STEP:
		if (!a->step)
			return lineno == a->line;
		return lineno >= a->line && (lineno - a->line) % a->step == 0;
	default:
		return true;
	}
}

/* Where a range ending in A,+N (end: N) or A,~N (end: a multiple of N) stops. */
static unsigned long long range_end(const struct addr *a2)
{
	if (a2->type == A_PLUS)
		return lineno + a2->line;
	if (a2->type == A_MULT)
		return a2->line ? (lineno + a2->line - 1) / a2->line * a2->line : lineno;
	return a2->line;
}

static bool numeric_end(const struct addr *a2)
{
	return a2->type == A_LINE || a2->type == A_PLUS || a2->type == A_MULT;
}

static bool selected(struct cmd *c)
{
	bool hit;

	/* "0,/re/": the range is open before the first line, which may end it. */
	if (c->a1.type == A_LINE && !c->a1.line && lineno == 1)
		c->active = true;
	if (c->a1.type == A_NONE) {
		hit = true;
	} else if (c->a2.type == A_NONE) {
		hit = addr_match(&c->a1);
	} else if (c->active) {
		hit = true;
		if (numeric_end(&c->a2) ? lineno >= c->end : addr_match(&c->a2))
			c->active = false;
	} else {
		hit = addr_match(&c->a1);
		c->end = range_end(&c->a2);
		/* A range whose end line is already past is this line alone. */
		c->active = hit && !(numeric_end(&c->a2) && c->end <= lineno) &&
			    !(c->a2.type == A_LAST && at_last_line());
	}
	return hit != c->negate;
}

/* GNU's case conversion in a replacement: \U, \L until \E; \u, \l the next byte. */
struct case_state {
	char mode, once;	/* 'U', 'L' or 0; 'u', 'l' or 0 */
};

static void add_cased(struct buf *res, struct case_state *cs, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char conv = cs->once ? cs->once : cs->mode, ch = s[i];

		if (conv == 'u' || conv == 'U')
			ch = (char)toupper((unsigned char)ch);
		else if (conv == 'l' || conv == 'L')
			ch = (char)tolower((unsigned char)ch);
		cs->once = 0;
		buf_add(res, &ch, 1);
	}
}

/* The replacement of c for the match m (offsets from base) onto res. */
static void add_replacement(struct buf *res, const struct cmd *c, const char *base,
			    const regmatch_t *m)
{
	struct case_state cs = { 0, 0 };

	for (size_t i = 0; i < c->repl_len; i++) {
		int r = c->repl[i];
		char ch = r;

		if (r >= CASE && (r - CASE == 'u' || r - CASE == 'l'))
			cs.once = (char)(r - CASE);
		else if (r >= CASE)
			cs.mode = r - CASE == 'E' ? 0 : (char)(r - CASE);
		else if (r < GROUP)
			add_cased(res, &cs, &ch, 1);
		else if (m[r - GROUP].rm_so >= 0)
			add_cased(res, &cs, base + m[r - GROUP].rm_so,
				  m[r - GROUP].rm_eo - m[r - GROUP].rm_so);
	}
}

/* A line to a w file, with the newline the input line had. */
static void write_to(FILE *f, const char *s, size_t n)
{
	checked_write(s, n, f);
	if (ps_nl)
		checked_write(&eol, 1, f);
}

static void substitute(struct cmd *c)
{
	regmatch_t m[SED_GROUPS];
	struct buf res = { 0 };
	unsigned long long count = 0;
	size_t at = 0, prev_end = (size_t)-1;
	bool done = false;

	buf_add(&res, "", 0);
	while (at <= ps.len && re_match(c->re, ps.s, at, ps.len, m, SED_GROUPS)) {
		size_t so = m[0].rm_so, eo = m[0].rm_eo;

		/* An empty match right after the last match does not count. */
		if (so == eo && so == prev_end) {
			if (so < ps.len)
				buf_add(&res, ps.s + so, 1);
			at = so + 1;
			continue;
		}
		buf_add(&res, ps.s + at, so - at);
		if (++count >= c->nth && !done) {
			add_replacement(&res, c, ps.s, m);
			replaced = true;
			done = !c->global;
		} else {
			buf_add(&res, ps.s + so, eo - so);
		}
		prev_end = eo;
		at = eo;
		if (so == eo) {
			if (so < ps.len)
				buf_add(&res, ps.s + so, 1);
			at++;
		}
		if (done)
			break;
	}
	if (at < ps.len)
		buf_add(&res, ps.s + at, ps.len - at);
	if (count < c->nth) {
		free(res.s);
		return;
	}
	free(ps.s);
	ps = res;
	if (c->print)
		output(ps.s, ps.len, true);
	if (c->wfile)
		write_to(c->wfile, ps.s, ps.len);
}

static void exchange(void)
{
	struct buf t = ps;

	ps = hold;
	hold = t;
	if (!ps.s)
		buf_set(&ps, "", 0);
}

/* l: the pattern space unambiguously, lines broken at width with "\". */
static void list(unsigned long long width)
{
	static const char bytes[] = "\\\a\b\f\n\r\t\v", letters[] = "\\abfnrtv";
	char esc[8];
	size_t col = 0, n;

	for (size_t i = 0; i < ps.len; i++) {
		unsigned char ch = ps.s[i];
		const char *e = ch ? strchr(bytes, ch) : NULL;

		if (e)
			snprintf(esc, sizeof(esc), "\\%c", letters[e - bytes]);
		else if (isprint(ch))
			snprintf(esc, sizeof(esc), "%c", ch);
		else
			snprintf(esc, sizeof(esc), "\\%03o", ch);
		n = strlen(esc);
		if (width && col + n > width - 1) {
			checked_write("\\\n", 2, out);
			col = 0;
		}
		checked_write(esc, n, out);
		col += n;
	}
	checked_write("$\n", 2, out);
}

/* What a cycle's end does next (CONTINUE: run the next command). */
enum flow { CONTINUE, NEXT_CYCLE, DELETE, RESTART, QUIT, QUIT_SILENT };

static void enqueue(const char *text, size_t len, const char *rfile)
{
	struct queued *q;

	queue = xrealloc(queue, (nqueue + 1) * sizeof(*queue));
	q = &queue[nqueue++];
	q->text = xrealloc(NULL, len + 1);
	memcpy(q->text, text, len);
	q->len = len;
	q->rfile = rfile;
}

/* R: the next line of the file, kept open from one R to the next. */
static void enqueue_line_of(const char *name)
{
	size_t i = 0, cap = 0;
	char *line = NULL;
	ssize_t len;

	while (i < nrfiles && strcmp(rfiles[i].name, name))
		i++;
	if (i == nrfiles) {
		rfiles = xrealloc(rfiles, (nrfiles + 1) * sizeof(*rfiles));
		rfiles[nrfiles++] = (struct named_file){ (char *)name, fopen(name, "r") };
	}
	if (!rfiles[i].f || (len = getdelim(&line, &cap, eol, rfiles[i].f)) <= 0) {
		free(line);
		return;
	}
	enqueue(line, len, NULL);
	if (line[len - 1] != eol)
		enqueue(&eol, 1, NULL);
	free(line);
}

/* r: a file's bytes as they are; one that cannot be read adds nothing. */
static void copy_file(const char *name)
{
	FILE *f = fopen(name, "r");
	char chunk[4096];
	size_t got;

	if (!f)
		return;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		checked_write(chunk, got, out);
	fclose(f);
}

/* What a, r and R queued for the end of the cycle. */
static void flush_appended(void)
{
	for (size_t i = 0; i < nqueue; i++) {
		if (pending_nl)
			checked_write(&eol, 1, out);
		pending_nl = false;
		if (queue[i].rfile)
			copy_file(queue[i].rfile);
		else
			checked_write(queue[i].text, queue[i].len, out);
		free(queue[i].text);
	}
	nqueue = 0;
}

/* n and N: the next line, unless there is none (-s: in this file). */
static enum flow next_line_cmd(bool append)
{
	struct buf line = { 0 };

	if (at_last_line())
		return have_next ? NEXT_CYCLE : QUIT;
	if (!append && !quiet)
		output(ps.s, ps.len, ps_nl);
	flush_appended();
	if (!append) {
		read_line(&ps, &ps_nl);
		return CONTINUE;
	}
	buf_add(&ps, &eol, 1);
	read_line(&line, &ps_nl);
	buf_add(&ps, line.s, line.len);
	free(line.s);
	return CONTINUE;
}

/* The commands that read or end the cycle or jump; anything else is in run(). */
static enum flow run_flow(struct cmd *c, size_t *pc)
{
	char *nl;

	switch (c->name) {
	case 'd':
		return DELETE;
	case 'D':
		nl = memchr(ps.s, eol, ps.len);
		if (!nl)
			return DELETE;
		ps.len -= nl + 1 - ps.s;
		memmove(ps.s, nl + 1, ps.len + 1);
		return RESTART;
	case 'n':
	case 'N':
		return next_line_cmd(c->name == 'N');
	case 'q':
	case 'Q':
		status = c->status;
		return c->name == 'q' ? QUIT : QUIT_SILENT;
	case 'c':
		/* In a range the text replaces its last line; each line goes. */
		if (c->text && (c->a2.type == A_NONE || !c->active))
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
	return CONTINUE;
}

/* The commands that print something else than the pattern space. */
static void run_print(struct cmd *c)
{
	char *nl = memchr(ps.s, eol, ps.len);
	size_t first = nl ? (size_t)(nl - ps.s) : ps.len;
	const char *name;
	char num[32];

	switch (c->name) {
	case '=':
		snprintf(num, sizeof(num), "%llu", lineno);
		output(num, strlen(num), true);
		break;
	case 'F':
		name = line_file < 0 ? "-" : files[line_file];
		output(name, strlen(name), true);
		break;
	case 'i':
		if (c->text)
			output(c->text, strlen(c->text), true);
		break;
	case 'l':
		if (pending_nl)
			checked_write(&eol, 1, out);
		pending_nl = false;
		list(c->nth);
		break;
	case 'P':
		output(ps.s, first, true);
		break;
	case 'w':
		write_to(c->wfile, ps.s, ps.len);
		break;
	case 'W':
		write_to(c->wfile, ps.s, first);
		break;
	}
}

/* The commands that change the pattern or hold space, or queue text. */
static void run_edit(struct cmd *c)
{
	switch (c->name) {
	case 'a':
		if (!c->text)
			break;
		enqueue(c->text, strlen(c->text), NULL);
		enqueue("\n", 1, NULL);
		break;
	case 'r':
		enqueue("", 0, c->text);
		break;
	case 'R':
		enqueue_line_of(c->text);
		break;
	case 's':
		substitute(c);
		break;
	case 'y':
		for (size_t i = 0; i < ps.len; i++)
			ps.s[i] = c->map[(unsigned char)ps.s[i]];
		break;
	case 'z':
		buf_set(&ps, "", 0);
		break;
	case 'g':
		buf_set(&ps, hold.s ? hold.s : "", hold.len);
		break;
	case 'G':
		buf_add(&ps, &eol, 1);
		buf_add(&ps, hold.s ? hold.s : "", hold.len);
		break;
	case 'h':
		buf_set(&hold, ps.s, ps.len);
		break;
	case 'H':
		buf_add(&hold, &eol, 1);
		buf_add(&hold, ps.s, ps.len);
		break;
	case 'x':
		exchange();
		break;
	}
}

static enum flow run(void)
{
	for (size_t pc = 0; pc < ncmds; pc++) {
		struct cmd *c = &cmds[pc];
		enum flow f;

		if (c->name == '}' || c->name == ':' || c->name == '{') {
			if (c->name == '{' && !selected(c))
				pc = c->jump - 1;
			continue;
		}
		if (!selected(c))
			continue;
		if (strchr("=FilPpwW", c->name)) {
			if (c->name == 'p')
				output(ps.s, ps.len, true);
			else
				run_print(c);
			continue;
		}
		if (strchr("dDnNqQcbtT", c->name)) {
			f = run_flow(c, &pc);
			if (f != CONTINUE)
				return f;
			continue;
		}
		run_edit(c);
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
			break;
	}
	if (in_place && line_file >= 0)
		finish_in_place(files[line_file]);
	if (not_editable)
		msg_diex(SED_PANIC, "couldn't edit %s: not a regular file", not_editable);
}

/* A piece of the script from -e (or the operand) or -f; errors name it. */
static void add_piece(const char *file)
{
	static int exprs;

	pieces = xrealloc(pieces, (npieces + 1) * sizeof(*pieces));
	pieces[npieces++] = (struct piece){ script.len, file ? 0 : ++exprs, file };
}

static void add_expression(const char *text, bool newline)
{
	add_piece(NULL);
	buf_add(&script, text, strlen(text));
	if (newline)
		buf_add(&script, "\n", 1);
}

static void add_script_file(const char *name)
{
	FILE *f = strcmp(name, "-") ? fopen(name, "r") : stdin;
	char chunk[4096];
	size_t got;

	add_piece(name);
	if (!f)
		msg_die(SED_PANIC, "couldn't open file %s", name);
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&script, chunk, got);
	if (ferror(f))
		msg_die(SED_PANIC, "read error on %s", name);
	if (f != stdin)
		fclose(f);
	if (script.len && script.s[script.len - 1] != '\n')
		buf_add(&script, "\n", 1);
}

/* The options; true if they gave a script. */
/* GNU sed's long names of sed's options. */
static const struct cli_option longopts[] = {
	{ "quiet", CLI_NO_ARG, 'n' },
	{ "silent", CLI_NO_ARG, 'n' },
	{ "expression", CLI_REQUIRED_ARG, 'e' },
	{ "file", CLI_REQUIRED_ARG, 'f' },
	{ "in-place", CLI_OPTIONAL_ARG, 'i' },
	{ "line-length", CLI_REQUIRED_ARG, 'l' },
	{ "regexp-extended", CLI_NO_ARG, 'E' },
	{ "separate", CLI_NO_ARG, 's' },
	{ "null-data", CLI_NO_ARG, 'z' },
	{ NULL, CLI_NO_ARG, 0 },
};

static bool options(int argc, char **argv)
{
	bool have_script = false;
	unsigned long long n;
	int c;

	while ((c = cli_getopt_long(argc, argv, "ne:f:Ersi::l:z", longopts)) != -1) {
		if (c == 'n') {
			quiet = true;
		} else if (c == 'e' || c == 'f') {
			if (c == 'e')
				add_expression(optarg, true);
			else
				add_script_file(optarg);
			have_script = true;
		} else if (c == 's') {
			separate = true;
		} else if (c == 'i') {
			separate = in_place = true;
			backup_suffix = optarg && *optarg ? optarg : NULL;
		} else if (c == 'l') {
			if (!cli_parse_count(optarg, -1UL, &n))
				msg_diex(SED_USAGE, "invalid line length: %s", optarg);
			wrap = n;
		} else if (c == 'z') {
			eol = '\0';
		} else {
			extended = true;
		}
	}
	return have_script;
}

int main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };

	cli_init(argv[0], "[-nErsz] [-i[SUFFIX]] [-l N] [-e SCRIPT]... [-f FILE]... [SCRIPT] [FILE]...",
		 SED_USAGE);
	out = stdout;
	buf_add(&script, "", 0);
	if (!options(argc, argv)) {
		if (optind >= argc)
			cli_usage_error("no script given");
		add_expression(argv[optind++], false);
	}
	/* POSIX: a script starting with the line "#n" is as -n. */
	if (!strncmp(script.s, "#n", 2) && (script.len == 2 || script.s[2] == '\n'))
		quiet = true;
	parse_script();
	if (in_place && optind >= argc)
		msg_diex(SED_PANIC, "no input files");
	files = optind < argc ? argv + optind : stdin_only;
	nfiles = optind < argc ? argc - optind : 1;
	edit();
	for (size_t i = 0; i < nwfiles; i++)
		if (fclose(wfiles[i].f) == EOF)
			msg_die(SED_PANIC, "couldn't close %s", wfiles[i].name);
	if (fflush(stdout) == EOF)
		msg_die(SED_PANIC, "couldn't flush stdout");
	cli_exit(status);
}
