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
  $ date -u -d '2026-11-25'; date -u -d '2026-11-25 10:00:30'; date -u -d 2026-11-25T10:00
  Wed Nov 25 00:00:00 UTC 2026
  Wed Nov 25 10:00:30 UTC 2026
  Wed Nov 25 10:00:00 UTC 2026
  $ date -u -d '2026-11-25T10:00:00+01:00' -Iseconds; date -u -d '2026-11-25 10:00Z' -R
  2026-11-25T09:00:00+00:00
  Wed, 25 Nov 2026 10:00:00 +0000
  $ date -u -d '2026-11-25 +3 days' +%F; date -u -d '2026-11-25 3 days ago' +%F; date -u -d '2026-01-31 1 month' +%F
  2026-11-28
  2026-11-22
  2026-03-03
  $ date -u -d '2026-11-25 1 hour ago' '+%F %T'; date -u -d '2026-11-25 next week' +%F; date -u -d 'Nov 25 2026 10pm' '+%F %T'
  2026-11-24 23:00:00
  2026-12-02
  2026-11-25 22:00:00
  $ date -u -d '25 Nov 2026' +%F; date -u -d '11/25/2026 tomorrow' '+%F %a'; date -u -d 10:00 +%T
  2026-11-25
  2026-11-26 Thu
  10:00:00
  $ echo $(( ($(date -u +%s) - $(date -u -d yesterday +%s) + 30) / 60 )) $(( ($(date -u -d tomorrow +%s) - $(date -u -d now +%s) + 30) / 60 )) $(( ($(date -u -d today +%s) - $(date -u +%s) + 30) / 60 ))
  1440 1440 0
  $ date -u -d 'next monday' '+%a %T'; date -u -d 'last friday' '+%a %T'; echo $(( ($(date -u -d 'next mon' +%s) - $(date -u +%s)) / 86400 ))
  Mon 00:00:00
  Fri 00:00:00
  [0-6] (re)
  $ date -u -d '2026-11-25 1030' '+%F %T'; date -u -d 20261125 +%F; date -u -d 'Wed, 25 Nov 2026 10:00:00 +0100' '+%F %T'; date -u -d '' +%T
  2026-11-25 10:30:00
  2026-11-25
  2026-11-25 09:00:00
  00:00:00
  $ date -d '10:00 10:00'; date -d 'monday friday'; date -d ago; date -d '1 day ago ago'; date -d '25 Nov, 2026'
  date: invalid date '10:00 10:00'
  date: invalid date 'monday friday'
  date: invalid date 'ago'
  date: invalid date '1 day ago ago'
  date: invalid date '25 Nov, 2026'
  $ date -d xyz; echo $?; date -d 2026-13-01; date -d 2026-02-29; date -d 25:00
  date: invalid date 'xyz'
  1
  date: invalid date '2026-13-01'
  date: invalid date '2026-02-29'
  date: invalid date '25:00'
# date: GNU's conversions and flags, -I, -R
  $ date -u -d @1000000000.123456789 '+%N %3N %-d %_H %^a %#Z %10Y %:z %::z %:::z %P %q %s %k %l %-j %e %010d %^B %#p'
  123456789 123 9  1 SUN utc 0000002001 +00:00 +00:00:00 +00 am 3 1000000000  1  1 252  9 0000000009 SEPTEMBER am
  $ date -u -d @0 -I; date -u -d @0 -Ihours; date -u -d @0 -Im; date -u -d @0.5 -Ins; date -u -d @0 -R
  1970-01-01
  1970-01-01T00+00:00
  1970-01-01T00:00+00:00
  1970-01-01T00:00:00,500000000+00:00
  Thu, 01 Jan 1970 00:00:00 +0000
  $ date -Ix; echo $?
  date: invalid argument 'x' for '--iso-8601'
  Valid arguments are:
    - 'hours'
    - 'minutes'
    - 'date'
    - 'seconds'
    - 'ns'
  usage: date [-Ru] [-d STRING | -r FILE | -s STRING] [-I[TIMESPEC]] [+FORMAT | MMDDhhmm[[CC]YY][.ss]]
  1
  $ date -d @0 -r /; echo $?
  date: the options to specify dates for printing are mutually exclusive
  usage: date [-Ru] [-d STRING | -r FILE | -s STRING] [-I[TIMESPEC]] [+FORMAT | MMDDhhmm[[CC]YY][.ss]]
  1
  $ date -u 0101; echo $?
  date: invalid date '0101'
  1
  $ touch f; date -r f +%Y | grep -c '^20[0-9][0-9]$'
  1
  $ date -u +%Y | grep -c '^20[0-9][0-9]$'
  1
# GNU long options (userland/lib/cli.c): --name, a prefix of one, --name=VALUE
# and --name VALUE, among short options and after operands; -- ends them
  $ printf 'b\na\nc\n' > lo; sort lo --rev -u
  c
  b
  a
  $ head --lines=1 lo; head --li 2 lo
  b
  b
  a
  $ head -qn1 --verbose lo
  ==> lo <==
  b
  $ wc --lines --words lo; wc -- --lines; echo $?
  3 3 lo
  wc: --lines: No such file or directory
  1
# an ambiguous prefix, an unknown name, a missing (not the operand before
# it) or an unwanted argument
  $ head --v lo; echo $?
  head: option '--v' is ambiguous; possibilities: '--verbose' '--version'
  usage: head [-qv] [-n [-]LINES | -c [-]BYTES | -LINES] [FILE]...
  1
  $ uniq --s 1 lo; echo $?
  uniq: option '--s' is ambiguous; possibilities: '--skip-fields' '--skip-chars'
  usage: uniq [-c|-d|-u] [-i] [-f N] [-s N] [-w N] [INPUT [OUTPUT]]
  1
  $ wc --bogus=1; echo $?
  wc: unrecognized option '--bogus=1'
  usage: wc [-clmwL] [FILE]...
  1
  $ head lo --lines; echo $?
  head: option '--lines' requires an argument
  usage: head [-qv] [-n [-]LINES | -c [-]BYTES | -LINES] [FILE]...
  1
  $ wc --lines=3 lo; echo $?
  wc: option '--lines' doesn't allow an argument
  usage: wc [-clmwL] [FILE]...
  1
# an optional argument only after "=": sed's script stays an operand
  $ printf 'x\n' > ip; sed --in-place=.bak s/x/y/ ip; sed --in-place s/y/z/ ip; cat ip ip.bak
  z
  x
  $ wc --version
  wc (Breenix) 0.1.0
