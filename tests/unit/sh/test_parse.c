/*
 * Host tests of the shell's lexer and parser (userland/sh/lex.c, parse.c):
 * each input's tree in the canonical form of ast.c, or its syntax error.
 */
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "unit.h"

struct parse_case {
	const char *in;
	const char *tree;	/* the trees of each command, " / " between */
	const char *err;	/* else the error, "line N: message" */
};

static const struct parse_case cases[] = {
	{ "echo hi", "echo hi", NULL },
	{ "  echo   hi  # a comment", "echo hi", NULL },
	{ "a=1 b=2 env", "a=1 b=2 env", NULL },
	{ "a=1", "a=1", NULL },
	{ "echo a=1", "echo a=1", NULL },
	{ "echo 'a b' \"c $d\" e\\ f", "echo 'a b' \"c $d\" e\\ f", NULL },
	{ "echo a\\\nb", "echo ab", NULL },
	{ "echo \"a\nb\"", "echo \"a\nb\"", NULL },
	{ "echo $(echo a; echo b) `echo c`", "echo $(echo a; echo b) `echo c`", NULL },
	{ "echo $(case x in x) echo y;; esac)", "echo $(case x in x) echo y;; esac)", NULL },
	{ "echo $((1 + (2 * 3)))", "echo $((1 + (2 * 3)))", NULL },
	{ "echo ${a:-b c} ${#x} ${y%%*.c}", "echo ${a:-b c} ${#x} ${y%%*.c}", NULL },
	{ "echo \"${a:-\"q\"}\"", "echo \"${a:-\"q\"}\"", NULL },
	{ "a | b | c", "[a | b | c]", NULL },
	{ "a && b || c", "[[a && b] || c]", NULL },
	{ "a; b & c", "[[a; [b &]]; c]", NULL },
	{ "a &", "[a &]", NULL },
	{ "! a | b", "! [a | b]", NULL },
	{ "a &&\n\nb", "[a && b]", NULL },
	{ "a |\nb", "[a | b]", NULL },
	{ "echo >f <g 2>>h 2>&1 <&- 3<>x >|y", "echo 1>f 0<g 2>>h 2>&1 0<&- 3<>x 1>|y", NULL },
	{ "echo 2>f", "echo 2>f", NULL },
	{ "echo a2>f", "echo a2 1>f", NULL },
	{ ">f", " 1>f", NULL },
	{ "(a; b) >out", "( [a; b] ) 1>out", NULL },
	{ "{ a; b; }", "{ [a; b]; }", NULL },
	{ "{ a\n b\n}", "{ [a; b]; }", NULL },
	{ "echo { }", "echo { }", NULL },
	{ "if a; then b; fi", "if a; then b; fi", NULL },
	{ "if a\nthen b\nelif c; then d\nelse e\nfi", "if a; then b; else if c; then d; else e; fi; fi", NULL },
	{ "while a; do b; done <in", "while a; do b; done 0<in", NULL },
	{ "until a; do b; done", "until a; do b; done", NULL },
	{ "for i in 1 2 3; do echo $i; done", "for i in 1 2 3; do echo $i; done", NULL },
	{ "for i; do echo $i; done", "for i; do echo $i; done", NULL },
	{ "for i do echo; done", "for i; do echo; done", NULL },
	{ "for i in; do echo; done", "for i in; do echo; done", NULL },
	{ "for i\nin a\ndo echo\ndone", "for i in a; do echo; done", NULL },
	{ "case $x in a|b) echo ab;; (c) ;; *) echo d\nesac", "case $x in (a|b) echo ab;; (c) ;; (*) echo d;; esac", NULL },
	{ "case x in esac", "case x in esac", NULL },
	{ "f() { echo f; }", "f() { echo f; }", NULL },
	{ "f()\n{ echo f; } >out", "f() { echo f; } 1>out", NULL },
	{ "f() (echo)", "f() ( echo )", NULL },
	{ "if=1 fi", "if=1 fi", NULL },
	{ "echo if then", "echo if then", NULL },
	{ "\"if\" a", "\"if\" a", NULL },
	{ "cat <<EOF\nhello $x\nEOF\necho", "cat 0<<EOF[hello $x\\n] / echo", NULL },
	{ "cat <<'E F'; echo\na\nE F", "[cat 0<<E F[a\\n]; echo]", NULL },
	{ "cat <<-EOF\n\t\ta\n\tEOF", "cat 0<<-EOF[a\\n]", NULL },
	{ "cat <<A <<B\n1\nA\n2\nB", "cat 0<<A[1\\n] 0<<B[2\\n]", NULL },
	{ "cat <<E | wc\nx\nE", "[cat 0<<E[x\\n] | wc]", NULL },
	{ "a\n\nb", "a / b", NULL },
	{ "", "", NULL },
	{ "# only a comment", "", NULL },
	{ "echo a#b", "echo a#b", NULL },
	{ "a;;", NULL, "line 1: unexpected \";;\"" },
	{ "if a; then b; fi fi", NULL, "line 1: unexpected \"fi\"" },
	{ "if a; then b", NULL, "line 1: unexpected end of file (expecting \"fi\")" },
	{ "if a; b; fi", NULL, "line 1: unexpected \"fi\" (expecting \"then\")" },
	{ "echo\nfi", "echo", "line 2: unexpected \"fi\"" },
	{ "| a", NULL, "line 1: unexpected \"|\"" },
	{ "a |", NULL, "line 1: unexpected end of file" },
	{ "echo 'abc", NULL, "line 1: unterminated quoted string" },
	{ "echo \"abc", NULL, "line 1: unterminated quoted string" },
	{ "echo $(echo", NULL, "line 1: unexpected end of file (expecting \")\")" },
	{ "echo ${a", NULL, "line 1: missing \"}\"" },
	{ "echo >", NULL, "line 1: unexpected end of file" },
	{ "{ }", NULL, "line 1: unexpected \"}\"" },
	{ "( )", NULL, "line 1: unexpected \")\"" },
	{ "for 1 in a; do b; done", NULL, "line 1: unexpected \"1\"" },
	{ "f() echo", NULL, "line 1: unexpected \"echo\"" },
	{ "while a; do done", NULL, "line 1: unexpected \"done\"" },
	{ "case a in a) b esac", NULL, "line 1: unexpected end of file (expecting \";;\")" },
};

/* Parses @in to the end: the trees joined by " / ", or the first error. */
static char *parse_all(const char *in, char **err)
{
	struct input input;
	struct parser p;
	struct strbuf out;
	struct node *n;
	struct arena *a;
	enum parse_result r;

	input_init_string(&input, in);
	parser_init(&p, &input);
	sb_init(&out);
	*err = NULL;
	while ((r = parse_command(&p, &n, &a)) != PARSE_EOF) {
		if (r == PARSE_ERROR) {
			struct strbuf e;

			sb_init(&e);
			sb_printf(&e, "line %d: %s", p.errline, p.err);
			*err = sb_take(&e);
			break;
		}
		if (n) {
			if (out.len)
				sb_puts(&out, " / ");
			node_print(&out, n);
		}
		arena_unref(a);
	}
	arena_unref(a);
	parser_free(&p);
	input_free(&input);
	return sb_take(&out);
}

START_TEST(test_parse_table)
{
	const struct parse_case *c = &cases[_i];
	char *err, *tree = parse_all(c->in, &err);

	if (c->err) {
		ck_assert_msg(err && !strcmp(err, c->err), "%s: error %s, expected %s",
			      c->in, err ? err : "(none)", c->err);
		if (c->tree)
			ck_assert_str_eq(tree, c->tree);
	} else {
		ck_assert_msg(!err, "%s: unexpected error %s", c->in, err);
		ck_assert_msg(!strcmp(tree, c->tree), "%s: got <%s>, expected <%s>",
			      c->in, tree, c->tree);
	}
	free(err);
	free(tree);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("sh_parse");
	TCase *tc = tcase_create("parse");

	tcase_add_loop_test(tc, test_parse_table, 0, sizeof(cases) / sizeof(cases[0]));
	suite_add_tcase(s, tc);
	return s;
}
