/*
 * Passwords for login, passwd and init: where a user's hash is (/etc/passwd,
 * or /etc/shadow when that field is "x"), checking a password against it,
 * and reading one from the terminal with echo off.
 */
#ifndef USERLAND_AUTH_H
#define USERLAND_AUTH_H

#include <pwd.h>
#include <stdbool.h>
#include <stddef.h>

#define AUTH_PASSWORD_MAX 256
/* Seconds before a wrong password is reported (busybox's login and su wait 3). */
#define AUTH_FAIL_DELAY 3

/*
 * PW's hash: "" when the account has no password; NULL when it has none to
 * be found (no shadow entry: locked). Without an /etc/shadow at all, "x"
 * means no password, as it did before there was one.
 */
const char *auth_hash(const struct passwd *pw);
/* Whether PASSWORD opens an account whose hash is HASH. */
bool auth_check(const char *hash, const char *password);
/*
 * PROMPT on stdout, then a line from standard input (at most SIZE - 1
 * bytes kept) without echo when it is a terminal; the terminal comes back
 * as it was, also when a signal ends the program meanwhile. NULL at the
 * end of input.
 */
char *auth_read_secret(const char *prompt, char *buf, size_t size);
/* A line from standard input, a byte at a time; NULL at the end of input. */
char *auth_read_line(char *buf, size_t size);

#endif
