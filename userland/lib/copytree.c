/*
 * cp's copying (POSIX cp, "Description"): a regular file's bytes into a
 * new or truncated destination, directories made and filled entry by
 * entry, symbolic links (unless followed) and FIFOs made anew under -R. A
 * new file gets the source's mode less the umask; -p keeps mode, owner and
 * times exactly. -i, -n and -u decide for every file in the tree whether
 * one already there is overwritten, as coreutils' cp.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copytree.h"
#include "direach.h"
#include "msg.h"
#include "pathjoin.h"
#include "prompt.h"

static int copy_node(const char *src, const char *dst, const struct copy_opts *o,
		     const struct stat *top, int operand);

/* The operands being copied, which an error about copying into itself names. */
static const char *operand_src, *operand_dst;

static int copy_bytes(int in, int out, const char *src, const char *dst)
{
	char buf[65536];
	ssize_t n;

	while ((n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			msg_warn("error reading '%s'", src);
			return 1;
		}
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, buf + off, (size_t)(n - off));

			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0) {
				msg_warn("error writing '%s'", dst);
				return 1;
			}
			off += w;
		}
	}
	return 0;
}

/* -p: owner (where allowed; a failure to keep it only costs the set-id bits), mode, times. */
static int preserve(const char *dst, const struct stat *st, int is_link)
{
	struct timespec t[2] = { st->st_atim, st->st_mtim };
	mode_t mode = st->st_mode & 07777;

	if (lchown(dst, st->st_uid, st->st_gid) < 0)
		mode &= ~(mode_t)(S_ISUID | S_ISGID);
	if (is_link)
		return 0;
	if (utimensat(AT_FDCWD, dst, t, 0) < 0) {
		msg_warn("preserving times for '%s'", dst);
		return 1;
	}
	if (chmod(dst, mode) < 0) {
		msg_warn("preserving permissions for '%s'", dst);
		return 1;
	}
	return 0;
}

static int open_dest(const char *dst, mode_t mode, const struct copy_opts *o)
{
	int fd = open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode);

	if (fd < 0 && o->force && errno != ENOENT && unlink(dst) == 0)
		fd = open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0)
		msg_warn("cannot create regular file '%s'", dst);
	return fd;
}

static int copy_file(const char *src, const char *dst, const struct stat *st,
		     const struct copy_opts *o)
{
	int in, out, r;

	in = open(src, O_RDONLY);
	if (in < 0) {
		msg_warn("cannot open '%s' for reading", src);
		return 1;
	}
	out = open_dest(dst, st->st_mode & 0777, o);
	if (out < 0) {
		close(in);
		return 1;
	}
	r = copy_bytes(in, out, src, dst);
	close(in);
	if (close(out) < 0 && !r) {
		msg_warn("error writing '%s'", dst);
		r = 1;
	}
	if (!r && o->preserve)
		r = preserve(dst, st, 0);
	return r;
}

static int copy_symlink(const char *src, const char *dst, const struct stat *st,
			const struct copy_opts *o)
{
	char target[4096];
	ssize_t n = readlink(src, target, sizeof(target) - 1);

	if (n < 0) {
		msg_warn("cannot read symbolic link '%s'", src);
		return 1;
	}
	target[n] = '\0';
	if (symlink(target, dst) < 0 && !(errno == EEXIST && unlink(dst) == 0 &&
					   symlink(target, dst) == 0)) {
		msg_warn("cannot create symbolic link '%s'", dst);
		return 1;
	}
	return o->preserve ? preserve(dst, st, 1) : 0;
}

static int copy_fifo(const char *dst, const struct stat *st, const struct copy_opts *o)
{
	if (mkfifo(dst, st->st_mode & 07777) < 0) {
		msg_warn("cannot create fifo '%s'", dst);
		return 1;
	}
	return o->preserve ? preserve(dst, st, 0) : 0;
}

/* Where copy_entries' children go and how. */
struct copy_walk {
	const char *dst;
	const struct copy_opts *o;
	const struct stat *top;
};

static int copy_entry(const char *s, const char *name, void *arg)
{
	struct copy_walk *w = arg;
	char *t = path_join(w->dst, name);
	int status = copy_node(s, t, w->o, w->top, 0);

	free(t);
	return status;
}

static int copy_entries(const char *src, const char *dst, const struct copy_opts *o,
			const struct stat *top)
{
	struct copy_walk w = { dst, o, top };
	int status = dir_each(src, copy_entry, &w);

	if (status < 0) {
		msg_warn("cannot read directory '%s'", src);
		return 1;
	}
	return status;
}

/*
 * A directory: made owner-writable while it fills, then given its mode.
 * top is the first directory this copy made: met again inside the
 * source, it is the copy itself ("cp -r a a/b"), not to be entered.
 */
static int copy_dir(const char *src, const char *dst, const struct stat *st,
		    const struct copy_opts *o, const struct stat *top)
{
	struct stat dst_st, made;
	int existed = stat(dst, &dst_st) == 0, status;

	if (existed && !S_ISDIR(dst_st.st_mode)) {
		msg_warnx("cannot overwrite non-directory '%s' with directory '%s'", dst, src);
		return 1;
	}
	if (!existed && mkdir(dst, (st->st_mode & 0777) | S_IRWXU) < 0) {
		msg_warn("cannot create directory '%s'", dst);
		return 1;
	}
	if (!existed && o->verbose)
		printf("'%s' -> '%s'\n", src, dst);
	if (!top) {
		if (stat(dst, &made) < 0) {
			msg_warn("cannot access '%s'", dst);
			return 1;
		}
		top = &made;
	}
	status = copy_entries(src, dst, o, top);
	if (o->preserve)
		status |= preserve(dst, st, 0);
	else if (!existed && chmod(dst, st->st_mode & 0777 & ~o->umask_bits) < 0)
		status |= (msg_warn("setting permissions for '%s'", dst), 1);
	return status;
}

/* Whether a symbolic link at src is followed: -L, -H for operands, and by default without -R. */
static int follows(const struct copy_opts *o, int operand)
{
	if (o->deref == DEREF_DEFAULT)
		return !o->recursive;
	return o->deref == DEREF_ALWAYS || (o->deref == DEREF_OPERANDS && operand);
}

/* Whether a non-directory at dst is replaced: -n never, -u if older, -i if the user says so. */
static int may_overwrite(const char *dst, const struct stat *src_st, const struct copy_opts *o)
{
	struct stat d;

	if (lstat(dst, &d) < 0 || S_ISDIR(d.st_mode))
		return 1;
	if (o->no_clobber)
		return 0;
	if (o->update && (d.st_mtim.tv_sec > src_st->st_mtim.tv_sec ||
			  (d.st_mtim.tv_sec == src_st->st_mtim.tv_sec &&
			   d.st_mtim.tv_nsec >= src_st->st_mtim.tv_nsec)))
		return 0;
	return !o->interactive || prompt_yes("overwrite '%s'", dst);
}

static int copy_node(const char *src, const char *dst, const struct copy_opts *o,
		     const struct stat *top, int operand)
{
	struct stat st;
	int r = follows(o, operand) ? stat(src, &st) : lstat(src, &st);

	if (r < 0) {
		msg_warn("cannot stat '%s'", src);
		return 1;
	}
	if (top && st.st_dev == top->st_dev && st.st_ino == top->st_ino) {
		msg_warnx("cannot copy a directory, '%s', into itself, '%s'", operand_src, operand_dst);
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (!o->recursive) {
			msg_warnx("-r not specified; omitting directory '%s'", src);
			return 1;
		}
		return copy_dir(src, dst, &st, o, top);
	}
	if (!may_overwrite(dst, &st, o))
		return 0;
	if (o->verbose)
		printf("'%s' -> '%s'\n", src, dst);
	if (S_ISLNK(st.st_mode))
		return copy_symlink(src, dst, &st, o);
	if (S_ISFIFO(st.st_mode) && o->recursive)
		return copy_fifo(dst, &st, o);
	if (!S_ISREG(st.st_mode) && o->recursive) {
		msg_warnx("cannot copy special file '%s'", src);
		return 1;
	}
	return copy_file(src, dst, &st, o);
}

/* An operand: the same file twice is refused. */
int copy_tree(const char *src, const char *dst, const struct copy_opts *o)
{
	struct stat s, d;

	if (stat(src, &s) == 0 && stat(dst, &d) == 0 && s.st_dev == d.st_dev &&
	    s.st_ino == d.st_ino) {
		msg_warnx("'%s' and '%s' are the same file", src, dst);
		return 1;
	}
	operand_src = src;
	operand_dst = dst;
	return copy_node(src, dst, o, NULL, 1);
}
