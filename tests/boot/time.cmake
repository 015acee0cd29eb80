# Time: the boot log's time line under both firmwares (TSC rate, the LAPIC
# timer as the tick, the RTC date), and a CPU without a local APIC, where
# PIT channel 0 on IRQ 0 drives the tick: the time ktests must pass there.
set(TIME_LINE_HEAD "time: TSC [1-9][0-9]*\\.[0-9] MHz \\((PIT-calibrated|CPUID 0x15)\\), ")
set(TIME_LINE_TAIL " 1000 Hz \\(tick [0-9]+ ns\\), RTC 20[2-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9] UTC")
set(TIME_KTESTS time_tick_rate,time_tick_hooks,time_monotonic,time_mdelay,time_rtc_plausible,time_set_real)

foreach(firmware bios uefi)
  breenix_boot_test(boot.time.${firmware} 90
                    --firmware ${firmware} --mem 256 --cmdline "console=ttyS0 test=boot"
                    --expect "${TIME_LINE_HEAD}LAPIC timer${TIME_LINE_TAIL}"
                    --reject ".*Kernel panic.*" --exit pass)
endforeach()

breenix_boot_test(boot.time.no_apic 120
                  --firmware bios --mem 256 --cpu qemu64,-apic
                  --cmdline "console=ttyS0 test=ktest ktest=${TIME_KTESTS}"
                  --expect "${TIME_LINE_HEAD}PIT${TIME_LINE_TAIL}"
                  --expect "ktest: 6 passed, 0 failed"
                  --reject ".*Kernel panic.*" --reject "ktest: .*: FAIL" --exit pass)
