/*
 * <ctype.h> for the kernel: character classes of the C locale. Each function
 * accepts EOF (-1) and every unsigned char value, as C11 7.4 requires.
 */
#ifndef BREENIX_LIBC_CTYPE_H
#define BREENIX_LIBC_CTYPE_H

int isalnum(int c);
int isalpha(int c);
int isascii(int c);
int isblank(int c);
int iscntrl(int c);
int isdigit(int c);
int isgraph(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int isspace(int c);
int isupper(int c);
int isxdigit(int c);
int tolower(int c);
int toupper(int c);

#endif
