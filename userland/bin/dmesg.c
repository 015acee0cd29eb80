/*
 * dmesg: print the kernel log as util-linux's dmesg does, each message
 * after its time since boot ("[    0.000000] text"). It reads /dev/kmsg
 * (one record "level,seq,usec,flags;text" a read, then continuation
 * lines) without blocking, until the log is exhausted (EAGAIN).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char usage[] = "[-r]\n"
			    "Print the kernel's messages; -r raw, with their levels.";

/* Kernel records are at most 1024 bytes with their header (printk). */
#define RECORD_MAX 8192

static void print_record(char *rec, size_t len, int raw)
{
	char *text = memchr(rec, ';', len), *end;
	unsigned long long usec = 0;
	unsigned level = 0;

	if (!text)
		return;
	*text++ = '\0';
	end = memchr(text, '\n', (size_t)(rec + len - text));
	if (end)
		*end = '\0';
	else
		rec[len] = '\0';
	sscanf(rec, "%u,%*u,%llu", &level, &usec);
	if (raw)
		printf("<%u>", level & 7);
	printf("[%5llu.%06llu] %s\n", usec / 1000000, usec % 1000000, text);
}

int main(int argc, char **argv)
{
	char rec[RECORD_MAX + 1];
	int c, fd, raw = 0;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt(argc, argv, "r")) != -1) {
		raw = 1;
	}
	fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	if (fd < 0)
		msg_die(1, "read kernel buffer failed");
	for (;;) {
		ssize_t n = read(fd, rec, RECORD_MAX);

		if (n < 0 && (errno == EINTR || errno == EPIPE))
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		if (n < 0)
			msg_die(1, "read kernel buffer failed");
		if (n == 0)
			break;
		print_record(rec, (size_t)n, raw);
	}
	close(fd);
	cli_exit(0);
}
