GNU long options of the utilities, host only (the system tests' utils-b-basic.t
has cli.c's own cases)
  $ printf 'b\na\nc\n' > lo; sort --reverse lo
  c
  b
  a
  $ date --utc --date=@0 --iso-8601=minutes; date --universal --date @0 --iso-8601
  1970-01-01T00:00+00:00
  1970-01-01
  $ date -u -d @0 --iso-8601=x; echo $?
  date: invalid argument 'x' for '--iso-8601'
  Valid arguments are:
    - 'hours'
    - 'minutes'
    - 'date'
    - 'seconds'
    - 'ns'
  usage: date [-Ru] [-d STRING | -r FILE | -s STRING] [-I[TIMESPEC]] [+FORMAT | MMDDhhmm[[CC]YY][.ss]]
  1
  $ date -u -d @0 --iso-8601=; echo $?
  date: ambiguous argument '' for '--iso-8601'
  Valid arguments are:
    - 'hours'
    - 'minutes'
    - 'date'
    - 'seconds'
    - 'ns'
  usage: date [-Ru] [-d STRING | -r FILE | -s STRING] [-I[TIMESPEC]] [+FORMAT | MMDDhhmm[[CC]YY][.ss]]
  1
  $ A=1 env --unset=A --ignore-env B=1 env
  B=1
  $ grep --invert-match --regexp=a lo; grep --count --ignore-case A lo
  b
  c
  1
  $ grep -e --lines lo; echo $?
  1
  $ grep --co a lo; echo $?
  grep: option '--co' is ambiguous; possibilities: '--count' '--context'
  usage: grep [-aEFGHhIiLlnoqRrsvwx] [-m NUM] [-A NUM] [-B NUM] [-C NUM] [-e PATTERN]... [-f FILE]... [PATTERN] [FILE]...
  2
  $ tail --follow=x lo; echo $?
  tail: invalid argument 'x' for '--follow'
  Valid arguments are:
    - 'descriptor'
    - 'name'
  usage: tail [-fFqv] [-s SECONDS] [-n [+]LINES | -c [+]BYTES | -LINES] [FILE]...
  1
  $ sort --check lo; echo $?
  sort: lo:2: disorder: a
  1
  $ sort --check=quiet lo; echo $?
  1
  $ sort --check=s lo; echo $?
  1
  $ sort --check=diag lo; echo $?
  sort: lo:2: disorder: a
  1
  $ sort --check=x lo; echo $?
  sort: invalid argument 'x' for '--check'
  Valid arguments are:
    - 'quiet', 'silent'
    - 'diagnose-first'
  usage: sort [-bcCdfimnrsu] [-k F[.C][OPTS][,F[.C][OPTS]]]... [-t SEP] [-o FILE] [FILE]...
  2
  $ printf 'a:b\n' | cut --fields=2 --delimiter=:
  b
  $ printf 'abc\n' | tr --delete b
  ac
  $ basename --suffix=.c /a/b.c; dirname --zero /a/b | tr '\0' @; echo
  b
  /a@
  $ uname --k; echo $?
  uname: option '--k' is ambiguous; possibilities: '--kernel-name' '--kernel-release' '--kernel-version'
  usage: uname [-asnrvmpio]
  1
  $ printf 'a\na\nb\n' | uniq --count --skip-chars=0
        2 a
        1 b
  $ printf 'a b\n' | xargs --max-args=1 --verbose echo
  echo a
  a
  echo b
  b
  $ sleep --version; yes --version; env --vers
  sleep (Breenix) 0.1.0
  yes (Breenix) 0.1.0
  env (Breenix) 0.1.0
# printf, echo, true and [ take --help and --version only as their sole argument
  $ env printf --version; env echo --version x; env true --version; env [ --version; env test --version; echo $?
  printf (Breenix) 0.1.0
  --version x
  true (Breenix) 0.1.0
  [ (Breenix) 0.1.0
  0
