/*
 * /proc in the formats Linux uses, read the way ps, free and uptime read
 * them: /proc/self, /proc/<pid>/{stat,status,cmdline,environ,maps,fd/,cwd,
 * exe}, /proc/meminfo, uptime, loadavg, mounts, cpuinfo, version and
 * filesystems. The cases check field counts, order, units and what the
 * values must agree with, not exact values.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

extern char **environ;

static char buf[65536];

/* The whole file into buf (NUL-terminated); its length, or -1. */
static long slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	long len = 0;
	ssize_t n;

	if (fd < 0)
		return -1;
	while (len < (long)sizeof(buf) - 1 && (n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = 0;
	return len;
}

/* The fields of a stat line after "pid (comm) ", split at spaces; their count. */
static int stat_fields(char *line, char *comm, size_t comm_size, char **fields, int max)
{
	char *open = strchr(line, '('), *close = strrchr(line, ')');
	int n = 0;

	if (!open || !close || close < open)
		return -1;
	snprintf(comm, comm_size, "%.*s", (int)(close - open - 1), open + 1);
	for (char *save = NULL, *f = strtok_r(close + 1, " \n", &save); f && n < max; f = strtok_r(NULL, " \n", &save))
		fields[n++] = f;
	return n + 2;
}

static void self_link(void)
{
	char link[64], want[32];
	ssize_t n = readlink("/proc/self", link, sizeof(link) - 1);
	struct stat st;

	snprintf(want, sizeof(want), "%d", getpid());
	if (n >= 0)
		link[n] = 0;
	check(n > 0 && strcmp(link, want) == 0, "/proc/self is a symlink to the pid", "'%s' want '%s'", n > 0 ? link : "",
	      want);
	check(stat("/proc/self", &st) == 0 && S_ISDIR(st.st_mode), "/proc/self leads to a directory", "%s", strerror(errno));
	check(stat("/proc/1", &st) == 0 && S_ISDIR(st.st_mode), "/proc/1 exists", "%s", strerror(errno));
	check_errno(open("/proc/999999999/stat", O_RDONLY), ENOENT, "/proc/<no such pid> is ENOENT");
}

static void pid_stat(void)
{
	char comm[64], *f[64];
	int n;
	long pid;

	check(slurp("/proc/self/stat") > 0, "/proc/self/stat reads", "%s", strerror(errno));
	pid = atol(buf);
	n = stat_fields(buf, comm, sizeof(comm), f, 64);
	check(n == 52, "/proc/self/stat has 52 fields (Linux 3.5 and later)", "%d", n);
	if (n < 24)
		return;
	/* proc(5): field 3 state, 4 ppid, 5 pgrp, 6 session, 20 num_threads, 22 starttime, 23 vsize, 24 rss. */
	check(pid == getpid(), "field 1 is the pid", "%ld", pid);
	check(strcmp(comm, "proc") == 0, "field 2 is (comm), the program's name", "'%s'", comm);
	check(strcmp(f[0], "R") == 0, "field 3: the reading process is running (R)", "'%s'", f[0]);
	check(atol(f[1]) == getppid() && atol(f[2]) == getpgrp() && atol(f[3]) == getsid(0),
	      "fields 4-6: ppid, pgrp, session", "%s %s %s", f[1], f[2], f[3]);
	check(atol(f[17]) == 1, "field 20: num_threads is 1", "%s", f[17]);
	/* Linux's rss may read 0: its per-CPU counters are summed lazily. */
	check(strtoul(f[19], NULL, 10) > 0 && strtoul(f[20], NULL, 10) > 0 && strspn(f[21], "0123456789") == strlen(f[21]),
	      "fields 22-24: starttime (ticks) and vsize (bytes) are set, rss (pages) is a number", "starttime %s vsize %s rss %s", f[19],
	      f[20], f[21]);
}

static void child_states(void)
{
	char path[64], comm[64], *f[64];
	int p[2], status;
	pid_t pid;

	pipe(p);
	pid = fork();
	if (pid == 0) {
		char c;

		close(p[1]);
		read(p[0], &c, 1);
		_exit(0);
	}
	close(p[0]);
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	{
		struct timespec ms100 = { 0, 100000000 };

		nanosleep(&ms100, NULL);
	}
	check(slurp(path) > 0 && stat_fields(buf, comm, sizeof(comm), f, 64) > 3 && strcmp(f[0], "S") == 0 &&
	      atol(f[1]) == getpid(), "a child blocked in read is S, with this process as ppid", "'%s'", buf);
	write(p[1], "x", 1);
	close(p[1]);
	{
		struct timespec ms100 = { 0, 100000000 };

		nanosleep(&ms100, NULL);
	}
	check(slurp(path) > 0 && stat_fields(buf, comm, sizeof(comm), f, 64) > 3 && strcmp(f[0], "Z") == 0,
	      "an exited, unreaped child is Z", "'%s'", buf);
	waitpid(pid, &status, 0);
	check(slurp(path) == -1 && errno == ENOENT, "a reaped child's directory is gone", "%s", strerror(errno));
}

/* The value after "key:" in buf (status, meminfo), or NULL. */
static const char *value_of(const char *key)
{
	static char val[256];
	size_t klen = strlen(key);

	for (char *line = buf; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
			const char *v = line + klen + 1;
			size_t len;

			v += strspn(v, " \t");
			len = strcspn(v, "\n");
			snprintf(val, sizeof(val), "%.*s", (int)len, v);
			return val;
		}
	}
	return NULL;
}

static void pid_status(void)
{
	const char *v;
	unsigned long r, e, s, fs;
	char unit[8] = "";
	long kb = -1;

	check(slurp("/proc/self/status") > 0 && strncmp(buf, "Name:\t", 6) == 0,
	      "/proc/self/status starts with \"Name:\\t\"", "'%.20s'", buf);
	v = value_of("Name");
	check(v && strcmp(v, "proc") == 0, "Name: is the program's name", "'%s'", v ? v : "");
	v = value_of("State");
	check(v && strcmp(v, "R (running)") == 0, "State: R (running)", "'%s'", v ? v : "");
	v = value_of("Pid");
	check(v && atol(v) == getpid(), "Pid:", "'%s'", v ? v : "");
	v = value_of("Tgid");
	check(v && atol(v) == getpid(), "Tgid:", "'%s'", v ? v : "");
	v = value_of("PPid");
	check(v && atol(v) == getppid(), "PPid:", "'%s'", v ? v : "");
	v = value_of("Uid");
	check(v && sscanf(v, "%lu\t%lu\t%lu\t%lu", &r, &e, &s, &fs) == 4 && r == getuid() && e == geteuid(),
	      "Uid: real, effective, saved, filesystem (tab-separated)", "'%s'", v ? v : "");
	v = value_of("Gid");
	check(v && sscanf(v, "%lu\t%lu\t%lu\t%lu", &r, &e, &s, &fs) == 4 && r == getgid(), "Gid: four values", "'%s'",
	      v ? v : "");
	v = value_of("VmRSS");
	check(v && sscanf(v, "%ld %7s", &kb, unit) == 2 && kb > 0 && strcmp(unit, "kB") == 0, "VmRSS: N kB", "'%s'",
	      v ? v : "");
	v = value_of("VmSize");
	check(v && sscanf(v, "%ld %7s", &kb, unit) == 2 && kb > 0 && strcmp(unit, "kB") == 0, "VmSize: N kB", "'%s'",
	      v ? v : "");
	v = value_of("Threads");
	check(v && atol(v) == 1, "Threads: 1", "'%s'", v ? v : "");
}

static void pid_cmdline_environ(int argc, char **argv, char **envp)
{
	long len = slurp("/proc/self/cmdline"), off = 0;
	int i, same = 1;

	for (i = 0; i < argc && off < len; i++) {
		same &= strcmp(buf + off, argv[i]) == 0;
		off += strlen(buf + off) + 1;
	}
	check(len > 0 && same && i == argc && off == len, "cmdline is argv, each NUL-terminated", "%ld bytes", len);
	len = slurp("/proc/self/environ");
	off = 0;
	same = 1;
	for (i = 0; envp[i] && off < len; i++) {
		same &= strcmp(buf + off, envp[i]) == 0;
		off += strlen(buf + off) + 1;
	}
	check(len >= 0 && same && !envp[i] && off == len, "environ is the initial environment, each NUL-terminated",
	      "%ld bytes, %d strings", len, i);
}

static void pid_maps(void)
{
	char *anon = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long start, end, off, ino, prev_end = 0, code = (unsigned long)pid_maps;
	unsigned maj, min;
	char perms[8], name[PATH_MAX];
	int lines = 0, bad = 0, stack = 0, code_x = 0, anon_seen = 0;

	check(slurp("/proc/self/maps") > 0, "/proc/self/maps reads", "%s", strerror(errno));
	for (char *save = NULL, *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		int n;

		name[0] = 0;
		n = sscanf(line, "%lx-%lx %7s %lx %x:%x %lu %4095s", &start, &end, perms, &off, &maj, &min, &ino, name);
		lines++;
		if (n < 7 || start >= end || start < prev_end || strlen(perms) != 4) {
			bad++;
			continue;
		}
		prev_end = end;
		stack += strcmp(name, "[stack]") == 0;
		if (code >= start && code < end)
			code_x = strcmp(perms, "r-xp") == 0;
		if ((unsigned long)anon == start && end - start == 3 * 4096 && strcmp(perms, "r--p") == 0 && ino == 0)
			anon_seen = 1;
	}
	check(lines > 3 && bad == 0, "maps: \"start-end perms offset maj:min inode [path]\", ascending, no overlaps",
	      "%d lines, %d bad", lines, bad);
	check(code_x, "maps: this code is in an r-xp mapping", "-");
	check(stack == 1, "maps: one [stack]", "%d", stack);
	check(anon_seen, "maps: a fresh 3-page PROT_READ anonymous mapping is r--p with inode 0", "-");
	munmap(anon, 3 * 4096);
}

static void pid_links(const char *exe)
{
	char link[PATH_MAX], want[PATH_MAX], path[64];
	int fd = open(tpath("linked"), O_RDONLY | O_CREAT, 0644), p[2], seen = 0, fds = 0;
	ssize_t n;
	DIR *d;
	struct dirent *de;

	realpath(tpath("linked"), want);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	n = readlink(path, link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = 0;
	check(strcmp(link, want) == 0, "/proc/self/fd/N of a file links to its path", "'%s' want '%s'", link, want);
	pipe(p);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[0]);
	n = readlink(path, link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = 0;
	check(strncmp(link, "pipe:[", 6) == 0 && link[n - 1] == ']', "/proc/self/fd/N of a pipe is \"pipe:[inode]\"", "'%s'",
	      link);
	d = opendir("/proc/self/fd");
	while (d && (de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		fds++;
		seen += atoi(de->d_name) == fd || atoi(de->d_name) == p[0] || atoi(de->d_name) == p[1];
		seen += (atoi(de->d_name) == 0) * 10;
	}
	if (d)
		closedir(d);
	check(seen == 13 && fds >= 5, "/proc/self/fd lists the open descriptors", "%d seen, %d entries", seen, fds);
	close(fd);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	check_errno(readlink(path, link, sizeof(link)), ENOENT, "/proc/self/fd/N of a closed descriptor is ENOENT");
	close(p[0]);
	close(p[1]);
	chdir(scratch_dir());
	realpath(scratch_dir(), want);
	n = readlink("/proc/self/cwd", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = 0;
	check(strcmp(link, want) == 0, "/proc/self/cwd links to the working directory", "'%s' want '%s'", link, want);
	chdir("/");
	n = readlink("/proc/self/exe", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = 0;
	check(strcmp(link, exe) == 0, "/proc/self/exe links to the program", "'%s' want '%s'", link, exe);
}

static void meminfo(void)
{
	static const char *const keys[] = { "MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapCached",
					    "Active", "Inactive" };
	long vals[8], pos[8];
	int ok = 0;

	check(slurp("/proc/meminfo") > 0, "/proc/meminfo reads", "%s", strerror(errno));
	for (int i = 0; i < 8; i++) {
		char *at = strstr(buf, keys[i]);
		char unit[8] = "";
		int n = 0;

		pos[i] = at ? at - buf : -1;
		vals[i] = -1;
		if (at && at[strlen(keys[i])] == ':')
			n = sscanf(at + strlen(keys[i]) + 1, "%ld %7s", &vals[i], unit);
		ok += n == 2 && strcmp(unit, "kB") == 0 && vals[i] >= 0;
	}
	check(ok == 8, "meminfo: MemTotal, MemFree, MemAvailable, Buffers, Cached, ... each \"Key:   N kB\"", "%d of 8", ok);
	check(pos[0] == 0 && pos[0] < pos[1] && pos[1] < pos[2] && pos[2] < pos[3] && pos[3] < pos[4],
	      "meminfo: they come first and in Linux's order", "-");
	check(vals[0] > 0 && vals[1] <= vals[0] && vals[2] <= vals[0], "meminfo: free and available are at most the total",
	      "%ld %ld %ld", vals[0], vals[1], vals[2]);
	check(strstr(buf, "\nSwapTotal:") && strstr(buf, "\nSwapFree:"), "meminfo: SwapTotal and SwapFree (free reads them)",
	      "-");
}

static void uptime_loadavg(void)
{
	double up, idle, up2, l1, l5, l15;
	int run, total, last, n;
	char end;
	struct timespec ms50 = { 0, 50000000 };

	check(slurp("/proc/uptime") > 0 && sscanf(buf, "%lf %lf%c", &up, &idle, &end) == 3 && end == '\n' && up > 0 &&
	      idle >= 0, "uptime: \"seconds idle\\n\"", "'%s'", buf);
	check(strchr(buf, '.') && strchr(buf, '.')[3] == ' ', "uptime: two decimals", "'%s'", buf);
	nanosleep(&ms50, NULL);
	check(slurp("/proc/uptime") > 0 && sscanf(buf, "%lf", &up2) == 1 && up2 >= up, "uptime does not go backwards",
	      "%.2f then %.2f", up, up2);
	n = slurp("/proc/loadavg") > 0 ? sscanf(buf, "%lf %lf %lf %d/%d %d%c", &l1, &l5, &l15, &run, &total, &last, &end) : 0;
	check(n == 7 && end == '\n' && l1 >= 0 && run >= 1 && total >= run && last > 0,
	      "loadavg: \"l1 l5 l15 running/total lastpid\\n\"", "'%s'", buf);
}

static void mounts(void)
{
	int lines = 0, bad = 0, root = 0, proc = 0;

	check(slurp("/proc/mounts") > 0, "/proc/mounts reads", "%s", strerror(errno));
	for (char *save = NULL, *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char dev[256], dir[256], type[64], opts[512];
		int a, b;

		lines++;
		if (sscanf(line, "%255s %255s %63s %511s %d %d", dev, dir, type, opts, &a, &b) != 6) {
			bad++;
			continue;
		}
		root += strcmp(dir, "/") == 0;
		proc += strcmp(dir, "/proc") == 0 && strcmp(type, "proc") == 0;
		bad += strncmp(opts, "rw", 2) != 0 && strncmp(opts, "ro", 2) != 0;
	}
	check(lines > 0 && bad == 0, "mounts: \"device dir type rw|ro,... 0 0\" per line", "%d lines, %d bad", lines, bad);
	check(root >= 1 && proc >= 1, "mounts: the root and /proc (type proc) are listed", "root %d proc %d", root, proc);
}

static void cpuinfo_version_filesystems(void)
{
	struct utsname u;
	char want[256];
	int cpus = 0, order = 0, names = 0, flags = 0, bad = 0, proc = 0, tmpfs = 0;

	check(slurp("/proc/cpuinfo") > 0, "/proc/cpuinfo reads", "%s", strerror(errno));
	for (char *save = NULL, *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		int n;

		if (sscanf(line, "processor\t: %d", &n) == 1)
			order += n == cpus++;
		names += strncmp(line, "model name\t: ", 13) == 0;
		flags += strncmp(line, "flags\t\t: ", 9) == 0 && strstr(line, " sse2") != NULL;
	}
	check(cpus >= 1 && order == cpus, "cpuinfo: \"processor\\t: N\" numbered from 0", "%d cpus, %d in order", cpus, order);
	check(names == cpus && flags == cpus, "cpuinfo: a \"model name\" and a \"flags\" line (with sse2) per processor",
	      "%d names, %d flags", names, flags);
	uname(&u);
	snprintf(want, sizeof(want), "%s version %s ", u.sysname, u.release);
	check(slurp("/proc/version") > 0 && strncmp(buf, want, strlen(want)) == 0 && buf[strlen(buf) - 1] == '\n',
	      "version: \"SYSNAME version RELEASE ...\\n\" as uname says", "'%s' want '%s...'", buf, want);
	check(slurp("/proc/filesystems") > 0, "/proc/filesystems reads", "%s", strerror(errno));
	for (char *save = NULL, *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		const char *name = strncmp(line, "nodev\t", 6) == 0 ? line + 6 : line[0] == '\t' ? line + 1 : NULL;

		if (!name || !*name) {
			bad++;
			continue;
		}
		proc += strcmp(line, "nodev\tproc") == 0;
		tmpfs += strcmp(line, "nodev\ttmpfs") == 0;
	}
	check(bad == 0 && proc == 1 && tmpfs == 1, "filesystems: \"nodev\\tNAME\" or \"\\tNAME\"; proc and tmpfs are nodev",
	      "%d bad, proc %d tmpfs %d", bad, proc, tmpfs);
}

int main(int argc, char **argv, char **envp)
{
	char exe[PATH_MAX];

	if (!realpath(argv[0], exe))
		snprintf(exe, sizeof(exe), "%s", argv[0]);
	scratch_dir();
	self_link();
	pid_stat();
	child_states();
	pid_status();
	pid_cmdline_environ(argc, argv, envp);
	pid_maps();
	pid_links(exe);
	meminfo();
	uptime_loadavg();
	mounts();
	cpuinfo_version_filesystems();
	return done();
}
