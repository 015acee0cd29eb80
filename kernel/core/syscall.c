/*
 * System-call dispatch: the number in orig_rax picks the entry of the table
 * generated from kernel/syscalls.tbl; unknown numbers are -ENOSYS. With
 * `strace` on the command line every call is logged with its arguments and
 * result, one line each, like strace(1).
 */
#include <stdio.h>
#include <breenix/cmdline.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/printk.h>
#include <breenix/syscall.h>
#include <breenix/syscall_table.h>
#include <breenix/task.h>
#include <breenix/uaccess.h>

#define TRACE_STR_MAX	48	/* bytes of a string argument shown */
#define TRACE_LINE_MAX	512

bool syscall_trace;

static int syscall_trace_init(void)
{
	syscall_trace = cmdline_enabled("strace");
	return 0;
}
device_initcall(syscall_trace_init);

static const struct syscall_desc *syscall_lookup(uint64_t nr)
{
	if (nr >= nr_syscalls || !syscall_table[nr].fn)
		return NULL;
	return &syscall_table[nr];
}

/* Bytes of user memory, quoted and escaped as strace shows them. */
static int trace_quoted(char *out, size_t room, const char *buf, long len,
			bool more)
{
	size_t n = 0;
	long i;

	n += snprintf(out + n, room - n, "\"");
	for (i = 0; i < len && n < room; i++) {
		unsigned char c = buf[i];

		if (c == '\n')
			n += snprintf(out + n, room - n, "\\n");
		else if (c == '"' || c == '\\')
			n += snprintf(out + n, room - n, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			n += snprintf(out + n, room - n, "\\x%02x", c);
		else
			n += snprintf(out + n, room - n, "%c", c);
	}
	if (n < room)
		n += snprintf(out + n, room - n, more ? "\"..." : "\"");
	return (int)n;
}

/* A NUL-terminated user string. */
static int trace_string(char *out, size_t room, unsigned long uaddr)
{
	char buf[TRACE_STR_MAX + 1];
	long len = strncpy_from_user(buf, (const char *)uaddr, sizeof(buf));

	if (len == -EFAULT)
		return snprintf(out, room, "%#lx", uaddr);
	return trace_quoted(out, room, buf, len < 0 ? TRACE_STR_MAX : len,
			    len < 0);
}

/* A user buffer of @size bytes (write's). */
static int trace_buffer(char *out, size_t room, unsigned long uaddr,
			unsigned long size)
{
	char buf[TRACE_STR_MAX];
	long len = size < TRACE_STR_MAX ? (long)size : TRACE_STR_MAX;

	if (copy_from_user(buf, (const void *)uaddr, len))
		return snprintf(out, room, "%#lx", uaddr);
	return trace_quoted(out, room, buf, len, (unsigned long)len < size);
}

static int trace_arg(char *out, size_t room, char kind, unsigned long v,
		     unsigned long next)
{
	switch (kind) {
	case 'b':
		return trace_buffer(out, room, v, next);
	case 'd':
		return snprintf(out, room, "%ld", (long)v);
	case 'u':
		return snprintf(out, room, "%lu", v);
	case 'o':
		return snprintf(out, room, "%#lo", v);
	case 's':
		return trace_string(out, room, v);
	case 'p':
		return v ? snprintf(out, room, "%#lx", v) : snprintf(out, room, "NULL");
	default:
		return snprintf(out, room, "%#lx", v);
	}
}

/* The arguments as text, formatted before the call changes them (execve). */
static void trace_args(char *line, size_t size, const struct pt_regs *regs,
		       const struct syscall_desc *d)
{
	const unsigned long args[6] = { regs->rdi, regs->rsi, regs->rdx,
					regs->r10, regs->r8, regs->r9 };
	size_t n = 0;
	int i;

	for (i = 0; i < 6 && d->args[i] && n < size; i++) {
		if (i)
			n += snprintf(line + n, size - n, ", ");
		if (n < size)
			n += trace_arg(line + n, size - n, d->args[i], args[i],
				       i < 5 ? args[i + 1] : 0);
	}
	line[n < size ? n : size - 1] = '\0';
}

static void trace_unknown(const struct pt_regs *regs)
{
	pr_info("[pid %d] syscall_%llu(%#llx, %#llx, %#llx, %#llx, %#llx, %#llx) = -ENOSYS\n",
		current->tid, (unsigned long long)regs->orig_rax,
		(unsigned long long)regs->rdi, (unsigned long long)regs->rsi,
		(unsigned long long)regs->rdx, (unsigned long long)regs->r10,
		(unsigned long long)regs->r8, (unsigned long long)regs->r9);
}

void do_syscall(struct pt_regs *regs)
{
	const struct syscall_desc *d = syscall_lookup(regs->orig_rax);
	char line[TRACE_LINE_MAX];
	long ret;

	if (!d) {
		if (syscall_trace)
			trace_unknown(regs);
		regs->rax = -ENOSYS;
		return;
	}
	if (syscall_trace) {
		trace_args(line, sizeof(line), regs, d);
		if (d->noreturn)
			pr_info("[pid %d] %s(%s) = ?\n", current->tid, d->name, line);
	}
	ret = d->fn(regs);
	regs->rax = ret;
	if (syscall_trace) {
		/* Errors and small results in decimal, addresses in hex. */
		if (ret > -4096 && ret < 0x10000)
			pr_info("[pid %d] %s(%s) = %ld\n", current->tid, d->name, line, ret);
		else
			pr_info("[pid %d] %s(%s) = %#lx\n", current->tid, d->name, line, ret);
	}
}
