/*
 * Red-black tree rebalancing after insertion and erasure, after the classic
 * algorithm (Cormen et al., "Introduction to Algorithms", ch. 13) with NULL
 * leaves instead of a sentinel. Policy code, shared with the host tests.
 */
#include <breenix/rbtree.h>

static inline bool is_red(const struct rb_node *n)
{
	return n && n->color == RB_RED;
}

/* Make @new take @old's place under @parent (or at the root). */
static void change_child(struct rb_root *root, struct rb_node *parent,
			 struct rb_node *old, struct rb_node *new)
{
	if (!parent)
		root->node = new;
	else if (parent->left == old)
		parent->left = new;
	else
		parent->right = new;
}

/* @x's right child rises to @x's place; @x becomes its left child. */
static void rotate_left(struct rb_root *root, struct rb_node *x)
{
	struct rb_node *y = x->right;

	x->right = y->left;
	if (y->left)
		y->left->parent = x;
	y->parent = x->parent;
	change_child(root, x->parent, x, y);
	y->left = x;
	x->parent = y;
}

static void rotate_right(struct rb_root *root, struct rb_node *x)
{
	struct rb_node *y = x->left;

	x->left = y->right;
	if (y->right)
		y->right->parent = x;
	y->parent = x->parent;
	change_child(root, x->parent, x, y);
	y->right = x;
	x->parent = y;
}

/*
 * The new node is red, so black heights hold; only a red parent breaks the
 * tree. A red uncle lets the colours move up two levels; a black one is fixed
 * here by at most two rotations.
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *parent, *gparent, *uncle;

	while ((parent = node->parent) && is_red(parent)) {
		/* A red node is never the root, so the grandparent exists. */
		gparent = parent->parent;
		if (parent == gparent->left) {
			uncle = gparent->right;
			if (is_red(uncle)) {
				parent->color = RB_BLACK;
				uncle->color = RB_BLACK;
				gparent->color = RB_RED;
				node = gparent;
				continue;
			}
			if (node == parent->right) {
				rotate_left(root, parent);
				parent = node;
			}
			parent->color = RB_BLACK;
			gparent->color = RB_RED;
			rotate_right(root, gparent);
		} else {
			uncle = gparent->left;
			if (is_red(uncle)) {
				parent->color = RB_BLACK;
				uncle->color = RB_BLACK;
				gparent->color = RB_RED;
				node = gparent;
				continue;
			}
			if (node == parent->left) {
				rotate_right(root, parent);
				parent = node;
			}
			parent->color = RB_BLACK;
			gparent->color = RB_RED;
			rotate_left(root, gparent);
		}
		break;
	}
	root->node->color = RB_BLACK;
}

/*
 * A black node left the path through @parent on @node's side (@node may be
 * NULL): that side is one black short. Borrow from the sibling's subtree, or
 * push the deficit up when the sibling has no red child to give.
 */
static void erase_fixup(struct rb_root *root, struct rb_node *node,
			struct rb_node *parent)
{
	struct rb_node *sib;

	while (node != root->node && !is_red(node)) {
		if (node == parent->left) {
			sib = parent->right;
			if (is_red(sib)) {
				sib->color = RB_BLACK;
				parent->color = RB_RED;
				rotate_left(root, parent);
				sib = parent->right;
			}
			if (!is_red(sib->left) && !is_red(sib->right)) {
				sib->color = RB_RED;
				node = parent;
				parent = node->parent;
				continue;
			}
			if (!is_red(sib->right)) {
				sib->left->color = RB_BLACK;
				sib->color = RB_RED;
				rotate_right(root, sib);
				sib = parent->right;
			}
			sib->color = parent->color;
			parent->color = RB_BLACK;
			sib->right->color = RB_BLACK;
			rotate_left(root, parent);
		} else {
			sib = parent->left;
			if (is_red(sib)) {
				sib->color = RB_BLACK;
				parent->color = RB_RED;
				rotate_right(root, parent);
				sib = parent->left;
			}
			if (!is_red(sib->left) && !is_red(sib->right)) {
				sib->color = RB_RED;
				node = parent;
				parent = node->parent;
				continue;
			}
			if (!is_red(sib->left)) {
				sib->right->color = RB_BLACK;
				sib->color = RB_RED;
				rotate_left(root, sib);
				sib = parent->left;
			}
			sib->color = parent->color;
			parent->color = RB_BLACK;
			sib->left->color = RB_BLACK;
			rotate_right(root, parent);
		}
		node = root->node;
		break;
	}
	if (node)
		node->color = RB_BLACK;
}

/* Put @new (possibly NULL) where @old hangs. */
static void transplant(struct rb_root *root, struct rb_node *old,
		       struct rb_node *new)
{
	change_child(root, old->parent, old, new);
	if (new)
		new->parent = old->parent;
}

/*
 * A node with two children is replaced by its successor, which has no left
 * child; either way one node with at most one child leaves its spot, and only
 * if that spot held a black node do the colours need repair.
 */
void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *child, *parent, *succ;
	unsigned char removed_color = node->color;

	if (!node->left || !node->right) {
		child = node->left ? node->left : node->right;
		parent = node->parent;
		transplant(root, node, child);
	} else {
		succ = node->right;
		while (succ->left)
			succ = succ->left;
		removed_color = succ->color;
		child = succ->right;
		if (succ->parent == node) {
			parent = succ;
		} else {
			parent = succ->parent;
			transplant(root, succ, child);
			succ->right = node->right;
			succ->right->parent = succ;
		}
		transplant(root, node, succ);
		succ->left = node->left;
		succ->left->parent = succ;
		succ->color = node->color;
	}
	if (removed_color == RB_BLACK)
		erase_fixup(root, child, parent);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->node;

	if (!n)
		return NULL;
	while (n->left)
		n = n->left;
	return n;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->node;

	if (!n)
		return NULL;
	while (n->right)
		n = n->right;
	return n;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *n;

	if (node->right) {
		n = node->right;
		while (n->left)
			n = n->left;
		return n;
	}
	/* Climb until we come up from a left child: that parent is next. */
	while (node->parent && node == node->parent->right)
		node = node->parent;
	return node->parent;
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *n;

	if (node->left) {
		n = node->left;
		while (n->right)
			n = n->right;
		return n;
	}
	while (node->parent && node == node->parent->left)
		node = node->parent;
	return node->parent;
}

void rb_insert_color_cached(struct rb_node *node, struct rb_root_cached *root,
			    bool leftmost)
{
	if (leftmost)
		root->leftmost = node;
	rb_insert_color(node, &root->root);
}

void rb_erase_cached(struct rb_node *node, struct rb_root_cached *root)
{
	if (root->leftmost == node)
		root->leftmost = rb_next(node);
	rb_erase(node, &root->root);
}

bool rb_add_cached(struct rb_node *node, struct rb_root_cached *root,
		   bool (*less)(const struct rb_node *a,
				const struct rb_node *b))
{
	struct rb_node **link = &root->root.node;
	struct rb_node *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (less(node, parent)) {
			link = &parent->left;
		} else {
			link = &parent->right;
			leftmost = false;
		}
	}
	rb_link_node(node, parent, link);
	rb_insert_color_cached(node, root, leftmost);
	return leftmost;
}
