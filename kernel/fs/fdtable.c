/*
 * Descriptor tables (Linux's fs/file.c): a growable array of file
 * pointers with bitmaps of open and close-on-exec descriptors, the
 * lowest-free allocation POSIX requires, dup2's replacement and exec's
 * close-on-exec sweep. Nothing here knows about tasks, so the host unit
 * tests run it unchanged; fd.c applies it to the current task.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/slab.h>
#include <linux/fcntl.h>

#define BITS_PER_LONG	(8 * sizeof(unsigned long))
/* A new table's size, Linux's NR_OPEN_DEFAULT; tables grow in powers of two. */
#define NR_OPEN_DEFAULT	BITS_PER_LONG

static size_t bitmap_longs(unsigned int bits)
{
	return (bits + BITS_PER_LONG - 1) / BITS_PER_LONG;
}

static bool test_bit(unsigned int nr, const unsigned long *map)
{
	return map[nr / BITS_PER_LONG] & (1UL << (nr % BITS_PER_LONG));
}

static void set_bit(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
}

static void clear_bit(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
}

/* The first clear bit in [start, size), or size. */
static unsigned int find_next_zero_bit(const unsigned long *map,
				       unsigned int size, unsigned int start)
{
	while (start < size) {
		unsigned long word = ~map[start / BITS_PER_LONG] >>
				     (start % BITS_PER_LONG);

		if (word) {
			start += (unsigned int)__builtin_ctzl(word);
			return start < size ? start : size;
		}
		start = (start / BITS_PER_LONG + 1) * BITS_PER_LONG;
	}
	return size;
}

static unsigned int find_next_bit(const unsigned long *map, unsigned int size,
				  unsigned int start)
{
	while (start < size) {
		unsigned long word = map[start / BITS_PER_LONG] >>
				     (start % BITS_PER_LONG);

		if (word) {
			start += (unsigned int)__builtin_ctzl(word);
			return start < size ? start : size;
		}
		start = (start / BITS_PER_LONG + 1) * BITS_PER_LONG;
	}
	return size;
}

/*
 * One allocation holds the pointers and both bitmaps, zeroed; max_fds is
 * a multiple of BITS_PER_LONG so the bitmaps have no partial words.
 */
static int fdtable_alloc(struct fdtable *fdt, unsigned int max_fds)
{
	size_t longs = bitmap_longs(max_fds);
	size_t ptrs = (size_t)max_fds * sizeof(struct file *);
	char *mem = kzalloc(ptrs + 2 * longs * sizeof(unsigned long),
			    GFP_KERNEL);

	if (!mem)
		return -ENOMEM;
	fdt->max_fds = max_fds;
	fdt->fd = (struct file **)mem;
	fdt->open_fds = (unsigned long *)(mem + ptrs);
	fdt->close_on_exec = fdt->open_fds + longs;
	return 0;
}

static void fdtable_free(struct fdtable *fdt)
{
	kfree(fdt->fd);
}

/* Copies the smaller table's contents into the larger @to. */
static void fdtable_copy(struct fdtable *to, const struct fdtable *from)
{
	size_t longs = bitmap_longs(from->max_fds);

	memcpy(to->fd, from->fd, from->max_fds * sizeof(struct file *));
	memcpy(to->open_fds, from->open_fds, longs * sizeof(unsigned long));
	memcpy(to->close_on_exec, from->close_on_exec,
	       longs * sizeof(unsigned long));
}

/* Linux's sizing: the next power of two above @nr, at least the default. */
static unsigned int table_size_for(unsigned int nr)
{
	unsigned int n = NR_OPEN_DEFAULT;

	while (n <= nr)
		n *= 2;
	return n;
}

/*
 * Makes descriptor @nr fit, with file_lock held. Memory is allocated with
 * the lock dropped, so a return of 1 says the table may have changed and
 * the caller looks again; 0: it already fit; -ENOMEM.
 */
static int expand_files(struct files_struct *files, unsigned int nr)
{
	struct fdtable new, old;

	if (nr < files->fdt.max_fds)
		return 0;
	spin_unlock(&files->file_lock);
	if (nr >= (1U << 30) || fdtable_alloc(&new, table_size_for(nr))) {
		spin_lock(&files->file_lock);
		return -ENOMEM;
	}
	spin_lock(&files->file_lock);
	if (nr < files->fdt.max_fds) {
		old = new;
	} else {
		old = files->fdt;
		fdtable_copy(&new, &old);
		files->fdt = new;
	}
	spin_unlock(&files->file_lock);
	fdtable_free(&old);
	spin_lock(&files->file_lock);
	return 1;
}

/* With file_lock held: @fd is free again. */
static void release_fd(struct files_struct *files, unsigned int fd)
{
	clear_bit(fd, files->fdt.open_fds);
	clear_bit(fd, files->fdt.close_on_exec);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	if (fdtable_alloc(&files->fdt, NR_OPEN_DEFAULT)) {
		kfree(files);
		return NULL;
	}
	files->count = 1;
	files->file_lock = (spinlock_t)SPINLOCK_INIT;
	return files;
}

/*
 * The copy takes a reference on every installed file. A descriptor that
 * an open in another thread has only reserved is free in the copy, as in
 * Linux's dup_fd.
 */
struct files_struct *files_dup(struct files_struct *old)
{
	struct files_struct *files = files_alloc();
	unsigned int i, size;

	if (!files)
		return NULL;
	spin_lock(&old->file_lock);
	while ((size = old->fdt.max_fds) > files->fdt.max_fds) {
		struct fdtable bigger;

		spin_unlock(&old->file_lock);
		if (fdtable_alloc(&bigger, size)) {
			files_put(files);
			return NULL;
		}
		fdtable_free(&files->fdt);
		files->fdt = bigger;
		spin_lock(&old->file_lock);
	}
	fdtable_copy(&files->fdt, &old->fdt);
	files->next_fd = old->next_fd;
	for (i = 0; i < size; i++) {
		struct file *f = old->fdt.fd[i];

		if (f)
			get_file(f);
		else if (test_bit(i, files->fdt.open_fds))
			release_fd(files, i);
	}
	spin_unlock(&old->file_lock);
	return files;
}

void files_get(struct files_struct *files)
{
	__atomic_add_fetch(&files->count, 1, __ATOMIC_RELAXED);
}

/* The last user is gone: nobody else can look, so no lock is needed. */
void files_put(struct files_struct *files)
{
	unsigned int i;

	if (__atomic_sub_fetch(&files->count, 1, __ATOMIC_ACQ_REL))
		return;
	for (i = 0; i < files->fdt.max_fds; i++)
		if (files->fdt.fd[i])
			fput(files->fdt.fd[i]);
	fdtable_free(&files->fdt);
	kfree(files);
}

int files_alloc_fd(struct files_struct *files, unsigned int start,
		   unsigned long limit, unsigned int flags)
{
	unsigned int fd;
	int err;

	spin_lock(&files->file_lock);
	for (;;) {
		fd = start < files->next_fd ? files->next_fd : start;
		fd = find_next_zero_bit(files->fdt.open_fds,
					files->fdt.max_fds, fd);
		if (fd >= limit) {
			err = -EMFILE;
			goto out;
		}
		err = expand_files(files, fd);
		if (err < 0)
			goto out;
		if (!err)
			break;
	}
	set_bit(fd, files->fdt.open_fds);
	if (flags & O_CLOEXEC)
		set_bit(fd, files->fdt.close_on_exec);
	else
		clear_bit(fd, files->fdt.close_on_exec);
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	err = (int)fd;
out:
	spin_unlock(&files->file_lock);
	return err;
}

void files_put_unused_fd(struct files_struct *files, unsigned int fd)
{
	spin_lock(&files->file_lock);
	release_fd(files, fd);
	spin_unlock(&files->file_lock);
}

void files_install(struct files_struct *files, unsigned int fd,
		   struct file *file)
{
	spin_lock(&files->file_lock);
	files->fdt.fd[fd] = file;
	spin_unlock(&files->file_lock);
}

struct file *files_lookup(struct files_struct *files, unsigned int fd)
{
	struct file *file = NULL;

	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds && files->fdt.fd[fd])
		file = get_file(files->fdt.fd[fd]);
	spin_unlock(&files->file_lock);
	return file;
}

struct file *files_pick(struct files_struct *files, unsigned int fd)
{
	struct file *file = NULL;

	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds && files->fdt.fd[fd]) {
		file = files->fdt.fd[fd];
		files->fdt.fd[fd] = NULL;
		release_fd(files, fd);
	}
	spin_unlock(&files->file_lock);
	return file;
}

int files_replace(struct files_struct *files, unsigned int fd,
		  struct file *file, unsigned int flags, unsigned long limit,
		  struct file **old)
{
	int err;

	*old = NULL;
	if (fd >= limit)
		return -EBADF;
	spin_lock(&files->file_lock);
	do {
		err = expand_files(files, fd);
	} while (err > 0);
	if (err)
		goto out;
	*old = files->fdt.fd[fd];
	if (!*old && test_bit(fd, files->fdt.open_fds)) {
		err = -EBUSY;
		goto out;
	}
	files->fdt.fd[fd] = get_file(file);
	set_bit(fd, files->fdt.open_fds);
	if (flags & O_CLOEXEC)
		set_bit(fd, files->fdt.close_on_exec);
	else
		clear_bit(fd, files->fdt.close_on_exec);
out:
	spin_unlock(&files->file_lock);
	return err;
}

int files_get_cloexec(struct files_struct *files, unsigned int fd)
{
	int ret = -EBADF;

	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds && files->fdt.fd[fd])
		ret = test_bit(fd, files->fdt.close_on_exec);
	spin_unlock(&files->file_lock);
	return ret;
}

int files_set_cloexec(struct files_struct *files, unsigned int fd, bool on)
{
	int ret = -EBADF;

	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds && files->fdt.fd[fd]) {
		if (on)
			set_bit(fd, files->fdt.close_on_exec);
		else
			clear_bit(fd, files->fdt.close_on_exec);
		ret = 0;
	}
	spin_unlock(&files->file_lock);
	return ret;
}

/*
 * One word of the bitmap at a time: its files come out under the lock and
 * are dropped after it, since a release may sleep.
 */
void files_close_on_exec(struct files_struct *files)
{
	struct file *batch[BITS_PER_LONG];
	unsigned int base, n, i;

	spin_lock(&files->file_lock);
	for (base = 0; base < files->fdt.max_fds; base += BITS_PER_LONG) {
		unsigned long set = files->fdt.close_on_exec[base / BITS_PER_LONG];

		if (!set)
			continue;
		n = 0;
		while (set) {
			unsigned int fd = base + (unsigned int)__builtin_ctzl(set);

			set &= set - 1;
			if (!files->fdt.fd[fd])
				continue;
			batch[n++] = files->fdt.fd[fd];
			files->fdt.fd[fd] = NULL;
			release_fd(files, fd);
		}
		spin_unlock(&files->file_lock);
		for (i = 0; i < n; i++)
			fput(batch[i]);
		spin_lock(&files->file_lock);
	}
	spin_unlock(&files->file_lock);
}

int files_next_fd(struct files_struct *files, unsigned int start)
{
	unsigned int fd;
	int ret = -1;

	spin_lock(&files->file_lock);
	for (fd = start; fd < files->fdt.max_fds; fd++) {
		fd = find_next_bit(files->fdt.open_fds, files->fdt.max_fds, fd);
		if (fd >= files->fdt.max_fds)
			break;
		if (files->fdt.fd[fd]) {
			ret = (int)fd;
			break;
		}
	}
	spin_unlock(&files->file_lock);
	return ret;
}
