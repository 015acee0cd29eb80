/*
 * A program built outside Breenix's tree, once with make and
 * x86_64-breenix-gcc, once with CMake and cmake/breenix-toolchain.cmake:
 * it prints what it was built with and where it runs.
 */
#include <stdio.h>
#include <sys/utsname.h>

int main(void)
{
	struct utsname u;

	if (uname(&u) < 0) {
		perror("uname");
		return 1;
	}
	printf("sample: built with %s, running on %s %s\n", BUILT_WITH, u.sysname, u.machine);
	return fflush(stdout) == EOF;
}
