/* LD_PRELOAD shim for Bochs: its RFB display binds INADDR_ANY on ports 5900-5949,
 * and nothing here may listen beyond loopback, so every IPv4 bind() is redirected
 * to 127.0.0.1. Built and loaded by tests/harness/breenix_harness.py. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <sys/socket.h>

typedef int (*bind_fn)(int, const struct sockaddr *, socklen_t);

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	bind_fn real_bind = (bind_fn)dlsym(RTLD_NEXT, "bind");
	struct sockaddr_in loopback;

	if (!addr || addr->sa_family != AF_INET || len < sizeof(loopback))
		return real_bind(fd, addr, len);
	loopback = *(const struct sockaddr_in *)addr;
	loopback.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return real_bind(fd, (const struct sockaddr *)&loopback, sizeof(loopback));
}
