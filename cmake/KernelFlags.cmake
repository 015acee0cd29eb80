# Compile and link options for code that runs inside the kernel. The kernel
# is built by the host gcc in freestanding mode: no host headers (only the
# compiler's own stddef.h/stdint.h/stdarg.h), no red zone (interrupts would
# clobber it), no SSE (the kernel does not save FPU state on entry), and the
# "kernel" code model because the image lives in the top 2 GiB.
execute_process(
	COMMAND ${CMAKE_C_COMPILER} -print-file-name=include
	OUTPUT_VARIABLE BREENIX_CC_INCLUDE
	OUTPUT_STRIP_TRAILING_WHITESPACE)

set(BREENIX_WARNINGS -Wall -Wextra -Werror)

add_library(kernel_flags INTERFACE)
target_compile_options(kernel_flags INTERFACE
	${BREENIX_WARNINGS}
	-std=gnu11 -O2 -g
	-ffreestanding -nostdinc -isystem ${BREENIX_CC_INCLUDE}
	-fno-builtin-printf -fno-common
	-mcmodel=kernel -mno-red-zone -mgeneral-regs-only
	-fno-pic -fno-pie -fno-stack-protector
	-fno-omit-frame-pointer -mno-omit-leaf-frame-pointer
	-fno-asynchronous-unwind-tables
	-fno-tree-loop-distribute-patterns)
target_compile_definitions(kernel_flags INTERFACE __breenix_kernel__)
target_include_directories(kernel_flags INTERFACE
	${CMAKE_SOURCE_DIR}/kernel/include
	${CMAKE_SOURCE_DIR}/kernel/include/uapi
	${CMAKE_SOURCE_DIR}/kernel/arch/x86_64/include
	${CMAKE_SOURCE_DIR}/libc/freestanding/include)
