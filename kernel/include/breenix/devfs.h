/*
 * devfs: the filesystem mounted at /dev. Drivers add the nodes of their
 * devices; every devfs instance shows the same nodes, whenever they came.
 */
#ifndef BREENIX_DEVFS_H
#define BREENIX_DEVFS_H

#include <breenix/fs.h>

/*
 * Adds /dev/name, a device node of mode (the type S_IFCHR with permission
 * bits) and number dev. -EEXIST for a name taken, -ENOSPC when full.
 */
int devfs_create_node(const char *name, umode_t mode, kdev_t dev);

#endif
