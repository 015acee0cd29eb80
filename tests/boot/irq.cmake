# Interrupt controllers at boot: the ACPI tables and the APICs under both
# firmwares, and each fallback to the 8259 PIC (a CPU without a local APIC,
# nolapic, no ACPI, noapic), each with the interrupt self-tests passing.
set(IRQ_KTESTS "irq_mode_fits_hardware,irq_self_ipi_delivered_and_acked,irq_isa_line_pit,irq_unexpected_and_spurious_survive,acpi_tables_sound,acpi_madt_found")
set(IRQ_KTEST_PASS --expect "ktest: 6 passed, 0 failed" --reject "ktest: .*: FAIL"
                   --reject ".*Kernel panic.*" --exit pass)

# QEMU's tables: SeaBIOS gives an ACPI 1.0 RSDT, OVMF an ACPI 2.0 XSDT.
foreach(firmware bios uefi)
  if(firmware STREQUAL "bios")
    set(root "RSDT")
  else()
    set(root "XSDT")
  endif()
  breenix_boot_test(boot.irq.apic.${firmware} 60
                    --firmware ${firmware} --cmdline "console=ttyS0 test=boot"
                    --expect "ACPI: RSDP rev [0-9]+ OEM BOCHS, ${root} at 0x[0-9a-f]+, tables:( [A-Z0-9]{4})* APIC( [A-Z0-9]{4})* DSDT"
                    --expect "ACPI: MADT: LAPIC at 0xfee00000, 1 CPU, 1 IOAPIC, dual 8259 PICs"
                    --expect "ACPI: MADT: ISA IRQ 0 -> GSI 2, edge, active high"
                    --expect "APIC: local APIC id 0 at 0xfee00000, version 0x[0-9a-f]+, [0-9]+ LVT entries, LINT0 masked"
                    --expect "IOAPIC: id 0 at 0xfec00000, version 0x[0-9a-f]+, GSI 0-23"
                    --expect "IRQ: using the I/O APIC, 8259 PIC masked"
                    --expect "test: boot reached the end of kmain"
                    --reject ".*Kernel panic.*" --reject "(ACPI|APIC|IOAPIC|IRQ|irq): .*(rejected|ignored|unexpected).*"
                    --exit pass)
  breenix_boot_test(boot.irq.ktest.apic.${firmware} 120
                    --firmware ${firmware} --cmdline "console=ttyS0 test=ktest ktest=${IRQ_KTESTS}"
                    --expect "IRQ: using the I/O APIC, 8259 PIC masked" ${IRQ_KTEST_PASS})
endforeach()

# A CPU without a local APIC (QEMU still offers a MADT): the 8259 alone.
breenix_boot_test(boot.irq.pic.no_apic_cpu.bios 60
                  --firmware bios --cpu qemu64,-apic --banner --cmdline "console=ttyS0 test=boot"
                  --expect "IRQ: using the 8259 PIC: the CPU has no local APIC"
                  --expect "test: boot reached the end of kmain"
                  --reject ".*Kernel panic.*" --reject "APIC: .*" --exit pass)
breenix_boot_test(boot.irq.ktest.pic.no_apic_cpu.bios 120
                  --firmware bios --cpu qemu64,-apic --cmdline "console=ttyS0 test=ktest ktest=${IRQ_KTESTS}"
                  --expect "IRQ: using the 8259 PIC: the CPU has no local APIC" ${IRQ_KTEST_PASS})

# nolapic: the local APIC switched off, the 8259 drives INTR (under OVMF too).
breenix_boot_test(boot.irq.ktest.pic.nolapic.uefi 120
                  --firmware uefi --cmdline "console=ttyS0 test=ktest nolapic ktest=${IRQ_KTESTS}"
                  --expect "IRQ: using the 8259 PIC: nolapic" ${IRQ_KTEST_PASS})

# No ACPI, or noapic: the 8259 through the local APIC's LINT0 (virtual wire),
# the local APIC still there for its timer and IPIs.
breenix_boot_test(boot.irq.ktest.virtual_wire.acpi_off.bios 120
                  --firmware bios --cmdline "console=ttyS0 test=ktest acpi=off ktest=${IRQ_KTESTS}"
                  --expect "ACPI: disabled by acpi=off"
                  --expect "APIC: local APIC id 0 at 0xfee00000, .*LINT0 ExtINT \\(8259 virtual wire\\)"
                  --expect "IRQ: using the 8259 PIC through the local APIC \\(virtual wire\\): no MADT"
                  ${IRQ_KTEST_PASS})
breenix_boot_test(boot.irq.ktest.virtual_wire.noapic.uefi 120
                  --firmware uefi --cmdline "console=ttyS0 test=ktest noapic ktest=${IRQ_KTESTS}"
                  --expect "IRQ: using the 8259 PIC through the local APIC \\(virtual wire\\): noapic"
                  ${IRQ_KTEST_PASS})
