/*
 * User and group names for ids, from /etc/passwd and /etc/group through
 * getpwuid/getgrgid, remembered so ls -l asks once per id.
 */
#ifndef USERLAND_IDNAME_H
#define USERLAND_IDNAME_H

#include <sys/types.h>

/* The name, or NULL if the id has none. */
const char *idname_user(uid_t uid);
const char *idname_group(gid_t gid);

#endif
