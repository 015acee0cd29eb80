/*
 * The log record ring behind printk. Records are packed back to back; one
 * that would run past the end goes to offset 0 and leaves a wrap marker (a
 * header with size 0), so there is always room for a header after a record.
 */
#include <string.h>
#include <breenix/logbuf.h>

#define LOG_ALIGN	8

static struct log_rec *rec_at(const struct logbuf *lb, uint32_t idx)
{
	return (struct log_rec *)(lb->buf + idx);
}

void logbuf_init(struct logbuf *lb, void *buf, uint32_t size)
{
	lb->buf = buf;
	lb->size = size;
	lb->first_idx = lb->next_idx = 0;
	lb->first_seq = lb->next_seq = 0;
}

static int logbuf_empty(const struct logbuf *lb)
{
	return lb->first_seq == lb->next_seq;
}

/* Offset of the record after the one at idx, following a wrap marker. */
static uint32_t rec_next_idx(const struct logbuf *lb, uint32_t idx)
{
	idx += rec_at(lb, idx)->size;
	if (idx != lb->next_idx && rec_at(lb, idx)->size == 0)
		return 0;
	return idx;
}

/* Where a record of size bytes can go now, or -1. */
static int64_t rec_slot(const struct logbuf *lb, uint32_t size)
{
	uint32_t need = size + sizeof(struct log_rec);

	if (logbuf_empty(lb))
		return 0;
	if (lb->next_idx > lb->first_idx) {
		if (lb->next_idx + need <= lb->size)
			return lb->next_idx;
		if (need <= lb->first_idx)
			return 0;
		return -1;
	}
	if (lb->next_idx + need <= lb->first_idx)
		return lb->next_idx;
	return -1;
}

static void drop_oldest(struct logbuf *lb)
{
	lb->first_idx = rec_next_idx(lb, lb->first_idx);
	lb->first_seq++;
	if (logbuf_empty(lb))
		lb->first_idx = lb->next_idx = 0;
}

const struct log_rec *logbuf_store(struct logbuf *lb, int level,
				   const char *text, size_t len)
{
	size_t max = lb->size / 4 - sizeof(struct log_rec);
	uint32_t size;
	int64_t idx;
	struct log_rec *rec;

	if (len > max)
		len = max;
	size = (sizeof(struct log_rec) + len + LOG_ALIGN - 1) &
	       ~(uint32_t)(LOG_ALIGN - 1);
	while ((idx = rec_slot(lb, size)) < 0)
		drop_oldest(lb);
	if (idx == 0 && lb->next_idx != 0)
		rec_at(lb, lb->next_idx)->size = 0;
	rec = rec_at(lb, idx);
	rec->seq = lb->next_seq++;
	rec->size = size;
	rec->text_len = len;
	rec->level = level;
	memcpy(rec + 1, text, len);
	lb->next_idx = idx + size;
	return rec;
}

const struct log_rec *logbuf_first(const struct logbuf *lb)
{
	return logbuf_empty(lb) ? NULL : rec_at(lb, lb->first_idx);
}

const struct log_rec *logbuf_next(const struct logbuf *lb,
				  const struct log_rec *rec)
{
	if (rec->seq + 1 >= lb->next_seq)
		return NULL;
	return rec_at(lb, rec_next_idx(lb, (const char *)rec - lb->buf));
}
