/*
 * execve(2), the hook newlib's execve, execv and execl call, and
 * fexecve over execveat.
 */
#include <fcntl.h>
#include <unistd.h>
#include "syscall.h"

int _execve(const char *path, char *const argv[], char *const envp[])
{
	return SYSCALL3(SYS_execve, path, argv, envp);
}

int fexecve(int fd, char *const argv[], char *const envp[])
{
	return SYSCALL5(SYS_execveat, fd, "", argv, envp, AT_EMPTY_PATH);
}
