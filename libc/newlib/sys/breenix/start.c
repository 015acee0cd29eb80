/*
 * The C half of crt0: the initial stack into argc, argv, environ and the
 * auxiliary vector; newlib's constructors (.preinit_array, .init_array)
 * before main and its destructors (.fini_array) at exit; main's return
 * value to exit().
 */
#include <stdlib.h>
#include <sys/auxv.h>
#include <unistd.h>

extern char **environ;
extern int main(int, char **, char **);
extern void __libc_init_array(void);
extern void __libc_fini_array(void);

/* The auxiliary vector execve left (type/value pairs up to AT_NULL). */
static unsigned long *auxv;

unsigned long getauxval(unsigned long type)
{
	for (unsigned long *a = auxv; a && a[0]; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}

void __libc_start(long *sp) __attribute__((noreturn));
void __libc_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)
		p++;
	auxv = (unsigned long *)(p + 1);
	environ = envp;
	atexit(__libc_fini_array);
	__libc_init_array();
	exit(main(argc, argv, envp));
}
