/* Executing programs: what the rest of the kernel asks of exec. */
#ifndef BREENIX_BINFMT_H
#define BREENIX_BINFMT_H

/*
 * Replaces the current task's image with the program at @path, as
 * execve(2) does, from kernel memory (PID 1's start). 0, then
 * ret_to_user() enters the program; or a negative errno, the caller's
 * image intact.
 */
int kernel_execve(const char *path, const char *const argv[],
		  const char *const envp[]);

#endif
