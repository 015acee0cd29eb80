/* nftw(3) and ftw(3): walking a file tree (POSIX's <ftw.h>). */
#ifndef _FTW_H
#define _FTW_H

#include <sys/stat.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The callback's type argument. */
#define FTW_F		0	/* a file */
#define FTW_D		1	/* a directory (before its contents) */
#define FTW_DNR		2	/* a directory that cannot be read */
#define FTW_NS		3	/* stat failed */
#define FTW_SL		4	/* a symbolic link (with FTW_PHYS) */
#define FTW_DP		5	/* a directory (after its contents, with FTW_DEPTH) */
#define FTW_SLN		6	/* a symbolic link to nothing */

/* nftw's flags. */
#define FTW_PHYS	1	/* do not follow symbolic links */
#define FTW_MOUNT	2	/* stay on the starting file system */
#define FTW_CHDIR	4	/* chdir into each directory before its entries */
#define FTW_DEPTH	8	/* directories after their contents */

struct FTW {
	int base;	/* offset of the name in the path */
	int level;	/* depth below the starting point */
};

int nftw(const char *, int (*)(const char *, const struct stat *, int, struct FTW *), int, int);
int ftw(const char *, int (*)(const char *, const struct stat *, int), int);

#ifdef __cplusplus
}
#endif

#endif
