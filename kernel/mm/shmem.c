/*
 * Shared anonymous memory objects. Pages hang off a radix tree indexed by
 * page offset (64 slots a node, as many levels as the size needs), so a
 * sparse terabyte mapping costs only the nodes on the paths it touches.
 */
#include <stdbool.h>
#include <breenix/mm.h>
#include <breenix/mutex.h>
#include <breenix/shmem.h>
#include <breenix/slab.h>

#define SHM_SHIFT	6
#define SHM_SLOTS	(1U << SHM_SHIFT)
#define SHM_MASK	(SHM_SLOTS - 1)

struct shm_node {
	void *slots[SHM_SLOTS];		/* child nodes, or pages at the bottom */
};

struct shmem_object {
	int refcount;
	struct mutex lock;		/* the tree and nr_pages */
	uint64_t size;			/* in pages */
	unsigned int height;		/* levels of nodes, 0 while empty */
	struct shm_node *root;
	uint64_t nr_pages;
};

/* Pages held by all objects: sysinfo's sharedram, /proc/meminfo's Shmem. */
static uint64_t shmem_total;

struct shmem_object *shmem_create(uint64_t pages)
{
	struct shmem_object *shm = kmalloc(sizeof(*shm), __GFP_ZERO);

	if (!shm)
		return NULL;
	shm->refcount = 1;
	mutex_init(&shm->lock);
	shm->size = pages;
	return shm;
}

void shmem_get(struct shmem_object *shm)
{
	__atomic_add_fetch(&shm->refcount, 1, __ATOMIC_RELAXED);
}

/* Frees @node, @level levels above the pages, and everything below it. */
static void free_node(struct shm_node *node, unsigned int level)
{
	unsigned int i;

	for (i = 0; i < SHM_SLOTS; i++) {
		if (!node->slots[i])
			continue;
		if (level == 1) {
			put_page(node->slots[i]);
			__atomic_sub_fetch(&shmem_total, 1, __ATOMIC_RELAXED);
		} else {
			free_node(node->slots[i], level - 1);
		}
	}
	kfree(node);
}

void shmem_put(struct shmem_object *shm)
{
	if (__atomic_sub_fetch(&shm->refcount, 1, __ATOMIC_ACQ_REL))
		return;
	if (shm->root)
		free_node(shm->root, shm->height);
	kfree(shm);
}

static uint64_t max_index(unsigned int height)
{
	return height >= 64 / SHM_SHIFT ? UINT64_MAX :
	       (1ULL << (height * SHM_SHIFT)) - 1;
}

/* The bottom node holding @pgoff's slot, or NULL; creates the path if @create. */
static struct shm_node *leaf_of(struct shmem_object *shm, uint64_t pgoff,
				bool create)
{
	struct shm_node *node;
	unsigned int level;

	while (!shm->root || pgoff > max_index(shm->height)) {
		struct shm_node *top;

		if (!create)
			return NULL;
		top = kmalloc(sizeof(*top), __GFP_ZERO);
		if (!top)
			return NULL;
		/* A taller tree keeps the old one as its first child. */
		top->slots[0] = shm->root;
		shm->root = top;
		shm->height++;
	}
	node = shm->root;
	for (level = shm->height; level > 1; level--) {
		unsigned int i = (pgoff >> ((level - 1) * SHM_SHIFT)) & SHM_MASK;

		if (!node->slots[i]) {
			if (!create)
				return NULL;
			node->slots[i] = kmalloc(sizeof(struct shm_node), __GFP_ZERO);
			if (!node->slots[i])
				return NULL;
		}
		node = node->slots[i];
	}
	return node;
}

struct page *shmem_get_page(struct shmem_object *shm, uint64_t pgoff)
{
	struct page *page = NULL;
	struct shm_node *leaf;
	void **slot;

	if (pgoff >= shm->size)
		return NULL;
	mutex_lock(&shm->lock);
	leaf = leaf_of(shm, pgoff, true);
	if (leaf) {
		slot = &leaf->slots[pgoff & SHM_MASK];
		if (!*slot && (*slot = alloc_page(__GFP_ZERO))) {
			shm->nr_pages++;
			__atomic_add_fetch(&shmem_total, 1, __ATOMIC_RELAXED);
		}
		page = *slot;
	}
	mutex_unlock(&shm->lock);
	return page;
}

struct page *shmem_find_page(struct shmem_object *shm, uint64_t pgoff)
{
	struct page *page = NULL;
	struct shm_node *leaf;

	mutex_lock(&shm->lock);
	leaf = leaf_of(shm, pgoff, false);
	if (leaf)
		page = leaf->slots[pgoff & SHM_MASK];
	mutex_unlock(&shm->lock);
	return page;
}

uint64_t shmem_nr_pages(const struct shmem_object *shm)
{
	return __atomic_load_n(&shm->nr_pages, __ATOMIC_RELAXED);
}

uint64_t shmem_total_pages(void)
{
	return __atomic_load_n(&shmem_total, __ATOMIC_RELAXED);
}
