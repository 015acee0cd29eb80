/*
 * The 16550 UART on COM1 as the first kernel console: polled output at
 * 115200 8N1, up before anything else so the earliest messages are seen.
 * Received bytes arrive by interrupt (IRQ 4) and go to the serial input
 * queue, which the tty /dev/ttyS0 reads; its output is the console's.
 */
#include <stdbool.h>
#include <stdint.h>
#include <breenix/console.h>
#include <breenix/devfs.h>
#include <breenix/vfs.h>
#include <breenix/init.h>
#include <breenix/input.h>
#include <breenix/irq.h>
#include <breenix/printk.h>
#include <breenix/tty.h>
#include <asm/cpu.h>
#include <asm/io.h>

#define COM1		0x3f8
/* Register offsets and bits: PC16550D datasheet, table 2. */
#define UART_THR	0	/* transmit holding (DLAB=0) */
#define UART_RBR	0	/* receive buffer (DLAB=0), read */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1
#define UART_DLM	1
#define UART_FCR	2	/* write */
#define UART_IIR	2	/* read */
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_MSR	6
#define UART_SCR	7
#define IER_RDI		0x01	/* interrupt: received data available */
#define IER_RLSI	0x04	/* interrupt: receiver line status (errors) */
#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define FCR_ENABLE_CLEAR 0x07
#define MCR_DTR_RTS_OUT2 0x0b
#define LSR_DR		0x01	/* a received byte waits in RBR */
#define LSR_OE		0x02	/* overrun: bytes were lost before this one */
#define LSR_PE		0x04	/* parity error in the byte at the FIFO head */
#define LSR_FE		0x08	/* framing error (no stop bit) in that byte */
#define LSR_BI		0x10	/* break: the line held low, a NUL byte queued */
#define LSR_RX_ERRORS	(LSR_OE | LSR_PE | LSR_FE | LSR_BI)
#define LSR_THRE	0x20	/* transmit holding register empty */
#define LSR_TEMT	0x40	/* transmitter completely idle */
#define UART_CLOCK	115200	/* 1.8432 MHz / 16 */
#define COM1_IRQ	4
#define UART_RX_BUDGET	256	/* bytes one interrupt takes at most, as Linux's 8250 */

/* A stuck UART must not hang the kernel: bound every wait (~10 ms). */
#define UART_SPIN_LIMIT	100000

static bool uart_found;
/* Receive errors seen by the console's LSR reads, which clear them. */
static uint8_t lsr_saved_errors;
static struct serial_rx_stats rx_stats;

/* Reads LSR; error bits read here are kept for the receive interrupt. */
static uint8_t uart_read_lsr(void)
{
	/* Port read: LSR (PC16550D 8.6.3); reading it clears OE, PE, FE, BI. */
	uint8_t lsr = inb(COM1 + UART_LSR);

	if (lsr & LSR_RX_ERRORS)
		__atomic_fetch_or(&lsr_saved_errors, lsr & LSR_RX_ERRORS,
				  __ATOMIC_RELAXED);
	return lsr;
}

static bool uart_wait(uint8_t bits)
{
	int i;

	for (i = 0; i < UART_SPIN_LIMIT; i++) {
		if ((uart_read_lsr() & bits) == bits)
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

/* The tty's bytes: its line discipline already did the NL to CR NL mapping. */
static void uart_tty_console_write(struct console *con, const char *buf,
				   size_t len)
{
	(void)con;
	while (len--)
		uart_putc(*buf++);
}

static struct console uart_console = {
	.name = "ttyS0",
	.write = uart_console_write,
	.write_tty = uart_tty_console_write,
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
	uart_found = true;
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

static void uart_count_errors(uint8_t lsr)
{
	if (lsr & LSR_OE)
		rx_stats.overruns++;
	if (lsr & LSR_PE)
		rx_stats.parity_errors++;
	if (lsr & LSR_FE)
		rx_stats.framing_errors++;
	if (lsr & LSR_BI)
		rx_stats.breaks++;
}

/*
 * IRQ 4: drain the receive FIFO into the serial queue. A byte with a parity
 * or framing error, or the NUL of a break, is counted and dropped (the tty
 * layer will want them flagged instead, as Linux's TTY_PARITY etc.).
 */
static void uart_irq(unsigned int irq, void *data)
{
	/* Errors the console read off LSR belong to the byte at the head. */
	uint8_t saved = __atomic_exchange_n(&lsr_saved_errors, 0,
					    __ATOMIC_RELAXED);
	uint8_t lsr, c;
	int n;

	(void)irq;
	(void)data;
	for (n = 0; n < UART_RX_BUDGET; n++) {
		/* Port read: LSR, with the errors of the byte at the FIFO head. */
		lsr = inb(COM1 + UART_LSR) | saved;
		saved = 0;
		uart_count_errors(lsr);
		if (!(lsr & LSR_DR))
			return;
		/* Port read: RBR, the next received byte. */
		c = inb(COM1 + UART_RBR);
		if (lsr & (LSR_PE | LSR_FE | LSR_BI))
			continue;
		input_queue_put(serial_input_queue(), &c, 1);
	}
	/*
	 * Bytes still wait, so the UART's interrupt line stays high and an
	 * edge-triggered IRQ would never come again: the port writes turn IER
	 * off and on, which drops the line and raises it, a fresh edge.
	 */
	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_IER, IER_RDI | IER_RLSI);
}

/* Drops whatever arrived before anyone listened, and stale interrupt causes. */
static void uart_rx_reset(void)
{
	int n;

	for (n = 0; n < UART_RX_BUDGET && (uart_read_lsr() & LSR_DR); n++)
		/* Port read: RBR, a stale byte. */
		inb(COM1 + UART_RBR);
	/* Port reads: IIR and MSR clear their pending interrupt causes. */
	inb(COM1 + UART_IIR);
	inb(COM1 + UART_MSR);
	__atomic_store_n(&lsr_saved_errors, 0, __ATOMIC_RELAXED);
}

/*
 * The receive interrupt, once interrupts are routed: IER enables it in the
 * UART, and MCR OUT2 (set at early init) gates it onto the ISA IRQ line.
 */
static int uart_rx_init(void)
{
	int err;

	if (!uart_found)
		return 0;
	err = irq_register(COM1_IRQ, uart_irq, NULL);
	if (err) {
		pr_err("ttyS0: cannot have IRQ %d (%d); no serial input\n",
		       COM1_IRQ, err);
		return err;
	}
	uart_rx_reset();
	/* Port write: IER, interrupts for received bytes and receive errors. */
	outb(COM1 + UART_IER, IER_RDI | IER_RLSI);
	pr_info("ttyS0: 16550 UART at %#x, receiving on IRQ %d\n", COM1,
		COM1_IRQ);
	return 0;
}
device_initcall(uart_rx_init);

static void uart_tty_write(struct tty_struct *tty, const unsigned char *buf,
			   size_t len)
{
	(void)tty;
	console_write("ttyS0", (const char *)buf, len);
}

static void uart_tty_wait_until_sent(struct tty_struct *tty)
{
	(void)tty;
	uart_wait(LSR_THRE | LSR_TEMT);
}

/* The line stays at 115200 8N1 whatever c_cflag says, as a virtual UART needs no more. */
static const struct tty_operations uart_tty_ops = {
	.write = uart_tty_write,
	.wait_until_sent = uart_tty_wait_until_sent,
};

/* Linux's ttyS0: major 4, minor 64; its window size is 0x0 until someone sets one. */
static struct tty_struct uart_tty = {
	.name = "ttyS0",
	.dev = MKDEV(4, 64),
	.ops = &uart_tty_ops,
};

static int uart_tty_init(void)
{
	int err;

	if (!uart_found)
		return 0;
	uart_tty.input = serial_input_queue();
	err = tty_register(&uart_tty);
	/* Linux's 8250 default (CLOCAL: no modem lines), at the speed the line runs. */
	uart_tty.ldisc.termios.c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL;
	if (!err)
		err = devfs_create_node("ttyS0", S_IFCHR | 0620, uart_tty.dev);
	return err;
}
device_initcall(uart_tty_init);

void serial_rx_stats(struct serial_rx_stats *out)
{
	out->overruns = __atomic_load_n(&rx_stats.overruns, __ATOMIC_RELAXED);
	out->parity_errors = __atomic_load_n(&rx_stats.parity_errors,
					     __ATOMIC_RELAXED);
	out->framing_errors = __atomic_load_n(&rx_stats.framing_errors,
					      __ATOMIC_RELAXED);
	out->breaks = __atomic_load_n(&rx_stats.breaks, __ATOMIC_RELAXED);
}
