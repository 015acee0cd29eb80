/*
 * MC146818 RTC register decoding: BCD and binary, 24- and 12-hour mode
 * (12 AM is 00, 12 PM is 12), the century register or 20xx, leap days,
 * every malformed field rejected; the FADT's century index and no-RTC flag.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/calendar.h>
#include <breenix/errno.h>
#include "mc146818.h"
#include "unit.h"

#define BCD_24H		RTC_B_24H
#define BCD_12H		0
#define BIN_24H		(RTC_B_24H | RTC_B_DM_BINARY)
#define BIN_12H		RTC_B_DM_BINARY

static struct mc146818_regs R(uint8_t reg_b, uint8_t century, uint8_t year,
			      uint8_t mon, uint8_t mday, uint8_t hour,
			      uint8_t min, uint8_t sec)
{
	struct mc146818_regs r = {
		.sec = sec, .min = min, .hour = hour, .mday = mday,
		.mon = mon, .year = year, .century = century, .reg_b = reg_b,
	};

	return r;
}

static struct cal_time decode_ok(struct mc146818_regs r, bool has_century)
{
	struct cal_time t;

	ck_assert_int_eq(mc146818_decode(&r, has_century, &t), 0);
	return t;
}

static void decode_bad(struct mc146818_regs r, bool has_century)
{
	struct cal_time t;

	ck_assert_int_eq(mc146818_decode(&r, has_century, &t), -EINVAL);
}

static void assert_time(struct cal_time t, int y, int mo, int d, int h,
			int mi, int s)
{
	ck_assert_int_eq(t.year, y);
	ck_assert_int_eq(t.mon, mo);
	ck_assert_int_eq(t.mday, d);
	ck_assert_int_eq(t.hour, h);
	ck_assert_int_eq(t.min, mi);
	ck_assert_int_eq(t.sec, s);
}

START_TEST(bcd_24_hour)
{
	struct cal_time t = decode_ok(R(BCD_24H, 0x20, 0x26, 0x11, 0x25, 0x01,
					0x23, 0x45), true);
	int64_t s;

	assert_time(t, 2026, 11, 25, 1, 23, 45);
	ck_assert_int_eq(cal_to_time64(&t, &s), 0);
	ck_assert_int_eq(s, 1795569825);
	t = decode_ok(R(BCD_24H, 0x20, 0x99, 0x12, 0x31, 0x23, 0x59, 0x59),
		      true);
	assert_time(t, 2099, 12, 31, 23, 59, 59);
}
END_TEST

START_TEST(binary_24_hour)
{
	struct cal_time t = decode_ok(R(BIN_24H, 20, 38, 1, 19, 3, 14, 8),
				      true);
	int64_t s;

	assert_time(t, 2038, 1, 19, 3, 14, 8);
	ck_assert_int_eq(cal_to_time64(&t, &s), 0);
	ck_assert_int_eq(s, 2147483648LL);
}
END_TEST

START_TEST(twelve_hour_bcd)
{
	/* 12 AM is midnight, 12 PM is noon; PM is bit 7 of the hours. */
	assert_time(decode_ok(R(BCD_12H, 0x20, 0x24, 1, 1, 0x12, 0, 0), true),
		    2024, 1, 1, 0, 0, 0);
	assert_time(decode_ok(R(BCD_12H, 0x20, 0x24, 1, 1, 0x92, 0, 0), true),
		    2024, 1, 1, 12, 0, 0);
	assert_time(decode_ok(R(BCD_12H, 0x20, 0x24, 1, 1, 0x01, 0, 0), true),
		    2024, 1, 1, 1, 0, 0);
	assert_time(decode_ok(R(BCD_12H, 0x20, 0x24, 1, 1, 0x81, 0, 0), true),
		    2024, 1, 1, 13, 0, 0);
	assert_time(decode_ok(R(BCD_12H, 0x20, 0x24, 1, 1, 0x11, 0, 0), true),
		    2024, 1, 1, 11, 0, 0);
	assert_time(decode_ok(R(BCD_12H, 0x20, 0x24, 1, 1, 0x91, 0, 0), true),
		    2024, 1, 1, 23, 0, 0);
	/* No hour 0 or 13 on a 12-hour clock, in AM or PM. */
	decode_bad(R(BCD_12H, 0x20, 0x24, 1, 1, 0x00, 0, 0), true);
	decode_bad(R(BCD_12H, 0x20, 0x24, 1, 1, 0x80, 0, 0), true);
	decode_bad(R(BCD_12H, 0x20, 0x24, 1, 1, 0x13, 0, 0), true);
	decode_bad(R(BCD_12H, 0x20, 0x24, 1, 1, 0x93, 0, 0), true);
}
END_TEST

START_TEST(twelve_hour_binary)
{
	assert_time(decode_ok(R(BIN_12H, 20, 24, 6, 30, 12, 0, 0), true),
		    2024, 6, 30, 0, 0, 0);
	assert_time(decode_ok(R(BIN_12H, 20, 24, 6, 30, 0x80 | 12, 0, 0),
			      true), 2024, 6, 30, 12, 0, 0);
	assert_time(decode_ok(R(BIN_12H, 20, 24, 6, 30, 0x80 | 11, 30, 59),
			      true), 2024, 6, 30, 23, 30, 59);
	decode_bad(R(BIN_12H, 20, 24, 6, 30, 0, 0, 0), true);
	decode_bad(R(BIN_12H, 20, 24, 6, 30, 0x80 | 13, 0, 0), true);
}
END_TEST

START_TEST(century)
{
	/* No century register: 20xx. */
	assert_time(decode_ok(R(BCD_24H, 0x00, 0x00, 1, 1, 0, 0, 0), false),
		    2000, 1, 1, 0, 0, 0);
	assert_time(decode_ok(R(BCD_24H, 0x19, 0x99, 0x12, 0x31, 0, 0, 0),
			      false), 2099, 12, 31, 0, 0, 0);
	/* With one: whatever it says, in the same format as the rest. */
	assert_time(decode_ok(R(BCD_24H, 0x19, 0x99, 0x12, 0x31, 0, 0, 0),
			      true), 1999, 12, 31, 0, 0, 0);
	assert_time(decode_ok(R(BCD_24H, 0x21, 0x05, 0x07, 0x04, 0, 0, 0),
			      true), 2105, 7, 4, 0, 0, 0);
	assert_time(decode_ok(R(BIN_24H, 21, 5, 7, 4, 0, 0, 0), true),
		    2105, 7, 4, 0, 0, 0);
	decode_bad(R(BCD_24H, 0xff, 0x24, 1, 1, 0, 0, 0), true);
	decode_bad(R(BIN_24H, 100, 24, 1, 1, 0, 0, 0), true);
}
END_TEST

START_TEST(leap_days)
{
	assert_time(decode_ok(R(BCD_24H, 0x20, 0x24, 0x02, 0x29, 0, 0, 0),
			      true), 2024, 2, 29, 0, 0, 0);
	assert_time(decode_ok(R(BCD_24H, 0x20, 0x00, 0x02, 0x29, 0, 0, 0),
			      true), 2000, 2, 29, 0, 0, 0);
	decode_bad(R(BCD_24H, 0x21, 0x00, 0x02, 0x29, 0, 0, 0), true);
	decode_bad(R(BCD_24H, 0x20, 0x23, 0x02, 0x29, 0, 0, 0), true);
	decode_bad(R(BCD_24H, 0x20, 0x24, 0x02, 0x30, 0, 0, 0), true);
	decode_bad(R(BCD_24H, 0x20, 0x24, 0x04, 0x31, 0, 0, 0), true);
}
END_TEST

START_TEST(bad_fields_rejected)
{
	/* BCD digits above 9. */
	decode_bad(R(BCD_24H, 0x20, 0x24, 1, 1, 0, 0, 0x5a), true);
	decode_bad(R(BCD_24H, 0x20, 0x24, 1, 1, 0, 0xa0, 0), true);
	decode_bad(R(BCD_24H, 0x20, 0x2f, 1, 1, 0, 0, 0), true);
	decode_bad(R(BCD_24H, 0x2a, 0x24, 1, 1, 0, 0, 0), true);
	/* Out of range values in valid BCD. */
	decode_bad(R(BCD_24H, 0x20, 0x24, 0x13, 1, 0, 0, 0), true);
	decode_bad(R(BCD_24H, 0x20, 0x24, 0x00, 1, 0, 0, 0), true);
	decode_bad(R(BCD_24H, 0x20, 0x24, 1, 0x00, 0, 0, 0), true);
	decode_bad(R(BCD_24H, 0x20, 0x24, 1, 0x32, 0, 0, 0), true);
	decode_bad(R(BCD_24H, 0x20, 0x24, 1, 1, 0x24, 0, 0), true);
	decode_bad(R(BCD_24H, 0x20, 0x24, 1, 1, 0, 0x60, 0), true);
	decode_bad(R(BCD_24H, 0x20, 0x24, 1, 1, 0, 0, 0x60), true);
	/* A PM flag means nothing in 24-hour mode. */
	decode_bad(R(BCD_24H, 0x20, 0x24, 1, 1, 0x81, 0, 0), true);
	/* Binary out of range. */
	decode_bad(R(BIN_24H, 20, 100, 1, 1, 0, 0, 0), false);
	decode_bad(R(BIN_24H, 20, 24, 1, 1, 24, 0, 0), true);
	decode_bad(R(BIN_24H, 20, 24, 1, 1, 0, 60, 0), true);
	decode_bad(R(BIN_24H, 20, 24, 1, 1, 0, 0, 60), true);
	decode_bad(R(BIN_24H, 20, 24, 1, 1, 0, 0, 0xff), true);
	/* A binary register read as BCD and vice versa. */
	decode_bad(R(BCD_24H, 0x20, 0x24, 1, 1, 0, 0, 59), true);
	assert_time(decode_ok(R(BIN_24H, 20, 0x24, 1, 1, 0, 0, 0x25), true),
		    2036, 1, 1, 0, 0, 37);
}
END_TEST

/* A FADT of len bytes (zeroed) with the century and boot-flag bytes set. */
static void fadt_with(uint8_t *f, size_t len, uint8_t century, uint16_t boot)
{
	memset(f, 0, len);
	if (len > 108)
		f[108] = century;
	if (len > 110) {
		f[109] = boot & 0xff;
		f[110] = boot >> 8;
	}
}

START_TEST(fadt_fields)
{
	struct rtc_fadt_info info;
	uint8_t f[276];

	fadt_with(f, sizeof(f), 0x32, 0);
	ck_assert_int_eq(rtc_fadt_parse(f, sizeof(f), &info), 0);
	ck_assert_uint_eq(info.century_reg, 0x32);
	ck_assert(!info.no_cmos_rtc);
	/* No century register. */
	fadt_with(f, sizeof(f), 0, 0);
	ck_assert_int_eq(rtc_fadt_parse(f, sizeof(f), &info), 0);
	ck_assert_uint_eq(info.century_reg, 0);
	/* IAPC_BOOT_ARCH bit 5: no CMOS RTC; other bits do not say so. */
	fadt_with(f, sizeof(f), 0x32, 1u << 5);
	ck_assert_int_eq(rtc_fadt_parse(f, sizeof(f), &info), 0);
	ck_assert(info.no_cmos_rtc);
	fadt_with(f, sizeof(f), 0x32, 0xffdf);
	ck_assert_int_eq(rtc_fadt_parse(f, sizeof(f), &info), 0);
	ck_assert(!info.no_cmos_rtc);
	/* A century index among the clock registers or past CMOS RAM. */
	fadt_with(f, sizeof(f), 0x09, 0);
	ck_assert_int_eq(rtc_fadt_parse(f, sizeof(f), &info), -EINVAL);
	ck_assert_uint_eq(info.century_reg, 0);
	fadt_with(f, sizeof(f), 0x80, 0);
	ck_assert_int_eq(rtc_fadt_parse(f, sizeof(f), &info), -EINVAL);
	ck_assert_uint_eq(info.century_reg, 0);
	fadt_with(f, sizeof(f), 0x0e, 0);
	ck_assert_int_eq(rtc_fadt_parse(f, sizeof(f), &info), 0);
	ck_assert_uint_eq(info.century_reg, 0x0e);
}
END_TEST

/* Tables too short to hold the fields: none of them is read. */
START_TEST(fadt_short)
{
	struct rtc_fadt_info info;
	uint8_t *f = malloc(109);

	fadt_with(f, 109, 0x32, 0);
	ck_assert_int_eq(rtc_fadt_parse(f, 109, &info), 0);
	ck_assert_uint_eq(info.century_reg, 0x32);
	ck_assert(!info.no_cmos_rtc);
	free(f);
	f = malloc(108);
	memset(f, 0xff, 108);
	ck_assert_int_eq(rtc_fadt_parse(f, 108, &info), 0);
	ck_assert_uint_eq(info.century_reg, 0);
	ck_assert(!info.no_cmos_rtc);
	free(f);
	f = malloc(36);
	memset(f, 0xff, 36);
	ck_assert_int_eq(rtc_fadt_parse(f, 36, &info), 0);
	ck_assert_uint_eq(info.century_reg, 0);
	free(f);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("mc146818");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, bcd_24_hour);
	tcase_add_test(tc, binary_24_hour);
	tcase_add_test(tc, twelve_hour_bcd);
	tcase_add_test(tc, twelve_hour_binary);
	tcase_add_test(tc, century);
	tcase_add_test(tc, leap_days);
	tcase_add_test(tc, bad_fields_rejected);
	tcase_add_test(tc, fadt_fields);
	tcase_add_test(tc, fadt_short);
	suite_add_tcase(s, tc);
	return s;
}
