/*
 * Changing an inode's attributes (Linux's fs/attr.c and the cores of
 * chmod, chown and utimensat): who may change what (setattr_prepare),
 * then the change itself with the set-id bits dropped where POSIX and
 * Linux drop them (notify_change). No task in sight, so the host tests
 * run the rules unchanged.
 */
#include <breenix/errno.h>
#include <breenix/vfs.h>

/* Root, or a member of @gid (Linux's in_group_or_capable with CAP_FSETID). */
static bool in_group_or_root(const struct vfs_cred *cred, kgid_t gid)
{
	return cred->uid == 0 || in_group(cred, gid);
}

int setattr_prepare(const struct inode *inode, struct iattr *attr,
		    const struct vfs_cred *cred)
{
	unsigned int valid = attr->ia_valid;

	/* utimensat with NULL times or both UTIME_NOW: write access suffices. */
	if ((valid & ATTR_TOUCH) && !inode_owner_or_capable(inode, cred) &&
	    inode_permission(inode, MAY_WRITE, cred))
		return -EACCES;
	/* Only root gives a file away. */
	if ((valid & ATTR_UID) && attr->ia_uid != inode->i_uid &&
	    cred->uid != 0)
		return -EPERM;
	/* The owner may pick one of its own groups. */
	if ((valid & ATTR_GID) && cred->uid != 0 &&
	    (cred->uid != inode->i_uid ||
	     (attr->ia_gid != inode->i_gid && !in_group(cred, attr->ia_gid))))
		return -EPERM;
	if (valid & ATTR_MODE) {
		kgid_t gid = (valid & ATTR_GID) ? attr->ia_gid : inode->i_gid;

		if (!inode_owner_or_capable(inode, cred))
			return -EPERM;
		/* Setting S_ISGID needs the file's group. */
		if (!in_group_or_root(cred, gid))
			attr->ia_mode &= (umode_t)~S_ISGID;
	}
	if ((valid & (ATTR_ATIME_SET | ATTR_MTIME_SET)) &&
	    !inode_owner_or_capable(inode, cred))
		return -EPERM;
	return 0;
}

/*
 * A change of owner or group of anything but a directory drops S_ISUID,
 * and S_ISGID when it marks a set-group-id program (group execute set) or
 * the caller could not have set it (Linux's setattr_should_drop_sgid).
 */
static void kill_suid(const struct inode *inode, struct iattr *attr,
		      const struct vfs_cred *cred)
{
	umode_t mode = (attr->ia_valid & ATTR_MODE) ? attr->ia_mode :
						      inode->i_mode;

	if (S_ISDIR(inode->i_mode) ||
	    !(attr->ia_valid & (ATTR_UID | ATTR_GID | ATTR_KILL_SUID)))
		return;
	mode &= (umode_t)~S_ISUID;
	if ((mode & S_ISGID) &&
	    ((mode & S_IXGRP) || !in_group_or_root(cred, inode->i_gid)))
		mode &= (umode_t)~S_ISGID;
	if (mode != inode->i_mode || (attr->ia_valid & ATTR_MODE)) {
		attr->ia_mode = mode;
		attr->ia_valid |= ATTR_MODE;
	}
}

int notify_change(struct inode *inode, struct iattr *attr,
		  const struct vfs_cred *cred)
{
	unsigned int valid;
	int64_t now = current_time_ns();
	int err = setattr_prepare(inode, attr, cred);

	if (err)
		return err;
	kill_suid(inode, attr, cred);
	valid = attr->ia_valid;
	spin_lock(&inode->i_lock);
	if (valid & ATTR_MODE)
		inode->i_mode = (umode_t)((inode->i_mode & S_IFMT) |
					  (attr->ia_mode & 07777));
	if (valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (valid & ATTR_ATIME)
		inode->i_atime = (valid & ATTR_ATIME_SET) ? attr->ia_atime : now;
	if (valid & ATTR_MTIME)
		inode->i_mtime = (valid & ATTR_MTIME_SET) ? attr->ia_mtime : now;
	inode->i_ctime = now;
	spin_unlock(&inode->i_lock);
	return 0;
}

int chmod_inode(struct inode *inode, umode_t mode,
		const struct vfs_cred *cred)
{
	struct iattr attr = {
		.ia_valid = ATTR_MODE,
		.ia_mode = mode & 07777,
	};

	return notify_change(inode, &attr, cred);
}

int chown_inode(struct inode *inode, kuid_t uid, kgid_t gid,
		const struct vfs_cred *cred)
{
	struct iattr attr = { .ia_valid = ATTR_KILL_SUID };

	if (uid != (kuid_t)-1) {
		attr.ia_valid |= ATTR_UID;
		attr.ia_uid = uid;
	}
	if (gid != (kgid_t)-1) {
		attr.ia_valid |= ATTR_GID;
		attr.ia_gid = gid;
	}
	return notify_change(inode, &attr, cred);
}

void remove_privs(struct inode *inode, const struct vfs_cred *cred)
{
	umode_t kill = 0;

	if (!S_ISREG(inode->i_mode) || cred->uid == 0)
		return;
	spin_lock(&inode->i_lock);
	if (inode->i_mode & S_ISUID)
		kill |= S_ISUID;
	if ((inode->i_mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
		kill |= S_ISGID;
	if (kill) {
		inode->i_mode &= (umode_t)~kill;
		inode->i_ctime = current_time_ns();
	}
	spin_unlock(&inode->i_lock);
}

/* A valid timespec's nanoseconds since the epoch, saturated. */
static int64_t ts_to_ns(const struct __kernel_timespec *ts)
{
	const int64_t limit = INT64_MAX / 1000000000LL - 1;

	if (ts->tv_sec > limit)
		return INT64_MAX;
	if (ts->tv_sec < -limit)
		return INT64_MIN;
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static bool utime_nsec_valid(long long nsec)
{
	return nsec == UTIME_NOW || nsec == UTIME_OMIT ||
	       (nsec >= 0 && nsec <= 999999999);
}

int utimes_inode(struct inode *inode, const struct __kernel_timespec *times,
		 const struct vfs_cred *cred)
{
	struct iattr attr = { .ia_valid = ATTR_ATIME | ATTR_MTIME };

	if (times && (times[0].tv_nsec == UTIME_NOW &&
		      times[1].tv_nsec == UTIME_NOW))
		times = NULL;
	if (!times) {
		attr.ia_valid |= ATTR_TOUCH;
		return notify_change(inode, &attr, cred);
	}
	if (times[0].tv_nsec == UTIME_OMIT)
		attr.ia_valid &= ~ATTR_ATIME;
	else if (times[0].tv_nsec != UTIME_NOW) {
		attr.ia_valid |= ATTR_ATIME_SET;
		attr.ia_atime = ts_to_ns(&times[0]);
	}
	if (times[1].tv_nsec == UTIME_OMIT)
		attr.ia_valid &= ~ATTR_MTIME;
	else if (times[1].tv_nsec != UTIME_NOW) {
		attr.ia_valid |= ATTR_MTIME_SET;
		attr.ia_mtime = ts_to_ns(&times[1]);
	}
	return notify_change(inode, &attr, cred);
}

bool utimes_valid(const struct __kernel_timespec *times)
{
	return !times || (utime_nsec_valid(times[0].tv_nsec) &&
			  utime_nsec_valid(times[1].tv_nsec));
}
