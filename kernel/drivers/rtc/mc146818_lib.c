/*
 * Decoding of MC146818A time registers: BCD or binary (register B DM bit),
 * 12- or 24-hour (register B 24/12 bit, PM in bit 7 of the hours), and the
 * century from the register the ACPI FADT names, and what the FADT says about
 * the RTC. Pure: the host tests run it.
 */
#include <breenix/errno.h>
#include "mc146818.h"

/* A register value as a number, or -1 if it is not valid BCD. */
static int rtc_field(uint8_t v, bool bcd)
{
	if (!bcd)
		return v;
	if ((v & 0x0f) > 9 || (v >> 4) > 9)
		return -1;
	return (v >> 4) * 10 + (v & 0x0f);
}

/* Hours in 24-hour form, or -1: 12-hour mode runs 12, 1, ..., 11 with PM. */
static int rtc_hours(uint8_t v, uint8_t reg_b, bool bcd)
{
	bool pm = v & RTC_HOURS_PM;
	int h;

	if (reg_b & RTC_B_24H)
		return rtc_field(v, bcd);
	h = rtc_field(v & ~RTC_HOURS_PM, bcd);
	if (h < 1 || h > 12)
		return -1;
	return h % 12 + (pm ? 12 : 0);
}

int mc146818_decode(const struct mc146818_regs *r, bool has_century,
		    struct cal_time *t)
{
	bool bcd = !(r->reg_b & RTC_B_DM_BINARY);
	int year = rtc_field(r->year, bcd);
	int century = has_century ? rtc_field(r->century, bcd) : 20;

	if (year < 0 || year > 99 || century < 0 || century > 99)
		return -EINVAL;
	t->year = century * 100 + year;
	t->mon = rtc_field(r->mon, bcd);
	t->mday = rtc_field(r->mday, bcd);
	t->hour = rtc_hours(r->hour, r->reg_b, bcd);
	t->min = rtc_field(r->min, bcd);
	t->sec = rtc_field(r->sec, bcd);
	return cal_valid(t) ? 0 : -EINVAL;
}

/* ACPI 6.5 5.2.9, table 5.9: byte offsets in the FADT. */
#define FADT_CENTURY		108
#define FADT_IAPC_BOOT_ARCH	109	/* 16 bits */
#define IAPC_NO_CMOS_RTC	(1u << 5)	/* ACPI 6.5 table 5.11 */

int rtc_fadt_parse(const void *fadt, size_t len, struct rtc_fadt_info *info)
{
	const uint8_t *p = fadt;
	uint8_t century;

	info->century_reg = 0;
	info->no_cmos_rtc = false;
	if (len >= FADT_IAPC_BOOT_ARCH + 2)
		info->no_cmos_rtc = p[FADT_IAPC_BOOT_ARCH] & IAPC_NO_CMOS_RTC;
	if (len < FADT_CENTURY + 1)
		return 0;
	century = p[FADT_CENTURY];
	if (!century)
		return 0;
	if (century < RTC_FIRST_RAM || century > RTC_LAST_RAM)
		return -EINVAL;
	info->century_reg = century;
	return 0;
}
