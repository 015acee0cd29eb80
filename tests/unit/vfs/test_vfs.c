/*
 * The VFS host tests' shared fixture and runner entry; the cases are in
 * test_namei.c (the path walk, permissions, mounts) and test_tmpfs.c.
 */
#include <string.h>
#include "unit.h"
#include "shim.h"
#include "test_vfs.h"

const struct vfs_cred user_cred = { .uid = 1000, .gid = 1000 };
const struct vfs_cred other_cred = {
	.uid = 1001, .gid = 1001, .ngroups = 1,
	.groups = (const kgid_t[]){ 50 },
};

void vfs_setup(void)
{
	ck_assert_int_eq(vfs_init(), 0);
}

void put_file(const char *path, const void *data, size_t len)
{
	struct file *f;

	ck_assert_int_eq(vfs_open(NULL, path, O_CREAT | O_WRONLY | O_TRUNC,
				  0644, &vfs_root_cred, &f), 0);
	ck_assert_int_eq(vfs_write(f, data, len, NULL), (long)len);
	vfs_close(f);
}

long slurp(const char *path, void *buf, size_t size)
{
	struct file *f;
	long n;

	ck_assert_int_eq(vfs_open(NULL, path, O_RDONLY, 0, &vfs_root_cred, &f),
			 0);
	n = vfs_read(f, buf, size, NULL);
	vfs_close(f);
	return n;
}

int stat_of(const char *path, struct kstat *st)
{
	return vfs_stat(NULL, path, 0, &vfs_root_cred, st);
}

Suite *unit_suite(void)
{
	unit_add_suite(tmpfs_suite());
	unit_add_suite(pipe_suite());
	unit_add_suite(attr_suite());
	return namei_suite();
}
