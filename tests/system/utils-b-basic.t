# The utilities work on files in /tmp/ub
  $ mkdir -p /tmp/ub && cd /tmp/ub
# true and false ignore their arguments
  $ env true x y; echo $?
  0
  $ env false --x; echo $?
  1
  $ env true --help
  usage: true [ignored command line arguments]
# echo: -n, -e escapes, -E, and what is not an option
  $ env echo hello   world
  hello world
  $ env echo -n abc; echo
  abc
  $ env echo -e 'a\tb\x41\101\0102c\\'
  a	bAABc\
  $ env echo -e 'one\ctwo'; echo
  one
  $ env echo -E 'a\tb'
  a\tb
  $ env echo -nx -- a
  -nx -- a
  $ env echo --help
  usage: echo [-neE] [STRING]...
# yes stops when the reader goes away
  $ yes | head -n 3
  y
  y
  y
  $ yes a b | head -n 2
  a b
  a b
  $ yes -x; echo $?
  yes: invalid option -- 'x'
  usage: yes [STRING]...
  1
# basename and dirname
  $ basename /usr/lib/libc.a .a
  libc
  $ basename -a /x/y/ z// /
  y
  z
  /
  $ basename -s .c a.c b/c.c d.h
  a
  c
  d.h
  $ basename; echo $?
  basename: missing operand
  usage: basename NAME [SUFFIX] | -a [-z] [-s SUFFIX] NAME...
  1
  $ basename a b c; echo $?
  basename: extra operand 'c'
  usage: basename NAME [SUFFIX] | -a [-z] [-s SUFFIX] NAME...
  1
  $ dirname /usr/lib/ a/b c / //x
  /usr
  a
  .
  /
  /
  $ dirname; echo $?
  dirname: missing operand
  usage: dirname [-z] NAME...
  1
# sleep: fractions, units and sums
  $ sleep 0.1 .1s 0m; echo $?
  0
  $ sleep; echo $?
  sleep: missing operand
  usage: sleep NUMBER[s|m|h|d]...
  1
  $ sleep 1x; echo $?
  sleep: invalid time interval '1x'
  usage: sleep NUMBER[s|m|h|d]...
  1
# env
  $ env -i A=1 B=two env
  A=1
  B=two
  $ env -i X=1 sh -c 'echo $X'
  1
  $ A=1 env -u A env | grep -c '^A='
  0
  $ env -i nosuchcmd; echo $?
  env: nosuchcmd: No such file or directory
  127
  $ env /; echo $?
  env: /: Permission denied
  126
  $ env -x; echo $?
  env: invalid option -- 'x'
  usage: env [-i0] [-u NAME]... [-] [NAME=VALUE]... [COMMAND [ARG]...]
  125
# which
  $ mkdir bin && env echo '#!/bin/sh' > bin/prog && chmod +x bin/prog && PATH=$PWD/bin:$PATH which prog
  /tmp/ub/bin/prog
  $ which sed; which -a nosuchprogram sed | head -n 1; which nosuchprogram; echo $?
  */sed (glob)
  */sed (glob)
  1
  $ which ./bin/prog bin/nothing; echo $?
  ./bin/prog
  1
  $ which; echo $?
  which: missing operand
  usage: which [-a] NAME...
  2
# uname
  $ uname -s
  Breenix|Linux (re)
  $ uname -m
  x86_64
  $ test "$(uname -a)" = "$(uname -snrvmo)"; echo $?
  0
  $ uname x; echo $?
  uname: extra operand 'x'
  usage: uname [-asnrvmpio]
  1
# date
  $ date -u -d @0
  Thu Jan  1 00:00:00 UTC 1970
  $ date -u -d @1000000000 '+%Y-%m-%d %H:%M:%S %j %a %%'
  2001-09-09 01:46:40 252 Sun %
  $ date -d @86399 +%T
  23:59:59
  $ date -d yesterday; echo $?
  date: invalid date 'yesterday' (only @SECONDS is understood)
  1
  $ date -u 0101; echo $?
  date: setting the date is not supported: '0101'
  1
  $ touch f; date -r f +%Y | grep -c '^20[0-9][0-9]$'
  1
  $ date -u +%Y | grep -c '^20[0-9][0-9]$'
  1
