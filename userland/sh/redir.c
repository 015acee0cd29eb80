/*
 * Redirections (XCU 2.7): files opened onto descriptors with dup2, the
 * descriptors they replace saved above 10 so a builtin's or compound
 * command's redirections are undone when it ends, and here-documents fed
 * through a pipe.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

/* The descriptor @fd had before a redirection (-1: it was closed). */
struct saved_fd {
	int fd, copy;
};

static struct saved_fd *saved;
static int nsaved, cap;

/* The descriptors the shell keeps for itself start here (XCU 2.7: 0-9 are the user's). */
#define PRIVATE_FD_MIN 10

int fd_private(int fd)
{
	int copy;

	if (fd < 0 || fd >= PRIVATE_FD_MIN)
		return fd < 0 ? fd : (fcntl(fd, F_SETFD, FD_CLOEXEC), fd);
	copy = fcntl(fd, F_DUPFD_CLOEXEC, PRIVATE_FD_MIN);
	close(fd);
	return copy;
}

int redir_mark(void)
{
	return nsaved;
}

static void save_fd(int fd)
{
	int copy = fcntl(fd, F_DUPFD_CLOEXEC, PRIVATE_FD_MIN);

	if (nsaved == cap) {
		cap = cap ? cap * 2 : 8;
		saved = xrealloc(saved, cap * sizeof(*saved));
	}
	saved[nsaved].fd = fd;
	saved[nsaved].copy = copy;
	nsaved++;
}

void redir_restore(int mark)
{
	while (nsaved > mark) {
		struct saved_fd *s = &saved[--nsaved];

		if (s->copy >= 0) {
			dup2(s->copy, s->fd);
			close(s->copy);
		} else {
			close(s->fd);
		}
	}
}

/* A pipe holding @body; a child writes what does not fit at once. */
static int heredoc_fd(const char *body)
{
	size_t len = strlen(body), first = len < 4096 ? len : 4096;
	int fds[2];

	if (pipe(fds) < 0) {
		sh_warn("pipe: %s", strerror(errno));
		return -1;
	}
	if (write_all(fds[1], body, first) < 0)
		first = len;
	if (first < len) {
		pid_t pid = fork();

		if (pid == 0) {
			close(fds[0]);
			_exit(write_all(fds[1], body + first, len - first) < 0);
		}
	}
	close(fds[1]);
	return fds[0];
}

static int open_flags(enum redir_type t)
{
	switch (t) {
	case R_IN:
		return O_RDONLY;
	case R_APPEND:
		return O_WRONLY | O_CREAT | O_APPEND;
	case R_RDWR:
		return O_RDWR | O_CREAT;
	default:
		return O_WRONLY | O_CREAT | O_TRUNC;
	}
}

static int open_target(struct redir *r, const char *name)
{
	struct stat st;
	int fd;

	if (r->type == R_OUT && sh.opt[OPT_C] && stat(name, &st) == 0 && S_ISREG(st.st_mode)) {
		sh_warn("%s: cannot overwrite existing file", name);
		return -1;
	}
	fd = open(name, open_flags(r->type), 0666);
	if (fd < 0)
		sh_warn("%s: %s", name, strerror(errno));
	return fd;
}

/* <&n, >&n and <&-, >&-: -2 for a close, else the descriptor to copy. */
static int dup_source(const char *word)
{
	char *end;
	long n;

	if (!strcmp(word, "-"))
		return -2;
	n = strtol(word, &end, 10);
	if (!*word || *end || n < 0 || n > 0x7fffffff || fcntl((int)n, F_GETFD) < 0) {
		sh_warn("%s: Bad file descriptor", word);
		return -1;
	}
	return (int)n;
}

static int redir_source(struct redir *r)
{
	char *word;
	int fd;

	if (r->type == R_HEREDOC || r->type == R_HEREDOC_TAB) {
		char *body = r->quoted ? xstrdup(r->body) : expand_heredoc(r->body);

		fd = heredoc_fd(body);
		free(body);
		return fd;
	}
	word = expand_string(r->target, 0);
	if (r->type == R_DUPIN || r->type == R_DUPOUT)
		fd = dup_source(word);
	else
		fd = open_target(r, word);
	free(word);
	return fd;
}

/* Saved first: the file may open onto the very descriptor it replaces. */
int redirect(struct redir *r, int save)
{
	int fd;

	if (save)
		save_fd(r->fd);
	fd = redir_source(r);
	if (fd == -1)
		return -1;
	if (fd == -2) {
		close(r->fd);
		return 0;
	}
	if (fd != r->fd) {
		if (dup2(fd, r->fd) < 0) {
			sh_warn("%d: %s", r->fd, strerror(errno));
			return -1;
		}
		if (r->type != R_DUPIN && r->type != R_DUPOUT)
			close(fd);
	}
	return 0;
}
