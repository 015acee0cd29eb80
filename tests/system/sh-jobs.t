Background jobs: the notice when one starts, jobs, wait, fg, kill and the
Done notice at the next prompt.

  $ sleep 1 &
  \[1\] \d+ (re)
  $ jobs
  [1]+  Running                 sleep 1 &
  $ wait; echo waited $?
  waited 0
  $ sleep 1 &
  \[1\] \d+ (re)
  $ fg
  sleep 1
  $ fg
  sh: fg: %%: no such job
  $ sh -c 'exit 4' &
  \[1\] \d+ (re)
  $ wait $!; echo $?
  4
  $ sleep 0 &
  \[1\] \d+ (re)
  $ sleep 1
  [1]+  Done                    sleep 0
  $ kill -l 9; kill -s BOGUS 1
  KILL
  sh: kill: BOGUS: invalid signal specification
  $ bg
  sh: bg: %%: no such job
