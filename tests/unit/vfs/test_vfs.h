/*
 * Helpers shared by the VFS host tests: every case starts from a fresh
 * root tmpfs (Check forks each case) and works through the in-kernel API.
 */
#ifndef TEST_VFS_H
#define TEST_VFS_H

#include <check.h>
#include <breenix/errno.h>
#include <breenix/namei.h>
#include <breenix/vfs.h>

extern const struct vfs_cred user_cred;	/* uid 1000, gid 1000 */
extern const struct vfs_cred other_cred;	/* uid 1001, gid 1001, groups 50 */

void vfs_setup(void);
/* Creates (or truncates) path as root and writes len bytes of data. */
void put_file(const char *path, const void *data, size_t len);
/* Reads up to size bytes of path as root; returns how many. */
long slurp(const char *path, void *buf, size_t size);
int stat_of(const char *path, struct kstat *st);

Suite *namei_suite(void);
Suite *tmpfs_suite(void);
Suite *pipe_suite(void);
Suite *attr_suite(void);

#endif
