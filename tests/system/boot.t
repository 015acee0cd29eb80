A fresh boot with the default command line: init (process 1) has mounted
/proc and /dev, run /etc/rc, and started a login shell on the serial console
(the harness has seen its prompt). The shell runs as root in root's home,
with the environment init and /etc/profile give it.

  $ cat /proc/1/comm
  init
  $ echo $0 $HOME $USER $LOGNAME $SHELL $TERM
  -sh /root root root /bin/sh vt100
  $ echo $PATH
  /bin:/sbin
  $ pwd
  /root
  $ grep -c -e ' /proc proc ' -e ' /dev devfs ' /proc/mounts
  2

The root tree: /etc's files, and the directories git cannot hold.

  $ ls -1 /etc
  group
  hostname
  initrd.manifest
  motd
  passwd
  profile
  rc
  shadow
  $ cat /etc/hostname
  breenix
  $ grep '^root:' /etc/passwd
  root:x:0:0:root:/root:/bin/sh
  $ ls -ld /tmp /root /run /home/user
  drwxr-xr-x * /home/user (glob)
  drwx------ * /root (glob)
  drwxr-xr-x * /run (glob)
  drwxrwxrwt * /tmp (glob)

init's request channel is a FIFO only root may write.

  $ ls -l /run/initctl
  prw------- * /run/initctl (glob)
