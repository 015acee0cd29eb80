trap at the serial console: EXIT in sh -c and in the interactive shell,
caught and ignored signals, the listing, wait ended by a trapped signal, and
^C ending the shell's own loop.

EXIT runs when sh -c ends, even after its last command, and keeps the status.

  $ sh -c 'trap "echo bye" EXIT; echo hello'
  hello
  bye
  $ sh -c 'trap "echo bye \$?" EXIT; sleep 0; exit 3'; echo $?
  bye 3
  3
  $ sh -c 'trap "echo got TERM; exit 9" TERM; kill $$; echo not reached'; echo $?
  got TERM
  9

A caught signal's action runs after the command; the listing can be typed
back in; trap - resets.

  $ trap 'echo caught INT' int
  $ kill -INT $$; echo after
  caught INT
  after
  $ trap
  trap -- 'echo caught INT' SIGINT
  $ trap - INT; trap

An ignored signal stays ignored in the children, which cannot trap it.

  $ trap '' USR1; sh -c 'trap "echo no" USR1; kill -USR1 $$; echo child lives'
  child lives
  $ trap - USR1

wait ends when a trapped signal comes, with 128 + its number, and then the
action runs; ^C ends a wait and the shell's own loop.

  $ trap 'echo got USR1' USR1
  $ (sleep 1; kill -USR1 $$; sleep 1) & wait; echo $?
  \[1\] \d+ (re)
  got USR1
  138
  $ wait; echo $?
  0
  $ sleep 100 &
  \[1\] \d+ (re)
  $ wait
  $< \x03
  ^C
  $ echo $?
  130
  $ kill %1; wait %1; echo $?
  143
  $ while :; do :; done
  $< \x03
  ^C
  $ echo $?
  130

EXIT runs when the interactive shell exits.

  $ trap 'echo bye' EXIT
  $ exit
  bye
  Welcome to Breenix, a POSIX operating system for x86_64.

A trapped signal that arrives while the shell waits at its prompt runs its
action at once, as bash's: on a line of its own, then the prompt again.

  $ trap 'echo got USR1' USR1; (sleep 0.5; kill -USR1 $$) &
  $< \r
  \[1\] \d+ (re)
  BX_PROMPT1> 
  got USR1
  BX_PROMPT1> BX_PROMPT1> 
  [1]+  Done                    ( sleep 0.5; kill -USR1 $$ )
  $ trap - USR1
