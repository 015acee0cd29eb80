The system's state: ps, kill, id, whoami, free, uptime, dmesg, mount,
umount, sync, clear (helper utils-a). kill ends a background sleep; init
takes no signal it has no handler for, as on Linux.

  $ ps | head -1
    PID TTY          TIME CMD
  $ ps | grep -q ' sh$' && echo yes
  yes
  $ ps -ef | head -2
  UID        PID  PPID  C STIME TTY          TIME CMD
  root         1     0 * (glob)
  $ ps -e -o pid,comm | head -2
    PID COMMAND
      1 init
  $ /bin/kill -l | head -1
  HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT
  $ /bin/kill -l 9; /bin/kill -l TERM; /bin/kill -l 143
  KILL
  15
  TERM
  $ /bin/kill -s NOPE 1; echo $?
  kill: unknown signal name NOPE
  1
  $ /bin/kill -9 1; echo $?
  0
  $ /bin/kill 99999; echo $?
  kill: (99999): No such process
  1
  $ sleep 100 &
  \[1\] [0-9]+ (re)
  $ /bin/kill $!; wait $!; echo $?
  143
  $ /bin/kill -s TERM $$ 2>/dev/null; echo alive
  alive
  $ id
  uid=0(root) gid=0(root) groups=0(root)
  $ id -un; id -g; whoami
  root
  0
  root
  $ id nobody-here; echo $?
  id: 'nobody-here': no such user
  1
  $ free | head -1
                 total        used        free      shared  buff/cache   available
  $ free -m | sed -n '2s/ .*//p;3s/ .*//p'
  Mem:
  Swap:
  $ uptime
   ??:??:?? up *,  0 user,  load average: *, *, * (glob)
  $ dmesg | head -1
  \[ +0\.\d{6}\] .* (re)
  $ mount | grep ' /proc '
  proc on /proc type proc (*) (glob)
  $ mkdir /tmp/m && mount -t tmpfs none /tmp/m && touch /tmp/m/x && ls /tmp/m && umount /tmp/m && ls /tmp/m | wc -l
  x
  0
  $ umount /tmp/m; echo $?
  umount: /tmp/m: not mounted
  32
  $ mount -t tmpfs -o ro none /tmp/m; echo $?
  mount: mounting none on /tmp/m: Invalid argument
  32
mv across file systems (EXDEV): a directory in the way goes only if empty
  $ mkdir -p /tmp/mv/d && touch /tmp/mv/d/f && mount -t tmpfs none /tmp/m && mkdir /tmp/m/d && touch /tmp/m/d/keep
  $ mv /tmp/mv/d /tmp/m; echo $?; ls /tmp/m/d; ls /tmp/mv/d
  mv: inter-device move failed: '/tmp/mv/d' to '/tmp/m/d'; unable to remove target: Directory not empty
  1
  keep
  f
  $ rm /tmp/m/d/keep && mv /tmp/mv/d /tmp/m && ls /tmp/m/d && ls /tmp/mv; umount /tmp/m
  f
  $ sync; echo $?
  0
  $ clear | od -c | head -1
  0000000 033   [   H 033   [   2   J 033   [   3   J
