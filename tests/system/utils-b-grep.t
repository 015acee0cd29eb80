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
  usage: grep [-aEFGHhIiLlnoqRrsvwx] [-m NUM] [-A NUM] [-B NUM] [-C NUM] [-e PATTERN]... [-f FILE]... [PATTERN] [FILE]...
  2
  $ grep -z foo g; echo $?
  grep: invalid option -- 'z'
  usage: grep [-aEFGHhIiLlnoqRrsvwx] [-m NUM] [-A NUM] [-B NUM] [-C NUM] [-e PATTERN]... [-f FILE]... [PATTERN] [FILE]...
  2
  $ grep -c '^root:' /etc/passwd; grep -n x /nonexistent; echo $?
  1
  grep: /nonexistent: No such file or directory
  2
  $ mkdir -p d/e && echo foo > d/e/f && echo no > d/g && grep -r foo d
  d/e/f:foo
  $ grep foo g -c
  2
# context: -A -B -C -NUM, "--" between groups and files, -m, -o, -v
  $ env echo -ne '1\n2 x\n3\n4\n5\n6 x\n7\n8\n9\n10\n11 x\n12 x\n13\n' > c; grep -n -C1 x c
  1-1
  2:2 x
  3-3
  --
  5-5
  6:6 x
  7-7
  --
  10-10
  11:11 x
  12:12 x
  13-13
  $ grep -A1 -m2 x c
  2 x
  3
  --
  6 x
  7
  $ grep -B2 x c h
  c-1
  c:2 x
  --
  c-4
  c-5
  c:6 x
  --
  c-9
  c-10
  c:11 x
  c:12 x
  --
  h:x
  $ grep -2 -n 6 c
  4-4
  5-5
  6:6 x
  7-7
  8-8
  $ grep -A0 x c
  2 x
  --
  6 x
  --
  11 x
  12 x
  $ grep -o -C1 x c
  x
  --
  x
  --
  x
  x
  $ grep -A 5 -m1 -n x c
  2:2 x
  3-3
  4-4
  5-5
  6-6 x
  7-7
  $ grep -vn -A1 '[0-9]' c; echo $?
  1
  $ grep -A1 -C3 -n 12 c
  9-9
  10-10
  11-11 x
  12:12 x
  13-13
  $ grep -c -C1 x c; grep -A x x c; echo $?; grep -C -1 x c; echo $?
  4
  grep: x: invalid context length argument
  2
  grep: -1: invalid context length argument
  2
  $ grep -m x x c; echo $?
  grep: invalid max count
  2
# -r skips symbolic links inside the tree, -R follows them; no operand: "."
  $ mkdir -p rt/sub && echo x > rt/sub/f && ln -s sub/f rt/lf && ln -s sub rt/ld && echo x > rt/g; cd rt; grep -r x | sort
  g:x
  sub/f:x
  $ grep -R x | sort
  g:x
  ld/f:x
  lf:x
  sub/f:x
  $ grep -r x lf ld | sort; cd ..
  ld/f:x
  lf:x
# a reader that goes away ends grep (SIGPIPE)
  $ (yes | grep y; echo "grep: $?" >&2) | head -n 1
  y
  grep: 141
# a file with a NUL byte is binary: NULs end lines, a match is only reported; -a reads it as text, -I skips it
  $ env printf 'abc\000def\nxyz abc\n' > bin; grep abc bin; echo $?; grep -c abc bin; grep -v abc bin; grep -n xyz bin g
  grep: bin: binary file matches
  0
  2
  grep: bin: binary file matches
  grep: bin: binary file matches
  $ grep -a abc bin | od -c | head -n 1; grep -I abc bin; echo $?; grep -l abc bin; grep -I -L abc bin
  0000000   a   b   c  \0   d   e   f  \n   x   y   z       a   b   c  \n
  1
  bin
  bin
