/*
 * The red-black tree against a sorted-array model over random inserts and
 * erases, checking the colour rules, parent links, order in both directions
 * and the cached leftmost as it goes; plus edge cases and height bounds.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/rbtree.h>
#include "unit.h"

struct item {
	struct rb_node node;
	uint32_t key;
	bool in_tree;
};

#define POOL		2000
#define KEY_RANGE	700	/* < POOL, so equal keys are common */

static struct item pool[POOL];
static struct item *model[POOL];	/* the tree's items, in order */
static unsigned int model_len;

static uint64_t rng_state;

static uint32_t rng(void)
{
	/* xorshift64*: a fixed sequence, so a failure reproduces. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 32);
}

static uint32_t key_of(const struct rb_node *n)
{
	return rb_entry(n, struct item, node)->key;
}

/* The caller's descent: equal keys go right, after the ones there. */
static void insert(struct rb_root_cached *root, struct item *it)
{
	struct rb_node **link = &root->root.node, *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (it->key < key_of(parent)) {
			link = &parent->left;
		} else {
			link = &parent->right;
			leftmost = false;
		}
	}
	rb_link_node(&it->node, parent, link);
	rb_insert_color_cached(&it->node, root, leftmost);
	it->in_tree = true;
}

static void model_insert(struct item *it)
{
	unsigned int i = model_len;

	/* After every equal key, as the descent above puts it. */
	while (i > 0 && model[i - 1]->key > it->key)
		i--;
	memmove(&model[i + 1], &model[i], (model_len - i) * sizeof(model[0]));
	model[i] = it;
	model_len++;
}

static void model_erase(struct item *it)
{
	unsigned int i;

	for (i = 0; model[i] != it; i++)
		;
	memmove(&model[i], &model[i + 1],
		(model_len - i - 1) * sizeof(model[0]));
	model_len--;
}

/* Black height of the subtree, checking colours and parent links on the way. */
static int check_subtree(const struct rb_node *n, const struct rb_node *parent)
{
	int l, r;

	if (!n)
		return 1;
	CHECK(n->parent == parent, "parent link broken at key %u", key_of(n));
	CHECK(n->color == RB_RED || n->color == RB_BLACK, "bad colour");
	if (n->color == RB_RED) {
		CHECK(!n->left || n->left->color == RB_BLACK, "red-red left");
		CHECK(!n->right || n->right->color == RB_BLACK,
		      "red-red right");
	}
	if (n->left)
		CHECK(key_of(n->left) <= key_of(n), "left key too big");
	if (n->right)
		CHECK(key_of(n->right) >= key_of(n), "right key too small");
	l = check_subtree(n->left, n);
	r = check_subtree(n->right, n);
	CHECK(l == r, "black heights differ: %d vs %d", l, r);
	return l + (n->color == RB_BLACK);
}

static int height(const struct rb_node *n)
{
	int l, r;

	if (!n)
		return 0;
	l = height(n->left);
	r = height(n->right);
	return 1 + (l > r ? l : r);
}

/* The whole tree against the model, walked both ways. */
static void check_tree(const struct rb_root_cached *root)
{
	const struct rb_node *n;
	unsigned int i;

	CHECK(!root->root.node || root->root.node->color == RB_BLACK,
	      "red root");
	check_subtree(root->root.node, NULL);
	CHECK(rb_first_cached(root) == rb_first(&root->root), "stale leftmost");
	for (n = rb_first(&root->root), i = 0; n; n = rb_next(n), i++) {
		CHECK(i < model_len, "tree longer than model");
		CHECK(n == &model[i]->node, "forward walk differs at %u", i);
	}
	CHECK(i == model_len, "tree has %u, model %u", i, model_len);
	for (n = rb_last(&root->root); n; n = rb_prev(n)) {
		CHECK(i > 0, "backward walk too long");
		i--;
		CHECK(n == &model[i]->node, "backward walk differs at %u", i);
	}
	CHECK(i == 0, "backward walk too short");
}

static void reset(void)
{
	memset(pool, 0, sizeof(pool));
	model_len = 0;
	rng_state = 0x9e3779b97f4a7c15ULL;
}

START_TEST(empty_tree)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	struct rb_root plain = RB_ROOT;

	ck_assert(RB_EMPTY_ROOT(&plain));
	ck_assert_ptr_null(rb_first(&plain));
	ck_assert_ptr_null(rb_last(&plain));
	ck_assert_ptr_null(rb_first_cached(&root));
}
END_TEST

START_TEST(single_node)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	struct item it = { .key = 7 };

	RB_CLEAR_NODE(&it.node);
	ck_assert(RB_EMPTY_NODE(&it.node));
	insert(&root, &it);
	ck_assert(!RB_EMPTY_NODE(&it.node));
	ck_assert_ptr_eq(root.root.node, &it.node);
	ck_assert_int_eq(it.node.color, RB_BLACK);
	ck_assert_ptr_eq(rb_first_cached(&root), &it.node);
	ck_assert_ptr_eq(rb_last(&root.root), &it.node);
	ck_assert_ptr_null(rb_next(&it.node));
	ck_assert_ptr_null(rb_prev(&it.node));
	rb_erase_cached(&it.node, &root);
	ck_assert(RB_EMPTY_ROOT(&root.root));
	ck_assert_ptr_null(rb_first_cached(&root));
}
END_TEST

/* 100k random inserts and erases, every step checked against the model. */
START_TEST(random_operations_match_a_model)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	unsigned int op, max_len = 0;

	reset();
	for (op = 0; op < 100000; op++) {
		struct item *it = &pool[rng() % POOL];

		if (!it->in_tree) {
			it->key = rng() % KEY_RANGE;
			insert(&root, it);
			model_insert(it);
		} else {
			rb_erase_cached(&it->node, &root);
			it->in_tree = false;
			model_erase(it);
		}
		CHECK(rb_first_cached(&root) ==
		      (model_len ? &model[0]->node : NULL),
		      "leftmost wrong after op %u", op);
		if (model_len > max_len)
			max_len = model_len;
		if (op % 997 == 0)
			check_tree(&root);
	}
	check_tree(&root);
	ck_assert_uint_gt(max_len, POOL / 3);
}
END_TEST

/* Fill the tree, then empty it in random order, checking every step. */
START_TEST(fill_then_drain)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	unsigned int i;

	reset();
	for (i = 0; i < POOL; i++) {
		pool[i].key = rng() % KEY_RANGE;
		insert(&root, &pool[i]);
		model_insert(&pool[i]);
		check_tree(&root);
	}
	while (model_len) {
		struct item *it = model[rng() % model_len];

		rb_erase_cached(&it->node, &root);
		model_erase(it);
		check_tree(&root);
	}
	ck_assert(RB_EMPTY_ROOT(&root.root));
}
END_TEST

/* Sorted input, a plain BST's worst case, stays within 2 log2(n + 1). */
START_TEST(sorted_input_stays_balanced)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	unsigned int i, n = POOL;
	int bound = 0;

	while ((1U << bound) < n + 1)
		bound++;
	bound *= 2;
	reset();
	for (i = 0; i < n; i++) {
		pool[i].key = _i ? n - i : i;
		insert(&root, &pool[i]);
		model_insert(&pool[i]);
	}
	check_tree(&root);
	ck_assert_int_le(height(root.root.node), bound);
	for (i = 0; i < n; i++) {
		rb_erase_cached(&model[0]->node, &root);
		model_erase(model[0]);
		ck_assert_int_le(height(root.root.node), bound);
	}
	ck_assert(RB_EMPTY_ROOT(&root.root));
}
END_TEST

static bool item_less(const struct rb_node *a, const struct rb_node *b)
{
	return key_of(a) < key_of(b);
}

/* Equal keys come out in insertion order; rb_add_cached reports leftmost. */
START_TEST(equal_keys_are_fifo)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	struct rb_node *n;
	unsigned int i;

	reset();
	for (i = 0; i < 64; i++)
		pool[i].key = (i % 3 == 0) ? 5 : 9;
	ck_assert(rb_add_cached(&pool[1].node, &root, item_less));
	for (i = 2; i < 64; i++)
		ck_assert_int_eq(rb_add_cached(&pool[i].node, &root, item_less),
				 i == 3);
	ck_assert(!rb_add_cached(&pool[0].node, &root, item_less));
	/* Key 5: items 3, 6, ..., 63, then 0; then the 9s in index order. */
	n = rb_first_cached(&root);
	ck_assert_ptr_eq(n, &pool[3].node);
	for (i = 3; i < 64; i += 3, n = rb_next(n))
		ck_assert_ptr_eq(n, &pool[i].node);
	ck_assert_ptr_eq(n, &pool[0].node);
	n = rb_next(n);
	for (i = 1; i < 64; i++) {
		if (i % 3 == 0)
			continue;
		ck_assert_ptr_eq(n, &pool[i].node);
		n = rb_next(n);
	}
	ck_assert_ptr_null(n);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("rbtree");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, empty_tree);
	tcase_add_test(tc, single_node);
	tcase_add_test(tc, random_operations_match_a_model);
	tcase_add_test(tc, fill_then_drain);
	tcase_add_loop_test(tc, sorted_input_stays_balanced, 0, 2);
	tcase_add_test(tc, equal_keys_are_fifo);
	suite_add_tcase(s, tc);
	return s;
}
