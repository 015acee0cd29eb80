/*
 * rm's removal: a directory's contents depth first, then the directory
 * itself; a failure inside leaves the directory (and says why) but the
 * rest of the tree is still removed. Under -i every file and directory is
 * asked about, as coreutils does (an empty directory is not descended).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msg.h"
#include "direach.h"
#include "pathjoin.h"
#include "prompt.h"
#include "rmtree.h"

static const char *kind(mode_t mode, off_t size)
{
	if (S_ISDIR(mode))
		return "directory";
	if (S_ISLNK(mode))
		return "symbolic link";
	if (S_ISFIFO(mode))
		return "fifo";
	if (S_ISCHR(mode))
		return "character special file";
	if (S_ISBLK(mode))
		return "block special file";
	if (S_ISSOCK(mode))
		return "socket";
	return size ? "regular file" : "regular empty file";
}

static int remove_child(const char *child, const char *name, void *arg)
{
	(void)name;
	return rmtree(child, arg);
}

static int any_entry(const char *child, const char *name, void *arg)
{
	(void)child, (void)name, (void)arg;
	return 1;
}

/* Whether there is something to descend into (a directory that cannot be read counts). */
static int has_entries(const char *path)
{
	return dir_each(path, any_entry, NULL) != 0;
}

static int remove_children(const char *path, const struct rmtree_opts *o)
{
	int status = dir_each(path, remove_child, (void *)o);

	if (status < 0) {
		msg_warn("cannot remove '%s'", path);
		return 1;
	}
	return status;
}

static int remove_dir(const char *path, const struct stat *st, const struct rmtree_opts *o)
{
	if (!o->recursive && !o->empty_dirs) {
		errno = EISDIR;
		msg_warn("cannot remove '%s'", path);
		return 1;
	}
	if (o->recursive && has_entries(path)) {
		if (o->interactive && !prompt_yes("descend into directory '%s'", path))
			return 0;
		if (remove_children(path, o))
			return 1;
	}
	if (o->interactive && !prompt_yes("remove %s '%s'", kind(st->st_mode, 0), path))
		return 0;
	if (rmdir(path) < 0) {
		msg_warn("cannot remove '%s'", path);
		return 1;
	}
	if (o->verbose)
		printf("removed directory '%s'\n", path);
	return 0;
}

int rmtree(const char *path, const struct rmtree_opts *o)
{
	struct stat st;

	if (lstat(path, &st) < 0) {
		if (o->force && errno == ENOENT)
			return 0;
		msg_warn("cannot remove '%s'", path);
		return 1;
	}
	if (S_ISDIR(st.st_mode))
		return remove_dir(path, &st, o);
	if (o->interactive && !prompt_yes("remove %s '%s'", kind(st.st_mode, st.st_size), path))
		return 0;
	if (unlink(path) < 0) {
		msg_warn("cannot remove '%s'", path);
		return 1;
	}
	if (o->verbose)
		printf("removed '%s'\n", path);
	return 0;
}
