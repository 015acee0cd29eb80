# Script mode (cmake -P): packs ROOTFS, with OVERLAY's files on top, into a
# cpio "newc" archive at OUT (Linux's initramfs format). Owners are root and
# entries are sorted, so the same tree always gives the same archive; OUT is
# only replaced when its contents change, so the ISO is not rebuilt for nothing.
# The archive carries /etc/initrd.manifest, a listing of everything else in
# it (cmake/initrd_manifest.py), against which the kernel checks its unpacking.
set(stage ${OUT}.stage)
file(REMOVE_RECURSE ${stage})
file(MAKE_DIRECTORY ${stage})
# cp, not file(COPY): file(COPY) skips a file whose timestamp matches the
# one already staged, so an overlay file could silently lose.
function(stage_tree dir)
	execute_process(COMMAND cp -a ${dir}/. ${stage}/ RESULT_VARIABLE rc)
	if(NOT rc EQUAL 0)
		message(FATAL_ERROR "copying ${dir} into the initrd failed")
	endif()
endfunction()
stage_tree(${ROOTFS})
if(OVERLAY)
	if(NOT IS_DIRECTORY ${OVERLAY})
		message(FATAL_ERROR "BREENIX_OVERLAY=${OVERLAY} is not a directory")
	endif()
	stage_tree(${OVERLAY})
endif()
if(NOT PYTHON)
	find_program(PYTHON python3 REQUIRED)
endif()
execute_process(
	COMMAND ${PYTHON} ${CMAKE_CURRENT_LIST_DIR}/initrd_manifest.py
		${stage} ${stage}/etc/initrd.manifest
	RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
	message(FATAL_ERROR "writing the initrd manifest failed")
endif()
execute_process(
	COMMAND sh -c "find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0 --reproducible > '${OUT}.tmp'"
	WORKING_DIRECTORY ${stage}
	RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
	message(FATAL_ERROR "cpio failed (${rc})")
endif()
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
file(REMOVE_RECURSE ${stage})
