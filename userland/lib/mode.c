/*
 * File modes: ls's mode string and chmod's mode language (POSIX chmod,
 * "Extended Description": clauses of who, op and perms).
 */
#include <string.h>
#include <sys/stat.h>

#include "mode.h"

#define ALL_BITS 07777

static char type_char(mode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR:
		return 'd';
	case S_IFLNK:
		return 'l';
	case S_IFCHR:
		return 'c';
	case S_IFBLK:
		return 'b';
	case S_IFIFO:
		return 'p';
	case S_IFSOCK:
		return 's';
	default:
		return '-';
	}
}

/* One rwx triple; special is the set-id or sticky bit shown in x's place. */
static void triple(char *p, mode_t mode, mode_t r, mode_t w, mode_t x, int special, char on)
{
	p[0] = (mode & r) ? 'r' : '-';
	p[1] = (mode & w) ? 'w' : '-';
	if (special)
		p[2] = (mode & x) ? on : on - ('a' - 'A');
	else
		p[2] = (mode & x) ? 'x' : '-';
}

char *mode_string(mode_t mode, char *buf)
{
	buf[0] = type_char(mode);
	triple(buf + 1, mode, S_IRUSR, S_IWUSR, S_IXUSR, mode & S_ISUID, 's');
	triple(buf + 4, mode, S_IRGRP, S_IWGRP, S_IXGRP, mode & S_ISGID, 's');
	triple(buf + 7, mode, S_IROTH, S_IWOTH, S_IXOTH, mode & S_ISVTX, 't');
	buf[10] = '\0';
	return buf;
}

static int parse_octal(const char *spec, mode_t old, int is_dir, mode_t *out)
{
	mode_t v = 0;
	size_t n = strlen(spec);

	for (const char *p = spec; *p; p++) {
		if (*p < '0' || *p > '7')
			return -1;
		v = v * 8 + (mode_t)(*p - '0');
		if (v > ALL_BITS)
			return -1;
	}
	/* As coreutils: a short octal mode leaves a directory's set-id bits. */
	if (is_dir && n < 5)
		v |= old & (S_ISUID | S_ISGID);
	*out = (old & S_IFMT) | v;
	return 0;
}

static mode_t who_bits(char c)
{
	switch (c) {
	case 'u':
		return S_ISUID | S_IRWXU;
	case 'g':
		return S_ISGID | S_IRWXG;
	case 'o':
		return S_ISVTX | S_IRWXO;
	case 'a':
		return ALL_BITS;
	default:
		return 0;
	}
}

/* The permissions u, g or o already have, copied to all three classes. */
static mode_t copy_bits(char c, mode_t cur)
{
	mode_t p = 0;

	if (c == 'u')
		p = (cur & S_IRWXU) >> 6;
	else if (c == 'g')
		p = (cur & S_IRWXG) >> 3;
	else
		p = cur & S_IRWXO;
	return p * 0111;
}

/* The perms after an op, up to the next op, comma or end. */
static mode_t perm_bits(const char **pp, mode_t cur, int is_dir)
{
	const char *p = *pp;
	mode_t v = 0;

	if (*p == 'u' || *p == 'g' || *p == 'o') {
		*pp = p + 1;
		return copy_bits(*p, cur);
	}
	for (;; p++) {
		if (*p == 'r')
			v |= 0444;
		else if (*p == 'w')
			v |= 0222;
		else if (*p == 'x')
			v |= 0111;
		else if (*p == 'X')
			v |= (is_dir || (cur & 0111)) ? 0111 : 0;
		else if (*p == 's')
			v |= S_ISUID | S_ISGID;
		else if (*p == 't')
			v |= S_ISVTX;
		else
			break;
	}
	*pp = p;
	return v;
}

static void apply_op(char op, mode_t who, int explicit, mode_t value, mode_t umask_bits,
		     int is_dir, mode_t *cur)
{
	value &= who;
	if (!explicit)
		value &= ~umask_bits;
	if (op == '+') {
		*cur |= value;
	} else if (op == '-') {
		*cur &= ~value;
	} else {
		mode_t clear = who;

		/* "=" with no one named keeps a directory's set-id bits (coreutils). */
		if (!explicit && is_dir)
			clear &= ~(mode_t)(S_ISUID | S_ISGID);
		*cur = (*cur & ~clear) | value;
	}
}

/* One clause: who* (op perms)+. Returns the position after it, or NULL. */
static const char *parse_clause(const char *p, mode_t *cur, int is_dir, mode_t umask_bits)
{
	mode_t who = 0;
	int explicit;

	while (who_bits(*p)) {
		who |= who_bits(*p);
		p++;
	}
	explicit = who != 0;
	if (!explicit)
		who = ALL_BITS;
	if (*p != '+' && *p != '-' && *p != '=')
		return NULL;
	while (*p == '+' || *p == '-' || *p == '=') {
		char op = *p++;
		mode_t value = perm_bits(&p, *cur, is_dir);

		apply_op(op, who, explicit, value, umask_bits, is_dir, cur);
	}
	return p;
}

int mode_parse(const char *spec, mode_t old, int is_dir, mode_t umask_bits, mode_t *out)
{
	mode_t cur = old & ALL_BITS;
	const char *p = spec;

	if (*spec >= '0' && *spec <= '7')
		return parse_octal(spec, old, is_dir, out);
	for (;;) {
		p = parse_clause(p, &cur, is_dir, umask_bits);
		if (!p)
			return -1;
		if (*p == '\0')
			break;
		if (*p++ != ',')
			return -1;
	}
	*out = (old & S_IFMT) | cur;
	return 0;
}
