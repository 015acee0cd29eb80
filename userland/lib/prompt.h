/*
 * The questions of rm -i, cp -i and mv -i: "prog: question? " on stderr,
 * answered by a line on standard input that starts with y or Y.
 */
#ifndef USERLAND_PROMPT_H
#define USERLAND_PROMPT_H

/* 1 for yes; 0 for anything else, end of input included. */
int prompt_yes(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
