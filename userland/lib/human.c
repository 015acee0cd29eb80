/*
 * Human-readable sizes in coreutils' style (human_ceiling | human_autoscale |
 * human_base_1024 with single-letter suffixes): a size is never shown
 * smaller than it is, so every rounding goes up.
 */
#include <stdio.h>

#include "human.h"

char *human_size(unsigned long long bytes, char *buf, size_t len)
{
	static const char units[] = "KMGTPE";
	unsigned long long whole = bytes, rem = 0, div = 1;
	int u = -1;

	if (bytes < 1024) {
		snprintf(buf, len, "%llu", bytes);
		return buf;
	}
	while (whole >= 1024 && u < 5) {
		div *= 1024;
		u++;
		whole = bytes / div;
		rem = bytes % div;
	}
	if (whole < 10) {
		/* Tenths, rounded up: 1025 bytes is "1.1K". */
		unsigned long long tenths = whole * 10 + (rem * 10 + div - 1) / div;

		if (tenths < 100) {
			snprintf(buf, len, "%llu.%llu%c", tenths / 10, tenths % 10, units[u]);
			return buf;
		}
		whole = 10;
	} else if (rem) {
		whole++;
	}
	if (whole >= 1024 && u < 5) {
		/* 1023.5K rounds up to the next unit, shown as "1.0M". */
		snprintf(buf, len, "1.0%c", units[u + 1]);
		return buf;
	}
	snprintf(buf, len, "%llu%c", whole, units[u]);
	return buf;
}
