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

# breenix_unit_test(NAME SOURCES src... [LIBS lib...] [INCLUDES dir...])
function(breenix_unit_test name)
	cmake_parse_arguments(UT "" "" "SOURCES;LIBS;INCLUDES" ${ARGN})
	add_executable(${name} ${UT_SOURCES})
	target_link_libraries(${name} PRIVATE host_flags PkgConfig::CHECK ${UT_LIBS})
	target_include_directories(${name} PRIVATE ${UT_INCLUDES})
	add_test(NAME unit.${name} COMMAND ${name})
	set_tests_properties(unit.${name} PROPERTIES LABELS unit TIMEOUT 120
		ENVIRONMENT "CK_FORK=yes;ASAN_OPTIONS=detect_leaks=1")
endfunction()
