/*
 * The syntax tree in a canonical text form: every list, and-or list,
 * pipeline and background command in brackets, so a test can compare the
 * structure the parser built; and without them, as "jobs" shows a command.
 */
#include <stdbool.h>
#include <string.h>

#include "parse.h"

/* Whether lists, pipelines and background commands print in brackets. */
static bool bracketed = true;

static void bracket(struct strbuf *sb, char c)
{
	if (bracketed)
		sb_putc(sb, c);
}

static const char *const redir_ops[] = {
	[R_IN] = "<", [R_OUT] = ">", [R_APPEND] = ">>", [R_CLOBBER] = ">|",
	[R_RDWR] = "<>", [R_DUPIN] = "<&", [R_DUPOUT] = ">&", [R_HEREDOC] = "<<",
	[R_HEREDOC_TAB] = "<<-",
};

static void print_words(struct strbuf *sb, const struct word *w, const char *sep)
{
	for (; w; w = w->next) {
		sb_puts(sb, w->text);
		if (w->next)
			sb_puts(sb, sep);
	}
}

/* A here-document's body, with its newlines shown as \n. */
static void print_body(struct strbuf *sb, const char *s)
{
	sb_putc(sb, '[');
	for (; *s; s++) {
		if (*s == '\n')
			sb_puts(sb, "\\n");
		else
			sb_putc(sb, *s);
	}
	sb_putc(sb, ']');
}

static void print_redirs(struct strbuf *sb, const struct redir *r)
{
	for (; r; r = r->next) {
		sb_printf(sb, " %d%s%s", r->fd, redir_ops[r->type], r->target);
		if (r->body)
			print_body(sb, r->body);
	}
}

static void print_bin(struct strbuf *sb, const struct node *n, const char *op)
{
	bracket(sb, '[');
	node_print(sb, n->u.bin.left);
	sb_puts(sb, op);
	node_print(sb, n->u.bin.right);
	bracket(sb, ']');
}

static void print_if(struct strbuf *sb, const struct node *n)
{
	sb_puts(sb, "if ");
	node_print(sb, n->u.cond.cond);
	sb_puts(sb, "; then ");
	node_print(sb, n->u.cond.then);
	if (n->u.cond.otherwise) {
		sb_puts(sb, "; else ");
		node_print(sb, n->u.cond.otherwise);
	}
	sb_puts(sb, "; fi");
}

static void print_case(struct strbuf *sb, const struct node *n)
{
	sb_printf(sb, "case %s in", n->u.cas.word);
	for (const struct case_item *ci = n->u.cas.items; ci; ci = ci->next) {
		sb_puts(sb, " (");
		print_words(sb, ci->patterns, "|");
		sb_puts(sb, ") ");
		if (ci->body)
			node_print(sb, ci->body);
		sb_puts(sb, ";;");
	}
	sb_puts(sb, " esac");
}

static void print_for(struct strbuf *sb, const struct node *n)
{
	sb_printf(sb, "for %s", n->u.loop.var);
	if (n->u.loop.has_in) {
		sb_puts(sb, " in");
		if (n->u.loop.words)
			sb_putc(sb, ' ');
		print_words(sb, n->u.loop.words, " ");
	}
	sb_puts(sb, "; do ");
	node_print(sb, n->u.loop.body);
	sb_puts(sb, "; done");
}

static void print_compound(struct strbuf *sb, const struct node *n)
{
	switch (n->type) {
	case N_SUBSHELL:
		sb_puts(sb, "( ");
		node_print(sb, n->u.body);
		sb_puts(sb, " )");
		break;
	case N_GROUP:
		sb_puts(sb, "{ ");
		node_print(sb, n->u.body);
		sb_puts(sb, "; }");
		break;
	case N_IF:
		print_if(sb, n);
		break;
	case N_WHILE: case N_UNTIL:
		sb_puts(sb, n->type == N_WHILE ? "while " : "until ");
		node_print(sb, n->u.cond.cond);
		sb_puts(sb, "; do ");
		node_print(sb, n->u.cond.then);
		sb_puts(sb, "; done");
		break;
	case N_FOR:
		print_for(sb, n);
		break;
	default:
		print_case(sb, n);
		break;
	}
}

void node_print(struct strbuf *sb, const struct node *n)
{
	switch (n->type) {
	case N_CMD:
		print_words(sb, n->u.cmd.assigns, " ");
		if (n->u.cmd.assigns && n->u.cmd.args)
			sb_putc(sb, ' ');
		print_words(sb, n->u.cmd.args, " ");
		break;
	case N_PIPE:
		bracket(sb, '[');
		for (const struct node *c = n->u.pipe; c; c = c->next) {
			node_print(sb, c);
			if (c->next)
				sb_puts(sb, " | ");
		}
		bracket(sb, ']');
		break;
	case N_AND:
		print_bin(sb, n, " && ");
		return;
	case N_OR:
		print_bin(sb, n, " || ");
		return;
	case N_SEQ:
		print_bin(sb, n, "; ");
		return;
	case N_BG:
		bracket(sb, '[');
		node_print(sb, n->u.body);
		sb_puts(sb, " &");
		bracket(sb, ']');
		return;
	case N_NOT:
		sb_puts(sb, "! ");
		node_print(sb, n->u.body);
		return;
	case N_FUNC:
		sb_printf(sb, "%s() ", n->u.func.name);
		node_print(sb, n->u.func.body);
		return;
	default:
		print_compound(sb, n);
		break;
	}
	print_redirs(sb, n->redirs);
}

void node_print_plain(struct strbuf *sb, const struct node *n)
{
	bracketed = false;
	node_print(sb, n);
	bracketed = true;
}
