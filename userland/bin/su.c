/*
 * su: run a shell as another user (root by default), as util-linux's su:
 * "-" or -l for a login shell (fresh environment, the user's home), -c CMD
 * for one command, -p to keep the environment; further operands go to the
 * shell. Anyone but root gives the user's password. (Breenix runs no
 * set-user-ID programs yet, so only root gets past setuid today.)
 */
#include <pwd.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth.h"
#include "cli.h"
#include "msg.h"
#include "session.h"

static const char usage[] = "[-] [-l] [-c COMMAND] [-p] [USER [ARG]...]\n"
			    "Run a shell as USER (root if none).\n"
			    "  -, -l  a login shell: a fresh environment, in USER's home\n"
			    "  -c     run COMMAND with the shell's -c\n"
			    "  -p     keep the environment (also -m)";

struct su_opts {
	bool login, keep_env;
	const char *cmd;
};

static void authenticate(const struct passwd *pw)
{
	char password[AUTH_PASSWORD_MAX];
	const char *hash = auth_hash(pw);
	bool ok;

	if (hash && !*hash)
		return;
	if (!auth_read_secret("Password: ", password, sizeof(password)))
		exit(1);
	ok = auth_check(hash, password);
	memset(password, 0, sizeof(password));
	if (!ok) {
		sleep(AUTH_FAIL_DELAY);
		msg_diex(1, "Authentication failure");
	}
}

/* Without -l: HOME and SHELL, and USER and LOGNAME unless the user is root (util-linux). */
static void set_env(const struct passwd *pw, const char *shell)
{
	if (setenv("HOME", pw->pw_dir, 1) || setenv("SHELL", shell, 1) ||
	    (pw->pw_uid && (setenv("USER", pw->pw_name, 1) || setenv("LOGNAME", pw->pw_name, 1))))
		msg_die(1, "setenv");
}

static void parse(int argc, char **argv, struct su_opts *o)
{
	int c;

	while ((c = cli_getopt(argc, argv, "lc:pm")) != -1) {
		if (c == 'l')
			o->login = true;
		else if (c == 'c')
			o->cmd = optarg;
		else
			o->keep_env = true;
	}
}

int main(int argc, char **argv)
{
	struct su_opts o = { false, false, NULL };
	const char *name, *shell;
	struct passwd *pw;

	cli_init(argv[0], usage, 1);
	/* "su - USER": the "-" first, as -l, out of getopt's way. */
	if (argc > 1 && !strcmp(argv[1], "-")) {
		o.login = true;
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	parse(argc, argv, &o);
	name = optind < argc ? argv[optind++] : "root";
	pw = getpwnam(name);
	if (!pw)
		msg_diex(1, "user %s does not exist", name);
	shell = *pw->pw_shell ? pw->pw_shell : "/bin/sh";
	if (getuid())
		authenticate(pw);
	session_become(pw);
	if (o.login) {
		session_login_env(pw, shell, true);
		if (chdir(pw->pw_dir))
			msg_warn("warning: cannot change directory to %s", pw->pw_dir);
	} else if (!o.keep_env) {
		set_env(pw, shell);
	}
	session_exec_shell(shell, o.login, o.cmd, argv + optind);
}
