/*
 * The fair run-queue policy (CFS-like): runnable entities ordered by virtual
 * runtime, the CPU time they used scaled by their nice weight, in a red-black
 * tree; the leftmost, most owed, runs next. Pure policy, no locking: the
 * scheduler proper embeds these structures and serialises access per CPU.
 */
#ifndef BREENIX_SCHED_FAIR_H
#define BREENIX_SCHED_FAIR_H

#include <stdbool.h>
#include <stdint.h>
#include <breenix/rbtree.h>

#define NICE_MIN		(-20)
#define NICE_MAX		19
#define NICE_0_LOAD		1024U

#define SCHED_NSEC_PER_MSEC	1000000ULL

/*
 * The tunables, with Linux's defaults for one CPU. Every runnable task
 * should run once per SCHED_LATENCY_NS; with more tasks than
 * latency / min granularity, the period stretches to nr * SCHED_MIN_GRAN_NS
 * so that slices stay long enough to amortise a context switch.
 * A waking task preempts the current one only when it is owed more than
 * SCHED_WAKEUP_GRAN_NS, to damp switch storms.
 */
#define SCHED_LATENCY_NS	(6 * SCHED_NSEC_PER_MSEC)
#define SCHED_MIN_GRAN_NS	(750 * 1000ULL)
#define SCHED_WAKEUP_GRAN_NS	(1 * SCHED_NSEC_PER_MSEC)
#define SCHED_NR_LATENCY	(SCHED_LATENCY_NS / SCHED_MIN_GRAN_NS)

/*
 * A sleeper that wakes is credited at most half a latency ahead of the
 * queue's minimum: enough that interactive tasks run promptly, too little to
 * let them monopolise the CPU with the time they spent asleep.
 */
#define SCHED_SLEEPER_CREDIT_NS	(SCHED_LATENCY_NS / 2)

struct sched_entity {
	struct rb_node node;
	uint64_t vruntime;		/* CPU ns * NICE_0_LOAD / weight */
	uint32_t weight;		/* from the nice value */
	uint32_t inv_weight;		/* 2^32 / weight, to divide by weight */
	uint64_t sum_exec_runtime;	/* ns of CPU used, ever */
	uint64_t prev_sum_exec_runtime;	/* sum_exec_runtime when last picked */
	bool on_rq;			/* runnable: queued or running */
};

struct cfs_rq {
	struct rb_root_cached tasks;	/* runnable, except curr */
	struct sched_entity *curr;	/* running, out of the tree */
	uint64_t min_vruntime;		/* monotonic floor of all vruntimes */
	unsigned int nr_running;	/* queued + curr */
	uint64_t load_weight;		/* sum of their weights */
};

/* How cfs_enqueue() places the entity on the timeline before queueing. */
enum cfs_enqueue_flags {
	CFS_ENQUEUE_REQUEUE = 0,	/* keep its vruntime */
	CFS_ENQUEUE_WAKEUP = 1,		/* back from sleep */
	CFS_ENQUEUE_NEW = 2,		/* just created */
};

/* Weight of a nice value (clamped to NICE_MIN..NICE_MAX). */
uint32_t sched_nice_to_weight(int nice);

void cfs_rq_init(struct cfs_rq *rq);
void sched_entity_init(struct sched_entity *se, int nice);

/* Change @se's nice value, on @rq or off any queue (@rq unused then). */
void cfs_set_nice(struct cfs_rq *rq, struct sched_entity *se, int nice);

/* @delta_ns of real time as vruntime for @se: delta * NICE_0_LOAD / weight. */
uint64_t cfs_calc_delta_fair(uint64_t delta_ns, const struct sched_entity *se);

/* The scheduling period and @se's share of it, counting @se as runnable. */
uint64_t cfs_sched_period(unsigned int nr_running);
uint64_t cfs_sched_slice(const struct cfs_rq *rq,
			 const struct sched_entity *se);

/*
 * Set the vruntime of an entity about to join @rq: a new one starts one
 * virtual slice after min_vruntime (so forking does not buy CPU time), a
 * waking one at min_vruntime less the sleeper credit but never earlier
 * than where it left off.
 */
void cfs_place_entity(struct cfs_rq *rq, struct sched_entity *se,
		      enum cfs_enqueue_flags flags);

void cfs_enqueue(struct cfs_rq *rq, struct sched_entity *se,
		 enum cfs_enqueue_flags flags);

/* Remove @se (queued or running); charge curr with cfs_update_curr first. */
void cfs_dequeue(struct cfs_rq *rq, struct sched_entity *se);

/*
 * The context-switch decision: requeue the running entity (if still
 * runnable) and make the leftmost the new curr. NULL when nothing is
 * runnable. Starts the picked entity's slice.
 */
struct sched_entity *cfs_pick_next(struct cfs_rq *rq);

/* Charge @delta_exec_ns of CPU to the running entity @se (== rq->curr). */
void cfs_update_curr(struct cfs_rq *rq, struct sched_entity *se,
		     uint64_t delta_exec_ns);

/*
 * The tick's question, asked after cfs_update_curr(): has @curr used its
 * slice, or run so far ahead of the leftmost that it should yield?
 */
bool cfs_should_preempt(const struct cfs_rq *rq,
			const struct sched_entity *curr);

/* Should @woken, just enqueued, preempt the running @curr at once? */
bool cfs_wakeup_preempt(const struct sched_entity *curr,
			const struct sched_entity *woken);

#endif
