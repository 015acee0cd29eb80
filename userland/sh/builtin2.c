/*
 * The builtins that act on the process's surroundings: cd and pwd (with
 * PWD and OLDPWD), umask, read (IFS splitting into names) and getopts.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

static char *current_dir(void)
{
	char buf[4096];

	return getcwd(buf, sizeof(buf)) ? xstrdup(buf) : NULL;
}

int builtin_cd(int argc, char **argv)
{
	const char *dir;
	char *old, *now;
	int i = 1, print = 0;

	while (i < argc && (!strcmp(argv[i], "-L") || !strcmp(argv[i], "-P")))
		i++;
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc) {
		dir = var_get("HOME");
		if (!dir) {
			sh_warn("cd: HOME not set");
			return 1;
		}
	} else if (!strcmp(argv[i], "-")) {
		dir = var_get("OLDPWD");
		if (!dir) {
			sh_warn("cd: OLDPWD not set");
			return 1;
		}
		print = 1;
	} else {
		dir = argv[i];
	}
	old = var_get("PWD") ? xstrdup(var_get("PWD")) : current_dir();
	if (chdir(dir) < 0) {
		sh_warn("cd: %s: %s", dir, strerror(errno));
		free(old);
		return 1;
	}
	now = current_dir();
	if (old)
		var_set("OLDPWD", old, 0);
	if (now)
		var_set("PWD", now, 0);
	if (print && now)
		fdprintf(1, "%s\n", now);
	free(old);
	free(now);
	return 0;
}

/* $PWD when it names the current directory, else getcwd(). */
int builtin_pwd(int argc, char **argv)
{
	const char *pwd = var_get("PWD");
	struct stat a, b;
	char *cwd;

	(void)argc;
	(void)argv;
	if (pwd && pwd[0] == '/' && stat(pwd, &a) == 0 && stat(".", &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
		fdprintf(1, "%s\n", pwd);
		return 0;
	}
	cwd = current_dir();
	if (!cwd) {
		sh_warn("pwd: %s", strerror(errno));
		return 1;
	}
	fdprintf(1, "%s\n", cwd);
	free(cwd);
	return 0;
}

static void umask_symbolic(mode_t m)
{
	static const char who[] = "ugo";
	struct strbuf sb;

	sb_init(&sb);
	for (int i = 0; i < 3; i++) {
		mode_t allowed = ~m >> (6 - 3 * i);

		sb_printf(&sb, "%s%c=%s%s%s", i ? "," : "", who[i], allowed & 4 ? "r" : "",
			  allowed & 2 ? "w" : "", allowed & 1 ? "x" : "");
	}
	fdprintf(1, "%s\n", sb.s);
	sb_free(&sb);
}

int builtin_umask(int argc, char **argv)
{
	mode_t m = umask(0);
	int symbolic = argc > 1 && !strcmp(argv[1], "-S");
	char *end;
	long v;

	umask(m);
	if (argc == 1 + symbolic) {
		if (symbolic)
			umask_symbolic(m);
		else
			fdprintf(1, "%04o\n", (unsigned int)m);
		return 0;
	}
	v = strtol(argv[1 + symbolic], &end, 8);
	if (!*argv[1 + symbolic] || *end || v < 0 || v > 0777) {
		sh_warn("umask: %s: invalid mode", argv[1 + symbolic]);
		return 1;
	}
	umask((mode_t)v);
	return 0;
}

/*
 * One line from fd 0, a byte at a time (what follows is not ours to read);
 * -signal when a signal the shell acts on (a trap, ^C) ends the wait.
 */
static int read_line(struct strbuf *sb, int raw)
{
	char c;

	for (;;) {
		ssize_t n = read(0, &c, 1);

		if (n < 0 && errno == EINTR) {
			if (trap_pending())
				return -trap_pending();
			continue;
		}
		if (n <= 0)
			return sb->len ? 1 : 0;
		if (c == '\n')
			return 1;
		if (c == '\\' && !raw) {
			if (read(0, &c, 1) <= 0)
				return 1;
			if (c == '\n')
				continue;
			sb_putc(sb, '\\');
		}
		sb_putc(sb, c);
	}
}

static int is_ifs_space(char c, const char *ifs)
{
	return strchr(" \t\n", c) && strchr(ifs, c);
}

/*
 * The fields of @line for @names (XCU read): each name takes one field, the
 * last the rest of the line with trailing IFS whitespace removed. Without
 * -r, a backslash quotes the next character (kept as "\c" by read_line).
 */
static void read_assign(char *line, char **names, int n, const char *ifs, int raw)
{
	char *p = line;

	for (int i = 0; i < n; i++) {
		struct strbuf field;
		int last = i == n - 1;

		sb_init(&field);
		while (*p && is_ifs_space(*p, ifs))
			p++;
		while (*p) {
			if (*p == '\\' && !raw && p[1]) {
				sb_putc(&field, p[1]);
				p += 2;
				continue;
			}
			if (strchr(ifs, *p) && !last)
				break;
			sb_putc(&field, *p++);
		}
		if (*p) {
			p++;
			while (*p && is_ifs_space(*p, ifs))
				p++;
		}
		if (last)
			while (field.len && is_ifs_space(field.s[field.len - 1], ifs))
				field.s[--field.len] = '\0';
		var_set(names[i], field.s ? field.s : "", 0);
		sb_free(&field);
	}
}

int builtin_read(int argc, char **argv)
{
	int raw = 0, i = 1, got;
	const char *ifs = var_get("IFS"), *prompt = NULL;
	char *reply[] = { "REPLY" };
	struct strbuf line;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-r")) {
			raw = 1;
		} else if (!strcmp(argv[i], "-p") && i + 1 < argc) {
			prompt = argv[++i];
		} else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else {
			sh_warn("read: %s: invalid option", argv[i]);
			return 2;
		}
	}
	for (int k = i; k < argc; k++)
		if (!is_name(argv[k])) {
			sh_warn("read: %s: bad variable name", argv[k]);
			return 2;
		}
	if (prompt && isatty(0))
		write_all(2, prompt, strlen(prompt));
	sb_init(&line);
	got = read_line(&line, raw);
	if (got < 0) {
		sb_free(&line);
		return 128 - got;
	}
	read_assign(line.s ? line.s : "", i < argc ? argv + i : reply,
		    i < argc ? argc - i : 1, ifs ? ifs : " \t\n", raw);
	sb_free(&line);
	return got ? 0 : 1;
}

/*
 * Where getopts is inside a cluster of options ("-ab"): 0 at the next word;
 * forgotten when OPTIND is not what getopts last set (a script reset it).
 */
static int getopts_pos, getopts_last;

static void getopts_set(const char *name, char c, const char *arg, int optind)
{
	char s[2] = { c, 0 }, buf[16];

	var_set(name, s, 0);
	if (arg)
		var_set("OPTARG", arg, 0);
	else
		var_unset("OPTARG");
	snprintf(buf, sizeof(buf), "%d", optind);
	var_set("OPTIND", buf, 0);
	getopts_last = optind;
}

int builtin_getopts(int argc, char **argv)
{
	const char *optstring, *name, *o, *word;
	char **args = argc > 3 ? argv + 3 : sh.argv;
	int nargs = argc > 3 ? argc - 3 : sh.argc;
	int optind = var_get("OPTIND") ? atoi(var_get("OPTIND")) : 1;
	int silent;
	char c;

	if (argc < 3) {
		sh_warn("getopts: usage: getopts optstring name [arg...]");
		return 2;
	}
	optstring = argv[1];
	name = argv[2];
	silent = optstring[0] == ':';
	if (optind != getopts_last)
		getopts_pos = 0;
	if (optind > nargs)
		goto done;
	word = args[optind - 1];
	if (!getopts_pos) {
		if (word[0] != '-' || !word[1])
			goto done;
		if (!strcmp(word, "--")) {
			optind++;
			goto done;
		}
		getopts_pos = 1;
	}
	c = word[getopts_pos++];
	if (!word[getopts_pos]) {
		optind++;
		getopts_pos = 0;
	}
	o = strchr(optstring + silent, c);
	if (!o || c == ':') {
		if (!silent)
			sh_warn("getopts: illegal option -- %c", c);
		getopts_set(name, '?', silent ? (char[]){ c, 0 } : NULL, optind);
		return 0;
	}
	if (o[1] != ':') {
		getopts_set(name, c, NULL, optind);
		return 0;
	}
	if (getopts_pos) {
		getopts_set(name, c, word + getopts_pos, optind + 1);
		getopts_pos = 0;
		return 0;
	}
	if (optind > nargs) {
		if (!silent)
			sh_warn("getopts: option requires an argument -- %c", c);
		getopts_set(name, silent ? ':' : '?', silent ? (char[]){ c, 0 } : NULL, optind);
		return 0;
	}
	getopts_set(name, c, args[optind - 1], optind + 1);
	return 0;
done:
	getopts_pos = 0;
	getopts_set(name, '?', NULL, optind);
	return 1;
}
