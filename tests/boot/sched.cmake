# The scheduler's ktests where the tick is PIT channel 0 on IRQ 0, an
# 8259 line acknowledged after its handler, and the CPU (qemu64) has no
# XSAVE, so task switches save the FPU with FXSAVE.
set(SCHED_KTESTS sched_kthreads_no_leak,sched_producer_consumer,sched_preemption,sched_timers_order,sched_timer_del_and_timeout,sched_mutex_contention,sched_fpu_state_switched,sched_nice_share)

breenix_boot_test(boot.sched.no_apic 120
                  --firmware bios --mem 256 --cpu qemu64,-apic
                  --cmdline "console=ttyS0 test=ktest ktest=${SCHED_KTESTS}"
                  --expect "fpu: FXSAVE, 512-byte state"
                  --expect "ktest: 8 passed, 0 failed"
                  --reject ".*Kernel panic.*" --reject "ktest: .*: FAIL" --exit pass)

# An ordinary boot: kmain's boot task exits and CPU 0's idle task halts
# between ticks, with interrupts on, from then on.
breenix_boot_test(boot.sched.idle.bios 60
                  --firmware bios --mem 256 --cmdline "console=ttyS0"
                  --expect "sched: CFS run queue on CPU 0, 1000 Hz tick"
                  --expect "sched: boot task done, CPU 0 to the idle task"
                  --reject ".*Kernel panic.*" --exit halt)
