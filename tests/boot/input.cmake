# Keyboard and serial input (test=input): tests/harness/inputtest.py types keys through the
# QEMU monitor and sends bytes on COM1, and checks what reached the kernel's input queues,
# under BIOS and UEFI; once more with the keyboard speaking set 1 itself (i8042.direct), and
# on a machine without an 8042, which must boot on.
set(INPUTTEST ${CMAKE_CURRENT_LIST_DIR}/../harness/inputtest.py)

function(breenix_input_test name seconds)
  add_test(NAME ${name}
           COMMAND ${Python3_EXECUTABLE} ${INPUTTEST} --iso ${BREENIX_ISO} --timeout ${seconds} ${ARGN})
  math(EXPR backstop "${seconds} + 30")
  set_tests_properties(${name} PROPERTIES
                       LABELS boot TIMEOUT ${backstop} REQUIRED_FILES "${BREENIX_ISO};${BREENIX_ELF}")
endfunction()

foreach(firmware bios uefi)
  breenix_input_test(boot.input.${firmware} 240 --firmware ${firmware})
  breenix_input_test(boot.input.no_i8042.${firmware} 60 --firmware ${firmware} --no-i8042)
endforeach()
breenix_input_test(boot.input.direct 240 --firmware bios --direct)
