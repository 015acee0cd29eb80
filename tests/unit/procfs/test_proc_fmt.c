/*
 * /proc's formatters (kernel/fs/proc/proc_fmt.c) against text read from
 * Linux 6.18's /proc on the development host: the same numbers must give
 * the same bytes. Where Linux shows a counter Breenix does not keep (page
 * faults, ignored signals) the expected line has Breenix's 0 in its place
 * and the test says so. Also the seq_buf the text is written into.
 */
#include <stdio.h>
#include <string.h>
#include <breenix/proc_fmt.h>
#include "unit.h"

static char buf[8192];
static struct seq_buf sb;

static struct seq_buf *fresh(void)
{
	memset(buf, 0x5a, sizeof(buf));
	seq_buf_init(&sb, buf, sizeof(buf));
	return &sb;
}

/* The text written, NUL-terminated for comparison. */
static const char *text(void)
{
	ck_assert(!seq_buf_has_overflowed(&sb));
	ck_assert_uint_lt(sb.len, sizeof(buf));
	buf[sb.len] = '\0';
	return buf;
}

START_TEST(seq_buf_keeps_whole_writes)
{
	char small[8];
	struct seq_buf s;

	seq_buf_init(&s, small, sizeof(small));
	seq_buf_printf(&s, "%d", 1234);
	seq_buf_puts(&s, "abc");
	ck_assert_uint_eq(s.len, 7);
	ck_assert(!seq_buf_has_overflowed(&s));
	/* A write that does not fit leaves the text as it was. */
	seq_buf_puts(&s, "xy");
	ck_assert(seq_buf_has_overflowed(&s));
	ck_assert_uint_eq(s.len, 7);
	ck_assert(!memcmp(small, "1234abc", 7));
	/* Nothing after an overflow is kept, even what would fit. */
	seq_buf_putc(&s, 'z');
	ck_assert_uint_eq(s.len, 7);

	/* printf needs room for its NUL: a full-size string overflows. */
	seq_buf_init(&s, small, sizeof(small));
	seq_buf_printf(&s, "%s", "12345678");
	ck_assert(seq_buf_has_overflowed(&s));
	ck_assert_uint_eq(s.len, 0);
	/* putmem needs none, and copies NULs. */
	seq_buf_init(&s, small, sizeof(small));
	seq_buf_putmem(&s, "123\0" "5678", 8);
	ck_assert(!seq_buf_has_overflowed(&s));
	ck_assert_uint_eq(s.len, 8);
	ck_assert(!memcmp(small, "123\0" "5678", 8));
}
END_TEST

START_TEST(seq_buf_pads_to_a_column)
{
	struct seq_buf *s = fresh();
	size_t line;

	seq_buf_puts(s, "ab\n");
	line = s->len;
	seq_buf_puts(s, "cd");
	seq_buf_pad_to(s, line, 5);
	seq_buf_putc(s, '|');
	seq_buf_pad_to(s, line, 2);
	ck_assert_str_eq(text(), "ab\ncd   |");
}
END_TEST

/* `cat /proc/self/stat` on Linux (minflt 100 there, 0 here: not counted). */
static const char linux_stat[] =
	"6195 (cat) R 6192 6192 27836 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 "
	"1324596 3133440 390 18446744073709551615 94383281094656 "
	"94383281114537 140721469150448 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 "
	"94383281130544 94383281132160 94384198385664 140721469155782 "
	"140721469155802 140721469155802 140721469157355 0\n";

static void cat_stat(struct task_stat *st)
{
	memset(st, 0, sizeof(*st));
	st->pid = st->tgid = 6195;
	strcpy(st->comm, "cat");
	st->state = 'R';
	st->ppid = 6192;
	st->pgrp = 6192;
	st->session = 27836;
	st->flags = 4194304;
	st->num_threads = 1;
	st->start_time = 1324596ULL * 10000000;
	st->rsslim = ~0ULL;
	st->exit_signal = 17;
	st->cpu = 1;
	st->has_mm = true;
	st->vm_pages = 3133440 / 4096;
	st->rss_pages = 390;
	st->start_code = 94383281094656ULL;
	st->end_code = 94383281114537ULL;
	st->start_stack = 140721469150448ULL;
	st->start_data = 94383281130544ULL;
	st->end_data = 94383281132160ULL;
	st->start_brk = 94384198385664ULL;
	st->arg_start = 140721469155782ULL;
	st->arg_end = 140721469155802ULL;
	st->env_start = 140721469155802ULL;
	st->env_end = 140721469157355ULL;
}

START_TEST(stat_matches_linux)
{
	struct task_stat st;

	cat_stat(&st);
	proc_fmt_stat(fresh(), &st, true);
	ck_assert_str_eq(text(), linux_stat);
}
END_TEST

static unsigned int count_fields(const char *line)
{
	const char *p = strrchr(line, ')');
	unsigned int n = 2;

	for (p++; *p && *p != '\n'; p++)
		if (*p == ' ')
			n++;
	return n;
}

/* A comm with spaces and parentheses stays one field; 52 fields always. */
START_TEST(stat_has_52_fields)
{
	struct task_stat st;

	cat_stat(&st);
	strcpy(st.comm, "a (b) c");
	proc_fmt_stat(fresh(), &st, true);
	ck_assert_uint_eq(count_fields(text()), 52);
	ck_assert(!strncmp(text(), "6195 (a (b) c) R ", 17));
	st.has_mm = false;
	st.state = 'Z';
	proc_fmt_stat(fresh(), &st, false);
	ck_assert_uint_eq(count_fields(text()), 52);
}
END_TEST

/*
 * A reader that may not ptrace the process: code addresses 1, the stack
 * and the last eight 0, as Linux shows another user's process. A sleeping
 * task shows wchan 1 to a reader that may see it (`sleep 100 &`).
 */
START_TEST(stat_masks_for_other_readers)
{
	struct task_stat st;

	cat_stat(&st);
	st.state = 'S';
	proc_fmt_stat(fresh(), &st, false);
	ck_assert_str_eq(text(),
		"6195 (cat) S 6192 6192 27836 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 "
		"1 0 1324596 3133440 390 18446744073709551615 1 1 0 0 0 0 0 0 "
		"0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n");
	proc_fmt_stat(fresh(), &st, true);
	ck_assert(strstr(text(), " 140721469150448 0 0 0 0 0 0 1 0 0 17 1 "));
}
END_TEST

START_TEST(stat_times_in_clock_ticks)
{
	struct task_stat st;

	cat_stat(&st);
	st.utime = 1234567890;		/* 123 ticks of 10 ms, truncated */
	st.stime = 9999999;		/* just under one tick */
	st.cutime = 20000000;
	st.cstime = 30000000;
	st.nice = -5;
	proc_fmt_stat(fresh(), &st, true);
	ck_assert(strstr(text(), " 0 0 0 0 123 0 2 3 15 -5 1 0 1324596 "));
}
END_TEST

/* `cat /proc/self/status` on Linux: the lines Breenix writes. */
START_TEST(status_matches_linux)
{
	struct task_stat st;

	cat_stat(&st);
	st.pid = st.tgid = 6200;
	st.vm_pages = 3708 / 4;
	st.rss_pages = 1764 / 4;
	st.data_pages = 1008 / 4;
	st.stack_pages = 132 / 4;
	st.exec_pages = 20 / 4;
	st.pt_pages = 48 / 4;
	proc_fmt_status(fresh(), &st, 0022);
	ck_assert_str_eq(text(),
		"Name:\tcat\n"
		"Umask:\t0022\n"
		"State:\tR (running)\n"
		"Tgid:\t6200\n"
		"Ngid:\t0\n"
		"Pid:\t6200\n"
		"PPid:\t6192\n"
		"TracerPid:\t0\n"
		"Uid:\t0\t0\t0\t0\n"
		"Gid:\t0\t0\t0\t0\n"
		"Groups:\t \n"
		"NStgid:\t6200\n"
		"NSpid:\t6200\n"
		"NSpgid:\t6192\n"
		"NSsid:\t27836\n"
		"Kthread:\t0\n"
		"VmSize:\t    3708 kB\n"
		"VmLck:\t       0 kB\n"
		"VmPin:\t       0 kB\n"
		"VmRSS:\t    1764 kB\n"
		"VmData:\t    1008 kB\n"
		"VmStk:\t     132 kB\n"
		"VmExe:\t      20 kB\n"
		"VmPTE:\t      48 kB\n"
		"VmSwap:\t       0 kB\n"
		"CoreDumping:\t0\n"
		"Threads:\t1\n"
		"SigPnd:\t0000000000000000\n"
		"ShdPnd:\t0000000000000000\n"
		"SigBlk:\t0000000000000000\n"
		"SigIgn:\t0000000000000000\n"
		"SigCgt:\t0000000000000000\n");
}
END_TEST

/* Groups keep Linux's trailing space; a name is escaped; no Umask line. */
START_TEST(status_groups_and_escapes)
{
	struct task_stat st;

	cat_stat(&st);
	st.has_mm = false;
	st.kthread = true;
	st.state = 'D';
	st.uid = 1000;
	st.euid = 1001;
	st.suid = 1002;
	st.fsuid = 1003;
	st.ngroups = 3;
	st.groups[0] = 4;
	st.groups[1] = 24;
	st.groups[2] = 1000;
	strcpy(st.comm, "a\tb\\c\nd");
	proc_fmt_status(fresh(), &st, -1);
	ck_assert(!strncmp(text(), "Name:\ta\\tb\\\\c\\nd\nState:\tD (disk sleep)\n", 36));
	ck_assert(strstr(text(), "\nUid:\t1000\t1001\t1002\t1003\n"));
	ck_assert(strstr(text(), "\nGroups:\t4 24 1000 \n"));
	ck_assert(strstr(text(), "\nKthread:\t1\nCoreDumping:\t0\n"));
	ck_assert(!strstr(text(), "Vm"));
	ck_assert_str_eq(proc_state_name('Z'), "Z (zombie)");
	ck_assert_str_eq(proc_state_name('S'), "S (sleeping)");
}
END_TEST

/* `cat /proc/self/maps` on Linux: the name starts in column 73. */
START_TEST(maps_lines_match_linux)
{
	struct proc_maps_entry file = {
		.start = 0x5605c178d000, .end = 0x5605c1792000,
		.read = true, .exec = true, .offset = 0x2000,
		.major = 0xfe, .minor = 0, .ino = 247134, .name = "/usr/bin/cat",
	};
	struct proc_maps_entry heap = {
		.start = 0x5605ef9e9000, .end = 0x5605efa0a000,
		.read = true, .write = true, .name = "[heap]",
	};
	struct proc_maps_entry anon = {
		.start = 0x7ff61d443000, .end = 0x7ff61d507000,
		.read = true, .write = true,
	};
	struct proc_maps_entry low = {
		.start = 0x400000, .end = 0x401000, .read = true, .shared = true,
		.name = "/dev/zero (deleted)",
	};
	struct seq_buf *s = fresh();

	proc_fmt_maps_entry(s, &file);
	proc_fmt_maps_entry(s, &heap);
	proc_fmt_maps_entry(s, &anon);
	proc_fmt_maps_entry(s, &low);
	ck_assert_str_eq(text(),
		"5605c178d000-5605c1792000 r-xp 00002000 fe:00 247134                     /usr/bin/cat\n"
		"5605ef9e9000-5605efa0a000 rw-p 00000000 00:00 0                          [heap]\n"
		"7ff61d443000-7ff61d507000 rw-p 00000000 00:00 0 \n"
		"00400000-00401000 r--s 00000000 00:00 0                                  /dev/zero (deleted)\n");
}
END_TEST

START_TEST(meminfo_matches_linux)
{
	struct proc_meminfo mi = {
		.mem_total = 24684092, .mem_free = 23891148,
		.mem_available = 24208348, .buffers = 7904, .cached = 289740,
		.active = 194972, .inactive = 102680, .dirty = 10716,
		.shmem = 8856, .sreclaimable = 347984, .slab = 382940,
		.sunreclaim = 35092, .kernel_stack = 1412,
		.vmalloc_total = 34359738367ULL,
	};

	proc_fmt_meminfo(fresh(), &mi);
	ck_assert_str_eq(text(),
		"MemTotal:       24684092 kB\n"
		"MemFree:        23891148 kB\n"
		"MemAvailable:   24208348 kB\n"
		"Buffers:            7904 kB\n"
		"Cached:           289740 kB\n"
		"SwapCached:            0 kB\n"
		"Active:           194972 kB\n"
		"Inactive:         102680 kB\n"
		"SwapTotal:             0 kB\n"
		"SwapFree:              0 kB\n"
		"Dirty:             10716 kB\n"
		"Writeback:             0 kB\n"
		"Shmem:              8856 kB\n"
		"KReclaimable:     347984 kB\n"
		"Slab:             382940 kB\n"
		"SReclaimable:     347984 kB\n"
		"SUnreclaim:        35092 kB\n"
		"KernelStack:        1412 kB\n"
		"VmallocTotal:   34359738367 kB\n");
}
END_TEST

/* `cat /proc/uptime` gave "13245.97 13754.52": truncated, not rounded. */
START_TEST(uptime_matches_linux)
{
	proc_fmt_uptime(fresh(), 13245979999999ULL, 13754520000000ULL);
	ck_assert_str_eq(text(), "13245.97 13754.52\n");
	proc_fmt_uptime(fresh(), 5000000ULL, 0);
	ck_assert_str_eq(text(), "0.00 0.00\n");
	proc_fmt_uptime(fresh(), 61090000000ULL, 60010000000ULL);
	ck_assert_str_eq(text(), "61.09 60.01\n");
}
END_TEST

/* `cat /proc/loadavg` gave "0.30 0.71 0.92 1/88 6202". */
START_TEST(loadavg_matches_linux)
{
	/* avenrun in 11-bit fixed point plus Linux's FIXED_1/200. */
	unsigned long loads[3] = {
		(2048 * 30 / 100) + 10, (2048 * 71 / 100) + 10,
		(2048 * 92 / 100) + 10,
	};
	unsigned long big[3] = { 2048 * 12 + 2047, 0, 2048 };

	proc_fmt_loadavg(fresh(), loads, 1, 88, 6202);
	ck_assert_str_eq(text(), "0.30 0.71 0.92 1/88 6202\n");
	proc_fmt_loadavg(fresh(), big, 3, 100, 1);
	ck_assert_str_eq(text(), "12.99 0.00 1.00 3/100 1\n");
}
END_TEST

/* /proc/mounts and /proc/filesystems lines, with mangle()'s escapes. */
START_TEST(mounts_and_filesystems_match_linux)
{
	struct seq_buf *s = fresh();

	proc_fmt_mount(s, "proc", "/proc", "proc", "rw,relatime");
	proc_fmt_mount(s, "tmpfs", "/my dir\\x", "tmpfs", "rw");
	proc_fmt_filesystem(s, "tmpfs", false);
	proc_fmt_filesystem(s, "ext4", true);
	ck_assert_str_eq(text(),
		"proc /proc proc rw,relatime 0 0\n"
		"tmpfs /my\\040dir\\134x tmpfs rw 0 0\n"
		"nodev\ttmpfs\n"
		"\text4\n");
}
END_TEST

START_TEST(version_line)
{
	proc_fmt_version(fresh(), "0.6.0 (v0.5-12-gabcdef)", "gcc version 12.2.0");
	ck_assert_str_eq(text(),
		"Breenix version 0.6.0 (gcc version 12.2.0) #1 (v0.5-12-gabcdef)\n");
	proc_fmt_version(fresh(), "0.6.0", "gcc version 12.2.0");
	ck_assert_str_eq(text(), "Breenix version 0.6.0 (gcc version 12.2.0) #1\n");
}
END_TEST

/*
 * The layout of `cat /proc/cpuinfo` on Linux (its SMP topology lines,
 * bugs and TLB size are not shown by Breenix); flags from CPUID bits.
 */
START_TEST(cpuinfo_matches_linux)
{
	struct proc_cpuinfo ci = {
		.processor = 0, .vendor = "AuthenticAMD", .family = 26,
		.model = 2, .model_name = "AMD EPYC", .stepping = 1,
		.microcode = 0x1000065, .cpu_khz = 2596126, .cache_kb = 1024,
		.cpuid_level = 28, .lpj = 2596126, .hz = 1000,
		.clflush_size = 64, .cache_alignment = 64, .phys_bits = 48,
		.virt_bits = 48,
	};

	/* fpu vme ... sse2 ht, syscall nx lm, pni ssse3 ... hypervisor */
	ci.words[CPU_WORD_1_EDX] = 0x178bfbff;
	ci.words[CPU_WORD_8_1_EDX] = (1u << 11) | (1u << 20) | (1u << 29);
	ci.words[CPU_WORD_1_ECX] = (1u << 0) | (1u << 9) | (1u << 27) | (1u << 31);
	ci.words[CPU_WORD_7_EBX] = (1u << 0) | (1u << 6);
	ci.power = 1u << 8;
	proc_fmt_cpuinfo(fresh(), &ci);
	ck_assert_str_eq(text(),
		"processor\t: 0\n"
		"vendor_id\t: AuthenticAMD\n"
		"cpu family\t: 26\n"
		"model\t\t: 2\n"
		"model name\t: AMD EPYC\n"
		"stepping\t: 1\n"
		"microcode\t: 0x1000065\n"
		"cpu MHz\t\t: 2596.126\n"
		"cache size\t: 1024 KB\n"
		"fpu\t\t: yes\n"
		"fpu_exception\t: yes\n"
		"cpuid level\t: 28\n"
		"wp\t\t: yes\n"
		"flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge "
		"mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx lm pni "
		"ssse3 hypervisor fsgsbase\n"
		"bogomips\t: 5192.25\n"
		"clflush size\t: 64\n"
		"cache_alignment\t: 64\n"
		"address sizes\t: 48 bits physical, 48 bits virtual\n"
		"power management:\n"
		"\n");
}
END_TEST

START_TEST(cpu_signature_and_name)
{
	unsigned int f, m, s;
	uint32_t regs[12];
	char name[49];
	const char *brand = "       Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz  ";

	/* Linux's decoding: i7-8700 (0x906ea), EPYC (0xb00f21), a P4. */
	proc_cpu_decode_signature(0x906ea, &f, &m, &s);
	ck_assert_uint_eq(f, 6);
	ck_assert_uint_eq(m, 158);
	ck_assert_uint_eq(s, 10);
	proc_cpu_decode_signature(0xb00f21, &f, &m, &s);
	ck_assert_uint_eq(f, 26);
	ck_assert_uint_eq(m, 2);
	ck_assert_uint_eq(s, 1);
	proc_cpu_decode_signature(0xf29, &f, &m, &s);
	ck_assert_uint_eq(f, 15);
	ck_assert_uint_eq(m, 2);
	ck_assert_uint_eq(s, 9);

	memset(regs, 0, sizeof(regs));
	memcpy(regs, brand, strlen(brand));
	proc_cpu_model_name(name, regs);
	ck_assert_str_eq(name, "Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz");
	memset(regs, 0, sizeof(regs));
	proc_cpu_model_name(name, regs);
	ck_assert_str_eq(name, "");
}
END_TEST

/* Linux's ptrace rule for environ and maps: every id must match, or root. */
START_TEST(access_rule)
{
	struct proc_ids user = { 1000, 1000, 1000, 1000, 100, 100, 100, 100 };
	struct proc_ids other = user, root = { 0 };

	ck_assert(proc_may_access(&user, &user, false));
	ck_assert(proc_may_access(&root, &user, false));
	ck_assert(!proc_may_access(&user, &root, false));
	ck_assert(proc_may_access(&user, &root, true));
	other.suid = 0;		/* a setuid program that dropped privilege */
	ck_assert(!proc_may_access(&user, &other, false));
	other = user;
	other.sgid = 5;
	ck_assert(!proc_may_access(&user, &other, false));
	other = user;
	other.fsuid = 7;	/* only the reader's fs ids count */
	ck_assert(proc_may_access(&user, &other, false));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("procfs");
	TCase *tc = tcase_create("fmt");

	tcase_add_test(tc, seq_buf_keeps_whole_writes);
	tcase_add_test(tc, seq_buf_pads_to_a_column);
	tcase_add_test(tc, stat_matches_linux);
	tcase_add_test(tc, stat_has_52_fields);
	tcase_add_test(tc, stat_masks_for_other_readers);
	tcase_add_test(tc, stat_times_in_clock_ticks);
	tcase_add_test(tc, status_matches_linux);
	tcase_add_test(tc, status_groups_and_escapes);
	tcase_add_test(tc, maps_lines_match_linux);
	tcase_add_test(tc, meminfo_matches_linux);
	tcase_add_test(tc, uptime_matches_linux);
	tcase_add_test(tc, loadavg_matches_linux);
	tcase_add_test(tc, mounts_and_filesystems_match_linux);
	tcase_add_test(tc, version_line);
	tcase_add_test(tc, cpuinfo_matches_linux);
	tcase_add_test(tc, cpu_signature_and_name);
	tcase_add_test(tc, access_rule);
	suite_add_tcase(s, tc);
	return s;
}
