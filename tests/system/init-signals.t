init takes signals as BusyBox's init does: SIGINT (which Ctrl-Alt-Del sends,
see system.fbcon) and SIGTERM reboot, SIGUSR1 halts, SIGUSR2 powers off, each
after ending every process and syncing. Other signals leave it alone; PID 1
cannot be killed.

  $ kill -KILL 1; kill -HUP 1; kill -QUIT 1; sleep 1; cat /proc/1/comm
  init

The shell waits in `read`: it ignores init's SIGTERM, as an interactive shell
does, and ends with the SIGKILL that follows.

  $ kill -USR2 1; read line
  
  init: the system is going down for power-off
  reboot: Power down
