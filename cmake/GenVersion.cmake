# Script mode (cmake -P): writes version.h from VERSION and git describe.
execute_process(
	COMMAND git describe --always --dirty --abbrev=12
	WORKING_DIRECTORY ${SRC}
	OUTPUT_VARIABLE GIT_REV
	OUTPUT_STRIP_TRAILING_WHITESPACE
	ERROR_QUIET)
if(NOT GIT_REV)
	set(GIT_REV "unknown")
endif()
set(BREENIX_VERSION_STRING "${VERSION} (${GIT_REV})")
configure_file(${SRC}/kernel/include/breenix/version.h.in ${OUT} @ONLY)
