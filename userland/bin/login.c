/*
 * login: begin a session on the terminal, as util-linux's and busybox's
 * login do. "<host> login: ", "Password: " without echo, the hash from
 * /etc/passwd or /etc/shadow; "Login incorrect" after a pause, three tries.
 * Then the user's groups and ids, home, a fresh environment, /etc/motd, and
 * the shell as a login shell ("-sh"). Root may skip the password: -f USER.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth.h"
#include "cli.h"
#include "motd.h"
#include "msg.h"
#include "session.h"

static const char usage[] = "[-p] [-f] [USER]\n"
			    "Log in as USER on this terminal, asking for the password.\n"
			    "  -f  USER is already authenticated (root only)\n"
			    "  -p  keep the environment";

#define LOGIN_TRIES 3
#define NAME_MAX_LEN 256

/* The prompt's host name: the node name, "localhost" without one. */
static void login_prompt(void)
{
	char host[256];

	if (gethostname(host, sizeof(host)) || !*host)
		strcpy(host, "localhost");
	printf("%s login: ", host);
	fflush(stdout);
}

/* The user who gives the right password for NAME, or NULL. */
static struct passwd *authenticate(const char *name)
{
	char password[AUTH_PASSWORD_MAX];
	struct passwd *pw = getpwnam(name);
	const char *hash = pw ? auth_hash(pw) : NULL;
	bool ok;

	/* No password at all: nothing to ask (util-linux's login does the same). */
	if (hash && !*hash)
		return pw;
	if (!auth_read_secret("Password: ", password, sizeof(password)))
		exit(1);
	ok = pw && auth_check(hash, password);
	memset(password, 0, sizeof(password));
	return ok ? pw : NULL;
}

/* Up to three tries, the first with NAME when given; exits when all fail. */
static struct passwd *ask(const char *name)
{
	char buf[NAME_MAX_LEN];
	struct passwd *pw;

	for (int i = 0; i < LOGIN_TRIES; i++) {
		if (!name || i) {
			do {
				login_prompt();
				if (!auth_read_line(buf, sizeof(buf)))
					exit(1);
			} while (!*buf);
			name = buf;
		}
		pw = authenticate(name);
		if (pw)
			return pw;
		sleep(AUTH_FAIL_DELAY);
		puts("Login incorrect");
	}
	exit(1);
}

static void start_session(struct passwd *pw, bool keep_env)
{
	const char *shell = *pw->pw_shell ? pw->pw_shell : "/bin/sh";

	session_become(pw);
	if (chdir(pw->pw_dir)) {
		printf("No directory %s, logging in with HOME=/\n", pw->pw_dir);
		if (chdir("/"))
			msg_die(1, "/");
		pw->pw_dir = "/";
	}
	session_login_env(pw, shell, !keep_env);
	motd_show();
	session_exec_shell(shell, true, NULL, NULL);
}

int main(int argc, char **argv)
{
	bool preauth = false, keep_env = false;
	struct passwd *pw;
	int c;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt(argc, argv, "fp")) != -1)
		if (c == 'f')
			preauth = true;
		else
			keep_env = true;
	if (argc - optind > 1)
		cli_usage();
	if (geteuid())
		msg_diex(1, "Cannot possibly work without effective root");
	if (preauth && (optind == argc || getuid()))
		msg_diex(1, "-f is for root, with a user name");
	if (preauth) {
		pw = getpwnam(argv[optind]);
		if (!pw)
			msg_diex(1, "%s: no such user", argv[optind]);
	} else {
		pw = ask(optind < argc ? argv[optind] : NULL);
	}
	start_session(pw, keep_env);
}
