/* getauxval(3): the auxiliary vector execve passed, with elf.h's AT_* types. */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#include <elf.h>

#ifdef __cplusplus
extern "C" {
#endif

unsigned long getauxval(unsigned long);

#ifdef __cplusplus
}
#endif

#endif
