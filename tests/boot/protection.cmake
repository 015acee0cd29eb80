# W^X and guard pages: each of these boots does one forbidden thing and must
# end in a panic that names it (the kernel then exits with FAIL, status 35).
foreach(firmware bios uefi)
  breenix_boot_test(boot.protect.wp_text.${firmware} 60
                    --firmware ${firmware} --cmdline "console=ttyS0 test=wp_text"
                    --expect "Kernel panic - not syncing: #PF page fault.*"
                    --expect "#PF: supervisor write access in kernel mode.*"
                    --expect "#PF: error_code\\(0x0003\\) - protection violation"
                    --exit fail)
  breenix_boot_test(boot.protect.nx_heap.${firmware} 60
                    --firmware ${firmware} --cmdline "console=ttyS0 test=nx_heap"
                    --expect "Kernel panic - not syncing: #PF page fault.*"
                    --expect "#PF: supervisor instruction fetch access in kernel mode.*"
                    --expect "#PF: error_code\\(0x0011\\) - protection violation"
                    --exit fail)
  breenix_boot_test(boot.protect.stack_overflow.${firmware} 60
                    --firmware ${firmware} --cmdline "console=ttyS0 test=stack_overflow"
                    --expect "Kernel panic - not syncing: kernel stack overflow: guard page hit at 0x[0-9a-f]+ \\(stack 0x[0-9a-f]+-0x[0-9a-f]+\\)"
                    --exit fail)
endforeach()
