/*
 * The input queues: the keyboard's bytes and events and COM1's received
 * bytes, filled by interrupt handlers and read by the tty layer. They are
 * static, so a reader can attach before (or without) the device.
 */
#include <limits.h>
#include <breenix/errno.h>
#include <breenix/input.h>

/* Sizes: a few seconds of fast typing, a pasted screenful on the serial line. */
static unsigned char kbd_bytes[1024];
static unsigned char kbd_events[2048];
static unsigned char serial_bytes[4096];

static struct input_queue kbd_queue = INPUT_QUEUE_INIT("kbd", kbd_bytes);
static struct input_queue kbd_ev_queue =
	INPUT_QUEUE_INIT("kbd-events", kbd_events);
static struct input_queue serial_queue =
	INPUT_QUEUE_INIT("ttyS0", serial_bytes);

struct input_queue *kbd_input_queue(void)
{
	return &kbd_queue;
}

struct input_queue *kbd_event_queue(void)
{
	return &kbd_ev_queue;
}

struct input_queue *serial_input_queue(void)
{
	return &serial_queue;
}

int input_queue_put(struct input_queue *q, const void *buf, size_t len)
{
	struct input_listener *l;

	/* The producer's view of the free space is exact: all or nothing. */
	if (len > kfifo_avail(&q->fifo)) {
		__atomic_fetch_add(&q->dropped, 1, __ATOMIC_RELAXED);
		return -ENOSPC;
	}
	kfifo_put(&q->fifo, buf, len);
	l = __atomic_load_n(&q->listener, __ATOMIC_ACQUIRE);
	if (l)
		l->notify(l, q);
	return 0;
}

/*
 * Readers take read_lock with interrupts off: a listener may read from its
 * notify hook, in the interrupt handler, and must not spin on a lock held
 * by the task it interrupted.
 */
size_t input_read(struct input_queue *q, void *buf, size_t len)
{
	unsigned long flags = spin_lock_irqsave(&q->read_lock);
	size_t n = kfifo_get(&q->fifo, buf, len > UINT_MAX ? UINT_MAX : len);

	spin_unlock_irqrestore(&q->read_lock, flags);
	return n;
}

size_t input_read_events(struct input_queue *q, struct key_event *ev,
			 size_t max)
{
	unsigned long flags = spin_lock_irqsave(&q->read_lock);
	size_t n = kfifo_len(&q->fifo) / sizeof(*ev);

	if (n > max)
		n = max;
	kfifo_get(&q->fifo, ev, n * sizeof(*ev));
	spin_unlock_irqrestore(&q->read_lock, flags);
	return n;
}

size_t input_flush(struct input_queue *q)
{
	unsigned long flags = spin_lock_irqsave(&q->read_lock);
	size_t n = kfifo_discard(&q->fifo);

	spin_unlock_irqrestore(&q->read_lock, flags);
	return n;
}

size_t input_pending(struct input_queue *q)
{
	return kfifo_len(&q->fifo);
}

void input_queue_attach(struct input_queue *q, struct input_listener *l)
{
	__atomic_store_n(&q->listener, l, __ATOMIC_RELEASE);
}
