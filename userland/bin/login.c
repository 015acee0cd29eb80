/*
 * login: begin a session on the terminal, as util-linux's and busybox's
 * login do. "<host> login: ", "Password: " without echo, the hash from
 * /etc/passwd or /etc/shadow; "Login incorrect" after a pause, three tries.
 * Then the user's groups and ids, home, a fresh environment, /etc/motd, and
 * the shell as a login shell ("-sh"). Root may skip the password: -f USER.
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth.h"
#include "cli.h"
#include "motd.h"
#include "msg.h"

static const char usage[] = "[-p] [-f] [USER]\n"
			    "Log in as USER on this terminal, asking for the password.\n"
			    "  -f  USER is already authenticated (root only)\n"
			    "  -p  keep the environment";

#define LOGIN_TRIES 3
#define FAIL_DELAY 3		/* seconds before "Login incorrect", as busybox */
#define NAME_MAX_LEN 256
#define DEFAULT_PATH "/bin:/sbin"

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
		sleep(FAIL_DELAY);
		puts("Login incorrect");
	}
	exit(1);
}

/* Groups, then the group id, then the user id: each needs root's power. */
static void become(const struct passwd *pw)
{
	if (initgroups(pw->pw_name, pw->pw_gid))
		msg_die(1, "initgroups");
	if (setgid(pw->pw_gid))
		msg_die(1, "setgid");
	if (setuid(pw->pw_uid))
		msg_die(1, "setuid");
}

extern char **environ;

/* HOME, SHELL, USER, LOGNAME and PATH; TERM is kept, the rest cleared unless -p. */
static void set_environment(const struct passwd *pw, const char *shell, bool keep)
{
	static char *empty_env[] = { NULL };
	char *term = getenv("TERM");

	if (term)
		term = strdup(term);
	if (!keep)
		environ = empty_env;
	if ((term && setenv("TERM", term, 1)) || setenv("HOME", pw->pw_dir, 1) ||
	    setenv("SHELL", shell, 1) || setenv("USER", pw->pw_name, 1) ||
	    setenv("LOGNAME", pw->pw_name, 1) || setenv("PATH", DEFAULT_PATH, 1))
		msg_die(1, "setenv");
	free(term);
}

static void start_session(struct passwd *pw, bool keep_env)
{
	const char *shell = *pw->pw_shell ? pw->pw_shell : "/bin/sh";
	const char *base = strrchr(shell, '/');
	char argv0[NAME_MAX_LEN];

	become(pw);
	if (chdir(pw->pw_dir)) {
		printf("No directory %s, logging in with HOME=/\n", pw->pw_dir);
		if (chdir("/"))
			msg_die(1, "/");
		pw->pw_dir = "/";
	}
	set_environment(pw, shell, keep_env);
	motd_show();
	/* A leading '-' makes it a login shell, which reads /etc/profile. */
	snprintf(argv0, sizeof(argv0), "-%s", base ? base + 1 : shell);
	execl(shell, argv0, (char *)NULL);
	msg_die(1, "%s", shell);
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
