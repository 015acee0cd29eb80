/*
 * The fair run-queue policy: weighted virtual runtime, the red-black timeline
 * ordered by it, slices and preemption decisions. No floating point (the
 * kernel has none): divisions by a weight are multiplications by 2^32/weight.
 * Policy code, shared with the host tests.
 */
#include <breenix/sched_fair.h>

/*
 * Weights per nice value, as in Linux's sched_prio_to_weight: nice 0 is 1024
 * and each step is about 1.25x, so one nice level up or down moves a task's
 * CPU share by about 10% against a nice-0 competitor.
 */
#define NICE_WEIGHTS(X)							\
	X(88761) X(71755) X(56483) X(46273) X(36291)			\
	X(29154) X(23254) X(18705) X(14949) X(11916)			\
	X(9548)  X(7620)  X(6100)  X(4904)  X(3906)			\
	X(3121)  X(2501)  X(1991)  X(1586)  X(1277)			\
	X(1024)  X(820)   X(655)   X(526)   X(423)			\
	X(335)   X(272)   X(215)   X(172)   X(137)			\
	X(110)   X(87)    X(70)    X(56)    X(45)			\
	X(36)    X(29)    X(23)    X(18)    X(15)

#define WEIGHT(w)	w,
#define INV_WEIGHT(w)	(uint32_t)((1ULL << 32) / (w)),

static const uint32_t nice_to_weight[] = { NICE_WEIGHTS(WEIGHT) };
static const uint32_t nice_to_inv_weight[] = { NICE_WEIGHTS(INV_WEIGHT) };

__extension__ typedef unsigned __int128 u128;

static unsigned int nice_index(int nice)
{
	if (nice < NICE_MIN)
		nice = NICE_MIN;
	if (nice > NICE_MAX)
		nice = NICE_MAX;
	return (unsigned int)(nice - NICE_MIN);
}

uint32_t sched_nice_to_weight(int nice)
{
	return nice_to_weight[nice_index(nice)];
}

/* vruntimes wrap around; compare them by signed difference. */
static inline int64_t vdiff(uint64_t a, uint64_t b)
{
	return (int64_t)(a - b);
}

static inline uint64_t vmax(uint64_t a, uint64_t b)
{
	return vdiff(a, b) > 0 ? a : b;
}

void cfs_rq_init(struct cfs_rq *rq)
{
	rq->tasks = RB_ROOT_CACHED;
	rq->curr = NULL;
	rq->min_vruntime = 0;
	rq->nr_running = 0;
	rq->load_weight = 0;
}

void sched_entity_init(struct sched_entity *se, int nice)
{
	RB_CLEAR_NODE(&se->node);
	se->vruntime = 0;
	se->weight = sched_nice_to_weight(nice);
	se->inv_weight = nice_to_inv_weight[nice_index(nice)];
	se->sum_exec_runtime = 0;
	se->prev_sum_exec_runtime = 0;
	se->on_rq = false;
}

/*
 * The tree is keyed on vruntime, not weight, so a queued entity keeps its
 * place; only the queue's total load changes.
 */
void cfs_set_nice(struct cfs_rq *rq, struct sched_entity *se, int nice)
{
	uint32_t weight = sched_nice_to_weight(nice);

	if (se->on_rq)
		rq->load_weight = rq->load_weight - se->weight + weight;
	se->weight = weight;
	se->inv_weight = nice_to_inv_weight[nice_index(nice)];
}

/*
 * delta * 1024 * (2^32 / weight) >> 32. The product needs up to 2^38 times
 * delta, so it is formed in 128 bits: any delta is safe.
 */
uint64_t cfs_calc_delta_fair(uint64_t delta_ns, const struct sched_entity *se)
{
	u128 prod;

	if (se->weight == NICE_0_LOAD)
		return delta_ns;
	prod = (u128)delta_ns * NICE_0_LOAD * se->inv_weight;
	return (uint64_t)(prod >> 32);
}

uint64_t cfs_sched_period(unsigned int nr_running)
{
	if (nr_running > SCHED_NR_LATENCY)
		return nr_running * SCHED_MIN_GRAN_NS;
	return SCHED_LATENCY_NS;
}

/*
 * period * weight / load, split at period / load so that no product exceeds
 * load * weight: exact, and no 128-bit division (which would need libgcc).
 */
uint64_t cfs_sched_slice(const struct cfs_rq *rq,
			 const struct sched_entity *se)
{
	unsigned int nr = rq->nr_running;
	uint64_t load = rq->load_weight;
	uint64_t period;

	if (!se->on_rq) {
		nr++;
		load += se->weight;
	}
	period = cfs_sched_period(nr);
	return period / load * se->weight + period % load * se->weight / load;
}

/*
 * min_vruntime follows the smallest vruntime among curr and the queue, but
 * never goes back: it is the reference new and waking entities are placed
 * against, and going back would hand them time others already paid for.
 */
static void update_min_vruntime(struct cfs_rq *rq)
{
	struct rb_node *left = rb_first_cached(&rq->tasks);
	struct sched_entity *curr = rq->curr;
	uint64_t vruntime = rq->min_vruntime;
	bool have = false;

	if (curr) {
		vruntime = curr->vruntime;
		have = true;
	}
	if (left) {
		struct sched_entity *se = rb_entry(left, struct sched_entity,
						   node);

		if (!have || vdiff(se->vruntime, vruntime) < 0)
			vruntime = se->vruntime;
		have = true;
	}
	if (have)
		rq->min_vruntime = vmax(rq->min_vruntime, vruntime);
}

void cfs_place_entity(struct cfs_rq *rq, struct sched_entity *se,
		      enum cfs_enqueue_flags flags)
{
	uint64_t vruntime = rq->min_vruntime;

	if (flags & CFS_ENQUEUE_NEW) {
		se->vruntime = vruntime +
			cfs_calc_delta_fair(cfs_sched_slice(rq, se), se);
		return;
	}
	if (flags & CFS_ENQUEUE_WAKEUP)
		vruntime -= SCHED_SLEEPER_CREDIT_NS;
	se->vruntime = vmax(se->vruntime, vruntime);
}

static bool entity_before(const struct rb_node *a, const struct rb_node *b)
{
	return vdiff(rb_entry(a, struct sched_entity, node)->vruntime,
		     rb_entry(b, struct sched_entity, node)->vruntime) < 0;
}

static void tree_insert(struct cfs_rq *rq, struct sched_entity *se)
{
	rb_add_cached(&se->node, &rq->tasks, entity_before);
}

static void tree_remove(struct cfs_rq *rq, struct sched_entity *se)
{
	rb_erase_cached(&se->node, &rq->tasks);
	RB_CLEAR_NODE(&se->node);
}

void cfs_enqueue(struct cfs_rq *rq, struct sched_entity *se,
		 enum cfs_enqueue_flags flags)
{
	if (flags != CFS_ENQUEUE_REQUEUE)
		cfs_place_entity(rq, se, flags);
	tree_insert(rq, se);
	se->on_rq = true;
	rq->nr_running++;
	rq->load_weight += se->weight;
	update_min_vruntime(rq);
}

void cfs_dequeue(struct cfs_rq *rq, struct sched_entity *se)
{
	if (se == rq->curr)
		rq->curr = NULL;
	else
		tree_remove(rq, se);
	se->on_rq = false;
	rq->nr_running--;
	rq->load_weight -= se->weight;
	update_min_vruntime(rq);
}

struct sched_entity *cfs_pick_next(struct cfs_rq *rq)
{
	struct sched_entity *prev = rq->curr;
	struct rb_node *left;
	struct sched_entity *next;

	/* Requeued after its charge; on equal vruntimes the others go first. */
	if (prev)
		tree_insert(rq, prev);
	left = rb_first_cached(&rq->tasks);
	if (!left) {
		rq->curr = NULL;
		return NULL;
	}
	next = rb_entry(left, struct sched_entity, node);
	tree_remove(rq, next);
	rq->curr = next;
	next->prev_sum_exec_runtime = next->sum_exec_runtime;
	return next;
}

void cfs_update_curr(struct cfs_rq *rq, struct sched_entity *se,
		     uint64_t delta_exec_ns)
{
	se->sum_exec_runtime += delta_exec_ns;
	se->vruntime += cfs_calc_delta_fair(delta_exec_ns, se);
	update_min_vruntime(rq);
}

/*
 * Preempt once the slice is used up; before that, after at least the
 * minimum granularity, also when curr has run more than a slice's worth of
 * real time ahead of the leftmost in vruntime.
 */
bool cfs_should_preempt(const struct cfs_rq *rq,
			const struct sched_entity *curr)
{
	uint64_t ideal = cfs_sched_slice(rq, curr);
	uint64_t ran = curr->sum_exec_runtime - curr->prev_sum_exec_runtime;
	struct rb_node *left = rb_first_cached(&rq->tasks);
	int64_t ahead;

	if (!left)
		return false;
	if (ran > ideal)
		return true;
	if (ran < SCHED_MIN_GRAN_NS)
		return false;
	ahead = vdiff(curr->vruntime,
		      rb_entry(left, struct sched_entity, node)->vruntime);
	return ahead > (int64_t)ideal;
}

/*
 * The granularity is measured in the woken entity's vruntime, so a heavy
 * task preempts after a smaller lead than a light one.
 */
bool cfs_wakeup_preempt(const struct sched_entity *curr,
			const struct sched_entity *woken)
{
	return vdiff(curr->vruntime, woken->vruntime) >
	       (int64_t)cfs_calc_delta_fair(SCHED_WAKEUP_GRAN_NS, woken);
}
