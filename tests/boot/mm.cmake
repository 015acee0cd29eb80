# Physical memory: the buddy allocator's free total at three memory sizes
# under both firmwares (firmware, the 1 MiB reservation, the image,
# mem_map (1% of RAM) and the initrd until it is unpacked and freed keep the
# rest; the initrd with /bin and /test is about 19 MiB), and the panics a broken caller gets
# (double free, freeing a reserved frame), with the pfn in the message.
set(MM_FREE_64 "(4[0-9]|5[0-9]|6[0-3])")
set(MM_FREE_256 "(2[2-5][0-9])")
set(MM_FREE_4096 "(39[5-9][0-9]|40[0-9][0-9])")
foreach(firmware bios uefi)
  foreach(mem 64 256 4096)
    breenix_boot_test(boot.mm.${firmware}.${mem} 120
                      --firmware ${firmware} --mem ${mem} --cmdline "console=ttyS0 test=boot" --banner
                      --expect "Memory: ${MM_FREE_${mem}} MiB free in buddy allocator \\([1-9][0-9]* pages\\), mem_map [1-9][0-9]* MiB"
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
