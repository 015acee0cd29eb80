/*
 * <crypt.h> as glibc has it: crypt(3) and its reentrant form crypt_r, whose
 * caller zeroes the struct's `initialized` before the first call. Breenix
 * hashes with SHA-256 ("$5$") and SHA-512 ("$6$") as glibc does.
 */
#ifndef _CRYPT_H
#define _CRYPT_H

/* The longest hash: "$6$rounds=999999999$", 16 salt, "$", 86 digest, NUL. */
#define CRYPT_OUTPUT_SIZE 384

struct crypt_data {
	char output[CRYPT_OUTPUT_SIZE];
	char initialized;
};

#ifdef __cplusplus
extern "C" {
#endif

char *crypt(const char *__phrase, const char *__setting);
char *crypt_r(const char *__phrase, const char *__setting, struct crypt_data *__data);

#ifdef __cplusplus
}
#endif

#endif
