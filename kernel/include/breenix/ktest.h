/*
 * In-kernel self-tests. KTEST(name) { ... } defines a test in a linker
 * section; with test=ktest on the command line every test runs after boot
 * (ktest=NAME,NAME runs a subset), each printing one result line:
 *   ktest: NAME: PASS
 *   ktest: NAME: FAIL: file.c:123: what failed
 * followed by "ktest: N passed, M failed", and QEMU exits with the verdict.
 */
#ifndef BREENIX_KTEST_H
#define BREENIX_KTEST_H

#include <stdbool.h>

struct ktest_ctx {
	bool failed;
};

struct ktest {
	const char *name;
	void (*fn)(struct ktest_ctx *t);
};

#define KTEST(tname)							\
	static void ktest_fn_##tname(struct ktest_ctx *t);		\
	static const struct ktest ktest_##tname				\
	__attribute__((used, section(".ktests"), aligned(8))) = {	\
		.name = #tname,						\
		.fn = ktest_fn_##tname,					\
	};								\
	static void ktest_fn_##tname(struct ktest_ctx *t)

/* Records a failure with its location and message; the test goes on. */
__attribute__((format(printf, 4, 5)))
void ktest_fail(struct ktest_ctx *t, const char *file, int line,
		const char *fmt, ...);

/* Fails the test and returns from it when cond is false. */
#define KT_ASSERT(cond)							\
	do {								\
		if (!(cond)) {						\
			ktest_fail(t, __FILE__, __LINE__, "%s", #cond);	\
			return;						\
		}							\
	} while (0)

/* As KT_ASSERT, with a message of the caller's. */
#define KT_ASSERT_MSG(cond, ...)					\
	do {								\
		if (!(cond)) {						\
			ktest_fail(t, __FILE__, __LINE__, __VA_ARGS__);	\
			return;						\
		}							\
	} while (0)

#define KT_ASSERT_EQ(a, b)						\
	KT_ASSERT_MSG((a) == (b), "%s == %s: %lld != %lld", #a, #b,	\
		      (long long)(a), (long long)(b))

/* Runs the tests named by ktest= (all with test=ktest); returns failures. */
int ktest_run_all(const char *filter);

#endif
