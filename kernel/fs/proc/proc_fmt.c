/*
 * /proc's text, as Linux formats it (the file names in proc_fmt.h say
 * where). Pure: host-tested against Linux's output in tests/unit/procfs.
 */
#include <string.h>
#include <breenix/proc_fmt.h>

#define NSEC_PER_SEC	1000000000ULL
#define FSHIFT		11		/* loadavg.h's fixed point */
#define FIXED_1		(1UL << FSHIFT)

static unsigned long long ns_to_clock_t(uint64_t ns)
{
	return ns / (NSEC_PER_SEC / PROC_USER_HZ);
}

static uint64_t pages_kb(uint64_t pages)
{
	return pages * (PROC_PAGE_SIZE / 1024);
}

void proc_fmt_stat(struct seq_buf *s, const struct task_stat *st,
		   bool permitted)
{
	bool mm = st->has_mm;

	seq_buf_printf(s, "%d (%s) %c %d %d %d 0 -1 %u 0 0 0 0 ",
		       st->pid, st->comm, st->state, st->ppid, st->pgrp,
		       st->session, st->flags);
	seq_buf_printf(s, "%llu %llu %llu %llu %d %d %d 0 %llu ",
		       ns_to_clock_t(st->utime), ns_to_clock_t(st->stime),
		       ns_to_clock_t(st->cutime), ns_to_clock_t(st->cstime),
		       20 + st->nice, st->nice, st->num_threads,
		       ns_to_clock_t(st->start_time));
	seq_buf_printf(s, "%llu %llu %llu ",
		       (unsigned long long)st->vm_pages * PROC_PAGE_SIZE,
		       (unsigned long long)st->rss_pages,
		       (unsigned long long)st->rsslim);
	/*
	 * Linux shows 1 for code addresses a reader may not see, and for
	 * wchan only whether a task it may see sleeps.
	 */
	seq_buf_printf(s, "%llu %llu %llu 0 0 0 0 0 0 %d 0 0 %d %u 0 0 0 0 0",
		       (unsigned long long)(mm ? (permitted ? st->start_code : 1) : 0),
		       (unsigned long long)(mm ? (permitted ? st->end_code : 1) : 0),
		       (unsigned long long)(mm && permitted ? st->start_stack : 0),
		       permitted && (st->state == 'S' || st->state == 'D'),
		       st->exit_signal, st->cpu);
	if (mm && permitted)
		seq_buf_printf(s, " %llu %llu %llu %llu %llu %llu %llu",
			       (unsigned long long)st->start_data,
			       (unsigned long long)st->end_data,
			       (unsigned long long)st->start_brk,
			       (unsigned long long)st->arg_start,
			       (unsigned long long)st->arg_end,
			       (unsigned long long)st->env_start,
			       (unsigned long long)st->env_end);
	else
		seq_buf_puts(s, " 0 0 0 0 0 0 0");
	seq_buf_printf(s, " %d\n", permitted ? st->exit_code : 0);
}

const char *proc_state_name(char state)
{
	switch (state) {
	case 'R':
		return "R (running)";
	case 'S':
		return "S (sleeping)";
	case 'D':
		return "D (disk sleep)";
	case 'T':
		return "T (stopped)";
	case 't':
		return "t (tracing stop)";
	case 'Z':
		return "Z (zombie)";
	default:
		return "X (dead)";
	}
}

/* status escapes the name as Linux's seq_escape_str(ESCAPE_SPACE | ESCAPE_SPECIAL). */
static void put_escaped_comm(struct seq_buf *s, const char *comm)
{
	for (; *comm; comm++) {
		switch (*comm) {
		case '\n':
			seq_buf_puts(s, "\\n");
			break;
		case '\t':
			seq_buf_puts(s, "\\t");
			break;
		case '\r':
			seq_buf_puts(s, "\\r");
			break;
		case '\f':
			seq_buf_puts(s, "\\f");
			break;
		case '\v':
			seq_buf_puts(s, "\\v");
			break;
		case '\\':
			seq_buf_puts(s, "\\\\");
			break;
		case '\a':
			seq_buf_puts(s, "\\a");
			break;
		case '\e':
			seq_buf_puts(s, "\\e");
			break;
		default:
			seq_buf_putc(s, *comm);
		}
	}
}

static void put_kb(struct seq_buf *s, const char *name, uint64_t kb)
{
	seq_buf_printf(s, "%s:\t%8llu kB\n", name, (unsigned long long)kb);
}

void proc_fmt_status(struct seq_buf *s, const struct task_stat *st, int umask)
{
	unsigned int i, n;

	seq_buf_puts(s, "Name:\t");
	put_escaped_comm(s, st->comm);
	seq_buf_putc(s, '\n');
	if (umask >= 0)
		seq_buf_printf(s, "Umask:\t%#04o\n", (unsigned int)umask);
	seq_buf_printf(s, "State:\t%s\n", proc_state_name(st->state));
	seq_buf_printf(s, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\n"
		       "TracerPid:\t0\n", st->tgid, st->pid, st->ppid);
	seq_buf_printf(s, "Uid:\t%u\t%u\t%u\t%u\n", st->uid, st->euid,
		       st->suid, st->fsuid);
	seq_buf_printf(s, "Gid:\t%u\t%u\t%u\t%u\n", st->gid, st->egid,
		       st->sgid, st->fsgid);
	/* Linux keeps the trailing space of its old format. */
	seq_buf_puts(s, "Groups:\t");
	n = st->ngroups < TASK_STAT_NGROUPS ? st->ngroups : TASK_STAT_NGROUPS;
	for (i = 0; i < n; i++)
		seq_buf_printf(s, "%s%u", i ? " " : "", st->groups[i]);
	seq_buf_puts(s, " \n");
	seq_buf_printf(s, "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n"
		       "Kthread:\t%d\n", st->tgid, st->pid, st->pgrp,
		       st->session, st->kthread);
	if (st->has_mm) {
		put_kb(s, "VmSize", pages_kb(st->vm_pages));
		put_kb(s, "VmLck", 0);
		put_kb(s, "VmPin", 0);
		put_kb(s, "VmRSS", pages_kb(st->rss_pages));
		put_kb(s, "VmData", pages_kb(st->data_pages));
		put_kb(s, "VmStk", pages_kb(st->stack_pages));
		put_kb(s, "VmExe", pages_kb(st->exec_pages));
		put_kb(s, "VmPTE", pages_kb(st->pt_pages));
		put_kb(s, "VmSwap", 0);
	}
	seq_buf_printf(s, "CoreDumping:\t0\nThreads:\t%d\n", st->num_threads);
	/* No signal can be pending, blocked, ignored or caught yet. */
	seq_buf_puts(s, "SigPnd:\t0000000000000000\nShdPnd:\t0000000000000000\n"
		     "SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n"
		     "SigCgt:\t0000000000000000\n");
}

/* show_map_vma: the name starts in column 73 (25 + 6 * sizeof(void *)). */
#define MAPS_NAME_COL	(25 + 6 * 8)

void proc_fmt_maps_entry(struct seq_buf *s, const struct proc_maps_entry *e)
{
	size_t line = s->len;

	seq_buf_printf(s, "%08llx-%08llx %c%c%c%c %08llx %02x:%02x %llu ",
		       (unsigned long long)e->start,
		       (unsigned long long)e->end,
		       e->read ? 'r' : '-', e->write ? 'w' : '-',
		       e->exec ? 'x' : '-', e->shared ? 's' : 'p',
		       (unsigned long long)e->offset, e->major, e->minor,
		       (unsigned long long)e->ino);
	if (e->name) {
		seq_buf_pad_to(s, line, MAPS_NAME_COL - 1);
		seq_buf_putc(s, ' ');
		seq_buf_puts(s, e->name);
	}
	seq_buf_putc(s, '\n');
}

/* show_val_kb: the name padded to 16 columns, the value to 8. */
static void meminfo_line(struct seq_buf *s, const char *name, uint64_t kb)
{
	seq_buf_printf(s, "%-16s%8llu kB\n", name, (unsigned long long)kb);
}

void proc_fmt_meminfo(struct seq_buf *s, const struct proc_meminfo *mi)
{
	meminfo_line(s, "MemTotal:", mi->mem_total);
	meminfo_line(s, "MemFree:", mi->mem_free);
	meminfo_line(s, "MemAvailable:", mi->mem_available);
	meminfo_line(s, "Buffers:", mi->buffers);
	meminfo_line(s, "Cached:", mi->cached);
	meminfo_line(s, "SwapCached:", mi->swap_cached);
	meminfo_line(s, "Active:", mi->active);
	meminfo_line(s, "Inactive:", mi->inactive);
	meminfo_line(s, "SwapTotal:", mi->swap_total);
	meminfo_line(s, "SwapFree:", mi->swap_free);
	meminfo_line(s, "Dirty:", mi->dirty);
	meminfo_line(s, "Writeback:", mi->writeback);
	meminfo_line(s, "Shmem:", mi->shmem);
	meminfo_line(s, "KReclaimable:", mi->sreclaimable);
	meminfo_line(s, "Slab:", mi->slab);
	meminfo_line(s, "SReclaimable:", mi->sreclaimable);
	meminfo_line(s, "SUnreclaim:", mi->sunreclaim);
	meminfo_line(s, "KernelStack:", mi->kernel_stack);
	meminfo_line(s, "VmallocTotal:", mi->vmalloc_total);
}

void proc_fmt_uptime(struct seq_buf *s, uint64_t uptime_ns, uint64_t idle_ns)
{
	seq_buf_printf(s, "%llu.%02llu %llu.%02llu\n",
		       (unsigned long long)(uptime_ns / NSEC_PER_SEC),
		       (unsigned long long)(uptime_ns % NSEC_PER_SEC /
					    (NSEC_PER_SEC / 100)),
		       (unsigned long long)(idle_ns / NSEC_PER_SEC),
		       (unsigned long long)(idle_ns % NSEC_PER_SEC /
					    (NSEC_PER_SEC / 100)));
}

#define LOAD_INT(x)	((x) >> FSHIFT)
#define LOAD_FRAC(x)	LOAD_INT(((x) & (FIXED_1 - 1)) * 100)

void proc_fmt_loadavg(struct seq_buf *s, const unsigned long loads[3],
		      unsigned int running, unsigned int total, int last_pid)
{
	seq_buf_printf(s, "%lu.%02lu %lu.%02lu %lu.%02lu %u/%u %d\n",
		       LOAD_INT(loads[0]), LOAD_FRAC(loads[0]),
		       LOAD_INT(loads[1]), LOAD_FRAC(loads[1]),
		       LOAD_INT(loads[2]), LOAD_FRAC(loads[2]),
		       running, total, last_pid);
}

/* mangle(): space, tab, newline and backslash as octal escapes. */
static void put_mangled(struct seq_buf *s, const char *str)
{
	for (; *str; str++) {
		if (strchr(" \t\n\\", *str))
			seq_buf_printf(s, "\\%03o", (unsigned int)(unsigned char)*str);
		else
			seq_buf_putc(s, *str);
	}
}

void proc_fmt_mount(struct seq_buf *s, const char *dev, const char *dir,
		    const char *type, const char *opts)
{
	put_mangled(s, dev);
	seq_buf_putc(s, ' ');
	put_mangled(s, dir);
	seq_buf_putc(s, ' ');
	put_mangled(s, type);
	seq_buf_printf(s, " %s 0 0\n", opts);
}

void proc_fmt_filesystem(struct seq_buf *s, const char *name,
			 bool requires_dev)
{
	seq_buf_printf(s, "%s\t%s\n", requires_dev ? "" : "nodev", name);
}

/* Linux: "Linux version RELEASE (BUILDER) (COMPILER) UTS_VERSION". */
void proc_fmt_version(struct seq_buf *s, const char *version,
		      const char *compiler)
{
	const char *sp = strchr(version, ' ');
	int rlen = sp ? (int)(sp - version) : (int)strlen(version);

	seq_buf_printf(s, "Breenix version %.*s (%s) #1%s%s\n", rlen, version,
		       compiler, sp ? " " : "", sp ? sp + 1 : "");
}

/*
 * Linux's names for the CPUID bits (arch/x86/include/asm/cpufeatures.h,
 * the strings of x86_cap_flags); NULL: a bit Linux does not show.
 */
static const char *const cpu_flag_names[CPU_NWORDS][32] = {
	[CPU_WORD_1_EDX] = {
		"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce",
		"cx8", "apic", NULL, "sep", "mtrr", "pge", "mca", "cmov",
		"pat", "pse36", "pn", "clflush", NULL, "dts", "acpi", "mmx",
		"fxsr", "sse", "sse2", "ss", "ht", "tm", "ia64", "pbe",
	},
	[CPU_WORD_8_1_EDX] = {
		[11] = "syscall", [19] = "mp", [20] = "nx", [22] = "mmxext",
		[25] = "fxsr_opt", [26] = "pdpe1gb", [27] = "rdtscp",
		[29] = "lm", [30] = "3dnowext", [31] = "3dnow",
	},
	[CPU_WORD_1_ECX] = {
		"pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx",
		"est", "tm2", "ssse3", "cid", "sdbg", "fma", "cx16", "xtpr",
		"pdcm", NULL, "pcid", "dca", "sse4_1", "sse4_2", "x2apic",
		"movbe", "popcnt", "tsc_deadline_timer", "aes", "xsave", NULL,
		"avx", "f16c", "rdrand", "hypervisor",
	},
	[CPU_WORD_8_1_ECX] = {
		"lahf_lm", "cmp_legacy", "svm", "extapic", "cr8_legacy", "abm",
		"sse4a", "misalignsse", "3dnowprefetch", "osvw", "ibs", "xop",
		"skinit", "wdt", NULL, "lwp", "fma4", "tce", NULL, "nodeid_msr",
		NULL, "tbm", "topoext", "perfctr_core", "perfctr_nb", NULL,
		"bpext", "ptsc", "perfctr_llc", "mwaitx",
	},
	[CPU_WORD_7_EBX] = {
		"fsgsbase", "tsc_adjust", "sgx", "bmi1", "hle", "avx2", NULL,
		"smep", "bmi2", "erms", "invpcid", "rtm", "cqm", NULL, "mpx",
		"rdt_a", "avx512f", "avx512dq", "rdseed", "adx", "smap",
		"avx512ifma", NULL, "clflushopt", "clwb", "intel_pt",
		"avx512pf", "avx512er", "avx512cd", "sha_ni", "avx512bw",
		"avx512vl",
	},
	[CPU_WORD_7_ECX] = {
		[1] = "avx512vbmi", [2] = "umip", [3] = "pku", [4] = "ospke",
		[5] = "waitpkg", [6] = "avx512_vbmi2", [8] = "gfni",
		[9] = "vaes", [10] = "vpclmulqdq", [11] = "avx512_vnni",
		[12] = "avx512_bitalg", [13] = "tme", [14] = "avx512_vpopcntdq",
		[16] = "la57", [22] = "rdpid", [24] = "bus_lock_detect",
		[25] = "cldemote", [27] = "movdiri", [28] = "movdir64b",
		[29] = "enqcmd", [30] = "sgx_lc",
	},
	[CPU_WORD_7_EDX] = {
		[2] = "avx512_4vnniw", [3] = "avx512_4fmaps", [4] = "fsrm",
		[8] = "avx512_vp2intersect", [10] = "md_clear",
		[14] = "serialize", [16] = "tsxldtrk", [18] = "pconfig",
		[19] = "arch_lbr", [20] = "ibt", [22] = "amx_bf16",
		[23] = "avx512_fp16", [24] = "amx_tile", [25] = "amx_int8",
		[28] = "flush_l1d", [29] = "arch_capabilities",
	},
};

/* x86_power_flags: CPUID 0x80000007 EDX. */
static const char *const power_flag_names[] = {
	"ts", "fid", "vid", "ttp", "tm", "stc", "100mhzsteps", "hwpstate",
	"", "cpb", "eff_freq_ro", "proc_feedback", "acc_power",
};

void proc_fmt_cpuinfo(struct seq_buf *s, const struct proc_cpuinfo *ci)
{
	unsigned int w, b;

	seq_buf_printf(s, "processor\t: %u\nvendor_id\t: %s\ncpu family\t: %u\n"
		       "model\t\t: %u\nmodel name\t: %s\nstepping\t: %u\n",
		       ci->processor, ci->vendor[0] ? ci->vendor : "unknown",
		       ci->family, ci->model,
		       ci->model_name[0] ? ci->model_name : "unknown",
		       ci->stepping);
	if (ci->microcode)
		seq_buf_printf(s, "microcode\t: 0x%x\n", ci->microcode);
	if (ci->cpu_khz)
		seq_buf_printf(s, "cpu MHz\t\t: %u.%03u\n", ci->cpu_khz / 1000,
			       ci->cpu_khz % 1000);
	if (ci->cache_kb)
		seq_buf_printf(s, "cache size\t: %u KB\n", ci->cache_kb);
	seq_buf_printf(s, "fpu\t\t: yes\nfpu_exception\t: yes\n"
		       "cpuid level\t: %u\nwp\t\t: yes\nflags\t\t:",
		       ci->cpuid_level);
	for (w = 0; w < CPU_NWORDS; w++)
		for (b = 0; b < 32; b++)
			if ((ci->words[w] & (1u << b)) && cpu_flag_names[w][b])
				seq_buf_printf(s, " %s", cpu_flag_names[w][b]);
	seq_buf_printf(s, "\nbogomips\t: %lu.%02lu\n",
		       ci->lpj / (500000 / ci->hz),
		       (ci->lpj / (5000 / ci->hz)) % 100);
	seq_buf_printf(s, "clflush size\t: %u\ncache_alignment\t: %u\n"
		       "address sizes\t: %u bits physical, %u bits virtual\n"
		       "power management:",
		       ci->clflush_size, ci->cache_alignment, ci->phys_bits,
		       ci->virt_bits);
	for (b = 0; b < 32; b++) {
		if (!(ci->power & (1u << b)))
			continue;
		if (b < sizeof(power_flag_names) / sizeof(power_flag_names[0])) {
			if (power_flag_names[b][0])
				seq_buf_printf(s, " %s", power_flag_names[b]);
		} else {
			seq_buf_printf(s, " [%u]", b);
		}
	}
	seq_buf_puts(s, "\n\n");
}

void proc_cpu_decode_signature(uint32_t eax, unsigned int *family,
			       unsigned int *model, unsigned int *stepping)
{
	*family = (eax >> 8) & 0xf;
	if (*family == 0xf)
		*family += (eax >> 20) & 0xff;
	*model = (eax >> 4) & 0xf;
	if (*family >= 6)
		*model += ((eax >> 16) & 0xf) << 4;
	*stepping = eax & 0xf;
}

void proc_cpu_model_name(char out[49], const uint32_t regs[12])
{
	char raw[49];
	char *p = raw, *end;

	memcpy(raw, regs, 48);
	raw[48] = '\0';
	while (*p == ' ')
		p++;
	end = p + strlen(p);
	while (end > p && end[-1] == ' ')
		end--;
	*end = '\0';
	memmove(out, p, (size_t)(end - p) + 1);
}

bool proc_may_access(const struct proc_ids *reader,
		     const struct proc_ids *target, bool same_process)
{
	if (same_process || reader->euid == 0)
		return true;
	return reader->fsuid == target->uid && reader->fsuid == target->euid &&
	       reader->fsuid == target->suid && reader->fsgid == target->gid &&
	       reader->fsgid == target->egid && reader->fsgid == target->sgid;
}
