/*
 * mv: move (rename) files, "mv SOURCE DEST" or "mv SOURCE... DIRECTORY".
 * Within a file system this is rename(2); across file systems (EXDEV) the
 * source is copied with everything kept, then removed, as POSIX mv says.
 * As coreutils: -i asks before overwriting, -n never overwrites, -f never
 * asks (the last of the three wins), -u overwrites only what is older, -v
 * names each move.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copytree.h"
#include "cli.h"
#include "msg.h"
#include "prompt.h"
#include "rmtree.h"
#include "targetdir.h"

static const char usage[] = "[-finuv] SOURCE DEST | mv [-finuv] SOURCE... DIRECTORY\n"
			    "Rename SOURCE to DEST, or move SOURCEs into DIRECTORY.\n"
			    "  -i ask before overwriting   -n never overwrite   -f never ask\n"
			    "  -u overwrite only older files   -v name each file moved";

static int interactive, no_clobber, update, verbose;

/* Whether an existing dst is replaced by src (-n, -u, -i). */
static int may_replace(const char *dst, const struct stat *s, const struct stat *d)
{
	if (no_clobber)
		return 0;
	if (update && (d->st_mtim.tv_sec > s->st_mtim.tv_sec ||
		       (d->st_mtim.tv_sec == s->st_mtim.tv_sec &&
			d->st_mtim.tv_nsec >= s->st_mtim.tv_nsec)))
		return 0;
	return !interactive || prompt_yes("overwrite '%s'", dst);
}

/*
 * EXDEV: copy, then remove the source. A destination in the way goes
 * first as rename(2) would replace it: a directory only if it is empty.
 */
static int move_across(const char *src, const char *dst, const struct stat *dst_st)
{
	static const struct rmtree_opts rm_all = { .recursive = 1 };
	struct copy_opts co = { .recursive = 1, .preserve = 1 };

	if (dst_st && (S_ISDIR(dst_st->st_mode) ? rmdir(dst) : unlink(dst)) < 0 &&
	    errno != ENOENT) {
		msg_warn("inter-device move failed: '%s' to '%s'; unable to remove target",
			 src, dst);
		return 1;
	}
	co.umask_bits = umask(0);
	umask(co.umask_bits);
	if (copy_tree(src, dst, &co))
		return 1;
	return rmtree(src, &rm_all);
}

/* -v: what was done; 0. */
static int moved(const char *src, const char *dst)
{
	if (verbose)
		printf("renamed '%s' -> '%s'\n", src, dst);
	return 0;
}

static int move_one(const char *src, const char *dst)
{
	struct stat s, d;
	int have_dst;

	if (lstat(src, &s) < 0) {
		msg_warn("cannot stat '%s'", src);
		return 1;
	}
	have_dst = lstat(dst, &d) == 0;
	if (have_dst && s.st_dev == d.st_dev && s.st_ino == d.st_ino) {
		msg_warnx("'%s' and '%s' are the same file", src, dst);
		return 1;
	}
	if (have_dst && !may_replace(dst, &s, &d))
		return 0;
	if (have_dst && S_ISDIR(d.st_mode) && !S_ISDIR(s.st_mode)) {
		msg_warnx("cannot overwrite directory '%s' with non-directory", dst);
		return 1;
	}
	if (have_dst && !S_ISDIR(d.st_mode) && S_ISDIR(s.st_mode)) {
		msg_warnx("cannot overwrite non-directory '%s' with directory '%s'", dst, src);
		return 1;
	}
	if (rename(src, dst) < 0) {
		if (errno == EXDEV)
			return move_across(src, dst, have_dst ? &d : NULL) || moved(src, dst);
		if (errno == EINVAL && S_ISDIR(s.st_mode))
			msg_warnx("cannot move '%s' to a subdirectory of itself, '%s'", src, dst);
		else
			msg_warn("cannot move '%s' to '%s'", src, dst);
		return 1;
	}
	return moved(src, dst);
}

/* coreutils' long names of mv's options. */
static const struct cli_option longopts[] = {
	{ "force", CLI_NO_ARG, 'f' },
	{ "interactive", CLI_NO_ARG, 'i' },
	{ "no-clobber", CLI_NO_ARG, 'n' },
	{ "update", CLI_NO_ARG, 'u' },
	{ "verbose", CLI_NO_ARG, 'v' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	int c, n;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt_long(argc, argv, "finuv", longopts)) != -1) {
		if (c == 'f' || c == 'i' || c == 'n') {
			interactive = c == 'i';
			no_clobber = c == 'n';
		} else if (c == 'u') {
			update = 1;
		} else {
			verbose = 1;
		}
	}
	n = argc - optind;
	if (n == 0)
		cli_usage_error("missing file operand");
	if (n == 1)
		cli_usage_error("missing destination file operand after '%s'", argv[optind]);
	cli_exit(target_each(argv + optind, n, 0, move_one));
}
