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

jobs -s and -r list the stopped or the running jobs only; disown takes a job
out of the table (it keeps running, and the shell will not signal it), -a
every job.

  $ sleep 30 & p1=$!
  \[1\] \d+ (re)
  $ sleep 40 & p2=$!
  \[2\] \d+ (re)
  $ kill -STOP %1; sleep 1; jobs -s; jobs -r
  \[1\][-+ ]  Stopped +sleep 30 (re)
  \[2\][-+ ]  Running +sleep 40 & (re)
  $ disown %2; jobs; kill -0 $p2 && echo still running
  \[1\][-+ ]  Stopped +sleep 30 (re)
  still running
  $ disown -a; jobs; disown; echo $?
  sh: disown: %%: no such job
  1
  $ kill -KILL $p1 $p2; disown -x
  sh: disown: -x: invalid option
