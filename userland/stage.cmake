# Script mode (cmake -P): makes DST a copy of the directory SRC, with the
# file OVERRIDE in place of SRC's file of the same name and, if CORPUS is
# set, that directory as DST/elf. Files already equal are left alone and
# stale ones removed (permissions are copied too, symbolic links stay links), so an unchanged tree packs into an unchanged initrd.
cmake_minimum_required(VERSION 3.25)

function(sync src dst)
	file(MAKE_DIRECTORY ${dst})
	file(GLOB have RELATIVE ${dst} ${dst}/*)
	file(GLOB want RELATIVE ${src} ${src}/*)
	# A "[" (the program "[") would open a bracket that hides the list's
	# remaining separators: the lists carry it as @LB@.
	string(REPLACE "[" "@LB@" have "${have}")
	string(REPLACE "[" "@LB@" want "${want}")
	foreach(name ${have})
		if(NOT name IN_LIST want AND NOT (name STREQUAL "elf" AND CORPUS))
			string(REPLACE "@LB@" "[" name "${name}")
			file(REMOVE_RECURSE ${dst}/${name})
		endif()
	endforeach()
	foreach(name ${want})
		string(REPLACE "@LB@" "[" name "${name}")
		if(IS_DIRECTORY ${src}/${name})
			continue()
		endif()
		set(from ${src}/${name})
		get_filename_component(override_name "${OVERRIDE}" NAME)
		if(OVERRIDE AND name STREQUAL override_name AND src STREQUAL SRC)
			set(from ${OVERRIDE})
		endif()
		if(IS_SYMLINK ${from})
			file(READ_SYMLINK ${from} target)
			file(REMOVE ${dst}/${name})
			file(CREATE_LINK ${target} ${dst}/${name} SYMBOLIC)
			continue()
		endif()
		file(COPY_FILE ${from} ${dst}/${name} ONLY_IF_DIFFERENT)
	endforeach()
endfunction()

sync(${SRC} ${DST})
if(CORPUS)
	sync(${CORPUS} ${DST}/elf)
endif()
