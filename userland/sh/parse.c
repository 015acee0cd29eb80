/*
 * The recursive-descent parser of the shell grammar (XCU 2.10.2): lists,
 * and-or lists, pipelines, compound commands, function definitions and
 * simple commands with their assignments and redirections.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"

static struct node *parse_list(struct parser *p, int multiline);
static struct node *parse_command_node(struct parser *p);

static enum tok peek(struct parser *p)
{
	if (!p->peeked) {
		lex_next(p);
		p->peeked = 1;
	}
	return p->tok;
}

static void consume(struct parser *p)
{
	p->peeked = 0;
}

static void fail_at(struct parser *p, const char *expecting)
{
	struct strbuf sb;

	sb_init(&sb);
	if (p->tok == T_WORD || p->tok == T_IO_NUMBER)
		sb_printf(&sb, "unexpected \"%s\"", p->text);
	else if (p->tok == T_EOF || p->tok == T_NEWLINE)
		sb_printf(&sb, "unexpected %s", tok_name(p->tok));
	else
		sb_printf(&sb, "unexpected \"%s\"", tok_name(p->tok));
	if (expecting)
		sb_printf(&sb, " (expecting \"%s\")", expecting);
	free(p->err);
	p->err = sb_take(&sb);
	p->errline = p->lineno;
	longjmp(p->fail, 1);
}

/* Is the current token the reserved word @kw (an unquoted word)? */
static int is_kw(struct parser *p, const char *kw)
{
	return peek(p) == T_WORD && !p->quoted && !strcmp(p->text, kw);
}

static void expect_kw(struct parser *p, const char *kw)
{
	if (!is_kw(p, kw))
		fail_at(p, kw);
	consume(p);
}

static void expect(struct parser *p, enum tok t)
{
	if (peek(p) != t)
		fail_at(p, tok_name(t));
	consume(p);
}

static void skip_newlines(struct parser *p)
{
	while (peek(p) == T_NEWLINE)
		consume(p);
}

static struct node *node_new(struct parser *p, enum node_type type)
{
	struct node *n = arena_alloc(p->arena, sizeof(*n));

	n->type = type;
	n->lineno = p->lineno;
	return n;
}

static struct node *binary(struct parser *p, enum node_type type, struct node *l,
			   struct node *r)
{
	struct node *n = node_new(p, type);

	n->u.bin.left = l;
	n->u.bin.right = r;
	return n;
}

static const char *const terminators[] = {
	"then", "else", "elif", "fi", "do", "done", "esac", "}", NULL,
};

/* Can the current token start a command (rather than end a list)? */
static int starts_command(struct parser *p)
{
	switch (peek(p)) {
	case T_WORD:
		if (p->quoted)
			return 1;
		for (int i = 0; terminators[i]; i++)
			if (!strcmp(p->text, terminators[i]))
				return 0;
		return 1;
	case T_IO_NUMBER: case T_LPAREN: case T_LESS: case T_GREAT:
	case T_DGREAT: case T_LESSAND: case T_GREATAND: case T_LESSGREAT:
	case T_DLESS: case T_DLESSDASH: case T_CLOBBER:
		return 1;
	default:
		return 0;
	}
}

static int is_redir_tok(enum tok t)
{
	return t >= T_LESS && t <= T_CLOBBER;
}

static const enum redir_type redir_of_tok[] = {
	[T_LESS] = R_IN, [T_GREAT] = R_OUT, [T_DGREAT] = R_APPEND,
	[T_LESSAND] = R_DUPIN, [T_GREATAND] = R_DUPOUT, [T_LESSGREAT] = R_RDWR,
	[T_DLESS] = R_HEREDOC, [T_DLESSDASH] = R_HEREDOC_TAB, [T_CLOBBER] = R_CLOBBER,
};

/* One redirection, at an IO_NUMBER or a redirection operator. */
static struct redir *parse_redir(struct parser *p)
{
	struct redir *r = arena_alloc(p->arena, sizeof(*r));

	r->fd = -1;
	if (peek(p) == T_IO_NUMBER) {
		r->fd = atoi(p->text);
		consume(p);
		peek(p);
	}
	r->type = redir_of_tok[p->tok];
	consume(p);
	if (r->fd < 0)
		r->fd = (r->type == R_IN || r->type == R_DUPIN || r->type == R_RDWR ||
			 r->type == R_HEREDOC || r->type == R_HEREDOC_TAB) ? 0 : 1;
	if (peek(p) != T_WORD)
		fail_at(p, NULL);
	r->target = p->text;
	if (r->type == R_HEREDOC || r->type == R_HEREDOC_TAB) {
		r->quoted = p->quoted;
		lex_add_heredoc(p, r);
	}
	consume(p);
	return r;
}

/* Redirections after a compound command, appended to @n's. */
static void parse_redirs(struct parser *p, struct node *n)
{
	struct redir **tail = &n->redirs;

	while (*tail)
		tail = &(*tail)->next;
	while (peek(p) == T_IO_NUMBER || is_redir_tok(p->tok)) {
		*tail = parse_redir(p);
		tail = &(*tail)->next;
	}
}

static struct word *word_new(struct parser *p, const char *text)
{
	struct word *w = arena_alloc(p->arena, sizeof(*w));

	w->text = (char *)text;
	return w;
}

/* name=value with a valid name: an assignment in a command's prefix. */
static int is_assignment(const char *s)
{
	size_t n = name_len(s);

	return n > 0 && s[n] == '=';
}

/*
 * If the current token is an unquoted word naming an alias not already
 * being expanded, replaces it with the alias's text and returns 1.
 */
static int expand_alias(struct parser *p)
{
	const char *value;
	size_t len;

	if (!parse_alias || peek(p) != T_WORD || p->quoted)
		return 0;
	value = parse_alias(p->text);
	if (!value || input_in_alias(p->in, p->text))
		return 0;
	input_push(p->in, value, p->text);
	consume(p);
	len = strlen(value);
	p->alias_next = len && (value[len - 1] == ' ' || value[len - 1] == '\t');
	return 1;
}

static struct node *parse_simple(struct parser *p, struct word *first)
{
	struct node *n = node_new(p, N_CMD);
	struct word **args = &n->u.cmd.args, **assigns = &n->u.cmd.assigns;
	struct redir **redirs = &n->redirs;

	if (first) {
		*args = first;
		args = &first->next;
	}
	for (;;) {
		if (peek(p) == T_IO_NUMBER || is_redir_tok(p->tok)) {
			*redirs = parse_redir(p);
			redirs = &(*redirs)->next;
		} else if (p->tok == T_WORD) {
			if (!n->u.cmd.args && is_assignment(p->text)) {
				*assigns = word_new(p, p->text);
				assigns = &(*assigns)->next;
			} else {
				if ((!n->u.cmd.args || p->alias_next) && expand_alias(p))
					continue;
				*args = word_new(p, p->text);
				args = &(*args)->next;
			}
			p->alias_next = 0;
			consume(p);
		} else {
			break;
		}
	}
	if (!n->u.cmd.args && !n->u.cmd.assigns && !n->redirs)
		fail_at(p, NULL);
	return n;
}

/* A list that must not be empty (a compound_list), ended by @end. */
static struct node *parse_body(struct parser *p, const char *end)
{
	struct node *n = parse_list(p, 1);

	if (!n)
		fail_at(p, NULL);
	if (end)
		expect_kw(p, end);
	return n;
}

static struct node *parse_if(struct parser *p)
{
	struct node *n = node_new(p, N_IF);

	n->u.cond.cond = parse_body(p, "then");
	n->u.cond.then = parse_body(p, NULL);
	if (is_kw(p, "elif")) {
		consume(p);
		n->u.cond.otherwise = parse_if(p);
		return n;
	}
	if (is_kw(p, "else")) {
		consume(p);
		n->u.cond.otherwise = parse_body(p, NULL);
	}
	expect_kw(p, "fi");
	return n;
}

static struct node *parse_loop(struct parser *p, enum node_type type)
{
	struct node *n = node_new(p, type);

	n->u.cond.cond = parse_body(p, "do");
	n->u.cond.then = parse_body(p, "done");
	return n;
}

static struct node *parse_for(struct parser *p)
{
	struct node *n = node_new(p, N_FOR);
	struct word **tail = &n->u.loop.words;

	if (peek(p) != T_WORD || !is_name(p->text))
		fail_at(p, NULL);
	n->u.loop.var = p->text;
	consume(p);
	skip_newlines(p);
	if (is_kw(p, "in")) {
		consume(p);
		n->u.loop.has_in = 1;
		while (peek(p) == T_WORD) {
			*tail = word_new(p, p->text);
			tail = &(*tail)->next;
			consume(p);
		}
		if (p->tok != T_SEMI && p->tok != T_NEWLINE)
			fail_at(p, NULL);
		consume(p);
	} else if (peek(p) == T_SEMI) {
		consume(p);
	}
	skip_newlines(p);
	expect_kw(p, "do");
	n->u.loop.body = parse_body(p, "done");
	return n;
}

static struct case_item *parse_case_item(struct parser *p)
{
	struct case_item *ci = arena_alloc(p->arena, sizeof(*ci));
	struct word **tail = &ci->patterns;

	if (peek(p) == T_LPAREN)
		consume(p);
	for (;;) {
		if (peek(p) != T_WORD)
			fail_at(p, NULL);
		*tail = word_new(p, p->text);
		tail = &(*tail)->next;
		consume(p);
		if (peek(p) != T_PIPE)
			break;
		consume(p);
	}
	expect(p, T_RPAREN);
	ci->body = parse_list(p, 1);
	if (peek(p) == T_DSEMI) {
		consume(p);
		skip_newlines(p);
	} else if (!is_kw(p, "esac")) {
		fail_at(p, ";;");
	}
	return ci;
}

static struct node *parse_case(struct parser *p)
{
	struct node *n = node_new(p, N_CASE);
	struct case_item **tail = &n->u.cas.items;

	if (peek(p) != T_WORD)
		fail_at(p, NULL);
	n->u.cas.word = p->text;
	consume(p);
	skip_newlines(p);
	expect_kw(p, "in");
	skip_newlines(p);
	while (!is_kw(p, "esac")) {
		*tail = parse_case_item(p);
		tail = &(*tail)->next;
	}
	consume(p);
	return n;
}

static struct node *parse_wrapped(struct parser *p, enum node_type type, const char *end)
{
	struct node *n = node_new(p, type);

	n->u.body = parse_body(p, end);
	if (!end)
		expect(p, T_RPAREN);
	return n;
}

/* A compound command at its first token, or NULL if it is not one. */
static struct node *parse_compound(struct parser *p)
{
	struct node *n;

	if (peek(p) == T_LPAREN) {
		consume(p);
		n = parse_wrapped(p, N_SUBSHELL, NULL);
	} else if (p->tok != T_WORD || p->quoted) {
		return NULL;
	} else if (!strcmp(p->text, "{")) {
		consume(p);
		n = parse_wrapped(p, N_GROUP, "}");
	} else if (!strcmp(p->text, "if")) {
		consume(p);
		n = parse_if(p);
	} else if (!strcmp(p->text, "while") || !strcmp(p->text, "until")) {
		enum node_type t = p->text[0] == 'w' ? N_WHILE : N_UNTIL;

		consume(p);
		n = parse_loop(p, t);
	} else if (!strcmp(p->text, "for")) {
		consume(p);
		n = parse_for(p);
	} else if (!strcmp(p->text, "case")) {
		consume(p);
		n = parse_case(p);
	} else {
		return NULL;
	}
	parse_redirs(p, n);
	return n;
}

static struct node *parse_function(struct parser *p, const char *name)
{
	struct node *n = node_new(p, N_FUNC);

	consume(p);
	expect(p, T_RPAREN);
	skip_newlines(p);
	n->u.func.name = (char *)name;
	n->u.func.body = parse_compound(p);
	if (!n->u.func.body)
		fail_at(p, NULL);
	n->u.func.arena = p->arena;
	return n;
}

static struct node *parse_command_node(struct parser *p)
{
	struct node *n;
	struct word *first;

	while (expand_alias(p))
		;
	n = parse_compound(p);
	if (n)
		return n;
	if (!starts_command(p))
		fail_at(p, NULL);
	if (p->tok != T_WORD || is_assignment(p->text))
		return parse_simple(p, NULL);
	first = word_new(p, p->text);
	consume(p);
	if (peek(p) == T_LPAREN && is_name(first->text))
		return parse_function(p, first->text);
	return parse_simple(p, first);
}

static struct node *parse_pipeline(struct parser *p)
{
	struct node *first, **tail, *n;
	int bang = 0;

	if (is_kw(p, "!")) {
		consume(p);
		bang = 1;
	}
	first = parse_command_node(p);
	tail = &first->next;
	while (peek(p) == T_PIPE) {
		consume(p);
		skip_newlines(p);
		*tail = parse_command_node(p);
		tail = &(*tail)->next;
	}
	n = first;
	if (first->next) {
		n = node_new(p, N_PIPE);
		n->u.pipe = first;
	}
	if (bang) {
		struct node *not = node_new(p, N_NOT);

		not->u.body = n;
		n = not;
	}
	return n;
}

static struct node *parse_and_or(struct parser *p)
{
	struct node *n = parse_pipeline(p);

	while (peek(p) == T_AND || p->tok == T_OR) {
		enum node_type t = p->tok == T_AND ? N_AND : N_OR;

		consume(p);
		skip_newlines(p);
		n = binary(p, t, n, parse_pipeline(p));
	}
	return n;
}

/*
 * A list of and-or lists separated by ";" and "&" (and newlines when
 * @multiline, inside a compound command). NULL if there is none.
 */
static struct node *parse_list(struct parser *p, int multiline)
{
	struct node *list = NULL;

	if (multiline)
		skip_newlines(p);
	while (starts_command(p)) {
		struct node *n = parse_and_or(p);

		if (peek(p) == T_AMP) {
			struct node *bg = node_new(p, N_BG);

			bg->u.body = n;
			n = bg;
		}
		list = list ? binary(p, N_SEQ, list, n) : n;
		if (p->tok == T_SEMI || p->tok == T_AMP)
			consume(p);
		else if (!(multiline && p->tok == T_NEWLINE))
			break;
		if (multiline)
			skip_newlines(p);
		else if (peek(p) == T_NEWLINE)
			break;
	}
	return list;
}

void parser_init(struct parser *p, struct input *in)
{
	memset(p, 0, sizeof(*p));
	p->in = in;
	p->heredoc_tail = &p->heredocs;
}

void parser_free(struct parser *p)
{
	free(p->err);
	p->err = NULL;
	sb_free(&p->word);
}

/* After an error: the rest of the line is not parsed. */
static void skip_line(struct parser *p)
{
	int c;

	p->peeked = 0;
	if (p->tok == T_NEWLINE || p->tok == T_EOF)
		return;
	while ((c = in_getc(p->in)) != EOF && c != '\n')
		;
}

enum parse_result parse_command(struct parser *p, struct node **out, struct arena **arena)
{
	struct node *n;

	*out = NULL;
	*arena = p->arena = arena_new();
	p->in->continued = 0;
	p->peeked = 0;
	p->alias_next = 0;
	p->heredocs = NULL;
	p->heredoc_tail = &p->heredocs;
	if (setjmp(p->fail)) {
		skip_line(p);
		return PARSE_ERROR;
	}
	if (peek(p) == T_EOF)
		return PARSE_EOF;
	n = parse_list(p, 0);
	if (peek(p) != T_NEWLINE && p->tok != T_EOF)
		fail_at(p, NULL);
	consume(p);
	*out = n;
	return PARSE_OK;
}

int parse_subst(struct input *in, struct strbuf *text, char **err)
{
	struct parser p;
	struct strbuf *outer = in->rec;
	volatile int ret = 0;

	parser_init(&p, in);
	p.arena = arena_new();
	if (text)
		in->rec = text;
	if (setjmp(p.fail)) {
		*err = p.err;
		p.err = NULL;
		ret = -1;
	} else {
		parse_list(&p, 1);
		expect(&p, T_RPAREN);
	}
	parser_free(&p);
	if (text)
		in->rec = outer;
	arena_unref(p.arena);
	return ret;
}
