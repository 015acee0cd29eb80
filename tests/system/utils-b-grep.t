# The utilities work on files in /tmp/ub
  $ mkdir -p /tmp/ub && cd /tmp/ub
# grep: basic and extended regexes, fixed strings
  $ env echo -ne 'hello world\nfoo bar\nHello again\nfoobar\n\nabc123\n' > g; env echo -ne 'x\nfoo\n' > h; grep foo g
  foo bar
  foobar
  $ grep -n 'o\{2\}' g
  2:foo bar
  4:foobar
  $ grep -E 'o+b|^a' g
  foobar
  abc123
  $ grep 'o+b' g; echo $?
  1
  $ grep -F 'o+b' g; echo $?
  1
  $ grep -i hello g
  hello world
  Hello again
  $ grep -v -c o g
  2
  $ grep -c foo g h
  g:2
  h:1
  $ grep -l foo g h /dev/null
  g
  h
  $ grep -L foo g h /dev/null
  /dev/null
  $ grep -h foo g h
  foo bar
  foobar
  foo
  $ grep -H x h
  h:x
  $ grep -x foobar g
  foobar
  $ grep -w foo g
  foo bar
  $ grep -o '[0-9][0-9]*' g
  123
  $ grep -e hello -e abc g
  hello world
  abc123
  $ env echo -ne 'foo\nabc\n' > pats; grep -f pats g
  foo bar
  foobar
  abc123
  $ grep -m 1 foo g
  foo bar
  $ echo foo | grep foo -
  foo
  $ grep -q foo g; echo $?
  0
  $ grep zzz g; echo $?
  1
  $ grep foo nosuch g; echo $?
  grep: nosuch: No such file or directory
  g:foo bar
  g:foobar
  2
  $ grep -s foo nosuch; echo $?
  2
  $ grep -q foo nosuch g; echo $?
  grep: nosuch: No such file or directory
  0
  $ grep -E 'a(' g 2>/dev/null; echo $?
  2
  $ grep; echo $?
  grep: no pattern given
  usage: grep [-EFGHhiLlnoqrsvwx] [-m NUM] [-e PATTERN]... [-f FILE]... [PATTERN] [FILE]...
  2
  $ grep -z foo g; echo $?
  grep: invalid option -- 'z'
  usage: grep [-EFGHhiLlnoqrsvwx] [-m NUM] [-e PATTERN]... [-f FILE]... [PATTERN] [FILE]...
  2
  $ grep -c '^root:' /etc/passwd; grep -n x /nonexistent; echo $?
  1
  grep: /nonexistent: No such file or directory
  2
  $ mkdir -p d/e && echo foo > d/e/f && echo no > d/g && grep -r foo d
  d/e/f:foo
  $ grep foo g -c
  2
