/*
 * stat: show a file's inode as coreutils' stat does, in its default
 * layout or by a -c FORMAT of % directives; -L follows symbolic links.
 * Breenix keeps no birth time, so %w and " Birth:" say "-" as coreutils
 * does where it is unknown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "idname.h"
#include "mode.h"
#include "msg.h"

static const char usage[] =
	"[-L] [-c FORMAT] FILE...\n"
	"Show the status of each FILE. FORMAT directives:\n"
	"  %n name  %N quoted name -> target  %s size  %b blocks  %B block unit\n"
	"  %a octal mode  %A mode  %F type  %u/%U owner  %g/%G group  %i inode\n"
	"  %h links  %d/%D device  %t/%T device type  %o I/O block\n"
	"  %x/%y/%z access/modify/change time  %X/%Y/%Z as seconds  %w/%W birth";

static const char *file_type(mode_t mode, off_t size)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
		return size ? "regular file" : "regular empty file";
	case S_IFDIR:
		return "directory";
	case S_IFLNK:
		return "symbolic link";
	case S_IFCHR:
		return "character special file";
	case S_IFBLK:
		return "block special file";
	case S_IFIFO:
		return "fifo";
	case S_IFSOCK:
		return "socket";
	default:
		return "weird file";
	}
}

/* "2024-01-31 12:00:00.000000000 +0000", as coreutils prints times. */
static void print_time(const struct timespec *ts)
{
	struct tm tm;
	time_t t = ts->tv_sec;
	char buf[64];

	if (!localtime_r(&t, &tm) || !strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm)) {
		printf("%lld", (long long)t);
		return;
	}
	printf("%s.%09ld ", buf, ts->tv_nsec);
	if (strftime(buf, sizeof(buf), "%z", &tm))
		fputs(buf, stdout);
}

static void print_name(const char *path, const struct stat *st, int quoted)
{
	char target[4096];
	ssize_t n;

	printf(quoted ? "'%s'" : "%s", path);
	if (!S_ISLNK(st->st_mode))
		return;
	n = readlink(path, target, sizeof(target) - 1);
	if (n >= 0)
		printf(quoted ? " -> '%.*s'" : " -> %.*s", (int)n, target);
}

static const char *or_unknown(const char *name)
{
	return name ? name : "UNKNOWN";
}

/* One % directive; returns 0 if c names none. */
static int directive(char c, const char *path, const struct stat *st)
{
	char buf[11];

	switch (c) {
	case 'n': fputs(path, stdout); break;
	case 'N': print_name(path, st, 1); break;
	case 's': printf("%lld", (long long)st->st_size); break;
	case 'b': printf("%lld", (long long)st->st_blocks); break;
	case 'B': fputs("512", stdout); break;
	case 'o': printf("%ld", (long)st->st_blksize); break;
	case 'a': printf("%o", (unsigned)(st->st_mode & 07777)); break;
	case 'A': fputs(mode_string(st->st_mode, buf), stdout); break;
	case 'f': printf("%x", (unsigned)st->st_mode); break;
	case 'F': fputs(file_type(st->st_mode, st->st_size), stdout); break;
	case 'u': printf("%lu", (unsigned long)st->st_uid); break;
	case 'U': fputs(or_unknown(idname_user(st->st_uid)), stdout); break;
	case 'g': printf("%lu", (unsigned long)st->st_gid); break;
	case 'G': fputs(or_unknown(idname_group(st->st_gid)), stdout); break;
	case 'i': printf("%llu", (unsigned long long)st->st_ino); break;
	case 'h': printf("%lu", (unsigned long)st->st_nlink); break;
	case 'd': printf("%llu", (unsigned long long)st->st_dev); break;
	case 'D': printf("%llx", (unsigned long long)st->st_dev); break;
	case 't': printf("%x", major(st->st_rdev)); break;
	case 'T': printf("%x", minor(st->st_rdev)); break;
	case 'x': print_time(&st->st_atim); break;
	case 'y': print_time(&st->st_mtim); break;
	case 'z': print_time(&st->st_ctim); break;
	case 'X': printf("%lld", (long long)st->st_atim.tv_sec); break;
	case 'Y': printf("%lld", (long long)st->st_mtim.tv_sec); break;
	case 'Z': printf("%lld", (long long)st->st_ctim.tv_sec); break;
	case 'w': putchar('-'); break;
	case 'W': putchar('0'); break;
	default: return 0;
	}
	return 1;
}

static void print_format(const char *fmt, const char *path, const struct stat *st)
{
	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			putchar(*p);
		} else if (p[1] == '%') {
			putchar('%');
			p++;
		} else if (!p[1]) {
			putchar('%');
		} else if (!directive(p[1], path, st)) {
			/* As coreutils: an unknown directive prints "?". */
			putchar('?');
			p++;
		} else {
			p++;
		}
	}
	putchar('\n');
}

static void print_default(const char *path, const struct stat *st)
{
	char mode[11];
	int dev = S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode);

	fputs("  File: ", stdout);
	print_name(path, st, 0);
	printf("\n  Size: %-10lld\tBlocks: %-10lld IO Block: %-6ld %s\n", (long long)st->st_size,
	       (long long)st->st_blocks, (long)st->st_blksize, file_type(st->st_mode, st->st_size));
	printf("Device: %u,%u\tInode: %-11llu Links: ", major(st->st_dev), minor(st->st_dev),
	       (unsigned long long)st->st_ino);
	if (dev)
		printf("%-5lu Device type: %u,%u\n", (unsigned long)st->st_nlink,
		       major(st->st_rdev), minor(st->st_rdev));
	else
		printf("%lu\n", (unsigned long)st->st_nlink);
	printf("Access: (%04o/%s)  Uid: (%5lu/%8s)   Gid: (%5lu/%8s)\n",
	       (unsigned)(st->st_mode & 07777), mode_string(st->st_mode, mode),
	       (unsigned long)st->st_uid, or_unknown(idname_user(st->st_uid)),
	       (unsigned long)st->st_gid, or_unknown(idname_group(st->st_gid)));
	fputs("Access: ", stdout);
	print_time(&st->st_atim);
	fputs("\nModify: ", stdout);
	print_time(&st->st_mtim);
	fputs("\nChange: ", stdout);
	print_time(&st->st_ctim);
	fputs("\n Birth: -\n", stdout);
}

/* coreutils' long names of stat's options. */
static const struct cli_option longopts[] = {
	{ "dereference", CLI_NO_ARG, 'L' },
	{ "format", CLI_REQUIRED_ARG, 'c' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	const char *format = NULL;
	int c, follow = 0, status = 0;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt_long(argc, argv, "Lc:", longopts)) != -1) {
		if (c == 'L')
			follow = 1;
		else if (c == 'c')
			format = optarg;
	}
	if (optind == argc)
		cli_usage_error("missing operand");
	for (int i = optind; i < argc; i++) {
		struct stat st;

		if ((follow ? stat(argv[i], &st) : lstat(argv[i], &st)) < 0) {
			msg_warn("cannot stat '%s'", argv[i]);
			status = 1;
			continue;
		}
		if (format)
			print_format(format, argv[i], &st);
		else
			print_default(argv[i], &st);
	}
	cli_exit(status);
}
