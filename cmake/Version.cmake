# The version string printed in the boot banner: the project version plus
# the git commit it was built from. A target regenerates the header on every
# build (configure_file leaves it untouched when nothing changed), so the
# banner never names a stale commit.
set(BREENIX_VERSION_HEADER ${CMAKE_BINARY_DIR}/generated/breenix/version.h)
add_custom_target(breenix_version
	COMMAND ${CMAKE_COMMAND}
		-DSRC=${CMAKE_SOURCE_DIR}
		-DOUT=${BREENIX_VERSION_HEADER}
		-DVERSION=${PROJECT_VERSION}
		-P ${CMAKE_SOURCE_DIR}/cmake/GenVersion.cmake
	BYPRODUCTS ${BREENIX_VERSION_HEADER}
	COMMENT "Checking the version header")
