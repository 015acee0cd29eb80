/*
 * Build-time check that host/kc.h declares what the real headers declare:
 * compiled like the library itself (headers renamed to kc_*), so any drift
 * between the two is a "conflicting types" error.
 */
#include <breenix_fmt.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kc.h"
