/*
 * Pipes and FIFOs (kernel/fs/pipe.c): one pipe_inode_info per pipe, shared
 * by every file open on it, holding a pipe_ring. pipe(2) makes an inode of
 * the internal pipefs; a FIFO is any filesystem's S_IFIFO inode, whose
 * opens (vfs_open) go through pipefifo_fops and meet in inode->i_pipe.
 */
#ifndef BREENIX_PIPE_H
#define BREENIX_PIPE_H

#include <breenix/fs.h>
#include <breenix/mutex.h>
#include <breenix/pipe_ring.h>
#include <breenix/wait.h>

/*
 * mutex guards the ring and the counts; poll and the sleepers' conditions
 * read them without it, which only decides whether to look again under
 * the mutex. files (the struct files on the pipe) is guarded by the
 * inode's i_lock, with i_pipe. r_counter and w_counter count opens for
 * reading and writing ever made, so a FIFO opener waiting for a partner
 * sees one come even if it has gone again.
 */
struct pipe_inode_info {
	struct mutex mutex;
	wait_queue_head_t rd_wait;	/* readers; FIFO openers waiting for a partner */
	wait_queue_head_t wr_wait;	/* writers */
	unsigned int readers;
	unsigned int writers;
	unsigned int files;
	unsigned int r_counter;
	unsigned int w_counter;
	struct pipe_ring ring;
	struct pipe_buffer bufs[PIPE_DEF_BUFFERS];
};

/* The file operations of both ends of a pipe and of every open FIFO. */
extern const struct file_operations pipefifo_fops;

/*
 * pipe2's core: the read end in res[0] and the write end in res[1], owned
 * by @uid/@gid, with @flags' O_NONBLOCK and O_DIRECT (packet mode) in their
 * f_flags. 0, -EINVAL for any other flag, -ENOMEM.
 */
int create_pipe_files(struct file *res[2], unsigned int flags, kuid_t uid,
		      kgid_t gid);

#endif
