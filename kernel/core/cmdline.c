/*
 * Parsing the kernel command line once at boot into NUL-separated words, so
 * later lookups by key are simple scans. Quotes group a value with spaces.
 */
#include <stddef.h>
#include <string.h>
#include <breenix/cmdline.h>

static char raw[COMMAND_LINE_SIZE];
static char words[COMMAND_LINE_SIZE];	/* "key=value\0key\0...\0" */
static size_t words_len;

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Copies one word from *src into words[], dropping quotes; returns its end. */
static const char *parse_word(const char *src)
{
	int quoted = 0;

	for (; *src && (quoted || !is_blank(*src)); src++) {
		if (*src == '"')
			quoted = !quoted;
		else
			words[words_len++] = *src;
	}
	words[words_len++] = '\0';
	return src;
}

void cmdline_init(const char *line)
{
	size_t n = line ? strnlen(line, sizeof(raw) - 1) : 0;
	const char *p;

	memcpy(raw, line ? line : "", n);
	raw[n] = '\0';
	words_len = 0;
	for (p = raw; *p;) {
		while (is_blank(*p))
			p++;
		if (*p)
			p = parse_word(p);
	}
}

const char *cmdline_raw(void)
{
	return raw;
}

const char *cmdline_next_word(const char *prev)
{
	const char *w = prev ? prev + strlen(prev) + 1 : words;

	return w < words + words_len ? w : NULL;
}

/* The keys of every cmdline_get and cmdline_enabled in the image. */
extern const char *const __start_cmdline_params[];
extern const char *const __stop_cmdline_params[];

const char *__cmdline_get(const char *key)
{
	size_t klen = strlen(key), i = 0;
	const char *found = NULL;

	while (i < words_len) {
		const char *w = words + i;

		if (strncmp(w, key, klen) == 0) {
			if (w[klen] == '=')
				found = w + klen + 1;
			else if (w[klen] == '\0')
				found = "";
		}
		i += strlen(w) + 1;
	}
	return found;
}

bool __cmdline_enabled(const char *key)
{
	const char *v = __cmdline_get(key);

	if (!v)
		return false;
	return !*v || !strcmp(v, "1") || !strcmp(v, "on") ||
	       !strcmp(v, "yes") || !strcmp(v, "true");
}

bool cmdline_is_kernel_param(const char *word)
{
	size_t n = strcspn(word, "=");
	const char *const *key;

	if (!n)
		return false;
	for (key = __start_cmdline_params; key < __stop_cmdline_params; key++)
		if (strlen(*key) == n && !strncmp(word, *key, n))
			return true;
	return false;
}
