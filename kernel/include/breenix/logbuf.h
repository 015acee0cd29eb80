/*
 * A ring of log records (sequence number, level, text) in a fixed byte
 * buffer; storing a record drops the oldest ones until it fits. No locking:
 * the caller serializes. Policy code, shared with the host tests.
 */
#ifndef BREENIX_LOGBUF_H
#define BREENIX_LOGBUF_H

#include <stddef.h>
#include <stdint.h>

struct log_rec {
	uint64_t seq;
	uint16_t size;		/* whole record, aligned; 0 marks a wrap */
	uint16_t text_len;
	uint8_t level;
};

struct logbuf {
	char *buf;
	uint32_t size;
	uint32_t first_idx, next_idx;	/* offsets of oldest and next record */
	uint64_t first_seq, next_seq;
};

/* buf must be 8-byte aligned; size a multiple of 8 and at least 64. */
void logbuf_init(struct logbuf *lb, void *buf, uint32_t size);

/* Stores text (truncated to fit a quarter of the buffer). */
const struct log_rec *logbuf_store(struct logbuf *lb, int level,
				   const char *text, size_t len);

/* Oldest record, or NULL if empty; the record after rec, or NULL. */
const struct log_rec *logbuf_first(const struct logbuf *lb);
const struct log_rec *logbuf_next(const struct logbuf *lb,
				  const struct log_rec *rec);

static inline const char *log_rec_text(const struct log_rec *rec)
{
	return (const char *)(rec + 1);
}

#endif
