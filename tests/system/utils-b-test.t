# The utilities work on files in /tmp/ub
  $ mkdir -p /tmp/ub && cd /tmp/ub
# test and [: the argument-count rules
  $ env test; echo $?
  1
  $ env test ''; echo $?
  1
  $ env test x; echo $?
  0
  $ env test ! x; echo $?
  1
  $ env test -n ''; echo $?
  1
  $ env test -z ''; echo $?
  0
  $ env test = =; echo $?
  test: '=': unary operator expected
  2
  $ env test ! = x; echo $?
  1
  $ env test '(' x ')'; echo $?
  0
  $ env test ! '(' '' ')'; echo $?
  0
# files
  $ touch file; mkdir dir; ln -s file link; env test -e file && env test -f file && env test -d dir && env test -L link && env test -h link && env test -c /dev/null; echo $?
  0
  $ env test -f dir; echo $?
  1
  $ env test -s file; echo $?
  1
  $ echo x > file; env test -s file; echo $?
  0
  $ env test -e nosuch; echo $?
  1
  $ env test -r file -a -w file; echo $?
  0
  $ chmod 755 file; env test -x file; echo $?
  0
  $ chmod 4755 file; env test -u file; echo $?
  0
  $ env test -g file -o -k file; echo $?
  1
  $ env test file -ef link; echo $?
  0
  $ env test -t 9; echo $?
  1
# strings and integers
  $ env test abc = abc; echo $?
  0
  $ env test abc != abc; echo $?
  1
  $ env test a '<' b; echo $?
  0
  $ env test 10 -gt 9; echo $?
  0
  $ env test -5 -lt -4; echo $?
  0
  $ env test 3 -le 3 -a 4 -ge 5; echo $?
  1
  $ env test 1 -eq 2 -o 2 -ne 3; echo $?
  0
  $ env test ! 1 -eq 1 -o '(' a = a -a b = b ')'; echo $?
  0
  $ env test x -eq 1; echo $?
  test: invalid integer 'x'
  2
  $ env test -f a b; echo $?
  test: 'a': binary operator expected
  2
  $ env test a b c d e; echo $?
  test: extra argument 'b'
  2
# [ needs its ]
  $ env [ a = a ]; echo $?
  0
  $ env [ a = b ]; echo $?
  1
  $ env [ a = a; echo $?
  [: missing ']'
  2
  $ env [ ]; echo $?
  1
  $ env [ --help
  usage: [ EXPRESSION | [ EXPRESSION ]
