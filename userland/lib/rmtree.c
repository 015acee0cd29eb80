/*
 * rm's removal: a directory's contents depth first, then the directory
 * itself; a failure inside leaves the directory (and says why) but the
 * rest of the tree is still removed.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msg.h"
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

static int remove_children(const char *path, const struct rmtree_opts *o)
{
	DIR *d = opendir(path);
	struct dirent *de;
	int status = 0;

	if (!d) {
		msg_warn("cannot remove '%s'", path);
		return 1;
	}
	while ((errno = 0, de = readdir(d))) {
		char *child;

		if (path_is_dots(de->d_name))
			continue;
		child = path_join(path, de->d_name);
		status |= rmtree(child, o);
		free(child);
	}
	if (errno) {
		msg_warn("cannot remove '%s'", path);
		status = 1;
	}
	closedir(d);
	return status;
}

static int remove_dir(const char *path, const struct stat *st, const struct rmtree_opts *o)
{
	if (!o->recursive && !o->empty_dirs) {
		errno = EISDIR;
		msg_warn("cannot remove '%s'", path);
		return 1;
	}
	if (o->recursive) {
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
	return 0;
}
