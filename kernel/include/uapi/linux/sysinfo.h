/* sysinfo(2): Linux's struct layout on x86_64 (include/uapi/linux/sysinfo.h). */
#ifndef _UAPI_LINUX_SYSINFO_H
#define _UAPI_LINUX_SYSINFO_H

#include <stdint.h>

#define SI_LOAD_SHIFT	16

struct sysinfo {
	int64_t uptime;			/* seconds since boot */
	uint64_t loads[3];		/* 1, 5, 15 min averages << SI_LOAD_SHIFT */
	uint64_t totalram;
	uint64_t freeram;
	uint64_t sharedram;
	uint64_t bufferram;
	uint64_t totalswap;
	uint64_t freeswap;
	uint16_t procs;
	uint16_t pad;
	uint64_t totalhigh;
	uint64_t freehigh;
	uint32_t mem_unit;		/* bytes per unit of the sizes above */
	char _f[0];
};

#endif
