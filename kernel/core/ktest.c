/*
 * The in-kernel test runner: walks the .ktests section, runs each selected
 * test and prints one line per test plus a summary the harness parses.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <breenix/ktest.h>
#include <breenix/printk.h>

extern const struct ktest __ktests_start[], __ktests_end[];

void ktest_fail(struct ktest_ctx *t, const char *file, int line,
		const char *fmt, ...)
{
	char msg[256];
	const char *base = strrchr(file, '/');
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_info("ktest:   %s:%d: %s\n", base ? base + 1 : file, line, msg);
	t->failed = true;
}

/* Whether name is one of the comma-separated names in filter ("" = all). */
static bool ktest_selected(const char *filter, const char *name)
{
	size_t len = strlen(name);
	const char *p = filter;

	if (!*filter)
		return true;
	while ((p = strstr(p, name))) {
		bool starts = p == filter || p[-1] == ',';
		bool ends = p[len] == '\0' || p[len] == ',';

		if (starts && ends)
			return true;
		p += len;
	}
	return false;
}

int ktest_run_all(const char *filter)
{
	const struct ktest *k;
	int passed = 0, failed = 0;

	for (k = __ktests_start; k < __ktests_end; k++) {
		struct ktest_ctx ctx = { .failed = false };

		if (!ktest_selected(filter, k->name))
			continue;
		pr_info("ktest: %s: running\n", k->name);
		k->fn(&ctx);
		pr_info("ktest: %s: %s\n", k->name, ctx.failed ? "FAIL" : "PASS");
		if (ctx.failed)
			failed++;
		else
			passed++;
	}
	pr_info("ktest: %d passed, %d failed\n", passed, failed);
	return failed;
}
