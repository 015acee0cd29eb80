/*
 * The interactive line editor: the terminal in raw mode (termios) while a
 * line is edited and restored before anything runs; cursor motion, kill
 * keys, history (kept in $HOME/.sh_history) and tab completion. It draws
 * with CR, ESC [K and ESC [nC only, which serial and framebuffer consoles
 * both understand, scrolling the line sideways when it is wider than the
 * terminal.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "sh.h"

#define HISTORY_MAX 500
#define KEY_CTRL(c) ((c) & 0x1f)

static char *history[HISTORY_MAX];
static int history_len;
static char *history_file;

struct editor {
	struct strbuf buf;
	size_t cur;
	const char *prompt;
	size_t prompt_width;
	int cols;
	int hist;		/* the history entry shown (history_len: the new line) */
	char *edited;		/* the new line, while history is shown */
	int tabs;		/* consecutive tabs */
	const struct termios *cooked;	/* the terminal's modes outside the editor */
	const struct termios *raw;	/* the editor's */
};

/* The prompt's width on screen: escape sequences take none. */
static size_t visible_width(const char *s)
{
	size_t w = 0;

	while (*s) {
		if (*s == '\033' && s[1] == '[') {
			s += 2;
			while (*s && !((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
				s++;
			if (*s)
				s++;
			continue;
		}
		if ((*s & 0xc0) != 0x80 && *s != '\r' && *s != '\n')
			w++;
		if (*s == '\n')
			w = 0;
		s++;
	}
	return w;
}

static int term_columns(void)
{
	struct winsize ws;

	if (ioctl(2, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;	/* a serial terminal does not know its width */
}

static void out(const char *s, size_t n)
{
	write_all(2, s, n);
}

/* Redraws the line: prompt, the part of the buffer that fits, cursor. */
static void refresh(struct editor *e)
{
	struct strbuf sb;
	size_t width = e->cols > (int)e->prompt_width + 1 ? e->cols - e->prompt_width - 1 : 1;
	size_t start = 0, len = e->buf.len;

	if (e->cur >= width)
		start = e->cur - width + 1;
	if (len - start > width)
		len = start + width;
	sb_init(&sb);
	sb_putc(&sb, '\r');
	sb_puts(&sb, e->prompt);
	sb_putn(&sb, e->buf.s + start, len - start);
	sb_puts(&sb, "\033[K\r");
	if (e->prompt_width + e->cur - start)
		sb_printf(&sb, "\033[%zuC", e->prompt_width + e->cur - start);
	out(sb.s, sb.len);
	sb_free(&sb);
}

static void insert(struct editor *e, const char *s, size_t n)
{
	struct strbuf *b = &e->buf;

	sb_putn(b, s, n);
	memmove(b->s + e->cur + n, b->s + e->cur, b->len - n - e->cur);
	memcpy(b->s + e->cur, s, n);
	e->cur += n;
}

static void delete(struct editor *e, size_t from, size_t to)
{
	struct strbuf *b = &e->buf;

	memmove(b->s + from, b->s + to, b->len - to);
	b->len -= to - from;
	b->s[b->len] = '\0';
	if (e->cur > to)
		e->cur -= to - from;
	else if (e->cur > from)
		e->cur = from;
}

static void set_line(struct editor *e, const char *s)
{
	e->buf.len = 0;
	sb_puts(&e->buf, s);
	e->cur = e->buf.len;
}

static void history_move(struct editor *e, int dir)
{
	int to = e->hist + dir;

	if (to < 0 || to > history_len)
		return;
	if (e->hist == history_len) {
		free(e->edited);
		e->edited = xstrdup(e->buf.s ? e->buf.s : "");
	}
	e->hist = to;
	set_line(e, to == history_len ? e->edited : history[to]);
}

static void kill_word(struct editor *e)
{
	size_t from = e->cur;

	while (from && e->buf.s[from - 1] == ' ')
		from--;
	while (from && e->buf.s[from - 1] != ' ')
		from--;
	delete(e, from, e->cur);
}

/* Candidates for completion. */
struct cands {
	struct wordlist names;
	const char *prefix;
	size_t plen;
};

static void cand_add(struct cands *c, const char *name, const char *suffix)
{
	struct strbuf sb;

	if (strncmp(name, c->prefix, c->plen))
		return;
	for (int i = 0; i < c->names.n; i++)
		if (!strncmp(c->names.v[i], name, strlen(name)) &&
		    strlen(c->names.v[i]) == strlen(name) + strlen(suffix))
			return;
	sb_init(&sb);
	sb_puts(&sb, name);
	sb_puts(&sb, suffix);
	wl_add(&c->names, sb_take(&sb));
}

static void complete_commands(struct cands *c)
{
	const char *path = var_get("PATH");
	const char *name;

	for (size_t i = 0; (name = builtin_name(i)); i++)
		cand_add(c, name, " ");
	for (size_t i = 0; (name = func_name(i)); i++)
		cand_add(c, name, " ");
	for (size_t i = 0; (name = alias_name(i)); i++)
		cand_add(c, name, " ");
	while (path && *path) {
		const char *colon = strchr(path, ':');
		char *dir = xstrndup(path, colon ? (size_t)(colon - path) : strlen(path));
		DIR *d = opendir(*dir ? dir : ".");
		struct dirent *de;

		while (d && (de = readdir(d))) {
			struct strbuf full;

			if (de->d_name[0] == '.' || strncmp(de->d_name, c->prefix, c->plen))
				continue;
			sb_init(&full);
			sb_printf(&full, "%s/%s", *dir ? dir : ".", de->d_name);
			if (access(full.s, X_OK) == 0)
				cand_add(c, de->d_name, " ");
			sb_free(&full);
		}
		if (d)
			closedir(d);
		free(dir);
		path = colon ? colon + 1 : NULL;
	}
}

/* Names in the word's directory; @c->prefix is the part after its last "/". */
static void complete_paths(struct cands *c, const char *word)
{
	const char *slash = strrchr(word, '/');
	char *dir = slash ? xstrndup(word, slash - word + 1) : xstrdup("");
	DIR *d = opendir(*dir ? dir : ".");
	struct dirent *de;

	while (d && (de = readdir(d))) {
		struct strbuf full;
		struct stat st;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (de->d_name[0] == '.' && c->prefix[0] != '.')
			continue;
		sb_init(&full);
		sb_printf(&full, "%s%s", dir, de->d_name);
		cand_add(c, de->d_name,
			 stat(full.s, &st) == 0 && S_ISDIR(st.st_mode) ? "/" : " ");
		sb_free(&full);
	}
	if (d)
		closedir(d);
	free(dir);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The candidates in columns below the line, then the line again. */
static void list_cands(struct editor *e, struct wordlist *w)
{
	size_t width = 0;
	int per_line;
	struct strbuf sb;

	for (int i = 0; i < w->n; i++)
		if (strlen(w->v[i]) > width)
			width = strlen(w->v[i]);
	width += 2;
	per_line = e->cols / (int)width > 0 ? e->cols / (int)width : 1;
	sb_init(&sb);
	sb_puts(&sb, "\r\n");
	for (int i = 0; i < w->n; i++) {
		size_t n = strlen(w->v[i]);

		while (n && w->v[i][n - 1] == ' ')
			n--;
		sb_putn(&sb, w->v[i], n);
		if ((i + 1) % per_line == 0 || i + 1 == w->n)
			sb_puts(&sb, "\r\n");
		else
			for (size_t k = n; k < width; k++)
				sb_putc(&sb, ' ');
	}
	out(sb.s, sb.len);
	sb_free(&sb);
}

/* Is the word starting at @start in a command's first position? */
static int command_position(struct editor *e, size_t start)
{
	while (start && e->buf.s[start - 1] == ' ')
		start--;
	return !start || strchr(";|&(", e->buf.s[start - 1]);
}

static void complete(struct editor *e)
{
	size_t start = e->cur, common;
	struct cands c = { 0 };
	char *word;

	while (start && !strchr(" \t;|&(<>", e->buf.s[start - 1]))
		start--;
	word = xstrndup(e->buf.s + start, e->cur - start);
	c.prefix = strrchr(word, '/') ? strrchr(word, '/') + 1 : word;
	c.plen = strlen(c.prefix);
	if (command_position(e, start) && !strchr(word, '/'))
		complete_commands(&c);
	else
		complete_paths(&c, word);
	if (c.names.n)
		qsort(c.names.v, c.names.n, sizeof(char *), cmp_str);
	common = c.names.n ? strlen(c.names.v[0]) : 0;
	for (int i = 1; i < c.names.n; i++) {
		size_t k = 0;

		while (k < common && c.names.v[i][k] == c.names.v[0][k])
			k++;
		common = k;
	}
	if (c.names.n > 1 && common && c.names.v[0][common - 1] == ' ')
		common--;
	if (common > c.plen) {
		insert(e, c.names.v[0] + c.plen, common - c.plen);
		e->tabs = 0;
	} else if (c.names.n > 1 && e->tabs > 1) {
		list_cands(e, &c.names);
	} else if (!c.names.n) {
		out("\a", 1);
	}
	wl_free(&c.names);
	free(word);
}

/* After ESC: the key of a VT100/xterm sequence ('A'..'D', 'H', 'F', '3'). */
static int read_escape(void)
{
	char s[2], c;

	if (read(0, &s[0], 1) != 1)
		return 0;
	if (s[0] != '[' && s[0] != 'O')
		return 0;
	if (read(0, &s[1], 1) != 1)
		return 0;
	if (s[1] < '0' || s[1] > '9')
		return s[1];
	do {
		if (read(0, &c, 1) != 1)
			return 0;
	} while (c != '~' && (c < 'A' || c > 'z'));
	switch (s[1]) {
	case '1': case '7':
		return 'H';
	case '4': case '8':
		return 'F';
	case '3':
		return '3';
	default:
		return 0;
	}
}

static void move_key(struct editor *e, int key)
{
	switch (key) {
	case 'A':
		history_move(e, -1);
		break;
	case 'B':
		history_move(e, 1);
		break;
	case 'C':
		if (e->cur < e->buf.len)
			e->cur++;
		break;
	case 'D':
		if (e->cur)
			e->cur--;
		break;
	case 'H':
		e->cur = 0;
		break;
	case 'F':
		e->cur = e->buf.len;
		break;
	case '3':
		if (e->cur < e->buf.len)
			delete(e, e->cur, e->cur + 1);
		break;
	}
}

/* One key: 1 when the line is done, -1 at end of input, else 0. */
static int key(struct editor *e, unsigned char c)
{
	static const char keymap[][2] = {
		{ KEY_CTRL('A'), 'H' }, { KEY_CTRL('E'), 'F' }, { KEY_CTRL('B'), 'D' },
		{ KEY_CTRL('F'), 'C' }, { KEY_CTRL('P'), 'A' }, { KEY_CTRL('N'), 'B' },
	};

	e->tabs = c == '\t' ? e->tabs + 1 : 0;
	for (size_t i = 0; i < sizeof(keymap) / sizeof(keymap[0]); i++)
		if (c == (unsigned char)keymap[i][0]) {
			move_key(e, keymap[i][1]);
			return 0;
		}
	switch (c) {
	case '\r': case '\n':
		return 1;
	case KEY_CTRL('D'):
		if (!e->buf.len)
			return -1;
		move_key(e, '3');
		break;
	case KEY_CTRL('C'):
		out("^C", 2);
		set_line(e, "");
		return 1;
	case 0x7f: case KEY_CTRL('H'):
		if (e->cur)
			delete(e, e->cur - 1, e->cur);
		break;
	case KEY_CTRL('U'):
		delete(e, 0, e->cur);
		break;
	case KEY_CTRL('K'):
		delete(e, e->cur, e->buf.len);
		break;
	case KEY_CTRL('W'):
		kill_word(e);
		break;
	case KEY_CTRL('L'):
		out("\033[H\033[2J", 7);
		break;
	case '\t':
		complete(e);
		break;
	case '\033':
		move_key(e, read_escape());
		break;
	default:
		if (c >= 0x20)
			insert(e, (const char *)&c, 1);
		break;
	}
	return 0;
}

/*
 * A trapped signal arrived while the user types: its action runs now, as
 * bash runs it, on a line of its own with the terminal's own modes; then
 * the prompt and the line come back as they were.
 */
static void run_traps(struct editor *e)
{
	out("\r\n", 2);
	tcsetattr(0, TCSADRAIN, e->cooked);
	trap_check();
	tcsetattr(0, TCSADRAIN, e->raw);
	refresh(e);
}

static int edit(struct editor *e)
{
	unsigned char c;
	int r = 0;

	refresh(e);
	while (!r) {
		ssize_t n = read(0, &c, 1);

		if (n < 0 && errno == EINTR && !trap_hangup_pending()) {
			if (trap_pending())
				run_traps(e);
			continue;
		}
		if (n <= 0)
			return -1;
		r = key(e, c);
		if (!r)
			refresh(e);
	}
	return r;
}

/* Without a terminal to edit on: the prompt, then a plain line. */
static int plain_read(const char *prompt, struct strbuf *line)
{
	char c;

	write_all(2, prompt, strlen(prompt));
	for (;;) {
		ssize_t n = read(0, &c, 1);

		if (n < 0 && errno == EINTR) {
			trap_check();
			continue;
		}
		if (n <= 0)
			return line->len > 0;
		sb_putc(line, c);
		if (c == '\n')
			return 1;
	}
}

int lineedit_read(const char *prompt, struct strbuf *line)
{
	struct termios saved, raw;
	struct editor e = { .prompt = prompt };
	int r;

	if (!isatty(0) || tcgetattr(0, &saved) < 0)
		return plain_read(prompt, line);
	raw = saved;
	raw.c_lflag &= ~(ICANON | ECHO | IEXTEN | ISIG);
	raw.c_iflag &= ~(ICRNL | INLCR | IXON);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(0, TCSADRAIN, &raw) < 0)
		return plain_read(prompt, line);
	e.cooked = &saved;
	e.raw = &raw;
	e.prompt_width = visible_width(prompt);
	e.cols = term_columns();
	e.hist = history_len;
	sb_init(&e.buf);
	sb_puts(&e.buf, "");
	r = edit(&e);
	e.cur = e.buf.len;
	refresh(&e);
	out("\r\n", 2);
	tcsetattr(0, TCSADRAIN, &saved);
	if (r > 0) {
		history_add(e.buf.s);
		sb_puts(line, e.buf.s);
		sb_putc(line, '\n');
	}
	sb_free(&e.buf);
	free(e.edited);
	return r > 0;
}

void history_add(const char *line)
{
	int fd;

	if (!*line || (history_len && !strcmp(history[history_len - 1], line)))
		return;
	if (history_len == HISTORY_MAX) {
		free(history[0]);
		memmove(history, history + 1, (HISTORY_MAX - 1) * sizeof(*history));
		history_len--;
	}
	history[history_len++] = xstrdup(line);
	if (!history_file)
		return;
	fd = open(history_file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	write_all(fd, line, strlen(line));
	write_all(fd, "\n", 1);
	close(fd);
}

void history_init(void)
{
	const char *home = var_get("HOME");
	struct strbuf sb, line;
	char buf[4096];
	ssize_t n;
	int fd;

	if (!home || access(home, W_OK) < 0)
		return;
	sb_init(&sb);
	sb_printf(&sb, "%s/.sh_history", home);
	fd = open(sb.s, O_RDONLY | O_CLOEXEC);
	sb_init(&line);
	while (fd >= 0 && (n = read(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] != '\n') {
				sb_putc(&line, buf[i]);
				continue;
			}
			if (line.len)
				history_add(line.s);
			line.len = 0;
		}
	}
	if (fd >= 0)
		close(fd);
	sb_free(&line);
	history_file = sb_take(&sb);
}
