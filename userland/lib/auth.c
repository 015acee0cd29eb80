/*
 * Passwords for login, passwd and init (auth.h): the hash from /etc/passwd
 * or /etc/shadow, crypt(3) to check one, and a terminal read with echo off
 * that a signal cannot leave echo-less.
 */
#include <crypt.h>
#include <shadow.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "auth.h"

const char *auth_hash(const struct passwd *pw)
{
	const struct spwd *sp;

	if (strcmp(pw->pw_passwd, "x"))
		return pw->pw_passwd;
	if (access(SHADOW, F_OK))
		return "";
	sp = getspnam(pw->pw_name);
	return sp ? sp->sp_pwdp : NULL;
}

bool auth_check(const char *hash, const char *password)
{
	const char *h;

	if (!hash)
		return false;
	if (!*hash)
		return true;
	h = crypt(password, hash);
	return h && !strcmp(h, hash);
}

char *auth_read_line(char *buf, size_t size)
{
	size_t n = 0;
	ssize_t r;
	char c;

	while ((r = read(STDIN_FILENO, &c, 1)) == 1 && c != '\n')
		if (n < size - 1)
			buf[n++] = c;
	buf[n] = '\0';
	return r == 1 || n ? buf : NULL;
}

static struct termios saved_tty;
static const int fatal_signals[] = { SIGINT, SIGQUIT, SIGTERM, SIGHUP };
#define NR_FATAL (sizeof(fatal_signals) / sizeof(fatal_signals[0]))

/* Echo back on, then the signal's own default action. */
static void restore_and_reraise(int sig)
{
	tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
	write(STDOUT_FILENO, "\n", 1);
	signal(sig, SIG_DFL);
	raise(sig);
}

char *auth_read_secret(const char *prompt, char *buf, size_t size)
{
	struct sigaction sa = { .sa_handler = restore_and_reraise }, old[NR_FATAL];
	struct sigaction ignore = { .sa_handler = SIG_IGN }, old_tstp;
	bool tty = !tcgetattr(STDIN_FILENO, &saved_tty);
	struct termios quiet = saved_tty;
	char *line;
	size_t i;

	fputs(prompt, stdout);
	fflush(stdout);
	if (tty) {
		for (i = 0; i < NR_FATAL; i++)
			sigaction(fatal_signals[i], &sa, &old[i]);
		/* ^Z would leave the shell a terminal without echo: not meanwhile. */
		sigaction(SIGTSTP, &ignore, &old_tstp);
		quiet.c_lflag &= ~(ECHO | ECHOE | ECHOK | ECHONL);
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	line = auth_read_line(buf, size);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
		for (i = 0; i < NR_FATAL; i++)
			sigaction(fatal_signals[i], &old[i], NULL);
		sigaction(SIGTSTP, &old_tstp, NULL);
		/* The Enter that ended the line was not echoed. */
		putchar('\n');
	}
	return line;
}
