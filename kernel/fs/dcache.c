/*
 * The dentry cache: names in directories, hashed by (parent, name) so a
 * path walk finds a component without asking the filesystem. A dentry is
 * freed when its last reference goes (there is no list of unused dentries
 * to keep for later yet: disk filesystems will want one); in-memory
 * filesystems keep theirs by holding an extra reference for as long as the
 * name exists.
 */
#include <string.h>
#include <breenix/fs.h>
#include <breenix/slab.h>

#define D_HASH_BITS	10
#define D_HASH_SIZE	(1u << D_HASH_BITS)

/* Guards the hash table, d_subdirs lists, d_parent, d_name and counts. */
spinlock_t dcache_lock = SPINLOCK_INIT;
static struct list_head d_hash_table[D_HASH_SIZE];
static bool d_hash_ready;

static uint32_t name_hash(const char *name, unsigned int len)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	while (len--)
		h = (h ^ (unsigned char)*name++) * 16777619u;
	return h;
}

static struct list_head *d_bucket(const struct dentry *parent, uint32_t hash)
{
	uintptr_t p = (uintptr_t)parent;

	hash ^= (uint32_t)(p >> 4) ^ (uint32_t)(p >> 32);
	return &d_hash_table[(hash * 2654435761u) >> (32 - D_HASH_BITS)];
}

static void d_hash_init(void)
{
	unsigned int i;

	if (d_hash_ready)
		return;
	for (i = 0; i < D_HASH_SIZE; i++)
		INIT_LIST_HEAD(&d_hash_table[i]);
	d_hash_ready = true;
}

static int d_set_name(struct dentry *dentry, const char *name,
		      unsigned int len)
{
	char *buf = dentry->d_iname;

	if (len >= sizeof(dentry->d_iname)) {
		buf = kmalloc(len + 1, GFP_KERNEL);
		if (!buf)
			return -1;
	}
	memcpy(buf, name, len);
	buf[len] = '\0';
	dentry->d_name.name = buf;
	dentry->d_name.len = len;
	dentry->d_name.hash = name_hash(name, len);
	return 0;
}

static void d_free(struct dentry *dentry)
{
	if (dentry->d_name.name != dentry->d_iname)
		kfree(dentry->d_name.name);
	kfree(dentry);
}

static struct dentry *d_new(const char *name, unsigned int len)
{
	struct dentry *dentry = kzalloc(sizeof(*dentry), GFP_KERNEL);

	if (!dentry)
		return NULL;
	if (d_set_name(dentry, name, len)) {
		kfree(dentry);
		return NULL;
	}
	dentry->d_count = 1;
	INIT_LIST_HEAD(&dentry->d_hash);
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	return dentry;
}

/* A new negative child of parent, hashed; NULL when out of memory. */
struct dentry *d_alloc(struct dentry *parent, const char *name,
		       unsigned int len)
{
	struct dentry *dentry = d_new(name, len);

	if (!dentry)
		return NULL;
	dentry->d_sb = parent->d_sb;
	spin_lock(&dcache_lock);
	parent->d_count++;
	dentry->d_parent = parent;
	list_add_tail(&dentry->d_child, &parent->d_subdirs);
	list_add(&dentry->d_hash, d_bucket(parent, dentry->d_name.hash));
	dentry->d_flags |= DCACHE_HASHED;
	spin_unlock(&dcache_lock);
	return dentry;
}

/* The root dentry of a filesystem, owning the reference to root. */
struct dentry *d_alloc_root(struct inode *root)
{
	struct dentry *dentry;

	d_hash_init();
	dentry = d_new("/", 1);
	if (!dentry)
		return NULL;
	dentry->d_parent = dentry;
	dentry->d_sb = root->i_sb;
	dentry->d_inode = root;
	return dentry;
}

struct dentry *d_lookup(struct dentry *parent, const char *name,
			unsigned int len)
{
	uint32_t hash = name_hash(name, len);
	struct dentry *dentry, *found = NULL;

	spin_lock(&dcache_lock);
	list_for_each_entry(dentry, d_bucket(parent, hash), d_hash) {
		if (dentry->d_parent == parent && dentry->d_name.hash == hash &&
		    dentry->d_name.len == len &&
		    !memcmp(dentry->d_name.name, name, len)) {
			dentry->d_count++;
			found = dentry;
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return found;
}

/*
 * Makes a negative dentry positive with the caller's reference to inode.
 * It moves to the end of its parent's children, so the positive children
 * are in the order they were made, which in-memory readdir relies on.
 */
void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&dcache_lock);
	dentry->d_inode = inode;
	if (dentry->d_flags & DCACHE_HASHED) {
		list_del(&dentry->d_child);
		list_add_tail(&dentry->d_child, &dentry->d_parent->d_subdirs);
	}
	spin_unlock(&dcache_lock);
}

void d_add(struct dentry *dentry, struct inode *inode)
{
	d_instantiate(dentry, inode);
}

static void d_unhash_locked(struct dentry *dentry)
{
	if (!(dentry->d_flags & DCACHE_HASHED))
		return;
	list_del(&dentry->d_hash);
	list_del(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_hash);
	INIT_LIST_HEAD(&dentry->d_child);
	dentry->d_flags &= ~DCACHE_HASHED;
}

/* Takes dentry out of the cache: no walk finds it again. */
void d_drop(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	d_unhash_locked(dentry);
	spin_unlock(&dcache_lock);
}

/*
 * After an unlink: the name no longer refers to the inode. When only the
 * caller holds the dentry it turns negative; otherwise (an open file) it
 * is dropped, and keeps its inode until the last reference goes.
 */
void d_delete(struct dentry *dentry)
{
	struct inode *inode = NULL;

	spin_lock(&dcache_lock);
	if (dentry->d_count == 1) {
		inode = dentry->d_inode;
		dentry->d_inode = NULL;
	} else {
		d_unhash_locked(dentry);
	}
	spin_unlock(&dcache_lock);
	iput(inode);
}

struct dentry *dget(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	dentry->d_count++;
	spin_unlock(&dcache_lock);
	return dentry;
}

/* The last reference frees the dentry and drops its inode and parent. */
void dput(struct dentry *dentry)
{
	while (dentry) {
		struct dentry *parent;
		struct inode *inode;

		spin_lock(&dcache_lock);
		if (--dentry->d_count > 0) {
			spin_unlock(&dcache_lock);
			return;
		}
		d_unhash_locked(dentry);
		spin_unlock(&dcache_lock);
		parent = dentry->d_parent == dentry ? NULL : dentry->d_parent;
		inode = dentry->d_inode;
		d_free(dentry);
		iput(inode);
		dentry = parent;
	}
}

static void swap_names(struct dentry *a, struct dentry *b)
{
	struct qstr qa = a->d_name, qb = b->d_name;
	char tmp[sizeof(a->d_iname)];
	bool ia = qa.name == a->d_iname, ib = qb.name == b->d_iname;

	memcpy(tmp, a->d_iname, sizeof(tmp));
	memcpy(a->d_iname, b->d_iname, sizeof(tmp));
	memcpy(b->d_iname, tmp, sizeof(tmp));
	a->d_name = qb;
	b->d_name = qa;
	if (ib)
		a->d_name.name = a->d_iname;
	if (ia)
		b->d_name.name = b->d_iname;
}

/*
 * After a rename: dentry takes target's name and parent, and target (whose
 * inode, if any, the filesystem has unlinked) leaves the cache. Called with
 * the rename lock held, so the tree cannot change under us.
 */
void d_move(struct dentry *dentry, struct dentry *target)
{
	struct dentry *old_parent = dentry->d_parent;

	spin_lock(&dcache_lock);
	d_unhash_locked(dentry);
	d_unhash_locked(target);
	swap_names(dentry, target);
	dentry->d_parent = target->d_parent;
	dentry->d_parent->d_count++;
	list_add_tail(&dentry->d_child, &dentry->d_parent->d_subdirs);
	list_add(&dentry->d_hash,
		 d_bucket(dentry->d_parent, dentry->d_name.hash));
	dentry->d_flags |= DCACHE_HASHED;
	spin_unlock(&dcache_lock);
	dput(old_parent);
}

bool is_subdir(struct dentry *a, struct dentry *b)
{
	bool ret = false;

	spin_lock(&dcache_lock);
	for (;;) {
		if (a == b) {
			ret = true;
			break;
		}
		if (a->d_parent == a)
			break;
		a = a->d_parent;
	}
	spin_unlock(&dcache_lock);
	return ret;
}

struct dentry *dget_parent(struct dentry *dentry)
{
	struct dentry *parent;

	spin_lock(&dcache_lock);
	parent = dentry->d_parent;
	parent->d_count++;
	spin_unlock(&dcache_lock);
	return parent;
}
