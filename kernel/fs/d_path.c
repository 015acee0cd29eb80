/*
 * The name of a place (Linux's d_path and prepend_path): from a dentry up
 * to the given root, crossing mount points into parent mounts, built from
 * the end of a buffer. getcwd and /proc's links use it.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/vfs.h>
#include "internal.h"

static bool prepend(char **p, char *buf, const char *s, size_t len)
{
	if ((size_t)(*p - buf) < len)
		return false;
	*p -= len;
	memcpy(*p, s, len);
	return true;
}

/*
 * Names change under dcache_lock (d_move), and a mount on the way up is
 * busy (something below it is referenced), so neither goes meanwhile.
 */
char *d_path(const struct path *path, const struct path *root, char *buf,
	     size_t size, bool *unreachable)
{
	struct dentry *dentry = path->dentry;
	struct vfsmount *mnt = path->mnt;
	char *p = buf + size;
	bool ok = prepend(&p, buf, "", 1);

	*unreachable = false;
	spin_lock(&dcache_lock);
	while (ok && !(dentry == root->dentry && mnt == root->mnt)) {
		if (dentry == mnt->mnt_root) {
			if (mnt->mnt_parent == mnt) {
				*unreachable = true;
				break;
			}
			dentry = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		ok = prepend(&p, buf, dentry->d_name.name, dentry->d_name.len) &&
		     prepend(&p, buf, "/", 1);
		dentry = dentry->d_parent;
	}
	spin_unlock(&dcache_lock);
	if (ok && p == buf + size - 1)
		ok = prepend(&p, buf, "/", 1);
	return ok ? p : NULL;
}
