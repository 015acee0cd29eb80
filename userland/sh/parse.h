/*
 * The shell's grammar (POSIX XCU 2.10): the input a lexer reads from, the
 * syntax tree, and the recursive-descent parser that builds it. Pure: no
 * system calls, so the host tests drive it over a table of inputs. Words
 * keep their source text (quotes included); expansion interprets them.
 */
#ifndef SH_PARSE_H
#define SH_PARSE_H

#include <setjmp.h>

#include "mem.h"

/*
 * Where the lexer reads: a stack of strings (the bottom one refilled by
 * more(), one line at a time for a terminal), with a pushback of a few
 * characters. Everything read while rec is set is also appended to it: the
 * text of a $( ) the parser checked.
 */
struct input_frame {
	char *buf;
	size_t len, pos;
	char *alias;		/* the alias this frame expands, else NULL */
	struct input_frame *next;
};

struct input {
	struct input_frame *top;
	int (*more)(struct input *in, struct strbuf *line);
	void *ctx;
	int lineno;
	int eof;
	int continued;		/* the next more() continues a command (PS2) */
	char pushback[4];
	int npushback;
	struct strbuf *rec;
};

void input_init_string(struct input *in, const char *s);
void input_init_more(struct input *in, int (*more)(struct input *, struct strbuf *),
		     void *ctx);
void input_push(struct input *in, const char *s, const char *alias);
/* Is alias @name being expanded (so it must not expand again)? */
int input_in_alias(struct input *in, const char *name);
void input_free(struct input *in);

/* A list of words, each its source text. */
struct word {
	char *text;
	struct word *next;
};

enum redir_type {
	R_IN,		/* <   */
	R_OUT,		/* >   */
	R_APPEND,	/* >>  */
	R_CLOBBER,	/* >|  */
	R_RDWR,		/* <>  */
	R_DUPIN,	/* <&  */
	R_DUPOUT,	/* >&  */
	R_HEREDOC,	/* <<  */
	R_HEREDOC_TAB,	/* <<- */
};

struct redir {
	enum redir_type type;
	int fd;
	char *target;		/* a word, or a here-document's delimiter */
	char *body;		/* a here-document's text */
	int quoted;		/* the delimiter was quoted: no expansion */
	struct redir *next;
	struct redir *next_heredoc;
};

enum node_type {
	N_CMD, N_PIPE, N_AND, N_OR, N_SEQ, N_BG, N_NOT, N_SUBSHELL, N_GROUP,
	N_IF, N_WHILE, N_UNTIL, N_FOR, N_CASE, N_FUNC,
};

struct case_item {
	struct word *patterns;
	struct node *body;
	struct case_item *next;
};

struct node {
	enum node_type type;
	int lineno;
	struct redir *redirs;
	struct node *next;	/* the next command of a pipeline */
	union {
		struct {
			struct word *assigns, *args;
		} cmd;
		struct {
			struct node *left, *right;
		} bin;			/* N_AND, N_OR, N_SEQ */
		struct node *body;	/* N_BG, N_NOT, N_SUBSHELL, N_GROUP */
		struct node *pipe;	/* N_PIPE: the first command */
		struct {
			struct node *cond, *then, *otherwise;
		} cond;			/* N_IF, N_WHILE, N_UNTIL (then = body) */
		struct {
			char *var;
			struct word *words;
			int has_in;	/* "in" given (else "$@") */
			struct node *body;
		} loop;			/* N_FOR */
		struct {
			char *word;
			struct case_item *items;
		} cas;
		struct {
			char *name;
			struct node *body;
			struct arena *arena;
		} func;
	} u;
};

enum tok {
	T_EOF, T_NEWLINE, T_WORD, T_IO_NUMBER, T_SEMI, T_AMP, T_PIPE, T_AND,
	T_OR, T_DSEMI, T_LPAREN, T_RPAREN, T_LESS, T_GREAT, T_DGREAT,
	T_LESSAND, T_GREATAND, T_LESSGREAT, T_DLESS, T_DLESSDASH, T_CLOBBER,
};

struct parser {
	struct input *in;
	struct arena *arena;
	/* The current token; peeked is set when it is read but not used. */
	enum tok tok;
	char *text;
	int quoted;
	int peeked;
	int lineno;
	struct redir *heredocs;	/* collected at the next newline */
	struct redir **heredoc_tail;
	int alias_next;		/* the last alias ended in a blank */
	struct strbuf word;	/* the word being read */
	jmp_buf fail;
	char *err;
	int errline;
};

enum parse_result { PARSE_OK, PARSE_EOF, PARSE_ERROR };

/* The shell's alias table (NULL in the tests: no aliases). */
extern const char *(*parse_alias)(const char *name);

void parser_init(struct parser *p, struct input *in);
void parser_free(struct parser *p);
/*
 * Reads one complete command (up to the newline that ends it) into a tree
 * allocated in a new arena (*arena, which the caller releases). *out is
 * NULL for an empty line. On PARSE_ERROR, p->err and p->errline say why
 * and where; the rest of the line has been consumed.
 */
enum parse_result parse_command(struct parser *p, struct node **out, struct arena **arena);
/*
 * After "$(": parses up to the matching ")", appending the text consumed
 * (without the parenthesis) to @text. Returns 0, or -1 with @err set.
 */
int parse_subst(struct input *in, struct strbuf *text, char **err);

/* The tree in a canonical form, for the tests and for "type". */
void node_print(struct strbuf *sb, const struct node *n);
/* The same as a person writes it: no brackets ("jobs", notices). */
void node_print_plain(struct strbuf *sb, const struct node *n);
/* Is @s a name (XCU 3.235: letters, digits, underscore, not a digit first)? */
int is_name(const char *s);
/* The length of the name at the start of @s. */
size_t name_len(const char *s);

#endif
