/*
 * Random numbers, in the shape of Linux's drivers/char/random.c: an input
 * pool absorbs RDSEED/RDRAND output, TSC jitter and interrupt timing; a
 * ChaCha20 generator (RFC 8439) keyed from the pool serves get_random_bytes,
 * /dev/random and /dev/urandom, erasing its key after every batch ("fast key
 * erasure") so that a later compromise cannot recover earlier output.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <breenix/chacha20.h>
#include <breenix/chrdev.h>
#include <breenix/devfs.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/poll.h>
#include <breenix/uio.h>
#include <breenix/printk.h>
#include <breenix/process.h>
#include <breenix/random.h>
#include <breenix/spinlock.h>
#include <breenix/vfs.h>
#include <asm/msr.h>
#include <asm/tsc.h>

#define BATCH_SIZE	4096	/* output bytes per generator key */
#define RESEED_MIXES	16	/* fast-pool spills (of 64 interrupts) per reseed */
#define FAST_POOL_IRQS	64	/* interrupts folded before a spill */
#define JITTER_SAMPLES	1024
#define HW_RETRIES	10	/* Intel DRNG Software Implementation Guide 5.2.1 */

/* Distinct nonces keep the pool's two uses of ChaCha20 apart. */
static const uint8_t nonce_mix[CHACHA20_NONCE_SIZE] = { 'm', 'i', 'x' };
static const uint8_t nonce_extract[CHACHA20_NONCE_SIZE] = { 'o', 'u', 't' };
static const uint8_t nonce_zero[CHACHA20_NONCE_SIZE];

/*
 * The input pool: a 256-bit state. Each 32-byte input is XORed in and the
 * state replaced by half a ChaCha20 block under it, a one-way compression
 * (the block function adds its input back), in place of Linux's BLAKE2s.
 */
static uint8_t pool[CHACHA20_KEY_SIZE];
static unsigned long pool_mixes;	/* fast-pool spills absorbed */
static spinlock_t pool_lock = SPINLOCK_INIT;

static uint8_t crng_key[CHACHA20_KEY_SIZE];
static unsigned long crng_seed_mixes;	/* pool_mixes at the last reseed */
static bool crng_ready;
static spinlock_t crng_lock = SPINLOCK_INIT;

/* Interrupt timings, folded cheaply in interrupt context. */
static uint64_t fast_pool[4];
static unsigned int fast_count;
static spinlock_t fast_lock = SPINLOCK_INIT;

static void mix_pool_locked(const void *in, size_t len)
{
	const uint8_t *p = in;
	uint8_t blk[CHACHA20_BLOCK_SIZE];
	size_t i, n;

	while (len) {
		n = len < sizeof(pool) ? len : sizeof(pool);
		for (i = 0; i < n; i++)
			pool[i] ^= p[i];
		chacha20_block(pool, 0, nonce_mix, blk);
		memcpy(pool, blk, sizeof(pool));
		p += n;
		len -= n;
	}
	memzero_explicit(blk, sizeof(blk));
}

void add_device_randomness(const void *buf, size_t len)
{
	unsigned long flags = spin_lock_irqsave(&pool_lock);

	mix_pool_locked(buf, len);
	spin_unlock_irqrestore(&pool_lock, flags);
}

/* A new generator key from the pool; the pool moves on one-way. */
static void crng_reseed_locked(void)
{
	uint8_t blk[CHACHA20_BLOCK_SIZE];
	unsigned long flags = spin_lock_irqsave(&pool_lock);

	chacha20_block(pool, 0, nonce_extract, blk);
	memcpy(pool, blk, sizeof(pool));
	crng_seed_mixes = pool_mixes;
	spin_unlock_irqrestore(&pool_lock, flags);
	memcpy(crng_key, blk + CHACHA20_KEY_SIZE, sizeof(crng_key));
	memzero_explicit(blk, sizeof(blk));
}

void add_interrupt_randomness(unsigned int vector)
{
	uint64_t v = rdtsc() ^ ((uint64_t)vector << 56);
	unsigned long flags = spin_lock_irqsave(&fast_lock);
	uint64_t *w = &fast_pool[fast_count & 3];

	/* A multiply-rotate mix: the low TSC bits spread over the word. */
	*w = ((*w ^ v) * 0x9e3779b97f4a7c15ull);
	*w = (*w << 29) | (*w >> 35);
	if (++fast_count >= FAST_POOL_IRQS) {
		spin_lock(&pool_lock);
		mix_pool_locked(fast_pool, sizeof(fast_pool));
		pool_mixes++;
		spin_unlock(&pool_lock);
		fast_count = 0;
	}
	spin_unlock_irqrestore(&fast_lock, flags);
}

/* inline asm: RDSEED/RDRAND have no C equivalent; CF=1 means valid. */
static bool rdseed64(uint64_t *v)
{
	bool ok;
	int i;

	for (i = 0; i < HW_RETRIES; i++) {
		__asm__ volatile("rdseed %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return true;
	}
	return false;
}

static bool rdrand64(uint64_t *v)
{
	bool ok;
	int i;

	for (i = 0; i < HW_RETRIES; i++) {
		__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return true;
	}
	return false;
}

/* Fills seed from RDSEED (CPUID.7.0:EBX[18]) or RDRAND (CPUID.1:ECX[30]). */
static bool hw_seed(uint64_t seed[8])
{
	uint32_t max, a, b, c, d;
	bool has_rdseed = false, has_rdrand;
	int i;

	cpuid(0, &max, &b, &c, &d);
	if (max >= 7) {
		cpuid_count(7, 0, &a, &b, &c, &d);
		has_rdseed = b & (1u << 18);
	}
	cpuid(1, &a, &b, &c, &d);
	has_rdrand = c & (1u << 30);
	for (i = 0; i < 8; i++) {
		if (!(has_rdseed && rdseed64(&seed[i])) &&
		    !(has_rdrand && rdrand64(&seed[i])))
			return false;
	}
	return true;
}

/*
 * Timing jitter: how long a fixed piece of work takes varies with caches,
 * branch predictors and bus traffic; the TSC deltas carry that noise, as in
 * Linux's try_to_generate_entropy() and jitterentropy.
 */
static void jitter_seed(void)
{
	uint8_t scratch[CHACHA20_BLOCK_SIZE] = { 0 };
	uint64_t samples[8];
	uint64_t t0, t1;
	int i;

	for (i = 0; i < JITTER_SAMPLES; i++) {
		t0 = rdtsc();
		chacha20_block(scratch, (uint32_t)i, nonce_zero, scratch);
		t1 = rdtsc();
		samples[i & 7] = (t1 - t0) ^ (t1 << 32);
		if ((i & 7) == 7)
			add_device_randomness(samples, sizeof(samples));
	}
	memzero_explicit(scratch, sizeof(scratch));
}

/* Seeds the pool and the generator once, on first use or at boot. */
static void crng_init(void)
{
	static spinlock_t init_lock = SPINLOCK_INIT;
	uint64_t seed[8];
	unsigned long flags;
	bool hw;

	spin_lock(&init_lock);
	if (__atomic_load_n(&crng_ready, __ATOMIC_ACQUIRE)) {
		spin_unlock(&init_lock);
		return;
	}
	hw = hw_seed(seed);
	if (hw)
		add_device_randomness(seed, sizeof(seed));
	memzero_explicit(seed, sizeof(seed));
	jitter_seed();
	flags = spin_lock_irqsave(&crng_lock);
	crng_reseed_locked();
	__atomic_store_n(&crng_ready, true, __ATOMIC_RELEASE);
	spin_unlock_irqrestore(&crng_lock, flags);
	spin_unlock(&init_lock);
	pr_info("random: crng seeded from %s\n",
		hw ? "RDSEED/RDRAND and TSC jitter" : "TSC jitter");
}

void get_random_bytes(void *buf, size_t len)
{
	uint8_t blk[CHACHA20_BLOCK_SIZE], key[CHACHA20_KEY_SIZE];
	uint8_t *out = buf;
	unsigned long flags;

	if (!__atomic_load_n(&crng_ready, __ATOMIC_ACQUIRE))
		crng_init();
	while (len) {
		size_t batch = len < BATCH_SIZE ? len : BATCH_SIZE, n;
		uint32_t ctr = 0;

		/* Fast key erasure: block 0 under the old key gives the next
		 * generator key and this batch's key; the old one is gone. */
		flags = spin_lock_irqsave(&crng_lock);
		if (__atomic_load_n(&pool_mixes, __ATOMIC_RELAXED) -
		    crng_seed_mixes >= RESEED_MIXES)
			crng_reseed_locked();
		chacha20_block(crng_key, 0, nonce_zero, blk);
		memcpy(crng_key, blk, sizeof(crng_key));
		spin_unlock_irqrestore(&crng_lock, flags);
		memcpy(key, blk + CHACHA20_KEY_SIZE, sizeof(key));

		len -= batch;
		while (batch) {
			chacha20_block(key, ctr++, nonce_zero, blk);
			n = batch < sizeof(blk) ? batch : sizeof(blk);
			memcpy(out, blk, n);
			out += n;
			batch -= n;
		}
	}
	memzero_explicit(blk, sizeof(blk));
	memzero_explicit(key, sizeof(key));
}

/*
 * /dev/random and /dev/urandom read alike, as in Linux since 5.18: the
 * generator is seeded before any reader runs, so neither blocks.
 */
/* Output goes out through a stack buffer, wiped afterwards. */
#define RANDOM_CHUNK	256

long get_random_bytes_iter(struct iov_iter *to)
{
	unsigned char buf[RANDOM_CHUNK];
	size_t done = 0, n, want;

	while ((want = iov_iter_count(to))) {
		if (want > sizeof(buf))
			want = sizeof(buf);
		get_random_bytes(buf, want);
		n = copy_to_iter(buf, want, to);
		done += n;
		/* A huge request stops early for a process being killed. */
		if (n < want || group_exit_pending())
			break;
	}
	memzero_explicit(buf, sizeof(buf));
	return done || !iov_iter_count(to) ? (long)done : -EFAULT;
}

static long random_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	(void)file, (void)pos;
	return get_random_bytes_iter(to);
}

/* Writes are mixed in, credited with nothing, as Linux does. */
static long random_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	unsigned char buf[RANDOM_CHUNK];
	size_t done = 0, n;

	(void)file, (void)pos;
	while ((n = copy_from_iter(buf, sizeof(buf), from))) {
		add_device_randomness(buf, n);
		done += n;
	}
	memzero_explicit(buf, sizeof(buf));
	return done || !iov_iter_count(from) ? (long)done : -EFAULT;
}

/*
 * /dev/random as Linux's random_poll with the generator ready (it is before
 * any reader): readable, and not reported writable. /dev/urandom has no
 * poll, so it reports the default, readable and writable, as on Linux.
 */
static unsigned int random_poll(struct file *file, poll_table *pt)
{
	(void)file, (void)pt;
	return POLLIN | POLLRDNORM;
}

static const struct file_operations random_fops = {
	.read = random_read,
	.write = random_write,
	.poll = random_poll,
};

static const struct file_operations urandom_fops = {
	.read = random_read,
	.write = random_write,
};

static int random_init(void)
{
	int err;

	crng_init();
	err = register_chrdev_region(MKDEV(1, 8), 1, "random", &random_fops);
	if (!err)
		err = register_chrdev_region(MKDEV(1, 9), 1, "urandom",
					     &urandom_fops);
	if (!err)
		err = devfs_create_node("random", S_IFCHR | 0666, MKDEV(1, 8));
	if (!err)
		err = devfs_create_node("urandom", S_IFCHR | 0666, MKDEV(1, 9));
	return err;
}
device_initcall(random_init);
