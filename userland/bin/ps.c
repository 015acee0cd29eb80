/*
 * ps: report processes from /proc as procps' ps does. By default those
 * of this user on this terminal, as "PID TTY TIME CMD"; -e (or -A) all of
 * them; -f the full format "UID PID PPID C STIME TTY TIME CMD"; -o a
 * comma-separated list of columns (pid ppid pgid sid uid user tty stat
 * time comm args cmd nlwp).
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "idname.h"
#include "msg.h"

static const char usage[] = "[-eAf] [-o COLUMN[,COLUMN]...]\n"
			    "Report processes: this terminal's by default, all with -e.";

struct proc {
	int pid, ppid, pgid, sid, tty, tpgid, nlwp, nice;
	char state;
	char comm[64];
	char *args;	/* the command line, or "[comm]" for a kernel thread */
	unsigned euid;
	unsigned long long ticks, start;	/* clock ticks: CPU time, start after boot */
};

enum col { C_PID, C_PPID, C_PGID, C_SID, C_UID, C_USER, C_TTY, C_STAT, C_TIME, C_COMM,
	   C_ARGS, C_CMD, C_NLWP, C_C, C_STIME, C_TTYF, C_CMDF, C_USERF, C_COMMF };

/*
 * procps' headers and widths; a negative width is left-aligned. The
 * entries without a name are the default and -f formats' own columns.
 */
static const struct column {
	const char *name, *head;
	int width;
} columns[] = {
	[C_PID] = { "pid", "PID", 5 },       [C_PPID] = { "ppid", "PPID", 5 },
	[C_PGID] = { "pgid", "PGID", 5 },    [C_SID] = { "sid", "SID", 5 },
	[C_UID] = { "uid", "UID", 5 },       [C_USER] = { "user", "USER", -8 },
	[C_TTY] = { "tty", "TT", -8 },       [C_STAT] = { "stat", "STAT", -4 },
	[C_TIME] = { "time", "TIME", 8 },    [C_COMM] = { "comm", "COMMAND", -15 },
	[C_ARGS] = { "args", "COMMAND", -27 }, [C_CMD] = { "cmd", "CMD", -27 },
	[C_NLWP] = { "nlwp", "NLWP", 4 },    [C_C] = { "c", "C", 2 },
	[C_STIME] = { "stime", "STIME", 5 }, [C_TTYF] = { NULL, "TTY", -8 },
	[C_CMDF] = { NULL, "CMD", -27 },     [C_USERF] = { NULL, "UID", -8 },
	[C_COMMF] = { NULL, "CMD", -15 },
};

#define MAX_COLS 32

static enum col cols[MAX_COLS];
static int ncols;
static long hz;
static double uptime_s;
static time_t now;

static char *read_file(const char *path, size_t *len)
{
	char *buf = NULL;
	size_t cap = 0, n = 0;
	ssize_t r;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return NULL;
	do {
		if (n + 1 >= cap) {
			char *nb = realloc(buf, cap = cap ? cap * 2 : 1024);

			if (!nb)
				msg_diex(1, "out of memory");
			buf = nb;
		}
		r = read(fd, buf + n, cap - n - 1);
		n += r > 0 ? (size_t)r : 0;
	} while (r > 0);
	close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* /proc/PID/stat (proc(5)): the command name is the text between parentheses. */
static int parse_stat(struct proc *p, const char *text)
{
	const char *open = strchr(text, '('), *close = strrchr(text, ')');
	unsigned long long ut, st;
	size_t clen;

	if (!open || !close || close < open)
		return -1;
	clen = (size_t)(close - open - 1);
	if (clen >= sizeof(p->comm))
		clen = sizeof(p->comm) - 1;
	memcpy(p->comm, open + 1, clen);
	p->comm[clen] = '\0';
	if (sscanf(close + 2,
		   "%c %d %d %d %d %d %*u %*u %*u %*u %*u %llu %llu %*d %*d %*d %d %d %*d %llu",
		   &p->state, &p->ppid, &p->pgid, &p->sid, &p->tty, &p->tpgid, &ut, &st, &p->nice,
		   &p->nlwp, &p->start) != 11)
		return -1;
	p->ticks = ut + st;
	return 0;
}

static unsigned read_euid(int pid)
{
	char path[64], *text, *uid;
	size_t len;
	unsigned real = 0, eff = 0;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	text = read_file(path, &len);
	if (!text)
		return 0;
	uid = strstr(text, "\nUid:");
	if (uid)
		sscanf(uid + 5, "%u %u", &real, &eff);
	free(text);
	return eff;
}

/* The command line with its arguments' NULs as spaces, or "[comm]" if it has none. */
static char *read_args(int pid, const char *comm)
{
	char path[64], *text;
	size_t len;

	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	text = read_file(path, &len);
	if (text && len) {
		while (len && text[len - 1] == '\0')
			len--;
		for (size_t i = 0; i < len; i++)
			if (text[i] == '\0' || !isprint((unsigned char)text[i]))
				text[i] = text[i] ? '?' : ' ';
		return text;
	}
	free(text);
	text = malloc(strlen(comm) + 3);
	if (!text)
		msg_diex(1, "out of memory");
	sprintf(text, "[%s]", comm);
	return text;
}

static int load(struct proc *p, int pid)
{
	char path[64], *text;
	size_t len;
	int r;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	text = read_file(path, &len);
	if (!text)
		return -1;
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	r = parse_stat(p, text);
	free(text);
	if (r < 0)
		return -1;
	p->euid = read_euid(pid);
	p->args = read_args(pid, p->comm);
	return 0;
}

/* A terminal's name from its device number (Linux's devices.txt). */
static void tty_name(int dev, char *buf, size_t len)
{
	unsigned maj = ((unsigned)dev >> 8) & 0xfff, min = ((unsigned)dev & 0xff) |
							 (((unsigned)dev >> 12) & 0xfff00);

	if (dev == 0)
		snprintf(buf, len, "?");
	else if (maj == 4 && min >= 64)
		snprintf(buf, len, "ttyS%u", min - 64);
	else if (maj == 4)
		snprintf(buf, len, "tty%u", min);
	else if (maj == 5 && min == 1)
		snprintf(buf, len, "console");
	else if (maj >= 136 && maj <= 143)
		snprintf(buf, len, "pts/%u", (maj - 136) * 256 + min);
	else
		snprintf(buf, len, "%u,%u", maj, min);
}

static void cpu_time(unsigned long long ticks, char *buf, size_t len)
{
	unsigned long long s = ticks / (unsigned long long)hz;

	if (s >= 86400)
		snprintf(buf, len, "%llu-%02llu:%02llu:%02llu", s / 86400, s / 3600 % 24,
			 s / 60 % 60, s % 60);
	else
		snprintf(buf, len, "%02llu:%02llu:%02llu", s / 3600, s / 60 % 60, s % 60);
}

static void state_string(const struct proc *p, char *buf)
{
	int n = 0;

	buf[n++] = p->state;
	if (p->nice < 0)
		buf[n++] = '<';
	else if (p->nice > 0)
		buf[n++] = 'N';
	if (p->pid == p->sid)
		buf[n++] = 's';
	if (p->nlwp > 1)
		buf[n++] = 'l';
	if (p->tpgid == p->pgid && p->tty)
		buf[n++] = '+';
	buf[n] = '\0';
}

/* procps' STIME: the time today, else month and day, else the year. */
static void start_time(const struct proc *p, char *buf, size_t len)
{
	time_t t = now - (time_t)uptime_s + (time_t)(p->start / (unsigned long long)hz);
	struct tm tm, today;

	localtime_r(&t, &tm);
	localtime_r(&now, &today);
	if (now - t < 86400 && tm.tm_yday == today.tm_yday)
		strftime(buf, len, "%H:%M", &tm);
	else if (tm.tm_year == today.tm_year)
		strftime(buf, len, "%b%d", &tm);
	else
		strftime(buf, len, "%Y", &tm);
}

/* CPU time over time alive, in percent, as procps' C. */
static unsigned cpu_percent(const struct proc *p)
{
	double alive = uptime_s - (double)p->start / (double)hz;
	double pct = alive > 0 ? (double)p->ticks / (double)hz * 100.0 / alive : 0;

	return pct > 99 ? 99 : (unsigned)pct;
}

static void format_cell(const struct proc *p, enum col c, char *buf, size_t len)
{
	const char *name;

	switch (c) {
	case C_PID: snprintf(buf, len, "%d", p->pid); break;
	case C_PPID: snprintf(buf, len, "%d", p->ppid); break;
	case C_PGID: snprintf(buf, len, "%d", p->pgid); break;
	case C_SID: snprintf(buf, len, "%d", p->sid); break;
	case C_UID: snprintf(buf, len, "%u", p->euid); break;
	case C_USER: case C_USERF:
		name = idname_user(p->euid);
		if (name)
			snprintf(buf, len, "%s", name);
		else
			snprintf(buf, len, "%u", p->euid);
		break;
	case C_TTY: case C_TTYF: tty_name(p->tty, buf, len); break;
	case C_STAT: state_string(p, buf); break;
	case C_TIME: cpu_time(p->ticks, buf, len); break;
	case C_COMM: case C_COMMF: snprintf(buf, len, "%s", p->comm); break;
	case C_ARGS: case C_CMD: case C_CMDF: snprintf(buf, len, "%s", p->args); break;
	case C_NLWP: snprintf(buf, len, "%d", p->nlwp); break;
	case C_C: snprintf(buf, len, "%u", cpu_percent(p)); break;
	case C_STIME: start_time(p, buf, len); break;
	}
}

/* One row; the last column is not padded, the others are cut to width (procps). */
static void print_row(const struct proc *p)
{
	for (int i = 0; i < ncols; i++) {
		const struct column *c = &columns[cols[i]];
		int w = c->width < 0 ? -c->width : c->width;
		size_t len = (size_t)w + 1;
		char *cell;
		int last = i == ncols - 1;

		if (p)
			len = strlen(p->args) + 64;
		cell = malloc(len);
		if (!cell)
			msg_diex(1, "out of memory");
		if (p)
			format_cell(p, cols[i], cell, len);
		else
			snprintf(cell, len, "%s", c->head);
		if (i)
			putchar(' ');
		if (last && c->width < 0)
			fputs(cell, stdout);
		else if (c->width < 0)
			printf("%-*.*s", w, last ? (int)len : w, cell);
		else
			printf("%*s", w, cell);
		free(cell);
	}
	putchar('\n');
}

static void add_columns(char *list)
{
	for (char *name = strtok(list, ", "); name; name = strtok(NULL, ", ")) {
		size_t i;

		for (i = 0; i < sizeof(columns) / sizeof(columns[0]); i++)
			if (columns[i].name && !strcmp(columns[i].name, name))
				break;
		if (i == sizeof(columns) / sizeof(columns[0]))
			msg_diex(1, "error: unknown user-defined format specifier \"%s\"", name);
		if (ncols == MAX_COLS)
			msg_diex(1, "error: too many columns");
		cols[ncols++] = (enum col)i;
	}
}

static void set_columns(const enum col *list, int n)
{
	memcpy(cols, list, sizeof(*list) * (size_t)n);
	ncols = n;
}

static int proc_cmp(const void *a, const void *b)
{
	return ((const struct proc *)a)->pid - ((const struct proc *)b)->pid;
}

/* Every process /proc shows, sorted by PID. */
static struct proc *load_all(size_t *np)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	struct proc *v = NULL;
	size_t n = 0, cap = 0;

	if (!d)
		msg_die(1, "/proc");
	while ((de = readdir(d))) {
		char *end;
		long pid = strtol(de->d_name, &end, 10);

		if (*end || pid <= 0)
			continue;
		if (n == cap) {
			struct proc *nv = realloc(v, (cap = cap ? cap * 2 : 64) * sizeof(*v));

			if (!nv)
				msg_diex(1, "out of memory");
			v = nv;
		}
		if (load(&v[n], (int)pid) == 0)
			n++;
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof(*v), proc_cmp);
	*np = n;
	return v;
}

static void read_uptime(void)
{
	size_t len;
	char *text = read_file("/proc/uptime", &len);

	if (text)
		uptime_s = strtod(text, NULL);
	free(text);
	now = time(NULL);
	hz = sysconf(_SC_CLK_TCK);
	if (hz <= 0)
		hz = 100;
}

int main(int argc, char **argv)
{
	static const enum col simple[] = { C_PID, C_TTYF, C_TIME, C_COMMF };
	static const enum col full[] = { C_USERF, C_PID, C_PPID, C_C, C_STIME, C_TTYF, C_TIME,
					 C_CMDF };
	struct proc *v, self;
	size_t n;
	int c, all = 0, full_fmt = 0;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt(argc, argv, "eAfo:")) != -1) {
		if (c == 'e' || c == 'A')
			all = 1;
		else if (c == 'f')
			full_fmt = 1;
		else if (c == 'o')
			add_columns(optarg);
	}
	if (optind < argc)
		cli_usage_error("error: garbage option '%s'", argv[optind]);
	if (!ncols && full_fmt)
		set_columns(full, sizeof(full) / sizeof(full[0]));
	else if (!ncols)
		set_columns(simple, sizeof(simple) / sizeof(simple[0]));
	read_uptime();
	if (load(&self, getpid()) < 0)
		msg_die(1, "/proc/self");
	v = load_all(&n);
	print_row(NULL);
	for (size_t i = 0; i < n; i++) {
		if (all || (v[i].euid == geteuid() && v[i].tty == self.tty))
			print_row(&v[i]);
		free(v[i].args);
	}
	free(self.args);
	free(v);
	cli_exit(0);
}
