/*
 * The path walk. Components resolve one at a time from the dentry cache
 * (asking the filesystem on a miss), crossing into mounted filesystems and
 * back out through "..", and following symlinks: a symlink at the end of a
 * walk continues the same loop with its target, one in the middle walks its
 * target first. At most MAXSYMLINKS are followed in one lookup (-ELOOP).
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/namei.h>
#include <linux/stat.h>

/* Links whose targets the walk is reading; released when it ends. */
struct held_links {
	struct dentry *link[MAXSYMLINKS];
	unsigned int n;
};

struct walk {
	struct nameidata *nd;
	struct held_links held;
};

static void nd_init(struct nameidata *nd, const struct vfs_at *at,
		    const char *name, const struct vfs_cred *cred)
{
	memset(nd, 0, sizeof(*nd));
	nd->cred = cred;
	if (at && at->root) {
		nd->root = *at->root;
		path_get(&nd->root);
	} else {
		get_root(&nd->root);
	}
	nd->path = name[0] == '/' || !at || !at->dir ? nd->root : *at->dir;
	path_get(&nd->path);
}

static void walk_release(struct walk *w)
{
	while (w->held.n)
		dput(w->held.link[--w->held.n]);
}

static bool is_dir(const struct dentry *dentry)
{
	return S_ISDIR(dentry->d_inode->i_mode);
}

static int may_lookup(struct nameidata *nd)
{
	if (!is_dir(nd->path.dentry))
		return -ENOTDIR;
	return inode_permission(nd->path.dentry->d_inode, MAY_EXEC, nd->cred);
}

/* Moves p to the root of whatever is mounted on it, repeatedly. */
static void follow_mount(struct path *p)
{
	while (p->dentry->d_mounted) {
		struct vfsmount *m = lookup_mnt(p->mnt, p->dentry);

		if (!m)
			break;
		path_put(p);
		p->mnt = m;
		p->dentry = dget(m->mnt_root);
	}
}

/* ".." stops at the walk's root and climbs out of mounts to their mountpoint. */
static void follow_dotdot(struct nameidata *nd)
{
	struct path p = nd->path;

	for (;;) {
		if (p.dentry == nd->root.dentry && p.mnt == nd->root.mnt)
			return;
		if (p.dentry != p.mnt->mnt_root) {
			nd->path.dentry = dget_parent(p.dentry);
			dput(p.dentry);
			break;
		}
		if (p.mnt->mnt_parent == p.mnt)
			return;
		nd->path.mnt = mntget(p.mnt->mnt_parent);
		nd->path.dentry = dget(p.mnt->mnt_mountpoint);
		path_put(&p);
		p = nd->path;
	}
	follow_mount(&nd->path);
}

struct dentry *lookup_one(struct dentry *dir, const char *name,
			  unsigned int len)
{
	struct inode *inode = dir->d_inode;
	struct dentry *dentry = d_lookup(dir, name, len);

	if (dentry)
		return dentry;
	dentry = d_alloc(dir, name, len);
	if (dentry && inode->i_op && inode->i_op->lookup &&
	    inode->i_op->lookup(inode, dentry)) {
		dput(dentry);
		return NULL;
	}
	return dentry;
}

/* Looks up one component below nd->path into *next, positive. */
static int lookup_component(struct nameidata *nd, const char *name,
			    unsigned int len, struct path *next)
{
	struct inode *dir = nd->path.dentry->d_inode;
	struct dentry *dentry;

	spin_lock(&dir->i_lock);
	dentry = lookup_one(nd->path.dentry, name, len);
	spin_unlock(&dir->i_lock);
	if (!dentry)
		return -ENOMEM;
	if (!dentry->d_inode) {
		dput(dentry);
		return -ENOENT;
	}
	next->mnt = mntget(nd->path.mnt);
	next->dentry = dentry;
	follow_mount(next);
	return 0;
}

/*
 * Starts following the symlink at link: counts it, keeps it held while its
 * target is read, and moves to the root for an absolute target.
 */
static int start_link(struct walk *w, struct path *link, const char **target)
{
	struct nameidata *nd = w->nd;
	struct inode *inode = link->dentry->d_inode;

	if (nd->nlinks >= MAXSYMLINKS)
		return -ELOOP;
	nd->nlinks++;
	*target = inode->i_op && inode->i_op->get_link ?
		  inode->i_op->get_link(inode) : NULL;
	if (!*target)
		return -EINVAL;
	if (!**target)
		return -ENOENT;
	w->held.link[w->held.n++] = dget(link->dentry);
	if (**target == '/') {
		path_put(&nd->path);
		nd->path = nd->root;
		path_get(&nd->path);
	}
	return 0;
}

static int walk_path(struct walk *w, const char *name, const char *end,
		     bool follow_last);

/*
 * Steps into one component. A symlink to follow that ends the walk is
 * returned in *tail for the caller's loop; one in the middle is walked here.
 */
static int walk_component(struct walk *w, const char *name, unsigned int len,
			  bool follow, bool last, const char **tail)
{
	struct nameidata *nd = w->nd;
	const char *target;
	struct path next;
	int err = may_lookup(nd);

	if (err)
		return err;
	if (len == 1 && name[0] == '.')
		return 0;
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		follow_dotdot(nd);
		return 0;
	}
	err = lookup_component(nd, name, len, &next);
	if (err)
		return err;
	if (!follow || !S_ISLNK(next.dentry->d_inode->i_mode)) {
		path_put(&nd->path);
		nd->path = next;
		return 0;
	}
	err = start_link(w, &next, &target);
	path_put(&next);
	if (err)
		return err;
	if (last) {
		*tail = target;
		return 0;
	}
	return walk_path(w, target, target + strlen(target), true);
}

/*
 * Walks [name, end). A component followed by '/' must be a directory
 * (symlinks to one are followed); the last is followed when follow_last.
 */
static int walk_path(struct walk *w, const char *name, const char *end,
		     bool follow_last)
{
	bool need_dir = false;

	while (name < end) {
		const char *c, *rest, *tail = NULL;
		bool slash, last;
		int err;

		if (*name == '/') {
			name++;
			continue;
		}
		for (c = name; c < end && *c != '/'; c++)
			;
		if (c - name > NAME_MAX)
			return -ENAMETOOLONG;
		slash = c < end;
		for (rest = c; rest < end && *rest == '/'; rest++)
			;
		last = rest == end;
		err = walk_component(w, name, (unsigned int)(c - name),
				     follow_last || slash || !last, last,
				     &tail);
		if (err)
			return err;
		if (tail) {
			name = tail;
			end = tail + strlen(tail);
			follow_last = true;
			need_dir = need_dir || slash;
			continue;
		}
		if (slash && !is_dir(w->nd->path.dentry))
			return -ENOTDIR;
		name = rest;
	}
	return need_dir && !is_dir(w->nd->path.dentry) ? -ENOTDIR : 0;
}

static int check_name(const char *name, bool empty_ok)
{
	size_t len = strnlen(name, PATH_MAX);

	if (!len)
		return empty_ok ? 0 : -ENOENT;
	if (len == PATH_MAX)
		return -ENAMETOOLONG;
	return 0;
}

int kern_path(const struct vfs_at *at, const char *name, unsigned int flags,
	      const struct vfs_cred *cred, struct path *out)
{
	struct nameidata nd;
	struct walk w = { .nd = &nd };
	int err = check_name(name, flags & LOOKUP_EMPTY);

	if (err)
		return err;
	nd_init(&nd, at, name, cred);
	err = walk_path(&w, name, name + strlen(name), flags & LOOKUP_FOLLOW);
	if (!err && (flags & LOOKUP_DIRECTORY) && !is_dir(nd.path.dentry))
		err = -ENOTDIR;
	walk_release(&w);
	path_put(&nd.root);
	if (err) {
		path_put(&nd.path);
		return err;
	}
	*out = nd.path;
	return 0;
}

int path_parent(const struct vfs_at *at, const char *name,
		const struct vfs_cred *cred, struct nameidata *nd)
{
	struct walk w = { .nd = nd };
	const char *end, *start;
	int err = check_name(name, false);

	if (err)
		return err;
	nd_init(nd, at, name, cred);
	end = name + strlen(name);
	while (end > name && end[-1] == '/') {
		end--;
		nd->trailing_slash = true;
	}
	for (start = end; start > name && start[-1] != '/'; start--)
		;
	nd->last = start;
	nd->last_len = (unsigned int)(end - start);
	if (nd->last_len > NAME_MAX) {
		err = -ENAMETOOLONG;
		goto fail;
	}
	err = walk_path(&w, name, start, true);
	walk_release(&w);
	if (!err)
		err = may_lookup(nd);
	if (err)
		goto fail;
	if (!nd->last_len)
		nd->last_type = LAST_ROOT;
	else if (nd->last_len == 1 && start[0] == '.')
		nd->last_type = LAST_DOT;
	else if (nd->last_len == 2 && start[0] == '.' && start[1] == '.')
		nd->last_type = LAST_DOTDOT;
	else
		nd->last_type = LAST_NORM;
	return 0;
fail:
	path_parent_put(nd);
	return err;
}

void path_parent_put(struct nameidata *nd)
{
	path_put(&nd->path);
	path_put(&nd->root);
}
