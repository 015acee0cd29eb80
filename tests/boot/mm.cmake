# Physical memory: the buddy allocator's free total at three memory sizes
# under both firmwares once the initrd is freed (firmware, the 1 MiB
# reservation, the image and mem_map (1% of RAM) keep the rest; the initrd's
# own size, which grows with /bin and /test, is not the kernel's overhead),
# and the panics a broken caller gets (double free, freeing a reserved
# frame), with the pfn in the message.
set(MM_FREE_64 "(5[4-9]|6[0-3])")
set(MM_FREE_256 "(24[0-9]|25[0-5])")
set(MM_FREE_4096 "(40[2-9][0-9])")
foreach(firmware bios uefi)
  foreach(mem 64 256 4096)
    breenix_boot_test(boot.mm.${firmware}.${mem} 120
                      --firmware ${firmware} --mem ${mem} --cmdline "console=ttyS0 test=boot" --banner
                      --expect "Memory: [1-9][0-9]* MiB free in buddy allocator \\([1-9][0-9]* pages\\), ${MM_FREE_${mem}} MiB once the initrd is freed, mem_map [1-9][0-9]* MiB"
                      --reject ".*Kernel panic.*" --exit pass)
  endforeach()
endforeach()
breenix_boot_test(boot.mm.double_free 60
                  --firmware bios --mem 256 --cmdline "console=ttyS0 test=mm_double_free"
                  --expect "Kernel panic - not syncing: free_pages: double free of pfn 0x[0-9a-f]+"
                  --exit fail)
breenix_boot_test(boot.mm.free_reserved 60
                  --firmware bios --mem 256 --cmdline "console=ttyS0 test=mm_free_reserved"
                  --expect "Kernel panic - not syncing: free_pages: pfn 0x[0-9a-f]+ is reserved"
                  --exit fail)
