/*
 * The MC146818A real-time clock's time registers and their decoding into a
 * civil date. Decoding is pure so the host tests cover every format.
 */
#ifndef DRIVERS_RTC_MC146818_H
#define DRIVERS_RTC_MC146818_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <breenix/calendar.h>

/* MC146818A datasheet, Table 2 (address map); century: ACPI FADT CENTURY. */
#define RTC_SECONDS		0x00
#define RTC_MINUTES		0x02
#define RTC_HOURS		0x04
#define RTC_DAY_OF_MONTH	0x07
#define RTC_MONTH		0x08
#define RTC_YEAR		0x09
#define RTC_REG_A		0x0a
#define RTC_REG_B		0x0b
#define RTC_REG_D		0x0d
#define RTC_FIRST_RAM		0x0e	/* 114 bytes of RAM up to 0x7f */
#define RTC_LAST_RAM		0x7f

#define RTC_A_UIP		0x80	/* register A bit 7: update in progress */
#define RTC_B_24H		0x02	/* register B bit 1: 24-hour mode */
#define RTC_B_DM_BINARY		0x04	/* register B bit 2: binary, not BCD */
#define RTC_D_VRT		0x80	/* register D bit 7: valid RAM and time */
#define RTC_HOURS_PM		0x80	/* 12-hour mode: bit 7 of hours is PM */

/* The time registers as read, and register B that says how to read them. */
struct mc146818_regs {
	uint8_t sec;
	uint8_t min;
	uint8_t hour;
	uint8_t mday;
	uint8_t mon;
	uint8_t year;
	uint8_t century;	/* meaningful only with has_century */
	uint8_t reg_b;
};

/*
 * Decodes BCD or binary, 12- or 24-hour registers into t. Without a century
 * register the year is 20xx. Returns 0, or -EINVAL if any field is not a
 * valid value (bad BCD digit, hour 13 in 12-hour mode, February 30, ...).
 */
int mc146818_decode(const struct mc146818_regs *r, bool has_century,
		    struct cal_time *t);

/* What the ACPI FADT says about the RTC (ACPI 6.5 5.2.9, table 5.9). */
struct rtc_fadt_info {
	uint8_t century_reg;	/* CMOS index of the century; 0: none */
	bool no_cmos_rtc;	/* IAPC_BOOT_ARCH bit 5: there is no RTC */
};

/*
 * Reads the fields from a FADT of len bytes (a short, old FADT lacks them).
 * A century index among the clock registers or past the CMOS RAM is
 * dropped with -EINVAL; otherwise 0.
 */
int rtc_fadt_parse(const void *fadt, size_t len, struct rtc_fadt_info *info);

#endif
