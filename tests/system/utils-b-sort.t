# The utilities work on files in /tmp/ub
  $ mkdir -p /tmp/ub && cd /tmp/ub
# uniq
  $ env echo -ne 'a\na\nb\nA\na\nc\nc\n' > u; uniq u
  a
  b
  A
  a
  c
  $ uniq -c u
        2 a
        1 b
        1 A
        1 a
        2 c
  $ uniq -d u
  a
  c
  $ uniq -u u
  b
  A
  a
  $ uniq -i -c u
        2 a
        1 b
        2 A
        2 c
  $ env echo -ne 'x 1\ny 1\nz 2\n' | uniq -f 1
  x 1
  z 2
  $ uniq u out && cat out
  a
  b
  A
  a
  c
  $ uniq nosuch; echo $?
  uniq: nosuch: No such file or directory
  1
  $ env echo -ne 'b\na\nb\n' | sort | uniq -c
        1 a
        2 b
# tr
  $ echo hello | tr a-z A-Z
  HELLO
  $ echo 'Hello World' | tr '[:upper:]' '[:lower:]'
  hello world
  $ echo 'a  b   c' | tr -s ' '
  a b c
  $ echo 'a1b2c3' | tr -d '[:digit:]'
  abc
  $ echo 'a1b2c3' | tr -cd '[:digit:]\n'
  123
  $ echo abcdef | tr a-f 'x[y*]z'
  xyyyyz
  $ env echo -ne 'a\tb\n' | tr '\t' ' '
  a b
  $ echo hello | tr; echo $?
  tr: missing operand
  usage: tr [-cCds] SET1 [SET2]
  1
  $ echo hello | tr z-a x; echo $?
  tr: range-endpoints of 'z-a' are in reverse collating sequence order
  1
  $ echo hello | tr '[:nope:]' x; echo $?
  tr: invalid character class 'nope'
  1
# sort
  $ env echo -ne 'b\nc\na\nB\n' | sort
  B
  a
  b
  c
  $ env echo -ne 'b\nc\na\nB\n' | sort -r
  c
  b
  a
  B
  $ env echo -ne 'b\nc\na\nB\nb\n' | sort -f -u
  a
  b
  c
  $ env echo -ne '10\n9\n-1\n1.5\n0\n' | sort -n
  -1
  0
  1.5
  9
  10
  $ env echo -ne '10\n9\n-1\n1.5\n0\n' | sort -nr
  10
  9
  1.5
  0
  -1
  $ env echo -ne 'x:3\ny:10\nz:2\n' | sort -t: -k2n
  z:2
  x:3
  y:10
  $ env echo -ne 'a 2 x\nb 1 y\nc 2 a\n' | sort -k2,2 -k3
  b 1 y
  c 2 a
  a 2 x
  $ env echo -ne 'a 2\nb 1\nc 2\n' | sort -s -k2,2
  b 1
  a 2
  c 2
  $ env echo -ne '  b\na\n' | sort -b
  a
    b
  $ env echo -ne 'c\na\nb\n' > s; sort -o s s; cat s
  a
  b
  c
  $ sort -c s; echo $?
  0
  $ env echo -ne 'b\na\n' | sort -c; echo $?
  sort: -:2: disorder: a
  1
  $ sort nosuch; echo $?
  sort: nosuch: No such file or directory
  2
  $ sort -k 0 s; echo $?
  sort: field number is zero: invalid field specification '0'
  2
  $ sort -t ab s; echo $?
  sort: multi-character tab 'ab'
  2
