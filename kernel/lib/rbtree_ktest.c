/*
 * In-kernel tests of the red-black tree: the same source the host tests
 * check, built with the kernel's flags (-O2, kernel code model), must keep
 * its order and invariants through inserts and erases.
 */
#include <stdint.h>
#include <breenix/ktest.h>
#include <breenix/rbtree.h>

#define NR_ITEMS	1024

struct item {
	struct rb_node node;
	uint32_t key;
};

static struct item items[NR_ITEMS];

static void insert(struct rb_root_cached *root, struct item *it)
{
	struct rb_node **link = &root->root.node, *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (it->key < rb_entry(parent, struct item, node)->key) {
			link = &parent->left;
		} else {
			link = &parent->right;
			leftmost = false;
		}
	}
	rb_link_node(&it->node, parent, link);
	rb_insert_color_cached(&it->node, root, leftmost);
}

/* Black height of @n, or -1 when a red-red edge or unequal heights show. */
static int black_height(const struct rb_node *n)
{
	int l, r;

	if (!n)
		return 1;
	if (n->color == RB_RED &&
	    ((n->left && n->left->color == RB_RED) ||
	     (n->right && n->right->color == RB_RED)))
		return -1;
	l = black_height(n->left);
	r = black_height(n->right);
	if (l < 0 || l != r)
		return -1;
	return l + (n->color == RB_BLACK);
}

/* Keys in order, count right, leftmost cached, invariants held. */
static bool tree_ok(const struct rb_root_cached *root, unsigned int count)
{
	const struct rb_node *n;
	uint32_t last = 0;
	unsigned int seen = 0;

	if (root->root.node && root->root.node->color != RB_BLACK)
		return false;
	if (black_height(root->root.node) < 0)
		return false;
	if (rb_first_cached(root) != rb_first(&root->root))
		return false;
	for (n = rb_first(&root->root); n; n = rb_next(n)) {
		uint32_t key = rb_entry(n, struct item, node)->key;

		if (seen++ && key < last)
			return false;
		last = key;
	}
	return seen == count;
}

KTEST(rbtree_insert_erase_keeps_invariants)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	uint32_t x = 2463534242u;
	unsigned int i;

	for (i = 0; i < NR_ITEMS; i++) {
		/* xorshift32: keys in no particular order, with repeats. */
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		items[i].key = x % 512;
		insert(&root, &items[i]);
	}
	KT_ASSERT(tree_ok(&root, NR_ITEMS));
	for (i = 0; i < NR_ITEMS; i += 2)
		rb_erase_cached(&items[i].node, &root);
	KT_ASSERT(tree_ok(&root, NR_ITEMS / 2));
	for (i = 1; i < NR_ITEMS; i += 2)
		rb_erase_cached(&items[i].node, &root);
	KT_ASSERT(RB_EMPTY_ROOT(&root.root));
	KT_ASSERT(rb_first_cached(&root) == NULL);
}
