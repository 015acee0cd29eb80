/*
 * The CMOS real-time clock (an MC146818A or its chipset twin, at ports
 * 0x70/0x71): read at boot, as the persistent clock, to seed the wall
 * clock. The ACPI FADT names its century register, or says there is none.
 */
#include <string.h>
#include <breenix/acpi.h>
#include <breenix/calendar.h>
#include <breenix/delay.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/printk.h>
#include <breenix/spinlock.h>
#include <breenix/timekeeping.h>
#include <asm/io.h>
#include "mc146818.h"

#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71

/* MC146818A datasheet: UIP stays set at most 244 + 1984 us; allow 10 ms. */
#define RTC_UIP_POLL_US		10
#define RTC_UIP_POLLS		1000
#define RTC_READ_TRIES		10

/* The index register makes every access two steps. */
static spinlock_t cmos_lock = SPINLOCK_INIT;

static uint8_t cmos_read(uint8_t reg)
{
	/* Port 0x70: select reg (bit 7 clear: NMIs stay enabled). */
	outb(CMOS_INDEX, reg);
	/* Port 0x71: its value. */
	return inb(CMOS_DATA);
}

/* Once UIP reads 0, no update starts for 244 us (datasheet, register A). */
static int cmos_wait_uip_clear(void)
{
	int n;

	for (n = 0; n < RTC_UIP_POLLS; n++) {
		if (!(cmos_read(RTC_REG_A) & RTC_A_UIP))
			return 0;
		udelay(RTC_UIP_POLL_US);
	}
	return -EIO;
}

static void cmos_read_time(struct mc146818_regs *r, uint8_t century_reg)
{
	r->sec = cmos_read(RTC_SECONDS);
	r->min = cmos_read(RTC_MINUTES);
	r->hour = cmos_read(RTC_HOURS);
	r->mday = cmos_read(RTC_DAY_OF_MONTH);
	r->mon = cmos_read(RTC_MONTH);
	r->year = cmos_read(RTC_YEAR);
	r->century = century_reg ? cmos_read(century_reg) : 0;
	r->reg_b = cmos_read(RTC_REG_B);
}

/* Two reads outside update cycles that agree: no torn time. */
static int cmos_read_stable(struct mc146818_regs *r, uint8_t century_reg)
{
	struct mc146818_regs again;
	int i;

	for (i = 0; i < RTC_READ_TRIES; i++) {
		if (cmos_wait_uip_clear())
			return -EIO;
		cmos_read_time(r, century_reg);
		if (cmos_wait_uip_clear())
			return -EIO;
		cmos_read_time(&again, century_reg);
		if (!memcmp(r, &again, sizeof(again)))
			return 0;
	}
	return -EIO;
}

static void cmos_fadt_info(struct rtc_fadt_info *info)
{
	const struct acpi_sdt_header *fadt = acpi_find_table("FACP");

	info->century_reg = 0;
	info->no_cmos_rtc = false;
	if (fadt && rtc_fadt_parse(fadt, fadt->length, info))
		pr_warn("rtc: the FADT's century register is not in CMOS RAM: ignored\n");
}

static int cmos_rtc_read(int64_t *secs)
{
	struct rtc_fadt_info info;
	struct mc146818_regs r;
	unsigned long flags;
	struct cal_time t;
	uint8_t reg_d;
	int err;

	cmos_fadt_info(&info);
	if (info.no_cmos_rtc)
		return -ENODEV;
	flags = spin_lock_irqsave(&cmos_lock);
	err = cmos_read_stable(&r, info.century_reg);
	reg_d = cmos_read(RTC_REG_D);
	spin_unlock_irqrestore(&cmos_lock, flags);
	if (err) {
		pr_err("rtc: the CMOS clock stays in its update cycle\n");
		return err;
	}
	if (!(reg_d & RTC_D_VRT))
		pr_warn("rtc: CMOS battery lost power (register D VRT clear)\n");
	err = mc146818_decode(&r, info.century_reg != 0, &t);
	if (err) {
		pr_err("rtc: invalid CMOS time %02x%02x-%02x-%02x %02x:%02x:%02x (register B %#x)\n",
		       r.century, r.year, r.mon, r.mday, r.hour, r.min, r.sec,
		       r.reg_b);
		return err;
	}
	return cal_to_time64(&t, secs);
}

static const struct persistent_clock cmos_rtc = {
	.read = cmos_rtc_read,
};

static int cmos_rtc_register(void)
{
	persistent_clock_register(&cmos_rtc);
	return 0;
}
early_initcall(cmos_rtc_register);
