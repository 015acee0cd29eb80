/*
 * /dev/kmsg: the kernel log, one record per read in Linux's format
 * (Documentation/ABI/testing/dev-kmsg) "level,seq,timestamp_us,-;text\n".
 * The timestamp is 0: records carry no time yet. A reader the log overtook
 * gets -EPIPE once and continues at the oldest record left, as in Linux.
 */
#include <stdio.h>
#include <string.h>
#include <breenix/chrdev.h>
#include <breenix/devfs.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/printk.h>
#include <breenix/slab.h>
#include <breenix/uio.h>
#include <breenix/vfs.h>

#define KMSG_TEXT_MAX	1024	/* printk's longest line */
#define KMSG_LINE_MAX	(KMSG_TEXT_MAX + 64)

struct kmsg_reader {
	uint64_t seq;
	char text[KMSG_TEXT_MAX];
	char line[KMSG_LINE_MAX];
};

static int kmsg_open(struct inode *inode, struct file *file)
{
	struct kmsg_reader *r = kmalloc(sizeof(*r), GFP_KERNEL);

	(void)inode;
	if (!r)
		return -ENOMEM;
	r->seq = printk_first_seq();
	file->private_data = r;
	return 0;
}

static void kmsg_release(struct inode *inode, struct file *file)
{
	(void)inode;
	kfree(file->private_data);
}

/*
 * No record yet gives -EAGAIN, blocking readers included: waking them needs
 * a wake-up printk can issue from any context (Linux defers it through
 * irq_work), which the kernel does not have yet.
 */
static long kmsg_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	size_t len = iov_iter_count(to);
	struct kmsg_reader *r = file->private_data;
	uint64_t seq = r->seq;
	long n;
	int level, out;

	(void)pos;
	n = printk_read_record(&seq, &level, r->text, sizeof(r->text));
	if (n == -EPIPE)
		r->seq = seq;
	if (n < 0)
		return n;
	/* Records keep printk's newline; the format adds its own. */
	if (n && r->text[n - 1] == '\n')
		n--;
	out = snprintf(r->line, sizeof(r->line), "%d,%llu,0,-;%.*s\n", level,
		       (unsigned long long)(seq - 1), (int)n, r->text);
	/* Linux: a buffer too small for the record is -EINVAL, not a cut. */
	if ((size_t)out > len)
		return -EINVAL;
	if (copy_to_iter(r->line, (size_t)out, to) != (size_t)out)
		return -EFAULT;
	r->seq = seq;
	return out;
}

/* A write logs one message; "<N>" in front sets its level, as in Linux. */
static long kmsg_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct kmsg_reader *r = file->private_data;
	size_t len = iov_iter_count(from);
	const char *text = r->text;
	size_t n = len < KMSG_TEXT_MAX ? len : KMSG_TEXT_MAX;
	int level = LOGLEVEL_DEFAULT;

	(void)pos;
	/* The reader's buffer serves: one file's calls do not overlap. */
	if (copy_from_iter(r->text, n, from) != n)
		return -EFAULT;
	if (n >= 3 && text[0] == '<' && text[1] >= '0' && text[1] <= '7' &&
	    text[2] == '>') {
		level = text[1] - '0';
		text += 3;
		n -= 3;
	}
	if (n > KMSG_TEXT_MAX - 8)
		n = KMSG_TEXT_MAX - 8;
	/* One record each: the console shows it as a line of its own. */
	printk(KERN_SOH "%c%.*s%s", '0' + level, (int)n, text,
	       n && text[n - 1] == '\n' ? "" : "\n");
	return (long)len;
}

static const struct file_operations kmsg_fops = {
	.open = kmsg_open,
	.read = kmsg_read,
	.write = kmsg_write,
	.release = kmsg_release,
};

static int kmsg_init(void)
{
	int err = register_chrdev_region(MKDEV(1, 11), 1, "kmsg", &kmsg_fops);

	if (!err)
		err = devfs_create_node("kmsg", S_IFCHR | 0644, MKDEV(1, 11));
	return err;
}
device_initcall(kmsg_init);
