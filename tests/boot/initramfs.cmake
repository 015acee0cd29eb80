# The initramfs: the boot unpacks the initrd and says so, and
# test=initramfs (before anything else writes to the root) finds the whole
# unpacked tree equal to the manifest the build packed with it.
set(INITRAMFS_LINE "initramfs: unpacked [1-9][0-9]* entries \\([1-9][0-9]* KiB\\), freed [0-9]+ KiB")
foreach(firmware bios uefi)
  breenix_boot_test(boot.initramfs.${firmware} 90
                    --firmware ${firmware} --mem 256 --cmdline "console=ttyS0 test=initramfs"
                    --expect "${INITRAMFS_LINE}"
                    --expect "initramfs test: [1-9][0-9]* manifest entries checked, 0 problems"
                    --reject ".*Kernel panic.*" --reject "initramfs: (corrupt|skipping)"
                    --reject "initramfs test: .*:" --exit pass)
endforeach()
