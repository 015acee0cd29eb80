# Host unit tests: Check, AddressSanitizer and UBSan. Policy code from the
# kernel and the freestanding libc is compiled again for the host here.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CHECK REQUIRED IMPORTED_TARGET check)

set(BREENIX_HOST_SANITIZE -fsanitize=address,undefined -fno-sanitize-recover=all
	-fno-omit-frame-pointer)

add_library(host_flags INTERFACE)
target_compile_options(host_flags INTERFACE ${BREENIX_WARNINGS} -std=gnu11 -O1 -g
	${BREENIX_HOST_SANITIZE})
target_link_options(host_flags INTERFACE ${BREENIX_HOST_SANITIZE})
target_compile_definitions(host_flags INTERFACE BREENIX_HOST_TEST)

# The shared main() of every test program (tests/unit/common/unit_main.c):
# a program defines Suite *unit_suite(void) from unit.h. A target built
# without host_flags (another sanitizer) adds BREENIX_UNIT_MAIN_SOURCE to its
# sources and BREENIX_UNIT_INCLUDE to its include directories instead.
set(BREENIX_UNIT_INCLUDE ${CMAKE_SOURCE_DIR}/tests/unit/common)
set(BREENIX_UNIT_MAIN_SOURCE ${BREENIX_UNIT_INCLUDE}/unit_main.c)
add_library(unit_main OBJECT ${BREENIX_UNIT_MAIN_SOURCE})
target_link_libraries(unit_main PUBLIC host_flags PkgConfig::CHECK)
target_include_directories(unit_main PUBLIC ${BREENIX_UNIT_INCLUDE})

# breenix_unit_test(NAME SOURCES src... [LIBS lib...] [INCLUDES dir...]
#                   [NO_MAIN])
# Links the shared runner unless NO_MAIN: the program then brings its main().
function(breenix_unit_test name)
	cmake_parse_arguments(UT "NO_MAIN" "" "SOURCES;LIBS;INCLUDES" ${ARGN})
	add_executable(${name} ${UT_SOURCES})
	target_link_libraries(${name} PRIVATE host_flags PkgConfig::CHECK ${UT_LIBS})
	if(NOT UT_NO_MAIN)
		target_link_libraries(${name} PRIVATE unit_main)
	endif()
	target_include_directories(${name} PRIVATE ${UT_INCLUDES})
	add_test(NAME unit.${name} COMMAND ${name})
	set_tests_properties(unit.${name} PROPERTIES LABELS unit TIMEOUT 120
		ENVIRONMENT "CK_FORK=yes;ASAN_OPTIONS=detect_leaks=1")
endfunction()
