/*
 * The dump programs' input (see dumpin.h): files are opened one after
 * another as each runs out, so lines span file boundaries as in od.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dumpin.h"
#include "msg.h"

static char *stdin_only[] = { "-", NULL };

void dumpin_init(struct dumpin *d, char **files, unsigned long long limit)
{
	memset(d, 0, sizeof(*d));
	d->files = files && files[0] ? files : stdin_only;
	d->fd = -1;
	d->limit = limit;
}

/* Opens the next file; 0 when none is left. */
static int next_file(struct dumpin *d)
{
	while (*d->files) {
		const char *name = *d->files++;

		if (!strcmp(name, "-")) {
			d->fd = STDIN_FILENO;
			return 1;
		}
		d->fd = open(name, O_RDONLY);
		if (d->fd >= 0)
			return 1;
		msg_warn("%s", name);
		d->status = 1;
	}
	return 0;
}

static void close_file(struct dumpin *d)
{
	if (d->fd != STDIN_FILENO)
		close(d->fd);
	d->fd = -1;
}

size_t dumpin_line(struct dumpin *d, unsigned char *line)
{
	size_t n = 0, want = DUMP_LINE;

	if (d->limit && d->limit - d->offset < want)
		want = (size_t)(d->limit - d->offset);
	while (n < want) {
		ssize_t r;

		if (d->fd < 0 && !next_file(d))
			break;
		r = read(d->fd, line + n, want - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			msg_warn("%s", d->files[-1]);
			d->status = 1;
		}
		if (r <= 0) {
			close_file(d);
			continue;
		}
		n += (size_t)r;
	}
	d->offset += n;
	return n;
}

int dumpin_squeeze(struct dumpin *d, const unsigned char *line, size_t n)
{
	int same = d->have_prev && n == DUMP_LINE && !memcmp(d->prev, line, n);

	if (n == DUMP_LINE) {
		memcpy(d->prev, line, n);
		d->have_prev = 1;
	}
	if (!same) {
		d->squeezing = 0;
		return 0;
	}
	if (!d->squeezing)
		puts("*");
	d->squeezing = 1;
	return 1;
}
