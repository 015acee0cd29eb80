/*
 * free: the amount of free and used memory, from /proc/meminfo, in
 * procps' layout: total, used (total less available), free, shared,
 * buff/cache (buffers, page cache and reclaimable slab), available; in
 * KiB by default, -m MiB, -g GiB, -b bytes, -h in human units.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char usage[] = "[-b|-k|-m|-g|-h]\n"
			    "Show free and used memory, in KiB unless asked otherwise.";

struct meminfo {
	unsigned long long total, free, available, buffers, cached, sreclaimable, shmem;
	unsigned long long swap_total, swap_free;
	int has_available;
};

static void read_meminfo(struct meminfo *m)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char name[64];
	unsigned long long kb;

	if (!f)
		msg_die(1, "/proc/meminfo");
	memset(m, 0, sizeof(*m));
	while (fscanf(f, "%63s %llu kB ", name, &kb) == 2) {
		if (!strcmp(name, "MemTotal:"))
			m->total = kb;
		else if (!strcmp(name, "MemFree:"))
			m->free = kb;
		else if (!strcmp(name, "MemAvailable:"))
			m->available = kb, m->has_available = 1;
		else if (!strcmp(name, "Buffers:"))
			m->buffers = kb;
		else if (!strcmp(name, "Cached:"))
			m->cached = kb;
		else if (!strcmp(name, "SReclaimable:"))
			m->sreclaimable = kb;
		else if (!strcmp(name, "Shmem:"))
			m->shmem = kb;
		else if (!strcmp(name, "SwapTotal:"))
			m->swap_total = kb;
		else if (!strcmp(name, "SwapFree:"))
			m->swap_free = kb;
	}
	fclose(f);
	if (!m->has_available)
		m->available = m->free;
}

/* procps' -h: B, Ki, Mi...; one decimal below 10 of a unit, else whole units. */
static void human(unsigned long long kb, char *buf, size_t len)
{
	static const char *const units[] = { "Ki", "Mi", "Gi", "Ti", "Pi", "Ei" };
	double v = (double)kb;
	int u = 0;

	if (kb == 0) {
		snprintf(buf, len, "0B");
		return;
	}
	while (v >= 1024 && u < 5) {
		v /= 1024;
		u++;
	}
	if (v < 10)
		snprintf(buf, len, "%.1f%s", v, units[u]);
	else
		snprintf(buf, len, "%llu%s", (unsigned long long)v, units[u]);
}

static char unit = 'k';

static void cell(unsigned long long kb)
{
	char buf[32];

	if (unit == 'h')
		human(kb, buf, sizeof(buf));
	else if (unit == 'b')
		snprintf(buf, sizeof(buf), "%llu", kb * 1024);
	else if (unit == 'm')
		snprintf(buf, sizeof(buf), "%llu", kb / 1024);
	else if (unit == 'g')
		snprintf(buf, sizeof(buf), "%llu", kb / (1024 * 1024));
	else
		snprintf(buf, sizeof(buf), "%llu", kb);
	printf("%12s", buf);
}

int main(int argc, char **argv)
{
	struct meminfo m;
	unsigned long long used, cache;
	int c;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt(argc, argv, "bkmgh")) != -1) {
		unit = (char)c;
	}
	if (optind < argc)
		cli_usage_error("extra operand '%s'", argv[optind]);
	read_meminfo(&m);
	cache = m.buffers + m.cached + m.sreclaimable;
	used = m.total > m.available ? m.total - m.available : 0;
	printf("%-8s%12s%12s%12s%12s%12s%12s\n", "", "total", "used", "free", "shared",
	       "buff/cache", "available");
	printf("%-8s", "Mem:");
	cell(m.total);
	cell(used);
	cell(m.free);
	cell(m.shmem);
	cell(cache);
	cell(m.available);
	printf("\n%-8s", "Swap:");
	cell(m.swap_total);
	cell(m.swap_total - m.swap_free);
	cell(m.swap_free);
	putchar('\n');
	cli_exit(0);
}
