/* /etc/motd on stdout for login and init (motd.h). */
#include <stdio.h>

#include "motd.h"

void motd_show(void)
{
	FILE *f = fopen("/etc/motd", "r");
	char buf[512];
	size_t n;

	if (!f)
		return;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, stdout);
	fclose(f);
	fflush(stdout);
}
