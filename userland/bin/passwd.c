/*
 * passwd: change a password, as shadow-utils' passwd does: root may set
 * anyone's, a user only their own after giving the current one. The new
 * hash is SHA-512 crypt ("$6$") with a random salt, written to /etc/shadow
 * (or /etc/passwd, where that holds the hash itself) through a temporary
 * file renamed over the old, so no reader ever sees half a file.
 */
#include <crypt.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "cli.h"
#include "msg.h"

static const char usage[] = "[USER]\n"
			    "Change USER's password (root only), or your own.";

#define SALT_LEN 16		/* the most "$6$" uses */
#define SECONDS_PER_DAY 86400

/* "$6$" and 16 random characters of crypt's alphabet. */
static void new_setting(char *setting)
{
	static const char b64[] =
		"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	unsigned char r[SALT_LEN];

	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
		msg_die(1, "getrandom");
	strcpy(setting, "$6$");
	for (int i = 0; i < SALT_LEN; i++)
		setting[3 + i] = b64[r[i] % 64];	/* 256 is a multiple of 64: no bias */
	setting[3 + SALT_LEN] = '\0';
}

/* The line's first field is NAME. */
static bool is_entry(const char *line, const char *name)
{
	size_t n = strlen(name);

	return !strncmp(line, name, n) && line[n] == ':';
}

/*
 * NAME's line with HASH as its second field; in the shadow file the third
 * (the day of the last change) becomes today. False for a malformed line.
 */
static bool put_entry(FILE *out, const char *line, const char *name, const char *hash,
		      bool shadow)
{
	const char *rest = strchr(line + strlen(name) + 1, ':');

	if (!rest)
		return false;
	if (shadow) {
		rest = strchr(rest + 1, ':');
		if (!rest)
			return false;
		fprintf(out, "%s:%s:%ld%s", name, hash, (long)(time(NULL) / SECONDS_PER_DAY), rest);
	} else {
		fprintf(out, "%s:%s%s", name, hash, rest);
	}
	return true;
}

/* Copies IN to OUT with NAME's entry changed (added to a shadow file without one). */
static void copy_changed(FILE *in, FILE *out, const char *path, const char *name,
			 const char *hash, bool shadow)
{
	char *line = NULL;
	size_t cap = 0;
	bool found = false;

	while (getline(&line, &cap, in) >= 0) {
		if (is_entry(line, name) && !found) {
			if (!put_entry(out, line, name, hash, shadow))
				msg_diex(1, "%s: %s's entry is malformed", path, name);
			found = true;
		} else {
			fputs(line, out);
		}
	}
	free(line);
	if (!found && !shadow)
		msg_diex(1, "%s: no entry for %s", path, name);
	if (!found)
		fprintf(out, "%s:%s:%ld:0:99999:7:::\n", name, hash,
			(long)(time(NULL) / SECONDS_PER_DAY));
}

/* PATH rewritten through PATH+ (same owner and mode), then renamed over it. */
static void rewrite(const char *path, const char *name, const char *hash, bool shadow)
{
	char tmp[64];
	struct stat st;
	FILE *in = fopen(path, "r"), *out;
	int fd;

	if (!in || fstat(fileno(in), &st))
		msg_die(1, "%s", path);
	snprintf(tmp, sizeof(tmp), "%s+", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || fchown(fd, st.st_uid, st.st_gid) || fchmod(fd, st.st_mode & 07777))
		msg_die(1, "%s", tmp);
	out = fdopen(fd, "w");
	if (!out)
		msg_die(1, "%s", tmp);
	copy_changed(in, out, path, name, hash, shadow);
	fclose(in);
	if (fflush(out) || fsync(fd) || fclose(out)) {
		unlink(tmp);
		msg_die(1, "%s", tmp);
	}
	if (rename(tmp, path)) {
		unlink(tmp);
		msg_die(1, "%s", path);
	}
}

/* A user (not root) proves who they are with the current password. */
static void check_current(const struct passwd *pw)
{
	char old[AUTH_PASSWORD_MAX];
	const char *hash = auth_hash(pw);

	if (hash && !*hash)
		return;
	if (!auth_read_secret("Current password: ", old, sizeof(old)))
		exit(1);
	if (!auth_check(hash, old)) {
		sleep(AUTH_FAIL_DELAY);
		msg_warnx("Authentication token manipulation error");
		msg_diex(1, "password unchanged");
	}
	memset(old, 0, sizeof(old));
}

/* The new password, typed twice; its hash. */
static char *new_hash(void)
{
	char a[AUTH_PASSWORD_MAX], b[AUTH_PASSWORD_MAX], setting[4 + SALT_LEN];
	char *hash;

	if (!auth_read_secret("New password: ", a, sizeof(a)) ||
	    !auth_read_secret("Retype new password: ", b, sizeof(b)))
		exit(1);
	if (strcmp(a, b) || !*a) {
		msg_warnx(strcmp(a, b) ? "Sorry, passwords do not match." : "No password supplied");
		msg_diex(1, "password unchanged");
	}
	new_setting(setting);
	hash = crypt(a, setting);
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	if (!hash)
		msg_die(1, "crypt");
	return strdup(hash);
}

int main(int argc, char **argv)
{
	uid_t uid = getuid();
	struct passwd *pw;
	bool shadow;
	char *hash;

	cli_init(argv[0], usage, 1);
	cli_getopt(argc, argv, "");
	if (argc - optind > 1)
		cli_usage();
	pw = optind < argc ? getpwnam(argv[optind]) : getpwuid(uid);
	if (!pw)
		msg_diex(1, "user '%s' does not exist", optind < argc ? argv[optind] : "?");
	pw->pw_name = strdup(pw->pw_name);
	shadow = !strcmp(pw->pw_passwd, "x") && !access("/etc/shadow", F_OK);
	if (uid && pw->pw_uid != uid)
		msg_diex(1, "You may not view or modify password information for %s.", pw->pw_name);
	printf("Changing password for %s.\n", pw->pw_name);
	fflush(stdout);
	if (uid)
		check_current(pw);
	hash = new_hash();
	rewrite(shadow ? "/etc/shadow" : "/etc/passwd", pw->pw_name, hash, shadow);
	puts("passwd: password updated successfully");
	cli_exit(0);
}
