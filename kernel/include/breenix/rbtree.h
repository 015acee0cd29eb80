/*
 * Intrusive red-black trees, used as Linux uses them: a struct rb_node lives
 * inside each element, the caller walks down comparing its own keys and links
 * the new node with rb_link_node(), then rb_insert_color() rebalances.
 */
#ifndef BREENIX_RBTREE_H
#define BREENIX_RBTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <breenix/list.h>

#define RB_RED		0
#define RB_BLACK	1

struct rb_node {
	struct rb_node *parent;
	struct rb_node *left;
	struct rb_node *right;
	unsigned char color;
};

struct rb_root {
	struct rb_node *node;
};

/*
 * A tree that also remembers its smallest node, so that the scheduler finds
 * the next task in O(1); the caller tells insertion whether the new node went
 * down the leftmost path.
 */
struct rb_root_cached {
	struct rb_root root;
	struct rb_node *leftmost;
};

#define RB_ROOT			((struct rb_root) { NULL })
#define RB_ROOT_CACHED		((struct rb_root_cached) { { NULL }, NULL })

#define rb_entry(ptr, type, member)	container_of(ptr, type, member)
#define rb_entry_safe(ptr, type, member) \
	((ptr) ? rb_entry(ptr, type, member) : NULL)

#define RB_EMPTY_ROOT(r)	((r)->node == NULL)

/* A node that points at itself as parent is in no tree (see RB_CLEAR_NODE). */
#define RB_EMPTY_NODE(n)	((n)->parent == (n))
#define RB_CLEAR_NODE(n)	((n)->parent = (n))

/* Hang @node, red and childless, at *@link below @parent. */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->parent = parent;
	node->left = NULL;
	node->right = NULL;
	node->color = RB_RED;
	*link = node;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);

struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

/* @leftmost: the descent never went right, so @node is the new minimum. */
void rb_insert_color_cached(struct rb_node *node, struct rb_root_cached *root,
			    bool leftmost);
void rb_erase_cached(struct rb_node *node, struct rb_root_cached *root);

static inline struct rb_node *rb_first_cached(const struct rb_root_cached *root)
{
	return root->leftmost;
}

/*
 * Insert @node by the order @less gives, equal keys after the ones already
 * there (so equal elements come out first-in first-out). Returns true when
 * @node became the leftmost.
 */
bool rb_add_cached(struct rb_node *node, struct rb_root_cached *root,
		   bool (*less)(const struct rb_node *a,
				const struct rb_node *b));

#endif
