/*
 * The shell's name tables: variables (with export and read-only flags and
 * the scopes that functions' locals and commands' prefix assignments
 * restore), positional parameters, functions and aliases.
 */
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct var {
	char *name;
	char *value;		/* NULL: declared (export x) but unset */
	int flags;
	struct var *next;
};

#define NBUCKETS 128

static struct var *vars[NBUCKETS];

static unsigned int hash(const char *s)
{
	unsigned int h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h % NBUCKETS;
}

static struct var *var_find(const char *name)
{
	for (struct var *v = vars[hash(name)]; v; v = v->next)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}

static struct var *var_lookup_or_add(const char *name)
{
	struct var *v = var_find(name);
	unsigned int h = hash(name);

	if (v)
		return v;
	v = xzalloc(sizeof(*v));
	v->name = xstrdup(name);
	v->next = vars[h];
	vars[h] = v;
	return v;
}

const char *var_get(const char *name)
{
	struct var *v = var_find(name);

	return v ? v->value : NULL;
}

int var_flags(const char *name)
{
	struct var *v = var_find(name);

	return v ? v->flags : 0;
}

/* Adds @flags to @name's (declaring it). */
void var_set_flags(const char *name, int flags)
{
	var_lookup_or_add(name)->flags |= flags;
}

int var_set(const char *name, const char *value, int flags)
{
	struct var *v = var_lookup_or_add(name);

	if (v->flags & VAR_READONLY) {
		sh_warn("%s: is read only", name);
		return -1;
	}
	free(v->value);
	v->value = value ? xstrdup(value) : NULL;
	v->flags |= flags | (sh.opt[OPT_a] ? VAR_EXPORT : 0);
	return 0;
}

int var_assign(const char *assignment, int flags)
{
	const char *eq = strchr(assignment, '=');
	char *name = xstrndup(assignment, eq - assignment);
	int r = var_set(name, eq + 1, flags);

	free(name);
	return r;
}

int var_unset(const char *name)
{
	struct var **pp, *v;

	for (pp = &vars[hash(name)]; (v = *pp); pp = &v->next) {
		if (strcmp(v->name, name))
			continue;
		if (v->flags & VAR_READONLY) {
			sh_warn("unset: %s: is read only", name);
			return -1;
		}
		*pp = v->next;
		free(v->name);
		free(v->value);
		free(v);
		break;
	}
	return 0;
}

static int cmp_var(const void *a, const void *b)
{
	return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

/* All variables with @flag (0: all of them), sorted by name. */
static struct var **var_sorted(int flag, int *count)
{
	struct var **list = NULL;
	int n = 0;

	for (int i = 0; i < NBUCKETS; i++)
		for (struct var *v = vars[i]; v; v = v->next)
			if (!flag || (v->flags & flag)) {
				list = xrealloc(list, (n + 1) * sizeof(*list));
				list[n++] = v;
			}
	if (n)
		qsort(list, n, sizeof(*list), cmp_var);
	*count = n;
	return list;
}

char **var_environ(void)
{
	int n, k = 0;
	struct var **list = var_sorted(VAR_EXPORT, &n);
	char **env = xmalloc((n + 1) * sizeof(*env));

	for (int i = 0; i < n; i++) {
		struct strbuf sb;

		if (!list[i]->value)
			continue;
		sb_init(&sb);
		sb_printf(&sb, "%s=%s", list[i]->name, list[i]->value);
		env[k++] = sb_take(&sb);
	}
	env[k] = NULL;
	free(list);
	return env;
}

void env_free(char **env)
{
	for (char **e = env; *e; e++)
		free(*e);
	free(env);
}

char *shell_quote(const char *s)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_putc(&sb, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			sb_puts(&sb, "'\\''");
		else
			sb_putc(&sb, *s);
	}
	sb_putc(&sb, '\'');
	return sb_take(&sb);
}

void var_list(int fd, int flag, const char *prefix)
{
	int n;
	struct var **list = var_sorted(flag, &n);
	struct strbuf sb;

	sb_init(&sb);
	for (int i = 0; i < n; i++) {
		sb_printf(&sb, "%s%s", prefix, list[i]->name);
		if (list[i]->value) {
			char *q = shell_quote(list[i]->value);

			sb_printf(&sb, "=%s", q);
			free(q);
		}
		sb_putc(&sb, '\n');
	}
	if (sb.len)
		write_all(fd, sb.s, sb.len);
	sb_free(&sb);
	free(list);
}

void var_import(char **env)
{
	for (; env && *env; env++) {
		const char *eq = strchr(*env, '=');
		char *name;

		if (!eq)
			continue;
		name = xstrndup(*env, eq - *env);
		if (is_name(name))
			var_set(name, eq + 1, VAR_EXPORT);
		free(name);
	}
}

/* A variable's state before a scope changed it. */
struct saved_var {
	char *name;
	char *value;
	int flags;
	int existed;
	struct saved_var *next;
};

struct scope {
	struct saved_var *saved;
	struct scope *next;
};

static struct scope *scopes;

void var_scope_push(void)
{
	struct scope *s = xzalloc(sizeof(*s));

	s->next = scopes;
	scopes = s;
}

void var_make_local(const char *name)
{
	struct var *v = var_find(name);
	struct saved_var *sv;

	if (!scopes)
		return;
	for (sv = scopes->saved; sv; sv = sv->next)
		if (!strcmp(sv->name, name))
			return;
	sv = xzalloc(sizeof(*sv));
	sv->name = xstrdup(name);
	if (v) {
		sv->existed = 1;
		sv->value = v->value ? xstrdup(v->value) : NULL;
		sv->flags = v->flags;
	}
	sv->next = scopes->saved;
	scopes->saved = sv;
}

void var_scope_pop(void)
{
	struct scope *s = scopes;
	struct saved_var *sv, *next;

	scopes = s->next;
	for (sv = s->saved; sv; sv = next) {
		struct var *v;

		next = sv->next;
		v = var_find(sv->name);
		if (v)
			v->flags &= ~VAR_READONLY;
		if (sv->existed) {
			v = var_lookup_or_add(sv->name);
			free(v->value);
			v->value = sv->value;
			v->flags = sv->flags;
		} else {
			var_unset(sv->name);
		}
		free(sv->name);
		free(sv);
	}
	free(s);
}

void params_free(void)
{
	for (int i = 0; i < sh.argc; i++)
		free(sh.argv[i]);
	free(sh.argv);
	sh.argv = NULL;
	sh.argc = 0;
}

/* Copies @argv first: it may be the current parameters ("set -- "$@""). */
void params_set(int argc, char **argv)
{
	char **v = xmalloc((argc + 1) * sizeof(*v));

	for (int i = 0; i < argc; i++)
		v[i] = xstrdup(argv[i]);
	v[argc] = NULL;
	params_free();
	sh.argc = argc;
	sh.argv = v;
}

/* A name table: functions and aliases. */
struct entry {
	char *name;
	char *value;		/* an alias's text */
	struct node *body;	/* a function's */
	struct arena *arena;
	struct entry *next;
};

static struct entry *funcs, *aliases;

static struct entry **entry_find(struct entry **list, const char *name)
{
	for (; *list; list = &(*list)->next)
		if (!strcmp((*list)->name, name))
			break;
	return list;
}

static void entry_free(struct entry *e)
{
	if (e->arena)
		arena_unref(e->arena);
	free(e->name);
	free(e->value);
	free(e);
}

static int entry_remove(struct entry **list, const char *name)
{
	struct entry **pp = entry_find(list, name), *e = *pp;

	if (!e)
		return -1;
	*pp = e->next;
	entry_free(e);
	return 0;
}

static struct entry *entry_add(struct entry **list, const char *name)
{
	struct entry *e;

	entry_remove(list, name);
	e = xzalloc(sizeof(*e));
	e->name = xstrdup(name);
	e->next = *list;
	*list = e;
	return e;
}

struct node *func_get(const char *name)
{
	struct entry *e = *entry_find(&funcs, name);

	return e ? e->body : NULL;
}

void func_set(const char *name, struct node *body, struct arena *arena)
{
	struct entry *e = entry_add(&funcs, name);

	arena_ref(arena);
	e->arena = arena;
	e->body = body;
}

int func_unset(const char *name)
{
	return entry_remove(&funcs, name);
}

const char *alias_get(const char *name)
{
	struct entry *e = *entry_find(&aliases, name);

	return e ? e->value : NULL;
}

void alias_set(const char *name, const char *value)
{
	entry_add(&aliases, name)->value = xstrdup(value);
}

int alias_unset(const char *name)
{
	return entry_remove(&aliases, name);
}

void alias_clear(void)
{
	while (aliases)
		entry_remove(&aliases, aliases->name);
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp((*(struct entry *const *)a)->name, (*(struct entry *const *)b)->name);
}

void alias_list(int fd)
{
	struct entry **list = NULL;
	int n = 0;

	for (struct entry *e = aliases; e; e = e->next) {
		list = xrealloc(list, (n + 1) * sizeof(*list));
		list[n++] = e;
	}
	if (n)
		qsort(list, n, sizeof(*list), cmp_entry);
	for (int i = 0; i < n; i++) {
		char *q = shell_quote(list[i]->value);

		fdprintf(fd, "%s=%s\n", list[i]->name, q);
		free(q);
	}
	free(list);
}

static const char *entry_name(struct entry *list, size_t i)
{
	for (; list && i; list = list->next)
		i--;
	return list ? list->name : NULL;
}

const char *func_name(size_t i)
{
	return entry_name(funcs, i);
}

const char *alias_name(size_t i)
{
	return entry_name(aliases, i);
}
