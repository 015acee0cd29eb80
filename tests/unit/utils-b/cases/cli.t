The command line every utility shares (userland/lib/cli.c) and what only
the host can show: printf's bytes and a write error on /dev/full
  $ env printf '%b%c|\0|\n' 'a\0b' '' | od -c | head -n 1
  0000000   a  \0   b  \0   |  \0   |  \n
  $ env printf '%s\n' x > /dev/full; echo $?
  printf: write error: No space left on device
  1
  $ wc -l /dev/null > /dev/full; echo $?
  wc: write error: No space left on device
  1
  $ env printf '%*d\n' 99999999999 1; echo $?
  printf: invalid field width: '99999999999'
  1
  $ env printf '%.*d\n' x 1; echo $?
  printf: 'x': expected a numeric value
  1
  1
  $ env printf '\x' ; echo $?
  printf: missing hexadecimal number in escape
  1
--help anywhere among the options, after the operands too where options
are permuted, but not as an option's argument or after the operands of
one that does not permute
  $ wc /dev/null --help
  usage: wc [-clmwL] [FILE]...
  $ printf 'a\n' | grep -e --help; echo $?
  1
  $ env --help x
  usage: env [-i0] [-u NAME]... [-] [NAME=VALUE]... [COMMAND [ARG]...]
  $ env printf '%s\n' --help
  --help
  $ wc -- --help; echo $?
  wc: --help: No such file or directory
  1
Options after operands, and getopt's words for a bad or incomplete option
  $ printf 'a\nb\n' > f; head f -n 1
  a
  $ head -n; echo $?
  head: option requires an argument -- 'n'
  usage: head [-qv] [-n [-]LINES | -c [-]BYTES | -LINES] [FILE]...
  1
  $ head f -n; echo $?
  head: option requires an argument -- 'n'
  usage: head [-qv] [-n [-]LINES | -c [-]BYTES | -LINES] [FILE]...
  1
  $ uniq -z; echo $?
  uniq: invalid option -- 'z'
  usage: uniq [-c|-d|-u] [-i] [-f N] [-s N] [-w N] [INPUT [OUTPUT]]
  1
  $ POSIXLY_CORRECT=1 wc -l f -c; echo $?
  2 f
  wc: -c: No such file or directory
  2 total
  1
