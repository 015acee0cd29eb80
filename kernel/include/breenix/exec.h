/*
 * exec for the kernel itself: how PID 1 becomes /sbin/init. The execve and
 * execveat system calls are in the syscall table (kernel/proc/exec.c).
 */
#ifndef BREENIX_EXEC_H
#define BREENIX_EXEC_H

/*
 * Replaces the calling task's image with the program at @path, as execve
 * with kernel arrays (NULL-terminated; NULL is empty). 0: the task's user
 * registers (task_pt_regs) now start the program when it returns to user
 * mode (ret_to_user); or a negative errno with nothing changed.
 */
int kernel_execve(const char *path, const char *const argv[],
		  const char *const envp[]);

#endif
