/*
 * The 16550 UART on COM1 as the first kernel console: polled output at
 * 115200 8N1, up before anything else so the earliest messages are seen.
 */
#include <stdbool.h>
#include <breenix/console.h>
#include <breenix/init.h>
#include <asm/cpu.h>
#include <asm/io.h>

#define COM1		0x3f8
/* Register offsets and bits: PC16550D datasheet, table 2. */
#define UART_THR	0	/* transmit holding (DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1
#define UART_DLM	1
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_SCR	7
#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define FCR_ENABLE_CLEAR 0x07
#define MCR_DTR_RTS_OUT2 0x0b
#define LSR_THRE	0x20	/* transmit holding register empty */
#define LSR_TEMT	0x40	/* transmitter completely idle */
#define UART_CLOCK	115200	/* 1.8432 MHz / 16 */

/* A stuck UART must not hang the kernel: bound every wait (~10 ms). */
#define UART_SPIN_LIMIT	100000

static bool uart_wait(uint8_t bits)
{
	int i;

	for (i = 0; i < UART_SPIN_LIMIT; i++) {
		if ((inb(COM1 + UART_LSR) & bits) == bits)
			return true;
		cpu_relax();
	}
	return false;
}

static void uart_putc(char c)
{
	uart_wait(LSR_THRE);
	outb(COM1 + UART_THR, c);
}

static void uart_console_write(struct console *con, const char *buf,
			       size_t len)
{
	(void)con;
	while (len--) {
		if (*buf == '\n')
			uart_putc('\r');
		uart_putc(*buf++);
	}
}

static void uart_console_flush(struct console *con)
{
	(void)con;
	uart_wait(LSR_THRE | LSR_TEMT);
}

static struct console uart_console = {
	.name = "ttyS0",
	.write = uart_console_write,
	.flush = uart_console_flush,
};

/* The scratch register exists on every 16450/16550: a cheap presence test. */
static bool uart_present(void)
{
	outb(COM1 + UART_SCR, 0x5a);
	if (inb(COM1 + UART_SCR) != 0x5a)
		return false;
	outb(COM1 + UART_SCR, 0xa5);
	return inb(COM1 + UART_SCR) == 0xa5;
}

static int uart_early_init(void)
{
	unsigned int divisor = UART_CLOCK / 115200;

	if (!uart_present())
		return 0;
	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, LCR_DLAB);
	outb(COM1 + UART_DLL, divisor & 0xff);
	outb(COM1 + UART_DLM, divisor >> 8);
	outb(COM1 + UART_LCR, LCR_8N1);
	outb(COM1 + UART_FCR, FCR_ENABLE_CLEAR);
	outb(COM1 + UART_MCR, MCR_DTR_RTS_OUT2);
	console_register(&uart_console);
	return 0;
}
early_initcall(uart_early_init);
