/*
 * Starting a user's session, for login and su: taking on the user's groups
 * and ids, the environment of a login, and the shell.
 */
#ifndef USERLAND_SESSION_H
#define USERLAND_SESSION_H

#include <pwd.h>
#include <stdbool.h>

#define SESSION_PATH "/bin:/sbin"

/* initgroups, setgid, then setuid (which ends root's power) to PW; exits on failure. */
void session_become(const struct passwd *pw);
/*
 * HOME, SHELL, USER, LOGNAME and PATH for PW; with CLEAR every other
 * variable but TERM goes first, as for a login.
 */
void session_login_env(const struct passwd *pw, const char *shell, bool clear);
/*
 * Executes SHELL: as a login shell ("-sh") when LOGIN; then "-c CMD" when
 * CMD is given, then ARGS (NULL-terminated, may be NULL). Exits if it cannot.
 */
void session_exec_shell(const char *shell, bool login, const char *cmd, char *const args[])
	__attribute__((noreturn));

#endif
