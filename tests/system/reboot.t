reboot: init syncs and restarts the machine. QEMU runs with -no-reboot, so a
restart ends it (with status 0), as poweroff does.

  $ reboot
  
  init: the system is going down for reboot
  reboot: Restarting system
