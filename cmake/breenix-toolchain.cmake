# CMake toolchain file for Breenix programs: -DCMAKE_TOOLCHAIN_FILE=<this>
# builds static x86_64 Breenix executables against the newlib sysroot with
# its x86_64-breenix-gcc. The sysroot is the build tree's (build/sysroot)
# unless BREENIX_SYSROOT names another one.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

if(NOT BREENIX_SYSROOT)
	get_filename_component(BREENIX_SYSROOT ${CMAKE_CURRENT_LIST_DIR}/../build/sysroot ABSOLUTE)
endif()
# try_compile projects re-read this file: hand them the sysroot too.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES BREENIX_SYSROOT)

set(CMAKE_C_COMPILER ${BREENIX_SYSROOT}/bin/x86_64-breenix-gcc)
set(CMAKE_SYSROOT ${BREENIX_SYSROOT})
set(CMAKE_EXECUTABLE_SUFFIX "")
# No shared libraries: every program is static.
set_property(GLOBAL PROPERTY TARGET_SUPPORTS_SHARED_LIBS FALSE)

# Headers and libraries from the sysroot only; programs (code generators
# and the like) from the host.
set(CMAKE_FIND_ROOT_PATH ${BREENIX_SYSROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
