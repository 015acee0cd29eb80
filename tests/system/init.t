init keeps a shell on the console: ps shows both, and a shell that exits is
replaced by a new login shell (which greets with /etc/motd).

  $ ps > /tmp/ps; grep -c ' init$' /tmp/ps; grep -c ' -*sh$' /tmp/ps
  1
  [1-9] (re)
  $ exit
  Welcome to Breenix, a POSIX operating system for x86_64.
  $ echo $0 $HOME
  -sh /root
  $ cat /proc/1/comm
  init

Leaving it ten times in a row within five seconds makes init hold back for
30 s and say so; that is too slow for this test, so one more exit is enough
to show the respawn goes on.

  $ exit
  Welcome to Breenix, a POSIX operating system for x86_64.

poweroff, reboot and halt ask init; they refuse what they do not know.

  $ poweroff -x; echo $?
  poweroff: invalid option -- 'x'
  usage: poweroff [-f] [-n]
  Ask init to power off the system: it ends every process and syncs first.
    -f  force: sync and power off at once, without init
    -n  with -f: do not sync
  2
  $ reboot --help; echo $?
  usage: reboot [-f] [-n]
  Ask init to reboot the system: it ends every process and syncs first.
    -f  force: sync and reboot at once, without init
    -n  with -f: do not sync
  0
  $ halt now; echo $?
  halt: extra operand 'now'
  usage: halt [-f] [-n]
  Ask init to halt the system: it ends every process and syncs first.
    -f  force: sync and halt at once, without init
    -n  with -f: do not sync
  2

Only root can write init's FIFO, and a message it does not know is refused
with a warning on the console.

  $ echo bogus > /run/initctl; sleep 1
  init: /run/initctl: unknown request 'bogus'

The harness ends the test with poweroff, which must end QEMU.
