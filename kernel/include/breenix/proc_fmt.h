/*
 * The text of /proc's files, byte for byte as Linux writes them (fs/proc/
 * array.c, task_mmu.c, meminfo.c, uptime.c, loadavg.c, namespace.c,
 * arch/x86/kernel/cpu/proc.c): pure functions from plain numbers to a
 * seq_buf, host-tested in tests/unit/procfs. The kernel side gathers the
 * numbers.
 */
#ifndef BREENIX_PROC_FMT_H
#define BREENIX_PROC_FMT_H

#include <stdbool.h>
#include <stdint.h>
#include <breenix/seq_buf.h>
#include <breenix/task_stat.h>

#define PROC_USER_HZ	100		/* clock ticks in /proc, Linux's USER_HZ */
#define PROC_PAGE_SIZE	4096

/*
 * /proc/<pid>/stat: 52 fields. @permitted (the reader may ptrace the
 * process) decides whether the address-space fields are shown or masked,
 * as Linux does.
 */
void proc_fmt_stat(struct seq_buf *s, const struct task_stat *st,
		   bool permitted);
/* /proc/<pid>/status; @umask < 0: the process has none to show. */
void proc_fmt_status(struct seq_buf *s, const struct task_stat *st,
		     int umask);
/* Linux's name for a state letter ("S (sleeping)"). */
const char *proc_state_name(char state);

/* One line of /proc/<pid>/maps. */
struct proc_maps_entry {
	uint64_t start, end;
	bool read, write, exec, shared;
	uint64_t offset;		/* bytes into the mapped object */
	unsigned int major, minor;
	uint64_t ino;
	const char *name;		/* NULL: anonymous */
};

void proc_fmt_maps_entry(struct seq_buf *s, const struct proc_maps_entry *e);

/* /proc/meminfo, in kB; what Breenix does not have is 0. */
struct proc_meminfo {
	uint64_t mem_total, mem_free, mem_available;
	uint64_t buffers, cached, swap_cached;
	uint64_t active, inactive;
	uint64_t swap_total, swap_free;
	uint64_t dirty, writeback;
	uint64_t shmem;
	uint64_t slab, sreclaimable, sunreclaim;
	uint64_t kernel_stack;
	uint64_t vmalloc_total;
};

void proc_fmt_meminfo(struct seq_buf *s, const struct proc_meminfo *mi);

/* /proc/uptime: seconds with two decimals, truncated. */
void proc_fmt_uptime(struct seq_buf *s, uint64_t uptime_ns, uint64_t idle_ns);

/*
 * /proc/loadavg: @loads in loadavg.h's fixed point (FSHIFT bits of
 * fraction), with Linux's rounding offset of FIXED_1/200 already added.
 */
void proc_fmt_loadavg(struct seq_buf *s, const unsigned long loads[3],
		      unsigned int running, unsigned int total, int last_pid);

/* One line of /proc/mounts; names with spaces etc. are escaped as \ooo. */
void proc_fmt_mount(struct seq_buf *s, const char *dev, const char *dir,
		    const char *type, const char *opts);
/* One line of /proc/filesystems. */
void proc_fmt_filesystem(struct seq_buf *s, const char *name,
			 bool requires_dev);
/*
 * /proc/version from version.h's "RELEASE (REV)" and the compiler's
 * description ("gcc version 12.2.0").
 */
void proc_fmt_version(struct seq_buf *s, const char *version,
		      const char *compiler);

/*
 * CPUID words in the order of Linux's cpufeatures.h that the flags line
 * names: leaf 1 EDX, 0x80000001 EDX, leaf 1 ECX, 0x80000001 ECX, leaf 7
 * EBX, leaf 7 ECX, leaf 7 EDX.
 */
enum proc_cpu_word {
	CPU_WORD_1_EDX,
	CPU_WORD_8_1_EDX,
	CPU_WORD_1_ECX,
	CPU_WORD_8_1_ECX,
	CPU_WORD_7_EBX,
	CPU_WORD_7_ECX,
	CPU_WORD_7_EDX,
	CPU_NWORDS
};

struct proc_cpuinfo {
	unsigned int processor;
	char vendor[13];
	unsigned int family, model, stepping;
	char model_name[49];		/* trimmed; empty: "unknown" */
	uint32_t microcode;		/* 0: not shown */
	uint32_t cpu_khz;		/* 0: no "cpu MHz" line */
	unsigned int cache_kb;		/* 0: no "cache size" line */
	unsigned int cpuid_level;
	uint32_t words[CPU_NWORDS];
	uint32_t power;			/* 0x80000007 EDX */
	unsigned long lpj;		/* loops per jiffy, for bogomips */
	unsigned int hz;		/* the jiffy lpj counts in */
	unsigned int clflush_size, cache_alignment;
	unsigned int phys_bits, virt_bits;
};

void proc_fmt_cpuinfo(struct seq_buf *s, const struct proc_cpuinfo *ci);
/* Family, model and stepping from CPUID leaf 1 EAX, as Linux decodes them. */
void proc_cpu_decode_signature(uint32_t eax, unsigned int *family,
			       unsigned int *model, unsigned int *stepping);
/* The brand string from leaves 0x80000002-4 (48 bytes), trimmed as Linux does. */
void proc_cpu_model_name(char out[49], const uint32_t regs[12]);

/* Who may read a process's memory-derived files (environ, maps, stat's addresses). */
struct proc_ids {
	uint32_t uid, euid, suid, fsuid;
	uint32_t gid, egid, sgid, fsgid;
};

/*
 * Linux's __ptrace_may_access with PTRACE_MODE_FSCREDS: the reader's
 * fsuid and fsgid must match all of the target's real, effective and
 * saved ids, or the reader is root. A process may always read its own.
 */
bool proc_may_access(const struct proc_ids *reader,
		     const struct proc_ids *target, bool same_process);

#endif
