/*
 * The whole shell, built for the host (sh_host), run on the script cases of
 * cases.sh: each case's script is run as "sh_host script" in a scratch
 * directory and its stdout, exit status and (when given) stderr compared.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"

/*
 * A case in cases.sh: "### name", the script, "--- out", the expected
 * stdout, optionally "--- err" and the expected stderr, and "--- status N".
 */
struct script_case {
	char *name, *script, *out, *err;
	int status;
};

static struct script_case *cases;
static int ncases;

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *s = NULL;
	size_t n = 0;

	if (!f)
		return strdup("");
	if (getdelim(&s, &n, '\0', f) < 0) {
		free(s);
		s = strdup("");
	}
	fclose(f);
	return s;
}

static char *append(char *s, const char *line)
{
	size_t a = s ? strlen(s) : 0;

	s = realloc(s, a + strlen(line) + 1);
	strcpy(s + a, line);
	return s;
}

static void load_cases(void)
{
	FILE *f = fopen(SH_CASES, "r");
	char *line = NULL, **field = NULL;
	size_t cap = 0;

	if (!f) {
		perror(SH_CASES);
		exit(1);
	}
	while (getline(&line, &cap, f) > 0) {
		struct script_case *c = ncases ? &cases[ncases - 1] : NULL;

		if (!strncmp(line, "### ", 4)) {
			cases = realloc(cases, (ncases + 1) * sizeof(*cases));
			c = &cases[ncases++];
			memset(c, 0, sizeof(*c));
			c->name = strndup(line + 4, strcspn(line + 4, "\n"));
			c->script = strdup("");
			c->out = strdup("");
			field = &c->script;
		} else if (c && !strcmp(line, "--- out\n")) {
			field = &c->out;
		} else if (c && !strcmp(line, "--- err\n")) {
			c->err = strdup("");
			field = &c->err;
		} else if (c && !strncmp(line, "--- status ", 11)) {
			c->status = atoi(line + 11);
			field = NULL;
		} else if (field) {
			*field = append(*field, line);
		}
	}
	free(line);
	fclose(f);
}

static int run_case(const struct script_case *c, char **out, char **err)
{
	char dir[] = "/tmp/sh-case-XXXXXX";
	char path[4096], outp[64], errp[64];
	FILE *f;
	pid_t pid;
	int status;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/script", dir);
	snprintf(outp, sizeof(outp), "%s/.out", dir);
	snprintf(errp, sizeof(errp), "%s/.err", dir);
	f = fopen(path, "w");
	fputs(c->script, f);
	fclose(f);
	pid = fork();
	if (pid == 0) {
		if (chdir(dir) < 0 || !freopen(outp, "w", stdout) || !freopen(errp, "w", stderr) ||
		    !freopen("/dev/null", "r", stdin))
			_exit(99);
		/* "sh" in a script is this shell too. */
		if (mkdir(".bin", 0755) < 0 || symlink(SH_HOST, ".bin/sh") < 0)
			_exit(97);
		snprintf(path, sizeof(path), "%s/.bin:%s", dir, getenv("PATH"));
		setenv("PATH", path, 1);
		setenv("HOME", dir, 1);
		setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
		execl(SH_HOST, "sh", "script", (char *)NULL);
		_exit(98);
	}
	waitpid(pid, &status, 0);
	*out = read_file(outp);
	*err = read_file(errp);
	if (fork() == 0) {
		execlp("rm", "rm", "-rf", dir, (char *)NULL);
		_exit(1);
	}
	wait(NULL);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

START_TEST(test_script)
{
	const struct script_case *c = &cases[_i];
	char *out, *err;
	int status = run_case(c, &out, &err);

	ck_assert_msg(!strcmp(out, c->out), "%s: stdout\n%s\nexpected\n%s\nstderr\n%s",
		      c->name, out, c->out, err);
	if (c->err)
		ck_assert_msg(!strcmp(err, c->err), "%s: stderr\n%s\nexpected\n%s",
			      c->name, err, c->err);
	ck_assert_msg(status == c->status, "%s: status %d, expected %d (stderr %s)",
		      c->name, status, c->status, err);
	free(out);
	free(err);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("sh_scripts");
	TCase *tc = tcase_create("scripts");

	load_cases();
	tcase_set_timeout(tc, 20);
	tcase_add_loop_test(tc, test_script, 0, ncases);
	suite_add_tcase(s, tc);
	return s;
}
