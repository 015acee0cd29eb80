/*
 * Result reporting and process helpers shared by the user-mode test programs.
 * Output goes straight to write(1), unbuffered, so a fork never duplicates
 * half-printed lines and nothing is lost when a child dies by a signal.
 */
#ifndef BREENIX_TESTS_TAP_H
#define BREENIX_TESTS_TAP_H

#include <stdarg.h>
#include <stdbool.h>
#include <sys/types.h>

/* printf to fd 1 with one write() per call. */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* One case: "ok N - name" if cond, else "not ok N - name: detail". */
bool check(bool cond, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void fail(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A case that does not apply here: "ok N - name # SKIP why". */
void skip(const char *name, const char *why);
/* Prints the plan and the summary; returns the exit status (0: all passed). */
int done(void);

/*
 * Counts the cases of forked children with the parent's: the counters move
 * to a MAP_SHARED page, so a child may call check() and its lines are
 * numbered in sequence and summed by the parent's done() (the parent waits
 * for the child before it checks anything itself).
 */
void tap_share(void);

/* ret is -1 with errno err ("ret R, errno E, want W" otherwise). */
bool check_errno(long ret, int err, const char *name);
/* ret is not -1 (the failure's errno otherwise). */
bool check_ok(long ret, const char *name);

/*
 * A fresh empty directory for the program's files (under $TMPDIR or /tmp,
 * made if missing), removed with its contents when the process that made
 * it exits; tpath() names a file in it (one of 8 rotating buffers).
 */
const char *scratch_dir(void);
const char *tpath(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Removes path and, for a directory, everything under it. */
void remove_tree(const char *path);

/* Whether uname() says this is Breenix (cases that only mean something there). */
bool on_breenix(void);

/*
 * Runs fn(arg) in a forked child that exits with fn's return value and
 * returns the child's wait status, or -1 (errno set) if fork or wait failed.
 */
int in_child(int (*fn)(void *), void *arg);
/* One case of check_children: its name and how its child must end. */
struct child_case {
	const char *name;
	int sig;	/* the signal that must kill it; 0: it must exit 0 */
};
/* Runs fn((void *)(intptr_t)i) in a child for each of the @n cases, checking its end. */
void check_children(int (*fn)(void *), const struct child_case *cases, int n);
/* "exited 3", "killed by SIGSEGV", ... for failure details. */
const char *status_str(int status);
/* status is a death by signal sig. */
bool died_by(int status, int sig);
/* status is a normal exit with code. */
bool exited_with(int status, int code);

/* The directory holding the running program (dirname of argv[0]). */
const char *self_dir(const char *argv0);

/* addr as a pointer the compiler cannot reason about (for deliberate faults). */
static inline void *opaque_ptr(unsigned long addr)
{
	__asm__("" : "+r"(addr)); /* hides the constant from gcc's bounds warnings */
	return (void *)addr;
}

/* Kernel-half addresses: never valid user pointers. */
#define KERNEL_PTR ((void *)0xffff800000000000UL)
#define KERNEL_TEXT_PTR ((void *)0xffffffff80000000UL)
/* Non-canonical with 4-level and with 5-level (LA57) paging alike. */
#define NONCANON_PTR ((void *)0x0100000000000000UL)
/*
 * The first address past the 47-bit lower half: non-canonical with 4-level
 * paging (Breenix's), but ordinary unmapped user space where Linux uses
 * 5-level paging (under QEMU's "max" CPU): only for cases where both fail alike.
 */
#define LOWER_HALF_END ((void *)0x0000800000000000UL)

/* Creates or truncates @path (mode 0644) holding @content: 0, or -1. */
int make_file(const char *path, const char *content);
/* The whole file (up to 4095 bytes) as a string in a static buffer, "" on error. */
const char *file_contents(const char *path);

#endif
