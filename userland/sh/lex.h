/*
 * The lexer's interface to the parser (lex.c, parse.c): characters from the
 * input, the next token into the parser's current one, and failure.
 */
#ifndef SH_LEX_H
#define SH_LEX_H

#include "parse.h"

int in_getc(struct input *in);
void in_ungetc(struct input *in, int c);
/* Reads the next token into p->tok (and p->text, p->quoted for a word). */
void lex_next(struct parser *p);
/* A here-document whose body the next newline starts. */
void lex_add_heredoc(struct parser *p, struct redir *r);
/* A syntax error: p->err = @msg, then back to the parser's entry. */
void lex_fail(struct parser *p, const char *msg) __attribute__((noreturn));
const char *tok_name(enum tok t);

#endif
