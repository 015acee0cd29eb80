Every builtin, with a normal and an error case.

  $ cd /tmp && pwd; cd /nonexistent; echo $?
  /tmp
  sh: cd: /nonexistent: No such file or directory
  1
  $ cd /; cd - && cd; pwd
  /tmp
  /.* (re)
  $ cd /; echo -n a; echo b; echo -e 'x\ty'
  ab
  x	y
  $ export V=1; sh -c 'echo $V'; export 1bad; echo $?
  1
  sh: export: 1bad: bad variable name
  1
  $ W=1; unset W; echo "[$W]"; readonly RO=1; unset RO; echo $?
  []
  sh: unset: RO: is read only
  1
  $ set -- a b c; shift 2; echo $1 $#; shift 5; echo $?
  c 1
  sh: shift: can't shift that many
  1
  $ set -o | grep errexit; set -q; echo $?
  errexit         off
  sh: set: -q: invalid option
  2
  $ echo 'x y z' | { read a b; echo "$a|$b"; }; read v < /dev/null; echo $?
  x|y z
  1
  $ test 2 -gt 1; echo $?; [ abc = abd ]; echo $?; [ 1 -eq x ]; echo $?
  0
  1
  sh: [: invalid integer 'x'
  2
  $ [ -d / ]; echo $?; [ -f /nonexistent ]; echo $?; [ missing; echo $?
  0
  1
  sh: [: missing ']'
  2
  $ true; echo $?; false; echo $?; :; echo $?
  0
  1
  0
  $ (exec echo replaced); (exec nonexistent-prog); echo $?
  replaced
  sh: nonexistent-prog: not found
  127
  $ echo 'echo sourced $1' > /tmp/dot.sh; . /tmp/dot.sh arg; source /tmp/dot.sh; . /tmp/no.sh
  sourced arg
  sourced c
  sh: .: /tmp/no.sh: No such file or directory
An alias takes effect from the next line read, as in dash and bash (the
whole line was parsed before alias ran).

  $ alias hi='echo hello'; hi
  sh: hi: not found
  $ hi; alias hi; unalias hi; hi
  hello
  hi='echo hello'
  hello
  $ hi
  sh: hi: not found
  $ unalias nope
  sh: unalias: nope: not found
  $ type cd ls nosuch
  cd is a shell builtin
  ls is /bin/ls
  sh: type: nosuch: not found
  $ umask 022; umask; umask 99; echo $?
  0022
  sh: umask: 99: invalid mode
  1
  $ eval 'e=1; echo eval $e'; f() { return 5; }; f; echo $?
  eval 1
  5
  $ for i in 1 2 3; do [ $i = 2 ] && continue; [ $i = 3 ] && break; echo $i; done
  1
  $ command -v echo; command nosuch
  echo
  sh: nosuch: not found
  $ (exit foo); echo $?
  sh: exit: foo: numeric argument required
  2
  $ (exit 3); echo $?
  3
