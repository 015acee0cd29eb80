Job control at the serial console, as a person uses it: ^C and ^Z typed while
a command runs, bg, jobs, fg, a background pipeline stopped by SIGTTIN,
kill -STOP and -CONT, and the warning on exit with stopped jobs. The notices
are bash's, to the column.

^C ends a running command and the rest of its command line; $? tells SIGINT.

  $ sleep 100; echo not reached
  $< \x03
  ^C
  $ echo $?
  130

^Z stops it and the prompt comes back; $? is 128 + SIGTSTP, as in bash and
dash. bg lets it run on, fg brings it back, ^C ends it.

  $ sleep 100
  $< \x1a
  ^Z
  [1]+  Stopped                 sleep 100
  $ echo $?
  148
  $ bg
  [1]+ sleep 100 &
  $ jobs
  [1]+  Running                 sleep 100 &
  $ fg
  $< \x03
  sleep 100
  ^C
  $ jobs

A job stopped again after fg keeps its number; a second stopped job becomes
the current one (+), the first the previous one (-).

  $ sleep 100
  $< \x1a
  ^Z
  [1]+  Stopped                 sleep 100
  $ fg %sleep
  $< \x1a
  sleep 100
  ^Z
  [1]+  Stopped                 sleep 100
  $ sleep 200
  $< \x1a
  ^Z
  [2]+  Stopped                 sleep 200
  $ jobs
  [1]-  Stopped                 sleep 100
  [2]+  Stopped                 sleep 200
  $ fg %?100
  $< \x03
  sleep 100
  ^C
  $ kill -9 %2; wait %2; echo $?
  137
  $ jobs

A background pipeline that reads the terminal is stopped by SIGTTIN, both its
processes; fg gives it the terminal.

  $ cat | grep x &
  \[1\] \d+ (re)
  $ sleep 1
  [1]+  Stopped                 cat | grep x
  $ jobs -l
  \[1\]\+ +\d+ Stopped \(tty input\)     cat (re)
   +\d+                       \| grep x (re)
  $ fg
  $< x marks the spot\r
  $< no match here\r
  $< \x04
  cat | grep x
  x marks the spot
  x marks the spot
  no match here

kill -STOP and kill -CONT of a background job, as jobs sees it.

  $ sleep 100 &
  \[1\] \d+ (re)
  $ kill -STOP %1; sleep 1; jobs
  [1]+  Stopped                 sleep 100
  $ kill -CONT %1; sleep 1; jobs
  [1]+  Running                 sleep 100 &
  $ kill %1; wait %1; echo $?
  143

How jobs end, in bash's words: at the next prompt for a background job, at
once for a foreground one.

  $ sh -c 'exit 3' &
  \[1\] \d+ (re)
  $ sleep 1
  [1]+  Exit 3                  sh -c 'exit 3'
  $ sleep 100 &
  \[1\] \d+ (re)
  $ kill -9 %1; sleep 1
  [1]+  Killed                  sleep 100
  $ sh -c 'kill -TERM $$'; echo $?
  Terminated
  143

exit with a stopped job warns once; the next exit leaves, and the job gets
SIGHUP and SIGCONT, so that it ends.

  $ sleep 100
  $< \x1a
  ^Z
  [1]+  Stopped                 sleep 100
  $ exit
  There are stopped jobs.
  $ exit
  Welcome to Breenix, a POSIX operating system for x86_64.
  $ ps -e -o args | grep -c '^sleep 100$'
  0
