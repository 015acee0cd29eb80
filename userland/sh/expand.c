/*
 * Word expansion (XCU 2.6) in POSIX order: tilde, parameter, command
 * substitution and arithmetic expand a word's text into characters that
 * remember whether they were quoted or came from an expansion; field
 * splitting on IFS and pathname expansion then use that, and quote removal
 * is what is left when the marks are dropped.
 */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith.h"
#include "match.h"
#include "sh.h"

#define Q_QUOTED 1	/* quoted: no splitting, no pattern meaning */
#define Q_SPLIT 2	/* from an unquoted expansion: IFS splits here */
#define Q_BREAK 4	/* a field ends here ("$@"); no character */
#define Q_MARK 8	/* a field exists here even if empty ("") */

struct xbuf {
	char *s;
	unsigned char *f;
	size_t len, cap;
	int flags;		/* EXP_* */
};

static void xb_put(struct xbuf *x, char c, int f)
{
	if (x->len + 1 >= x->cap) {
		x->cap = x->cap ? x->cap * 2 : 64;
		x->s = xrealloc(x->s, x->cap);
		x->f = xrealloc(x->f, x->cap);
	}
	x->s[x->len] = c;
	x->f[x->len++] = f;
}

static void xb_puts(struct xbuf *x, const char *s, int f)
{
	while (*s)
		xb_put(x, *s++, f);
}

static void xb_free(struct xbuf *x)
{
	free(x->s);
	free(x->f);
}

void wl_add(struct wordlist *wl, char *s)
{
	if (wl->n + 1 >= wl->cap) {
		wl->cap = wl->cap ? wl->cap * 2 : 8;
		wl->v = xrealloc(wl->v, wl->cap * sizeof(*wl->v));
	}
	wl->v[wl->n++] = s;
	wl->v[wl->n] = NULL;
}

void wl_free(struct wordlist *wl)
{
	for (int i = 0; i < wl->n; i++)
		free(wl->v[i]);
	free(wl->v);
	wl->v = NULL;
	wl->n = wl->cap = 0;
}

/* The ends of constructs in a word's text (the lexer checked them). */
static const char *skip_dollar(const char *p);

static const char *skip_squote(const char *p)
{
	while (*p && *p != '\'')
		p++;
	return *p ? p + 1 : p;
}

static const char *skip_bquote(const char *p)
{
	for (; *p && *p != '`'; p++)
		if (*p == '\\' && p[1])
			p++;
	return *p ? p + 1 : p;
}

static const char *skip_dquote(const char *p)
{
	while (*p && *p != '"') {
		if (*p == '\\' && p[1])
			p += 2;
		else if (*p == '$')
			p = skip_dollar(p + 1);
		else if (*p == '`')
			p = skip_bquote(p + 1);
		else
			p++;
	}
	return *p ? p + 1 : p;
}

/* After "${" or "$((": to just after the matching @close. */
static const char *skip_nested(const char *p, char close)
{
	int depth = 0;

	while (*p) {
		char c = *p++;

		if (c == '\\' && *p)
			p++;
		else if (c == '\'' && close == '}')
			p = skip_squote(p);
		else if (c == '"')
			p = skip_dquote(p);
		else if (c == '$')
			p = skip_dollar(p);
		else if (c == '`')
			p = skip_bquote(p);
		else if (c == '(')
			depth++;
		else if (c == ')' && depth > 0)
			depth--;
		else if (c == close && depth == 0)
			return p;
	}
	return p;
}

/* After "$(": the command's length up to and including ")". */
static size_t subst_len(const char *p)
{
	struct input in;
	struct strbuf rec;
	char *err = NULL;
	size_t n;

	input_init_string(&in, p);
	sb_init(&rec);
	if (parse_subst(&in, &rec, &err) < 0) {
		free(err);
		n = strlen(p);
	} else {
		n = rec.len;
	}
	sb_free(&rec);
	input_free(&in);
	return n;
}

static const char *skip_dollar(const char *p)
{
	if (*p == '{')
		return skip_nested(p + 1, '}');
	if (p[0] == '(' && p[1] == '(') {
		p = skip_nested(p + 2, ')');
		return *p == ')' ? p + 1 : p;
	}
	if (*p == '(')
		return p + 1 + subst_len(p + 1);
	return p;
}

static void expand_text(struct xbuf *x, const char *p, const char *end, int dq);

static const char *expand_tilde(struct xbuf *x, const char *p, const char *end)
{
	const char *q = p;
	const char *home;
	char *user;

	while (q < end && *q != '/' && !(*q == ':' && (x->flags & EXP_ASSIGN))) {
		if (strchr("\\'\"$`", *q)) {
			xb_put(x, '~', 0);
			return p;
		}
		q++;
	}
	user = xstrndup(p, q - p);
	if (!*user) {
		home = var_get("HOME");
	} else {
		struct passwd *pw = getpwnam(user);

		home = pw ? pw->pw_dir : NULL;
	}
	free(user);
	if (!home) {
		xb_put(x, '~', 0);
		return p;
	}
	xb_puts(x, home, Q_QUOTED);
	return q;
}

static char *special_param(char c)
{
	struct strbuf sb;

	sb_init(&sb);
	switch (c) {
	case '?':
		sb_printf(&sb, "%d", sh.status);
		break;
	case '$':
		sb_printf(&sb, "%ld", (long)sh.pid);
		break;
	case '!':
		if (sh.last_bg)
			sb_printf(&sb, "%ld", (long)sh.last_bg);
		break;
	case '#':
		sb_printf(&sb, "%d", sh.argc);
		break;
	case '-':
		for (int i = 0; i < NOPTS; i++)
			if (sh.opt[i])
				sb_putc(&sb, "aCefnuvxim"[i]);
		break;
	case '0':
		sb_puts(&sb, sh.arg0);
		break;
	}
	return sb_take(&sb);
}

/* A parameter's value (malloc'd), or NULL if it is unset. */
static char *param_value(const char *name)
{
	const char *v;

	if (name[0] >= '0' && name[0] <= '9' && strcmp(name, "0")) {
		int n = atoi(name);

		return n <= sh.argc ? xstrdup(sh.argv[n - 1]) : NULL;
	}
	if (strchr("?$#-0", name[0]) && !name[1])
		return special_param(name[0]);
	if (!strcmp(name, "!"))
		return sh.last_bg ? special_param('!') : NULL;
	if (!strcmp(name, "@") || !strcmp(name, "*")) {
		struct strbuf sb;

		if (!sh.argc)
			return NULL;
		sb_init(&sb);
		for (int i = 0; i < sh.argc; i++)
			sb_printf(&sb, "%s%s", i ? " " : "", sh.argv[i]);
		return sb_take(&sb);
	}
	v = var_get(name);
	return v ? xstrdup(v) : NULL;
}

/* $@ and $*: each parameter its own field, except "$*" joined by IFS[0]. */
static void put_params(struct xbuf *x, int dq, int star)
{
	const char *ifs = var_get("IFS");
	char sep = ifs ? ifs[0] : ' ';

	for (int i = 0; i < sh.argc; i++) {
		if (i && dq && star && sep)
			xb_put(x, sep, Q_QUOTED);
		else if (i && !(dq && star))
			xb_put(x, 0, Q_BREAK);
		if (dq)
			xb_put(x, 0, Q_MARK);
		xb_puts(x, sh.argv[i], dq ? Q_QUOTED : Q_SPLIT);
	}
}

/* The text of @p..@end expanded on its own, as a string or a pattern. */
static char *expand_part(const char *p, const char *end, int dq, int flags)
{
	struct xbuf x = { .flags = flags };
	struct strbuf sb;

	expand_text(&x, p, end, dq);
	sb_init(&sb);
	for (size_t i = 0; i < x.len; i++) {
		if (x.f[i] & (Q_MARK | Q_BREAK)) {
			if (x.f[i] & Q_BREAK)
				sb_putc(&sb, ' ');
			continue;
		}
		if ((flags & EXP_PATTERN) && (x.f[i] & Q_QUOTED) && strchr("*?[]\\", x.s[i]))
			sb_putc(&sb, '\\');
		sb_putc(&sb, x.s[i]);
	}
	xb_free(&x);
	return sb_take(&sb);
}

static void __attribute__((noreturn)) param_error(const char *name, const char *msg)
{
	sh_warn("%s: %s", name, msg);
	sh_fail(2);
}

/* ${name#pat} and its kin: the value with the matching part removed. */
static void put_trimmed(struct xbuf *x, const char *value, const char *op,
			const char *w, const char *wend, int dq)
{
	char *pat = expand_part(w, wend, dq, EXP_PATTERN);
	char *scratch = xmalloc(strlen(value) + 1);
	enum trim t;
	size_t start, len;

	if (op[0] == '#')
		t = op[1] == '#' ? TRIM_LONG_PREFIX : TRIM_PREFIX;
	else
		t = op[1] == '%' ? TRIM_LONG_SUFFIX : TRIM_SUFFIX;
	pmatch_trim(value, pat, t, scratch, &start, &len);
	memcpy(scratch, value + start, len);
	scratch[len] = '\0';
	xb_puts(x, scratch, dq ? Q_QUOTED : Q_SPLIT);
	free(scratch);
	free(pat);
}

/* The length of the parameter name at @p inside ${ }. */
static size_t braced_name_len(const char *p)
{
	size_t n = 0;

	if (*p >= '0' && *p <= '9') {
		while (p[n] >= '0' && p[n] <= '9')
			n++;
		return n;
	}
	if (*p && strchr("@*#?-$!", *p))
		return 1;
	return name_len(p);
}

static void apply_op(struct xbuf *x, const char *name, char *value, const char *op,
		     const char *w, const char *wend, int dq)
{
	int colon = op[0] == ':';
	char o = op[colon];
	int set = value && !(colon && !*value);
	int vflags = dq ? Q_QUOTED : Q_SPLIT;

	if (o == '-' || o == '=') {
		if (set) {
			xb_puts(x, value, vflags);
		} else if (o == '-') {
			expand_text(x, w, wend, dq);
		} else {
			char *nv = expand_part(w, wend, dq, 0);

			if (!is_name(name))
				param_error(name, "cannot assign in this way");
			if (var_set(name, nv, 0) < 0)
				sh_fail(2);
			xb_puts(x, nv, vflags);
			free(nv);
		}
	} else if (o == '+') {
		if (set)
			expand_text(x, w, wend, dq);
	} else if (o == '?') {
		char *msg;

		if (set) {
			xb_puts(x, value, vflags);
			return;
		}
		msg = w == wend ? xstrdup("parameter not set") : expand_part(w, wend, dq, 0);
		sh_warn("%s: %s", name, msg);
		free(msg);
		sh_fail(2);
	} else {
		put_trimmed(x, value ? value : "", op, w, wend, dq);
	}
}

/* ${...}: @p just after "{"; returns just after "}". */
static const char *expand_braced(struct xbuf *x, const char *p, int dq)
{
	const char *end = skip_nested(p, '}') - 1;
	int length = p[0] == '#' && p + 1 < end;
	size_t n;
	char *name, *value;
	const char *op, *w;

	p += length;
	n = braced_name_len(p);
	if (!n)
		param_error("${}", "bad substitution");
	name = xstrndup(p, n);
	op = p + n;
	w = op;
	if (*w == ':')
		w++;
	if (w < end && strchr("-=?+", *w))
		w++;
	else if (w < end && (*w == '#' || *w == '%'))
		w += w[1] == w[0] ? 2 : 1;
	if (w == op + 1 && *op == ':')
		param_error(name, "bad substitution");
	if ((length && op != end) || (op == end && w != end))
		param_error(name, "bad substitution");
	value = param_value(name);
	if (!value && sh.opt[OPT_u] && (op == end || strchr("#%", *op)) &&
	    strcmp(name, "@") && strcmp(name, "*"))
		param_error(name, "parameter not set");
	if (length) {
		struct strbuf sb;

		sb_init(&sb);
		sb_printf(&sb, "%zu", !strcmp(name, "@") || !strcmp(name, "*") ?
			  (size_t)sh.argc : value ? strlen(value) : 0);
		xb_puts(x, sb.s, dq ? Q_QUOTED : Q_SPLIT);
		sb_free(&sb);
	} else if (op == end && (!strcmp(name, "@") || !strcmp(name, "*"))) {
		put_params(x, dq, name[0] == '*');
	} else if (op == end) {
		if (value)
			xb_puts(x, value, dq ? Q_QUOTED : Q_SPLIT);
	} else {
		char *opstr = xstrndup(op, w - op);

		apply_op(x, name, value, opstr, w, end, dq);
		free(opstr);
	}
	free(name);
	free(value);
	return end + 1;
}

static void put_subst(struct xbuf *x, const char *cmd, int dq)
{
	char *out = command_subst(cmd);

	xb_puts(x, out, dq ? Q_QUOTED : Q_SPLIT);
	free(out);
}

static const char *arith_get(void *ctx, const char *name)
{
	(void)ctx;
	return var_get(name);
}

static void arith_set(void *ctx, const char *name, long v)
{
	char buf[32];

	(void)ctx;
	snprintf(buf, sizeof(buf), "%ld", v);
	if (var_set(name, buf, 0) < 0)
		sh_fail(2);
}

/* $(( )): @p just after "$(("; returns just after "))". */
static const char *expand_arith(struct xbuf *x, const char *p, int dq)
{
	const char *end = skip_nested(p, ')');
	char *expr = expand_part(p, end - 1, 1, 0);
	const struct arith_vars vars = { arith_get, arith_set, NULL };
	const char *err;
	long v;
	char buf[32];

	if (arith_eval(expr, &vars, &v, &err) < 0) {
		sh_warn("arithmetic expression: %s: \"%s\"", err, expr);
		free(expr);
		sh_fail(2);
	}
	free(expr);
	snprintf(buf, sizeof(buf), "%ld", v);
	xb_puts(x, buf, dq ? Q_QUOTED : Q_SPLIT);
	return *end == ')' ? end + 1 : end;
}

/* After "$": returns where the text continues. */
static const char *expand_dollar(struct xbuf *x, const char *p, int dq)
{
	char name[2] = { *p, 0 };
	char *value;
	size_t n;

	if (*p == '{')
		return expand_braced(x, p + 1, dq);
	if (p[0] == '(' && p[1] == '(')
		return expand_arith(x, p + 2, dq);
	if (*p == '(') {
		char *cmd;

		n = subst_len(p + 1);
		cmd = xstrndup(p + 1, n ? n - 1 : 0);
		put_subst(x, cmd, dq);
		free(cmd);
		return p + 1 + n;
	}
	if (*p == '@' || *p == '*') {
		put_params(x, dq, *p == '*');
		return p + 1;
	}
	if ((*p >= '0' && *p <= '9') || (*p && strchr("#?-$!", *p))) {
		value = param_value(name);
		n = 1;
	} else if ((n = name_len(p)) > 0) {
		char *var = xstrndup(p, n);

		value = param_value(var);
		if (!value && sh.opt[OPT_u])
			param_error(var, "parameter not set");
		free(var);
	} else {
		xb_put(x, '$', dq ? Q_QUOTED : 0);
		return p;
	}
	if (!value && sh.opt[OPT_u] && *p >= '1' && *p <= '9')
		param_error(name, "parameter not set");
	if (value)
		xb_puts(x, value, dq ? Q_QUOTED : Q_SPLIT);
	free(value);
	return p + n;
}

/* `...`: backslash quotes only $ ` \ (and " inside double quotes). */
static const char *expand_backquote(struct xbuf *x, const char *p, int dq)
{
	const char *end = skip_bquote(p);
	struct strbuf cmd;

	sb_init(&cmd);
	for (; p < end - 1; p++) {
		if (*p == '\\' && (strchr("$`\\", p[1]) || (dq && p[1] == '"')))
			p++;
		sb_putc(&cmd, *p);
	}
	put_subst(x, cmd.s ? cmd.s : "", dq);
	sb_free(&cmd);
	return end;
}

/* Is the double-quoted string at @p (after its quote) exactly "$@" with no parameters? */
static int empty_at(const char *p)
{
	return sh.argc == 0 && (!strncmp(p, "$@\"", 3) || !strncmp(p, "${@}\"", 5));
}

static const char *expand_backslash(struct xbuf *x, const char *p, const char *end, int dq)
{
	if (p >= end) {
		xb_put(x, '\\', Q_QUOTED);
		return p;
	}
	if (!dq) {
		xb_put(x, *p, Q_QUOTED);
		return p + 1;
	}
	if (*p == '\n' && (x->flags & EXP_HEREDOC))
		return p + 1;
	if (strchr("$`\\", *p) || (*p == '"' && !(x->flags & EXP_HEREDOC))) {
		xb_put(x, *p, Q_QUOTED);
		return p + 1;
	}
	xb_put(x, '\\', Q_QUOTED);
	return p;
}

static void expand_text(struct xbuf *x, const char *p, const char *end, int dq)
{
	const char *start = p;
	int heredoc = x->flags & EXP_HEREDOC;

	while (p < end) {
		char c = *p++;

		if (c == '\\') {
			p = expand_backslash(x, p, end, dq);
		} else if (c == '\'' && !dq) {
			const char *q = skip_squote(p);

			xb_put(x, 0, Q_MARK);
			while (p < q - 1)
				xb_put(x, *p++, Q_QUOTED);
			p = q;
		} else if (c == '"' && !heredoc) {
			if (!dq && !empty_at(p))
				xb_put(x, 0, Q_MARK);
			dq = !dq;
		} else if (c == '$') {
			p = expand_dollar(x, p, dq);
		} else if (c == '`') {
			p = expand_backquote(x, p, dq);
		} else if (c == '~' && !dq && (p - 1 == start ||
			   ((x->flags & EXP_ASSIGN) && p[-2] == ':'))) {
			p = expand_tilde(x, p, end);
		} else {
			xb_put(x, c, dq ? Q_QUOTED : 0);
		}
	}
}

static int is_ifs_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Past the IFS white space from @i that came from expansions. */
static size_t skip_ifs_space(struct xbuf *x, size_t i, const char *ifs)
{
	while (i < x->len && (x->f[i] & Q_SPLIT) && is_ifs_space(x->s[i]) && strchr(ifs, x->s[i]))
		i++;
	return i;
}

/* A field: globbed if it has unquoted pattern characters, else as is. */
static void add_field(struct xbuf *x, size_t from, size_t to, struct wordlist *out)
{
	struct strbuf pat, lit;
	int meta = 0;

	sb_init(&pat);
	sb_init(&lit);
	for (size_t i = from; i < to; i++) {
		if (x->f[i] & (Q_MARK | Q_BREAK))
			continue;
		if ((x->f[i] & Q_QUOTED) && strchr("*?[]\\", x->s[i]))
			sb_putc(&pat, '\\');
		else if (strchr("*?[", x->s[i]))
			meta = 1;
		sb_putc(&pat, x->s[i]);
		sb_putc(&lit, x->s[i]);
	}
	if (!meta || sh.opt[OPT_f] || !pmatch_has_meta(pat.s) || !glob_expand(pat.s, out))
		wl_add(out, sb_take(&lit));
	sb_free(&lit);
	sb_free(&pat);
}

/* Field splitting (XCU 2.6.5), then pathname expansion of each field. */
static void split_fields(struct xbuf *x, struct wordlist *out)
{
	const char *ifs = var_get("IFS");
	size_t i = 0, start = 0;
	int have = 0;

	if (!ifs)
		ifs = " \t\n";
	while (i < x->len) {
		unsigned char f = x->f[i];
		char c = x->s[i];

		if (f & Q_BREAK) {
			if (have)
				add_field(x, start, i, out);
			start = ++i;
			have = 0;
			continue;
		}
		if (!(f & Q_SPLIT) || !c || !strchr(ifs, c)) {
			have = 1;
			i++;
			continue;
		}
		if (have || !is_ifs_space(c))
			add_field(x, start, i, out);
		i++;
		if (is_ifs_space(c)) {
			i = skip_ifs_space(x, i, ifs);
			if (i < x->len && (x->f[i] & Q_SPLIT) && x->s[i] && strchr(ifs, x->s[i]))
				i++;
		}
		i = skip_ifs_space(x, i, ifs);
		start = i;
		have = 0;
	}
	if (have)
		add_field(x, start, i, out);
}

void expand_words(struct word *w, struct wordlist *out)
{
	for (; w; w = w->next) {
		struct xbuf x = { .flags = EXP_FIELDS };

		expand_text(&x, w->text, w->text + strlen(w->text), 0);
		split_fields(&x, out);
		xb_free(&x);
	}
}

char *expand_string(const char *text, int flags)
{
	return expand_part(text, text + strlen(text), 0, flags);
}

char *expand_heredoc(const char *body)
{
	return expand_part(body, body + strlen(body), 1, EXP_HEREDOC);
}
