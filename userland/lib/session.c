/*
 * A user's session for login and su (session.h): groups and ids, the
 * login environment, the shell with its argv[0] and arguments.
 */
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "session.h"

extern char **environ;

void session_become(const struct passwd *pw)
{
	if (initgroups(pw->pw_name, pw->pw_gid))
		msg_die(1, "initgroups");
	if (setgid(pw->pw_gid))
		msg_die(1, "setgid");
	if (setuid(pw->pw_uid))
		msg_die(1, "setuid");
}

void session_login_env(const struct passwd *pw, const char *shell, bool clear)
{
	static char *empty_env[] = { NULL };
	char *term = getenv("TERM");

	if (term)
		term = strdup(term);
	if (clear)
		environ = empty_env;
	if ((term && setenv("TERM", term, 1)) || setenv("HOME", pw->pw_dir, 1) ||
	    setenv("SHELL", shell, 1) || setenv("USER", pw->pw_name, 1) ||
	    setenv("LOGNAME", pw->pw_name, 1) || setenv("PATH", SESSION_PATH, 1))
		msg_die(1, "setenv");
	free(term);
}

void session_exec_shell(const char *shell, bool login, const char *cmd, char *const args[])
{
	const char *base = strrchr(shell, '/');
	size_t nargs = 0, n = 0;
	char argv0[256];

	while (args && args[nargs])
		nargs++;
	const char *argv[nargs + 4];

	base = base ? base + 1 : shell;
	/* A leading '-' makes it a login shell, which reads /etc/profile. */
	snprintf(argv0, sizeof(argv0), "%s%s", login ? "-" : "", base);
	argv[n++] = argv0;
	if (cmd) {
		argv[n++] = "-c";
		argv[n++] = cmd;
	}
	for (size_t i = 0; i < nargs; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	execv(shell, (char *const *)argv);
	msg_die(127, "%s", shell);
}
