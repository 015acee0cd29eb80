# Script mode (cmake -P): turns the ELF corpus's list file LIST (lines
# "<file> <breenix result> <linux result>", tests/elf-corpus/gen_corpus.py)
# into the C table OUT that elfexec.c compiles in.
file(STRINGS ${LIST} lines)
set(body "")
foreach(line ${lines})
	string(REGEX MATCH "^([A-Za-z0-9._-]+) ([A-Z0-9]+|any) ([A-Z0-9]+|any)$" ok "${line}")
	if(NOT ok)
		message(FATAL_ERROR "${LIST}: cannot read line \"${line}\"")
	endif()
	string(APPEND body "\t{ \"${CMAKE_MATCH_1}\", \"${CMAKE_MATCH_2}\", \"${CMAKE_MATCH_3}\" },\n")
endforeach()
file(WRITE ${OUT}.tmp "/* Generated from ${LIST} by userland/tests/corpus_header.cmake. */
static const struct {
	const char *name, *on_breenix, *on_linux;
} elf_corpus[] = {
${body}};
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
