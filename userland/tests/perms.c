/*
 * Permission checks as a non-root user: root (the test) makes the files,
 * then forked children drop to uid 1000 / gid 1000 and meet EACCES and EPERM
 * wherever a file is touched: read, write and execute bits by owner, group
 * and others, directory search/read/write, the sticky bit, chmod/chown/
 * utimensat by non-owners, set-id bits cleared, mknod and chroot. Then the
 * credential calls: set/getgroups and the setres*, setre*, set* rules.
 * Children report their own cases (tap_share). Needs root.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define USER 1000
#define GROUP 1000
#define OTHER_GROUP 2000

static char nop[PATH_MAX];
/* Opened by root before the children drop privileges. */
static int root_fd;

/* path made by root with owner uid:gid and mode (content "data"). */
static void file_as(const char *path, uid_t uid, gid_t gid, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0 || write(fd, "data", 4) != 4 || fchown(fd, uid, gid) || fchmod(fd, mode))
		say("# setting up %s: %s\n", path, strerror(errno));
	close(fd);
}

static void dir_as(const char *path, uid_t uid, gid_t gid, mode_t mode)
{
	if (mkdir(path, 0700) || chown(path, uid, gid) || chmod(path, mode))
		say("# setting up %s: %s\n", path, strerror(errno));
}

static void copy_file(const char *from, const char *to, mode_t mode)
{
	static char buf[65536];
	int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0700);
	ssize_t n;

	while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof(buf))) > 0)
		write(out, buf, n);
	fchown(out, USER, GROUP);
	fchmod(out, mode);
	close(in);
	close(out);
}

static int drop_and_run(void *arg)
{
	void (*fn)(void) = (void (*)(void))arg;
	gid_t g;

	if (setgroups(0, NULL) || setgid(GROUP) || setuid(USER))
		return 100;
	if (getuid() != USER || geteuid() != USER || getgid() != GROUP || getegid() != GROUP || getgroups(1, &g) != 0)
		return 101;
	fn();
	return 0;
}

static void as_user(const char *what, void (*fn)(void))
{
	int status = in_child(drop_and_run, (void *)fn);
	char name[128];

	snprintf(name, sizeof(name), "%s: the uid-%d child ran to its end", what, USER);
	check(exited_with(status, 0), name, "%s (100/101: dropping privileges failed)", status_str(status));
}

static int exec_status(const char *path)
{
	char *argv[] = { "nop", NULL }, *envp[] = { NULL };
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execve(path, argv, envp);
		_exit(errno == EACCES ? 126 : 127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static mode_t mode_of(const char *path)
{
	struct stat st;

	return stat(path, &st) ? (mode_t)-1 : st.st_mode & 07777;
}

static void setup(void)
{
	chmod(scratch_dir(), 0755);
	file_as(tpath("rootonly"), 0, 0, 0600);
	file_as(tpath("w-only"), USER, GROUP, 0200);
	file_as(tpath("r-only"), USER, GROUP, 0400);
	file_as(tpath("owner-denied"), USER, GROUP, 0077);
	file_as(tpath("group-r"), 0, GROUP, 0040);
	file_as(tpath("group-denied"), 0, GROUP, 0404);
	file_as(tpath("other-r"), 0, 0, 0004);
	file_as(tpath("world-w"), 0, 0, 0666);
	file_as(tpath("mine"), USER, GROUP, 0644);
	file_as(tpath("mine-rootgroup"), USER, 0, 0644);
	file_as(tpath("setuid"), USER, GROUP, 04755);
	copy_file(nop, tpath("nop-rw"), 0644);
	copy_file(nop, tpath("nop-x"), 0111);
	copy_file(nop, tpath("nop-group-x"), 0610);
	dir_as(tpath("nosearch"), USER, GROUP, 0700);
	file_as(tpath("nosearch/f"), 0, 0, 0644);
	chmod(tpath("nosearch"), 0600);
	dir_as(tpath("noread"), USER, GROUP, 0700);
	file_as(tpath("noread/f"), 0, 0, 0644);
	chmod(tpath("noread"), 0300);
	dir_as(tpath("nowrite"), USER, GROUP, 0700);
	file_as(tpath("nowrite/f"), USER, GROUP, 0644);
	chmod(tpath("nowrite"), 0500);
	dir_as(tpath("sticky"), 0, 0, 01777);
	file_as(tpath("sticky/rootfile"), 0, 0, 0666);
	dir_as(tpath("sticky/rootdir"), 0, 0, 0777);
	dir_as(tpath("shared"), 0, 0, 0777);
	file_as(tpath("shared/rootfile"), 0, 0, 0644);
	dir_as(tpath("sticky-mine"), USER, GROUP, 01777);
	file_as(tpath("sticky-mine/rootfile"), 0, 0, 0644);
	dir_as(tpath("sgid"), 0, OTHER_GROUP, 02777);
	root_fd = open(tpath("mine"), O_RDONLY);
}

static void file_bits(void)
{
	struct stat st;
	int fd;

	check_errno(open(tpath("rootonly"), O_RDONLY), EACCES, "read of root's 0600 file is EACCES");
	check_errno(open(tpath("rootonly"), O_WRONLY), EACCES, "write of root's 0600 file is EACCES");
	check_errno(open(tpath("rootonly"), O_RDWR | O_CREAT, 0644), EACCES, "O_CREAT of root's existing 0600 file is EACCES");
	check(stat(tpath("rootonly"), &st) == 0, "stat needs no permission on the file itself", "%s", strerror(errno));
	fd = open(tpath("rootonly"), O_PATH);
	check(fd >= 0, "O_PATH needs no permission on the file", "%s", strerror(errno));
	close(fd);
	check_errno(access(tpath("rootonly"), R_OK), EACCES, "access(R_OK) of root's 0600 file is EACCES");
	check_errno(access(tpath("rootonly"), W_OK), EACCES, "access(W_OK) of root's 0600 file is EACCES");
	check_errno(truncate(tpath("rootonly"), 0), EACCES, "truncate without write permission is EACCES");
	check_errno(open(tpath("w-only"), O_RDONLY), EACCES, "owner with 0200: read is EACCES");
	fd = open(tpath("w-only"), O_WRONLY);
	check(fd >= 0, "owner with 0200: write opens", "%s", strerror(errno));
	close(fd);
	check_errno(open(tpath("r-only"), O_WRONLY), EACCES, "owner with 0400: write is EACCES");
	check_errno(open(tpath("r-only"), O_RDONLY | O_TRUNC), EACCES, "O_RDONLY|O_TRUNC needs write permission: EACCES");
	check_errno(open(tpath("owner-denied"), O_RDONLY), EACCES,
		    "owner of a 0077 file is refused: only the owner bits apply to the owner");
	fd = open(tpath("group-r"), O_RDONLY);
	check(fd >= 0, "group member with 0040: read opens", "%s", strerror(errno));
	close(fd);
	check_errno(open(tpath("group-r"), O_WRONLY), EACCES, "group member with 0040: write is EACCES");
	check_errno(open(tpath("group-denied"), O_RDONLY), EACCES,
		    "group member of a 0404 file is refused: only the group bits apply");
	fd = open(tpath("other-r"), O_RDONLY);
	check(fd >= 0, "others with 0004: read opens", "%s", strerror(errno));
	close(fd);
	check(access(tpath("world-w"), W_OK) == 0 && access(tpath("world-w"), X_OK) == -1 && errno == EACCES,
	      "access of a 0666 file: W_OK yes, X_OK EACCES", "%s", strerror(errno));
	check_errno(execve(tpath("nop-rw"), (char *[]){ "nop", NULL }, (char *[]){ NULL }), EACCES,
		    "execve of a file without execute permission is EACCES");
	check(exited_with(exec_status(tpath("nop-x")), 0), "execve of a 0111 program (execute without read) runs it",
	      "-");
	check(exited_with(exec_status(tpath("nop-group-x")), 126), "the owner of a 0610 program may not run it (EACCES)",
	      "-");
}

static void dir_bits(void)
{
	struct stat st;
	char buf[256];
	int fd;

	check_errno(stat(tpath("nosearch/f"), &st), EACCES, "stat in a directory without search (x) is EACCES");
	check_errno(open(tpath("nosearch/f"), O_RDONLY), EACCES, "open in a directory without search is EACCES");
	check_errno(access(tpath("nosearch/f"), F_OK), EACCES, "access(F_OK) in a directory without search is EACCES");
	check_errno(chdir(tpath("nosearch")), EACCES, "chdir to a directory without search is EACCES");
	fd = open(tpath("nosearch"), O_RDONLY | O_DIRECTORY);
	check(fd >= 0 && syscall(SYS_getdents64, fd, buf, sizeof(buf)) > 0,
	      "a directory with read but no search can still be listed", "%s", strerror(errno));
	close(fd);
	check_errno(open(tpath("noread"), O_RDONLY | O_DIRECTORY), EACCES, "opening a directory without read is EACCES");
	fd = open(tpath("noread/f"), O_RDONLY);
	check(fd >= 0, "a file in a search-only directory opens by name", "%s", strerror(errno));
	close(fd);
	check_errno(open(tpath("nowrite/new"), O_RDWR | O_CREAT, 0644), EACCES, "creating in a directory without write is EACCES");
	check_errno(unlink(tpath("nowrite/f")), EACCES, "unlink in a directory without write is EACCES");
	check_errno(mkdir(tpath("nowrite/d"), 0755), EACCES, "mkdir in a directory without write is EACCES");
	check_errno(symlink("x", tpath("nowrite/l")), EACCES, "symlink in a directory without write is EACCES");
	check_errno(rename(tpath("nowrite/f"), tpath("sticky/f")), EACCES, "rename out of a directory without write is EACCES");
	check_errno(link(tpath("mine"), tpath("nowrite/l")), EACCES, "link into a directory without write is EACCES");
	check_errno(mkfifo(tpath("nowrite/p"), 0644), EACCES, "mkfifo in a directory without write is EACCES");
	fd = open(tpath("nowrite/f"), O_RDWR);
	check(fd >= 0, "a writable file in a read-only directory is still writable", "%s", strerror(errno));
	close(fd);
}

static void sticky(void)
{
	int fd;

	check_errno(unlink(tpath("sticky/rootfile")), EPERM, "sticky directory: unlink of another's file is EPERM");
	check_errno(rename(tpath("sticky/rootfile"), tpath("sticky/x")), EPERM,
		    "sticky directory: rename of another's file is EPERM");
	check_errno(rmdir(tpath("sticky/rootdir")), EPERM, "sticky directory: rmdir of another's directory is EPERM");
	fd = open(tpath("sticky/rootfile"), O_WRONLY);
	check(fd >= 0 && write(fd, "w", 1) == 1, "sticky directory: another's 0666 file is still writable", "%s",
	      strerror(errno));
	close(fd);
	fd = open(tpath("sticky/mine"), O_RDWR | O_CREAT, 0644);
	close(fd);
	check(rename(tpath("sticky/mine"), tpath("sticky/mine2")) == 0 && unlink(tpath("sticky/mine2")) == 0,
	      "sticky directory: one's own file may be renamed and removed", "%s", strerror(errno));
	check(unlink(tpath("sticky-mine/rootfile")) == 0, "sticky directory: its owner may remove anyone's file", "%s",
	      strerror(errno));
	check(unlink(tpath("shared/rootfile")) == 0, "a 0777 directory without the sticky bit: anyone removes anything",
	      "%s", strerror(errno));
}

static void attributes(void)
{
	struct timespec t[2] = { { 1, 0 }, { 2, 0 } };
	struct stat st;
	int fd;

	check_errno(chmod(tpath("world-w"), 0777), EPERM, "chmod of another's file is EPERM");
	fd = open(tpath("world-w"), O_RDWR);
	check_errno(fchmod(fd, 0777), EPERM, "fchmod of another's file is EPERM");
	check_errno(fchown(fd, USER, GROUP), EPERM, "fchown of another's file is EPERM");
	close(fd);
	check(chmod(tpath("mine"), 0600) == 0 && mode_of(tpath("mine")) == 0600, "chmod of one's own file", "%s",
	      strerror(errno));
	check_errno(chown(tpath("mine"), 2000, -1), EPERM, "chown of one's own file to another user is EPERM");
	check(chown(tpath("mine"), USER, -1) == 0, "chown of one's own file to oneself (no change) is allowed", "%s",
	      strerror(errno));
	check_errno(chown(tpath("mine"), -1, OTHER_GROUP), EPERM, "chgrp to a group one is not in is EPERM");
	check(chown(tpath("mine-rootgroup"), -1, GROUP) == 0 && stat(tpath("mine-rootgroup"), &st) == 0 &&
	      st.st_gid == GROUP, "chgrp of one's own file to one's own group", "%s", strerror(errno));
	chown(tpath("mine-rootgroup"), -1, GROUP);
	check(chown(tpath("world-w"), -1, -1) == 0, "chown(-1, -1) of another's file changes nothing and succeeds",
	      "%s", strerror(errno));
	check(chmod(tpath("mine"), 02755) == 0 && stat(tpath("mine"), &st) == 0 && (st.st_mode & 07777) == 02755,
	      "chmod g+s of one's own file in one's own group", "%o", st.st_mode);
	chown(tpath("mine"), -1, GROUP);
	check_errno(lchown(tpath("world-w"), USER, -1), EPERM, "lchown of another's file is EPERM");
	fd = open(tpath("setuid"), O_WRONLY);
	check(fd >= 0 && write(fd, "x", 1) == 1 && (mode_of(tpath("setuid")) & 06000) == 0,
	      "writing to a set-uid file clears set-uid", "%o", mode_of(tpath("setuid")));
	close(fd);
	check(utimensat(AT_FDCWD, tpath("world-w"), NULL, 0) == 0, "utimensat(NULL) with write permission, not owner",
	      "%s", strerror(errno));
	check_errno(utimensat(AT_FDCWD, tpath("world-w"), t, 0), EPERM, "utimensat with explicit times, not owner, is EPERM");
	check_errno(utimensat(AT_FDCWD, tpath("rootonly"), NULL, 0), EACCES,
		    "utimensat(NULL) without write permission, not owner, is EACCES");
	check(utimensat(AT_FDCWD, tpath("r-only"), t, 0) == 0, "the owner sets explicit times without write permission",
	      "%s", strerror(errno));
	check_errno(mknod(tpath("sticky/null"), S_IFCHR | 0666, makedev(1, 3)), EPERM,
		    "mknod of a device node without privilege is EPERM");
	check(mknod(tpath("sticky/fifo"), S_IFIFO | 0666, 0) == 0, "mknod of a FIFO needs no privilege", "%s",
	      strerror(errno));
	check_errno(chroot(tpath("sticky")), EPERM, "chroot without privilege is EPERM");
	/*
	 * linkat(AT_EMPTY_PATH) without CAP_DAC_READ_SEARCH: ENOENT, unless
	 * the descriptor was opened with the caller's own credentials (Linux
	 * 6.10 and later).
	 */
	check_errno(linkat(root_fd, "", AT_FDCWD, tpath("sticky/byfd"), AT_EMPTY_PATH), ENOENT,
		    "linkat(AT_EMPTY_PATH) of a descriptor root opened is ENOENT without CAP_DAC_READ_SEARCH");
	fd = open(tpath("mine"), O_RDONLY);
	check(linkat(fd, "", AT_FDCWD, tpath("sticky/byfd"), AT_EMPTY_PATH) == 0,
	      "linkat(AT_EMPTY_PATH) of a descriptor opened with one's own credentials", "%s", strerror(errno));
	close(fd);
	fd = open(tpath("sgid/new"), O_RDWR | O_CREAT, 0644);
	check(fd >= 0 && fstat(fd, &st) == 0 && st.st_gid == OTHER_GROUP,
	      "a file made in a set-gid directory takes the directory's group", "gid %d", st.st_gid);
	close(fd);
	check(mkdir(tpath("sgid/sub"), 0755) == 0 && stat(tpath("sgid/sub"), &st) == 0 && st.st_gid == OTHER_GROUP &&
	      (st.st_mode & S_ISGID), "a directory made in a set-gid directory inherits the group and S_ISGID", "%o gid %d",
	      st.st_mode, st.st_gid);
	check_errno(setgroups(0, NULL), EPERM, "setgroups without privilege is EPERM");
}

static void creds_unprivileged(void)
{
	uid_t r = -1, e = -1, s = -1;
	gid_t gr = -1, ge = -1, gs = -1;

	check(getresuid(&r, &e, &s) == 0 && r == 1000 && e == 2000 && s == 3000, "getresuid after setresuid(1000, 2000, 3000)",
	      "%d %d %d", r, e, s);
	check(getresgid(&gr, &ge, &gs) == 0 && gr == 1000 && ge == 2000 && gs == 3000,
	      "getresgid after setresgid(1000, 2000, 3000)", "%d %d %d", gr, ge, gs);
	check(setresuid(-1, 3000, -1) == 0 && geteuid() == 3000, "unprivileged setresuid to the saved uid", "%s",
	      strerror(errno));
	check(setresuid(-1, 1000, -1) == 0 && geteuid() == 1000, "unprivileged setresuid to the real uid", "%s",
	      strerror(errno));
	check_errno(setresuid(-1, 4000, -1), EPERM, "unprivileged setresuid to a fourth uid is EPERM");
	check_errno(setresuid(0, -1, -1), EPERM, "unprivileged setresuid of the real uid to 0 is EPERM");
	check_errno(setresgid(-1, 4000, -1), EPERM, "unprivileged setresgid to a fourth gid is EPERM");
	check(setresgid(3000, 1000, 2000) == 0 && getresgid(&gr, &ge, &gs) == 0 && gr == 3000 && ge == 1000 && gs == 2000,
	      "unprivileged setresgid permutes the three gids", "%d %d %d", gr, ge, gs);
	check(setuid(3000) == 0 && getresuid(&r, &e, &s) == 0 && r == 1000 && e == 3000 && s == 3000,
	      "unprivileged setuid to the saved uid changes only the effective one", "%d %d %d", r, e, s);
	check_errno(setuid(2000), EPERM, "unprivileged setuid to a uid not held is EPERM");
	check(setreuid(-1, 1000) == 0 && getresuid(&r, &e, &s) == 0 && r == 1000 && e == 1000 && s == 3000,
	      "setreuid(-1, ruid) leaves the saved uid (euid = ruid)", "%d %d %d", r, e, s);
	check(setreuid(-1, 3000) == 0 && getresuid(&r, &e, &s) == 0 && e == 3000 && s == 3000,
	      "setreuid(-1, suid) sets the saved uid to the new euid", "%d %d %d", r, e, s);
	check(setreuid(3000, -1) == 0 && getresuid(&r, &e, &s) == 0 && r == 3000 && e == 3000 && s == 3000,
	      "setreuid of the real uid to the effective one sets the saved uid", "%d %d %d", r, e, s);
	check_errno(setreuid(1000, -1), EPERM, "setreuid to a uid no longer held is EPERM");
	check_errno(setgid(1000), EPERM, "unprivileged setgid to a gid not held is EPERM");
	check_errno(setregid(5000, -1), EPERM, "unprivileged setregid to a gid not held is EPERM");
}

static int creds(void *arg)
{
	gid_t list[3] = { 10, 20, 30 }, got[8];
	uid_t r = -1, e = -1, s = -1;
	static gid_t big[65537];

	(void)arg;
	check(setgroups(3, list) == 0, "root's setgroups", "%s", strerror(errno));
	check(getgroups(0, NULL) == 3, "getgroups(0) counts the groups", "%d", getgroups(0, NULL));
	check(getgroups(8, got) == 3 && got[0] == 10 && got[1] == 20 && got[2] == 30, "getgroups returns them", "-");
	check_errno(getgroups(2, got), EINVAL, "getgroups into a list too short is EINVAL");
	check_errno(syscall(SYS_setgroups, -1, list), EINVAL, "setgroups(-1) is EINVAL");
	check_errno(syscall(SYS_setgroups, 65537, big), EINVAL, "setgroups of more than NGROUPS_MAX (65536) is EINVAL");
	check(setgroups(0, NULL) == 0 && getgroups(0, NULL) == 0, "setgroups(0) empties the list", "-");
	check(setresgid(1000, 2000, 3000) == 0, "root's setresgid", "%s", strerror(errno));
	check(setresuid(1000, 0, 0) == 0 && getresuid(&r, &e, &s) == 0 && r == 1000 && e == 0 && s == 0,
	      "root's setresuid(1000, 0, 0)", "%d %d %d", r, e, s);
	check_errno(access(tpath("rootonly"), R_OK), EACCES, "access checks the real uid (1000): EACCES");
	check(faccessat(AT_FDCWD, tpath("rootonly"), R_OK, AT_EACCESS) == 0, "faccessat(AT_EACCESS) checks the effective uid (0)",
	      "%s", strerror(errno));
	check(setresuid(1000, 2000, 3000) == 0, "root's setresuid(1000, 2000, 3000)", "%s", strerror(errno));
	creds_unprivileged();
	return 0;
}

static int root_setuid(void *arg)
{
	uid_t r = -1, e = -1, s = -1;

	(void)arg;
	check(setuid(USER) == 0 && getresuid(&r, &e, &s) == 0 && r == USER && e == USER && s == USER,
	      "root's setuid sets all three uids", "%d %d %d", r, e, s);
	check_errno(setuid(0), EPERM, "after root's setuid(1000) there is no way back: setuid(0) is EPERM");
	check_errno(open(tpath("rootonly"), O_RDONLY), EACCES, "and root's files are closed to it");
	return 0;
}

int main(int argc, char **argv)
{
	int status;

	(void)argc;
	if (geteuid() != 0) {
		skip("permission checks as uid 1000", "needs root to change uid");
		return done();
	}
	snprintf(nop, sizeof(nop), "%s/nop", self_dir(argv[0]));
	tap_share();
	setup();
	as_user("file permission bits", file_bits);
	as_user("directory permission bits", dir_bits);
	as_user("the sticky bit", sticky);
	as_user("attributes by non-owners", attributes);
	status = in_child(creds, NULL);
	check(exited_with(status, 0), "the credentials child ran to its end", "%s", status_str(status));
	status = in_child(root_setuid, NULL);
	check(exited_with(status, 0), "the setuid child ran to its end", "%s", status_str(status));
	return done();
}
