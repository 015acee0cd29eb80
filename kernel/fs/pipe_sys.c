/*
 * pipe(2) and pipe2(2): a new pipe's two ends as the lowest two free
 * descriptors, read end first, as Linux's do_pipe2.
 */
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/pipe.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
#include <breenix/uaccess.h>

static long do_pipe2(int *ufds, unsigned int flags)
{
	const struct cred *cred = current->cred;
	struct file *files[2];
	int fd[2], err;

	err = create_pipe_files(files, flags, cred->fsuid, cred->fsgid);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags);
	if (fd[0] < 0) {
		err = fd[0];
		goto out_files;
	}
	fd[1] = get_unused_fd_flags(flags);
	if (fd[1] < 0) {
		err = fd[1];
		goto out_fd0;
	}
	/* ufds is the caller's int[2]; nothing is installed until it took the numbers. */
	if (copy_to_user(ufds, fd, sizeof(fd))) {
		err = -EFAULT;
		put_unused_fd((unsigned int)fd[1]);
		goto out_fd0;
	}
	fd_install((unsigned int)fd[0], files[0]);
	fd_install((unsigned int)fd[1], files[1]);
	return 0;
out_fd0:
	put_unused_fd((unsigned int)fd[0]);
out_files:
	fput(files[0]);
	fput(files[1]);
	return err;
}

SYSCALL_DEFINE1(pipe, int *, fildes)
{
	return do_pipe2(fildes, 0);
}

SYSCALL_DEFINE2(pipe2, int *, fildes, int, flags)
{
	return do_pipe2(fildes, (unsigned int)flags);
}
