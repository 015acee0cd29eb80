/*
 * ls: list directory contents as GNU coreutils' ls does: names sorted in
 * the C locale, in columns on a terminal and one per line otherwise, or
 * the long format of -l with modes, owners, sizes and dates.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "human.h"
#include "idname.h"
#include "mode.h"
#include "msg.h"

static const char usage[] =
	"[-1aACdFhilRrSt] [FILE...]\n"
	"List FILEs (the current directory by default), sorted by name.\n"
	"  -a all, with . and ..   -A all but . and ..   -d directories themselves\n"
	"  -l long format   -h human sizes   -i inodes   -F type indicators\n"
	"  -1 one per line   -C columns   -R recursive\n"
	"  -t by time   -S by size   -r reverse";

/* coreutils' "recent": within half of a mean Gregorian year (31556952 s). */
#define SIX_MONTHS (31556952 / 2)

struct entry {
	char *name;	/* as shown: the operand, or the name in its directory */
	char *path;	/* where to find it */
	struct stat st;
	char *target;	/* -l: a symbolic link's contents */
	int has_target_mode;
	mode_t target_mode;
};

enum { SORT_NAME, SORT_TIME, SORT_SIZE };
enum { FMT_COLUMNS, FMT_ONE, FMT_LONG };

static struct {
	int all, almost_all, dirs_as_files, human, inode, classify, recursive, reverse;
	int sort, format;
	unsigned width;
} opt;

static int status;
static int printed_any;
static struct timespec now;

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		msg_die(2, "out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	return strcpy(xmalloc(strlen(s) + 1), s);
}

static char *join_path(const char *dir, const char *name)
{
	size_t dl = strlen(dir);
	char *p = xmalloc(dl + strlen(name) + 2);

	if (dl && dir[dl - 1] == '/')
		sprintf(p, "%s%s", dir, name);
	else
		sprintf(p, "%s/%s", dir, name);
	return p;
}

static void free_entries(struct entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].path);
		free(v[i].target);
	}
	free(v);
}

/* -l: what a symbolic link points to, and (for -F) the mode of that. */
static void read_target(struct entry *e)
{
	char buf[4096];
	ssize_t n;
	struct stat st;

	n = readlink(e->path, buf, sizeof(buf) - 1);
	if (n < 0) {
		msg_warn("cannot read symbolic link '%s'", e->path);
		status = 1;
		return;
	}
	buf[n] = '\0';
	e->target = xstrdup(buf);
	if (stat(e->path, &st) == 0) {
		e->has_target_mode = 1;
		e->target_mode = st.st_mode;
	}
}

static int timespec_cmp(const struct timespec *a, const struct timespec *b)
{
	if (a->tv_sec != b->tv_sec)
		return a->tv_sec < b->tv_sec ? -1 : 1;
	if (a->tv_nsec != b->tv_nsec)
		return a->tv_nsec < b->tv_nsec ? -1 : 1;
	return 0;
}

static int entry_cmp(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int r = 0;

	if (opt.sort == SORT_TIME)
		r = -timespec_cmp(&a->st.st_mtim, &b->st.st_mtim);
	else if (opt.sort == SORT_SIZE && a->st.st_size != b->st.st_size)
		r = a->st.st_size > b->st.st_size ? -1 : 1;
	if (!r)
		r = strcmp(a->name, b->name);
	return opt.reverse ? -r : r;
}

static char indicator(mode_t mode)
{
	if (S_ISDIR(mode))
		return '/';
	if (S_ISLNK(mode))
		return '@';
	if (S_ISFIFO(mode))
		return '|';
	if (S_ISSOCK(mode))
		return '=';
	if (S_ISREG(mode) && (mode & 0111))
		return '*';
	return 0;
}

static int num_width(unsigned long long v)
{
	int w = 1;

	while (v >= 10) {
		v /= 10;
		w++;
	}
	return w;
}

/* Columns and one-per-line: the name with its inode and indicator. */
static size_t short_len(const struct entry *e, int ino_w)
{
	size_t len = strlen(e->name);

	if (opt.inode)
		len += (size_t)ino_w + 1;
	if (opt.classify && indicator(e->st.st_mode))
		len++;
	return len;
}

static void print_short(const struct entry *e, int ino_w)
{
	char ind = opt.classify ? indicator(e->st.st_mode) : 0;

	if (opt.inode)
		printf("%*llu ", ino_w, (unsigned long long)e->st.st_ino);
	fputs(e->name, stdout);
	if (ind)
		putchar(ind);
}

static void print_one_per_line(const struct entry *v, size_t n, int ino_w)
{
	for (size_t i = 0; i < n; i++) {
		print_short(&v[i], ino_w);
		putchar('\n');
	}
}

/*
 * Columns, filled down then across as coreutils does: the most columns
 * whose widths (each the longest name in it plus two spaces, the last
 * without) stay below the line width.
 */
static size_t *fit_columns(const struct entry *v, size_t n, int ino_w, size_t *cols_out)
{
	size_t cols = n < opt.width / 3 ? n : opt.width / 3;

	if (cols < 1)
		cols = 1;
	for (; cols > 1; cols--) {
		size_t rows = (n + cols - 1) / cols, total = 0;
		size_t *w = calloc(cols, sizeof(*w));

		if (!w)
			msg_die(2, "out of memory");
		for (size_t i = 0; i < n; i++) {
			size_t c = i / rows, len = short_len(&v[i], ino_w) + (c == cols - 1 ? 0 : 2);

			if (len > w[c]) {
				total += len - w[c];
				w[c] = len;
			}
		}
		if (total < opt.width) {
			*cols_out = cols;
			return w;
		}
		free(w);
	}
	*cols_out = 1;
	return NULL;
}

/* Pads from column from to column to with tabs where they fit, as coreutils' default tab size of 8 does. */
static void indent(size_t from, size_t to)
{
	while (from < to) {
		if (to / 8 > (from + 1) / 8) {
			putchar('\t');
			from += 8 - from % 8;
		} else {
			putchar(' ');
			from++;
		}
	}
}

static void print_columns(const struct entry *v, size_t n, int ino_w)
{
	size_t cols, rows;
	size_t *w = fit_columns(v, n, ino_w, &cols);

	if (!w) {
		print_one_per_line(v, n, ino_w);
		return;
	}
	rows = (n + cols - 1) / cols;
	for (size_t r = 0; r < rows; r++) {
		size_t pos = 0;

		for (size_t c = 0; c < cols; c++) {
			size_t i = c * rows + r;

			if (i >= n)
				break;
			print_short(&v[i], ino_w);
			if (i + rows < n)
				indent(pos + short_len(&v[i], ino_w), pos + w[c]);
			pos += w[c];
		}
		putchar('\n');
	}
	free(w);
}

struct long_widths {
	int ino, links, owner, group, size, major, minor;
};

static void format_size(const struct entry *e, const struct long_widths *lw, char *buf, size_t len)
{
	if (S_ISCHR(e->st.st_mode) || S_ISBLK(e->st.st_mode)) {
		snprintf(buf, len, "%*u, %*u", lw ? lw->major : 0, major(e->st.st_rdev),
			 lw ? lw->minor : 0, minor(e->st.st_rdev));
	} else if (opt.human) {
		human_size((unsigned long long)e->st.st_size, buf, len);
	} else {
		snprintf(buf, len, "%lld", (long long)e->st.st_size);
	}
}

static void format_owner(char *buf, size_t len, const char *name, unsigned long id)
{
	if (name)
		snprintf(buf, len, "%s", name);
	else
		snprintf(buf, len, "%lu", id);
}

static void long_widths(const struct entry *v, size_t n, struct long_widths *lw)
{
	char buf[64];

	memset(lw, 0, sizeof(*lw));
	for (size_t i = 0; i < n; i++) {
		const struct stat *st = &v[i].st;
		int w;

		w = num_width(st->st_ino);
		lw->ino = w > lw->ino ? w : lw->ino;
		w = num_width(st->st_nlink);
		lw->links = w > lw->links ? w : lw->links;
		format_owner(buf, sizeof(buf), idname_user(st->st_uid), st->st_uid);
		w = (int)strlen(buf);
		lw->owner = w > lw->owner ? w : lw->owner;
		format_owner(buf, sizeof(buf), idname_group(st->st_gid), st->st_gid);
		w = (int)strlen(buf);
		lw->group = w > lw->group ? w : lw->group;
		if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
			w = num_width(major(st->st_rdev));
			lw->major = w > lw->major ? w : lw->major;
			w = num_width(minor(st->st_rdev));
			lw->minor = w > lw->minor ? w : lw->minor;
		}
	}
	for (size_t i = 0; i < n; i++) {
		int w;

		format_size(&v[i], lw, buf, sizeof(buf));
		w = (int)strlen(buf);
		lw->size = w > lw->size ? w : lw->size;
	}
}

/* coreutils' dates: "Mon dd HH:MM" for the last six months, else "Mon dd  YYYY". */
static void format_date(const struct timespec *when, char *buf, size_t len)
{
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct timespec old = { now.tv_sec - SIX_MONTHS, now.tv_nsec };
	time_t t = when->tv_sec;
	struct tm tm;

	if (!localtime_r(&t, &tm)) {
		snprintf(buf, len, "%lld", (long long)t);
		return;
	}
	if (timespec_cmp(&old, when) < 0 && timespec_cmp(when, &now) <= 0)
		snprintf(buf, len, "%s %2d %02d:%02d", months[tm.tm_mon], tm.tm_mday, tm.tm_hour,
			 tm.tm_min);
	else
		snprintf(buf, len, "%s %2d  %d", months[tm.tm_mon], tm.tm_mday, tm.tm_year + 1900);
}

static void print_long(const struct entry *e, const struct long_widths *lw)
{
	char mode[11], owner[64], group[64], size[64], date[32];
	const struct stat *st = &e->st;

	format_owner(owner, sizeof(owner), idname_user(st->st_uid), st->st_uid);
	format_owner(group, sizeof(group), idname_group(st->st_gid), st->st_gid);
	format_size(e, lw, size, sizeof(size));
	format_date(&st->st_mtim, date, sizeof(date));
	if (opt.inode)
		printf("%*llu ", lw->ino, (unsigned long long)st->st_ino);
	printf("%s %*lu %-*s %-*s %*s %s %s", mode_string(st->st_mode, mode), lw->links,
	       (unsigned long)st->st_nlink, lw->owner, owner, lw->group, group, lw->size, size,
	       date, e->name);
	if (e->target) {
		printf(" -> %s", e->target);
		if (opt.classify && e->has_target_mode && indicator(e->target_mode))
			putchar(indicator(e->target_mode));
	} else if (opt.classify && indicator(st->st_mode)) {
		putchar(indicator(st->st_mode));
	}
	putchar('\n');
}

static void print_total(const struct entry *v, size_t n)
{
	unsigned long long blocks = 0;
	char buf[32];

	for (size_t i = 0; i < n; i++)
		blocks += (unsigned long long)v[i].st.st_blocks;
	if (opt.human)
		printf("total %s\n", human_size(blocks * 512, buf, sizeof(buf)));
	else
		printf("total %llu\n", (blocks + 1) / 2);
}

static void print_entries(struct entry *v, size_t n, int is_dir)
{
	int ino_w = 0;

	if (n > 1)
		qsort(v, n, sizeof(*v), entry_cmp);
	for (size_t i = 0; i < n; i++) {
		int w = num_width(v[i].st.st_ino);

		ino_w = w > ino_w ? w : ino_w;
	}
	if (opt.format == FMT_LONG) {
		struct long_widths lw;

		long_widths(v, n, &lw);
		if (is_dir)
			print_total(v, n);
		for (size_t i = 0; i < n; i++)
			print_long(&v[i], &lw);
	} else if (opt.format == FMT_COLUMNS && n) {
		print_columns(v, n, ino_w);
	} else {
		print_one_per_line(v, n, ino_w);
	}
	if (n || is_dir)
		printed_any = 1;
}

static int shown(const char *name)
{
	if (name[0] != '.')
		return 1;
	if (opt.all)
		return 1;
	if (opt.almost_all)
		return strcmp(name, ".") && strcmp(name, "..");
	return 0;
}

/* The directory's entries, each lstat'ed; -1 (reported) if it cannot be opened. */
static int read_dir(const char *path, struct entry **vp, size_t *np)
{
	DIR *d = opendir(path);
	struct dirent *de;
	struct entry *v = NULL;
	size_t n = 0, cap = 0;

	if (!d) {
		msg_warn("cannot open directory '%s'", path);
		return -1;
	}
	while ((errno = 0, de = readdir(d))) {
		struct entry *e;

		if (!shown(de->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = realloc(v, cap * sizeof(*v));
			if (!v)
				msg_die(2, "out of memory");
		}
		e = &v[n];
		memset(e, 0, sizeof(*e));
		e->path = join_path(path, de->d_name);
		if (lstat(e->path, &e->st) < 0) {
			msg_warn("cannot access '%s'", e->path);
			status = 1;
			free(e->path);
			continue;
		}
		e->name = xstrdup(de->d_name);
		if (opt.format == FMT_LONG && S_ISLNK(e->st.st_mode))
			read_target(e);
		n++;
	}
	if (errno) {
		msg_warn("reading directory '%s'", path);
		status = 1;
	}
	closedir(d);
	*vp = v;
	*np = n;
	return 0;
}

/* operand: path was named on the command line (failing there is serious). */
static void list_dir(const char *path, int header, int operand)
{
	size_t n;
	struct entry *v;

	if (read_dir(path, &v, &n) < 0) {
		status = operand ? 2 : (status ? status : 1);
		return;
	}
	if (header) {
		if (printed_any)
			putchar('\n');
		printf("%s:\n", path);
	}
	print_entries(v, n, 1);
	if (opt.recursive) {
		for (size_t i = 0; i < n; i++) {
			if (S_ISDIR(v[i].st.st_mode) && strcmp(v[i].name, ".") &&
			    strcmp(v[i].name, ".."))
				list_dir(v[i].path, 1, 0);
		}
	}
	free_entries(v, n);
}

static unsigned term_width(void)
{
	const char *cols = getenv("COLUMNS");
#ifdef TIOCGWINSZ
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
#endif
	if (cols && *cols) {
		char *end;
		unsigned long w = strtoul(cols, &end, 10);

		if (!*end && w > 0 && w < 100000)
			return (unsigned)w;
	}
	return 80;
}

/*
 * coreutils' long names of ls's options (the others have none):
 * --classify[=WHEN] is -F always, never, or if standard output is a tty.
 */
static const struct cli_option longopts[] = {
	{ "all", CLI_NO_ARG, 'a' },
	{ "almost-all", CLI_NO_ARG, 'A' },
	{ "directory", CLI_NO_ARG, 'd' },
	{ "classify", CLI_OPTIONAL_ARG, CLI_LONG },
	{ "human-readable", CLI_NO_ARG, 'h' },
	{ "inode", CLI_NO_ARG, 'i' },
	{ "reverse", CLI_NO_ARG, 'r' },
	{ "recursive", CLI_NO_ARG, 'R' },
	{ NULL, CLI_NO_ARG, 0 },
};

/* --classify's WHEN: always (1), never (0) or auto (2), in coreutils' order. */
static int classify_when(const char *arg)
{
	static const char *const names[] = { "always", "yes", "force", "never", "no", "none",
		"auto", "tty", "if-tty", NULL };
	static const int values[] = { 1, 1, 1, 0, 0, 0, 2, 2, 2 };
	int when = arg ? cli_choice(arg, "classify", names, values) : 1;

	return when == 2 ? isatty(STDOUT_FILENO) : when;
}

static void parse_options(int argc, char **argv)
{
	int c;

	opt.format = isatty(STDOUT_FILENO) ? FMT_COLUMNS : FMT_ONE;
	while ((c = cli_getopt_long(argc, argv, "1aACdFhilRrSt", longopts)) != -1) {
		switch (c) {
		case '1':
			opt.format = FMT_ONE;
			break;
		case 'C':
			opt.format = FMT_COLUMNS;
			break;
		case 'l':
			opt.format = FMT_LONG;
			break;
		case 'a':
			opt.all = 1;
			break;
		case 'A':
			opt.almost_all = 1;
			break;
		case 'd':
			opt.dirs_as_files = 1;
			break;
		case 'F':
			opt.classify = 1;
			break;
		case CLI_LONG:
			opt.classify = classify_when(optarg);
			break;
		case 'h':
			opt.human = 1;
			break;
		case 'i':
			opt.inode = 1;
			break;
		case 'R':
			opt.recursive = 1;
			break;
		case 'r':
			opt.reverse = 1;
			break;
		case 'S':
			opt.sort = SORT_SIZE;
			break;
		case 't':
			opt.sort = SORT_TIME;
			break;
		}
	}
	opt.width = term_width();
}

/*
 * An operand: symbolic links are followed unless -l, -d or -F ask about
 * the link itself (coreutils). Returns 0, or -1 (reported) if missing.
 */
static int stat_operand(const char *name, struct entry *e)
{
	int follow = opt.format != FMT_LONG && !opt.dirs_as_files && !opt.classify;

	memset(e, 0, sizeof(*e));
	if ((follow ? stat(name, &e->st) : -1) < 0 && lstat(name, &e->st) < 0) {
		msg_warn("cannot access '%s'", name);
		status = 2;
		return -1;
	}
	e->name = xstrdup(name);
	e->path = xstrdup(name);
	if (opt.format == FMT_LONG && S_ISLNK(e->st.st_mode))
		read_target(e);
	return 0;
}

int main(int argc, char **argv)
{
	static char *dot[] = { ".", NULL };
	struct entry *files, *dirs;
	size_t nfiles = 0, ndirs = 0, nops;
	char **ops;

	cli_init(argv[0], usage, 2);
	parse_options(argc, argv);
	clock_gettime(CLOCK_REALTIME, &now);
	ops = optind < argc ? argv + optind : dot;
	nops = optind < argc ? (size_t)(argc - optind) : 1;
	files = xmalloc(nops * sizeof(*files));
	dirs = xmalloc(nops * sizeof(*dirs));
	for (size_t i = 0; i < nops; i++) {
		struct entry e;

		if (stat_operand(ops[i], &e) < 0)
			continue;
		if (S_ISDIR(e.st.st_mode) && !opt.dirs_as_files)
			dirs[ndirs++] = e;
		else
			files[nfiles++] = e;
	}
	print_entries(files, nfiles, 0);
	if (ndirs > 1)
		qsort(dirs, ndirs, sizeof(*dirs), entry_cmp);
	for (size_t i = 0; i < ndirs; i++)
		list_dir(dirs[i].path, nops > 1 || opt.recursive, 1);
	free_entries(files, nfiles);
	free_entries(dirs, ndirs);
	cli_exit(status);
}
