/*
 * The shell's input and lexer (XCU 2.3 token recognition): characters from
 * a stack of strings, tokens with each word's source text kept whole
 * (quotes, $( ) and ${ } included) for expansion to interpret, and the
 * here-documents a newline ends.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"

const char *(*parse_alias)(const char *name);

static struct input_frame *frame_new(const char *s, size_t n, const char *alias)
{
	struct input_frame *f = xzalloc(sizeof(*f));

	f->buf = xstrndup(s, n);
	f->len = n;
	f->alias = alias ? xstrdup(alias) : NULL;
	return f;
}

static void frame_free(struct input_frame *f)
{
	free(f->buf);
	free(f->alias);
	free(f);
}

void input_init_string(struct input *in, const char *s)
{
	memset(in, 0, sizeof(*in));
	in->top = frame_new(s, strlen(s), NULL);
	in->lineno = 1;
}

void input_init_more(struct input *in, int (*more)(struct input *, struct strbuf *),
		     void *ctx)
{
	input_init_string(in, "");
	in->more = more;
	in->ctx = ctx;
}

/*
 * Characters already pushed back came from below the new frame: they go
 * after its text.
 */
void input_push(struct input *in, const char *s, const char *alias)
{
	struct strbuf sb;
	struct input_frame *f;

	sb_init(&sb);
	sb_puts(&sb, s);
	while (in->npushback)
		sb_putc(&sb, in->pushback[--in->npushback]);
	f = frame_new(sb.s ? sb.s : "", sb.len, alias);
	sb_free(&sb);
	f->next = in->top;
	in->top = f;
}

int input_in_alias(struct input *in, const char *name)
{
	for (struct input_frame *f = in->top; f; f = f->next)
		if (f->alias && !strcmp(f->alias, name))
			return 1;
	return 0;
}

void input_free(struct input *in)
{
	struct input_frame *f, *next;

	for (f = in->top; f; f = next) {
		next = f->next;
		frame_free(f);
	}
	in->top = NULL;
}

static int frame_getc(struct input *in)
{
	for (;;) {
		struct input_frame *f = in->top;
		struct strbuf line;

		if (f->pos < f->len)
			return (unsigned char)f->buf[f->pos++];
		if (f->next) {
			in->top = f->next;
			frame_free(f);
			continue;
		}
		if (in->eof || !in->more)
			return EOF;
		sb_init(&line);
		if (!in->more(in, &line)) {
			in->eof = 1;
			sb_free(&line);
			return EOF;
		}
		in->continued = 1;
		free(f->buf);
		f->len = line.len;
		f->pos = 0;
		f->buf = sb_take(&line);
	}
}

int in_getc(struct input *in)
{
	int c;

	if (in->npushback)
		c = (unsigned char)in->pushback[--in->npushback];
	else
		c = frame_getc(in);
	if (c == EOF)
		return EOF;
	if (in->rec)
		sb_putc(in->rec, c);
	if (c == '\n')
		in->lineno++;
	return c;
}

void in_ungetc(struct input *in, int c)
{
	if (c == EOF)
		return;
	in->pushback[in->npushback++] = c;
	if (in->rec && in->rec->len) {
		in->rec->len--;
		in->rec->s[in->rec->len] = '\0';
	}
	if (c == '\n')
		in->lineno--;
}

void lex_fail(struct parser *p, const char *msg)
{
	free(p->err);
	p->err = xstrdup(msg);
	p->errline = p->in->lineno;
	longjmp(p->fail, 1);
}

static int lex_getc(struct parser *p, const char *unterminated)
{
	int c = in_getc(p->in);

	if (c == EOF && unterminated)
		lex_fail(p, unterminated);
	return c;
}

static void read_dollar(struct parser *p, struct strbuf *sb);
static void read_backquote(struct parser *p, struct strbuf *sb);

/* A double-quoted string, after the opening quote. */
static void read_dquote(struct parser *p, struct strbuf *sb)
{
	for (;;) {
		int c = lex_getc(p, "unterminated quoted string");

		if (c == '\\') {
			c = lex_getc(p, "unterminated quoted string");
			if (c == '\n')
				continue;
			sb_putc(sb, '\\');
			sb_putc(sb, c);
			continue;
		} else if (c == '$') {
			sb_putc(sb, c);
			read_dollar(p, sb);
			continue;
		} else if (c == '`') {
			sb_putc(sb, c);
			read_backquote(p, sb);
			continue;
		}
		sb_putc(sb, c);
		if (c == '"')
			return;
	}
}

static void read_squote(struct parser *p, struct strbuf *sb)
{
	int c;

	do {
		c = lex_getc(p, "unterminated quoted string");
		sb_putc(sb, c);
	} while (c != '\'');
}

/* A backquoted command, after the opening quote, kept as written. */
static void read_backquote(struct parser *p, struct strbuf *sb)
{
	for (;;) {
		int c = lex_getc(p, "unterminated backquote");

		sb_putc(sb, c);
		if (c == '`')
			return;
		if (c == '\\')
			sb_putc(sb, lex_getc(p, "unterminated backquote"));
	}
}

/*
 * The inside of ${ } or $(( )) up to @close at depth 0: quotes and nested
 * expansions are read whole, parentheses counted for $(( )).
 */
static void read_nested(struct parser *p, struct strbuf *sb, char close)
{
	int depth = 0;

	for (;;) {
		int c = lex_getc(p, close == '}' ? "missing \"}\"" : "missing \"))\"");

		if (c == '\\') {
			c = lex_getc(p, "unterminated quoted string");
			if (c == '\n')
				continue;
			sb_putc(sb, '\\');
			sb_putc(sb, c);
			continue;
		}
		sb_putc(sb, c);
		if (c == '\'' && close == '}')
			read_squote(p, sb);
		else if (c == '"')
			read_dquote(p, sb);
		else if (c == '$')
			read_dollar(p, sb);
		else if (c == '`')
			read_backquote(p, sb);
		else if (c == '(')
			depth++;
		else if (c == ')' && depth > 0)
			depth--;
		else if (c == close && depth == 0)
			return;
	}
}

/* After "$(": the command, checked by the parser, recorded into @sb. */
static void read_subst(struct parser *p, struct strbuf *sb)
{
	struct strbuf *outer = p->in->rec;
	size_t start = sb->len;
	char *err = NULL;

	p->in->rec = sb;
	if (parse_subst(p->in, NULL, &err) < 0) {
		p->in->rec = outer;
		free(p->err);
		p->err = err;
		p->errline = p->in->lineno;
		longjmp(p->fail, 1);
	}
	p->in->rec = outer;
	if (outer)
		sb_putn(outer, sb->s + start, sb->len - start);
}

/* After "$": whatever expansion follows, read whole. */
static void read_dollar(struct parser *p, struct strbuf *sb)
{
	int c = in_getc(p->in);

	if (c == '{') {
		sb_putc(sb, c);
		read_nested(p, sb, '}');
	} else if (c == '(') {
		sb_putc(sb, c);
		c = in_getc(p->in);
		if (c == '(') {
			sb_putc(sb, c);
			read_nested(p, sb, ')');
			c = lex_getc(p, "missing \"))\"");
			if (c != ')')
				lex_fail(p, "missing \"))\"");
			sb_putc(sb, c);
		} else {
			in_ungetc(p->in, c);
			read_subst(p, sb);
		}
	} else {
		in_ungetc(p->in, c);
	}
}

static int is_delim(int c)
{
	return c == EOF || strchr(" \t\n&|;<>()", c);
}

/* A word, from its first character @c. Returns whether any part was quoted. */
static int read_word(struct parser *p, struct strbuf *sb, int c)
{
	int quoted = 0;

	for (; !is_delim(c); c = in_getc(p->in)) {
		if (c == '\\') {
			int n = in_getc(p->in);

			if (n == '\n')
				continue;
			quoted = 1;
			sb_putc(sb, c);
			if (n == EOF)
				break;
			sb_putc(sb, n);
			continue;
		}
		sb_putc(sb, c);
		if (c == '\'') {
			quoted = 1;
			read_squote(p, sb);
		} else if (c == '"') {
			quoted = 1;
			read_dquote(p, sb);
		} else if (c == '`') {
			read_backquote(p, sb);
		} else if (c == '$') {
			read_dollar(p, sb);
		}
	}
	in_ungetc(p->in, c);
	return quoted;
}

/* The delimiter of a here-document: its word with the quotes removed. */
static char *heredoc_delimiter(const char *w)
{
	struct strbuf sb;
	char q = 0;

	sb_init(&sb);
	for (; *w; w++) {
		if (q) {
			if (*w == q)
				q = 0;
			else if (q == '"' && *w == '\\' && w[1] && strchr("$`\"\\", w[1]))
				sb_putc(&sb, *++w);
			else
				sb_putc(&sb, *w);
		} else if (*w == '\'' || *w == '"') {
			q = *w;
		} else if (*w == '\\' && w[1]) {
			sb_putc(&sb, *++w);
		} else {
			sb_putc(&sb, *w);
		}
	}
	return sb_take(&sb);
}

/* One line of a here-document into @sb; returns 0 at end of input. */
static int heredoc_line(struct parser *p, struct strbuf *sb)
{
	int c;

	sb->len = 0;
	if (sb->s)
		sb->s[0] = '\0';
	while ((c = in_getc(p->in)) != EOF) {
		sb_putc(sb, c);
		if (c == '\n')
			return 1;
	}
	return sb->len > 0;
}

static void read_heredoc(struct parser *p, struct redir *r)
{
	char *delim = heredoc_delimiter(r->target);
	struct strbuf body, line;
	size_t dlen = strlen(delim);

	sb_init(&body);
	sb_init(&line);
	while (heredoc_line(p, &line)) {
		const char *s = line.s;

		if (r->type == R_HEREDOC_TAB)
			while (*s == '\t')
				s++;
		if (!strncmp(s, delim, dlen) && (s[dlen] == '\n' || !s[dlen]))
			break;
		sb_puts(&body, s);
	}
	r->body = arena_strdup(p->arena, body.s ? body.s : "");
	r->target = arena_strdup(p->arena, delim);
	sb_free(&body);
	sb_free(&line);
	free(delim);
}

static void read_heredocs(struct parser *p)
{
	struct redir *r = p->heredocs;

	p->heredocs = NULL;
	p->heredoc_tail = &p->heredocs;
	for (; r; r = r->next_heredoc)
		read_heredoc(p, r);
}

struct op {
	const char *s;
	enum tok tok;
};

/* Longest first, so "<<-" wins over "<<" and "<". */
static const struct op ops[] = {
	{ "<<-", T_DLESSDASH }, { "&&", T_AND }, { "||", T_OR }, { ";;", T_DSEMI },
	{ "<<", T_DLESS }, { ">>", T_DGREAT }, { "<&", T_LESSAND },
	{ ">&", T_GREATAND }, { "<>", T_LESSGREAT }, { ">|", T_CLOBBER },
	{ "&", T_AMP }, { "|", T_PIPE }, { ";", T_SEMI }, { "(", T_LPAREN },
	{ ")", T_RPAREN }, { "<", T_LESS }, { ">", T_GREAT },
};

const char *tok_name(enum tok t)
{
	if (t == T_EOF)
		return "end of file";
	if (t == T_NEWLINE)
		return "newline";
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (ops[i].tok == t)
			return ops[i].s;
	return "word";
}

/* An operator starting with @c, read greedily. */
static enum tok read_op(struct parser *p, int c)
{
	char s[4] = { (char)c, 0, 0, 0 };
	size_t n = 1;
	enum tok t = T_EOF;

	for (;;) {
		size_t i, found = 0;

		for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
			if (!strcmp(ops[i].s, s)) {
				t = ops[i].tok;
				found = 1;
				break;
			}
		if (!found || n == 3) {
			if (!found) {
				in_ungetc(p->in, (unsigned char)s[n - 1]);
				s[n - 1] = '\0';
			}
			return t;
		}
		c = in_getc(p->in);
		if (c == EOF)
			return t;
		s[n++] = (char)c;
	}
}

static void skip_blanks(struct parser *p)
{
	int c;

	for (;;) {
		c = in_getc(p->in);
		if (c == ' ' || c == '\t')
			continue;
		if (c == '\\') {
			int n = in_getc(p->in);

			if (n == '\n')
				continue;
			in_ungetc(p->in, n);
		}
		if (c == '#')
			while ((c = in_getc(p->in)) != EOF && c != '\n')
				;
		in_ungetc(p->in, c);
		return;
	}
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

void lex_next(struct parser *p)
{
	struct strbuf *sb = &p->word;
	int c;

	skip_blanks(p);
	p->lineno = p->in->lineno;
	p->text = NULL;
	p->quoted = 0;
	c = in_getc(p->in);
	if (c == EOF) {
		p->tok = T_EOF;
		read_heredocs(p);
		return;
	}
	if (c == '\n') {
		p->tok = T_NEWLINE;
		read_heredocs(p);
		return;
	}
	if (strchr("&|;<>()", c)) {
		p->tok = read_op(p, c);
		return;
	}
	sb->len = 0;
	p->quoted = read_word(p, sb, c);
	p->text = arena_strdup(p->arena, sb->s ? sb->s : "");
	p->tok = T_WORD;
	c = in_getc(p->in);
	in_ungetc(p->in, c);
	if ((c == '<' || c == '>') && all_digits(p->text))
		p->tok = T_IO_NUMBER;
}

void lex_add_heredoc(struct parser *p, struct redir *r)
{
	*p->heredoc_tail = r;
	p->heredoc_tail = &r->next_heredoc;
}

size_t name_len(const char *s)
{
	size_t n = 0;

	if ((*s >= '0' && *s <= '9'))
		return 0;
	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
	       (s[n] >= '0' && s[n] <= '9') || s[n] == '_')
		n++;
	return n;
}

int is_name(const char *s)
{
	size_t n = name_len(s);

	return n > 0 && !s[n];
}
