/*
 * kmalloc, the page allocator, the wall clock, printk, mutexes, wait queues
 * and user copies for the VFS on the host (see shim.h). Pages are 4 KiB
 * malloc blocks behind a struct page; the tests are single-threaded, so a
 * mutex only checks it is not taken twice and a sleep could never end
 * (schedule aborts the test); "user" buffers are host memory.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/cred.h>
#include <breenix/list.h>
#include <breenix/mm.h>
#include <breenix/mutex.h>
#include <breenix/printk.h>
#include <breenix/process.h>
#include <breenix/slab.h>
#include <breenix/time.h>
#include <breenix/uaccess.h>
#include <breenix/wait.h>
#include "shim.h"

/* The page's bytes follow its header, so an address finds its page. */
struct shim_page {
	struct page page;
	_Alignas(64) unsigned char addr[PAGE_SIZE];
};

static long objects, pages, page_limit = -1;
static uint64_t clock_ns = 1700000000ull * 1000000000ull;

long shim_objects_in_use(void)
{
	return objects;
}

long shim_pages_in_use(void)
{
	return pages;
}

void shim_set_page_limit(long n)
{
	page_limit = n;
}

void *kmalloc(size_t size, gfp_t gfp)
{
	void *p = malloc(size ? size : 1);

	if (p && (gfp & __GFP_ZERO))
		memset(p, 0, size);
	if (p)
		objects++;
	return p;
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void *krealloc(void *p, size_t size, gfp_t gfp)
{
	void *q;

	(void)gfp;
	if (!p)
		return kmalloc(size, 0);
	q = realloc(p, size ? size : 1);
	return q;
}

void kfree(const void *p)
{
	if (!p)
		return;
	objects--;
	free((void *)p);
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct shim_page *sp;

	if (order || (page_limit >= 0 && pages >= page_limit))
		return NULL;
	sp = calloc(1, sizeof(*sp));
	if (!sp)
		return NULL;
	if (!(gfp & __GFP_ZERO))
		memset(sp->addr, 0xa5, PAGE_SIZE);
	pages++;
	return &sp->page;
}

void free_pages(struct page *page, unsigned int order)
{
	struct shim_page *sp = container_of(page, struct shim_page, page);

	(void)order;
	pages--;
	free(sp);
}

void *page_address(const struct page *page)
{
	return container_of(page, struct shim_page, page)->addr;
}

struct page *virt_to_page(const void *addr)
{
	return &container_of((unsigned char (*)[PAGE_SIZE])addr,
			     struct shim_page, addr)->page;
}

uint64_t ktime_get_real_ns(void)
{
	return clock_ns += 1000;
}

int printk(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

void mutex_init(struct mutex *m)
{
	m->owner = NULL;
}

void mutex_lock(struct mutex *m)
{
	if (m->owner)
		abort();	/* a self-deadlock in the kernel */
	m->owner = (struct task *)m;
}

void mutex_unlock(struct mutex *m)
{
	if (!m->owner)
		abort();
	m->owner = NULL;
}

size_t copy_from_user_partial(void *dst, const void *usrc, size_t n)
{
	memcpy(dst, usrc, n);
	return 0;
}

size_t copy_to_user_partial(void *udst, const void *src, size_t n)
{
	memcpy(udst, src, n);
	return 0;
}

size_t clear_user_partial(void *udst, size_t n)
{
	memset(udst, 0, n);
	return 0;
}

int copy_from_user(void *dst, const void *usrc, size_t n)
{
	memcpy(dst, usrc, n);
	return 0;
}

int copy_to_user(void *udst, const void *src, size_t n)
{
	memcpy(udst, src, n);
	return 0;
}

void init_waitqueue_head(wait_queue_head_t *wq)
{
	INIT_LIST_HEAD(&wq->head);
}

void init_wait_entry(struct wait_queue_entry *w, unsigned int flags)
{
	INIT_LIST_HEAD(&w->node);
	w->flags = flags;
	w->func = NULL;
}

void prepare_to_wait(wait_queue_head_t *wq, struct wait_queue_entry *w,
		     long state)
{
	(void)wq, (void)w, (void)state;
}

void finish_wait(wait_queue_head_t *wq, struct wait_queue_entry *w)
{
	(void)wq, (void)w;
}

void __wake_up_key(wait_queue_head_t *wq, int nr_exclusive, unsigned int key)
{
	(void)wq, (void)nr_exclusive, (void)key;
}

void schedule(void)
{
	abort();	/* no one else runs to end the sleep */
}

bool current_signal_pending(void)
{
	return false;
}

/* The host tests check EPIPE; the signal is the kernel's business. */
void send_sigpipe(void)
{
}

/* Files made here never become descriptors, so they carry no credentials. */
void put_cred(struct cred *cred)
{
	(void)cred;
	abort();
}
