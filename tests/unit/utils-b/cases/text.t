# wc: coreutils' columns
  $ printf 'hello world\nfoo\n' > a; printf 'x y z' > b; wc a
   2  3 16 a
  $ wc -l a b
   2 a
   0 b
   2 total
  $ printf 'one two\nthree\n' | wc
        2       3      14
  $ printf 'one two\nthree\n' | wc -w
  3
  $ wc -c -L a
  16 11 a
  $ wc nosuch a; echo $?
  wc: nosuch: No such file or directory
   2  3 16 a
   2  3 16 total
  1
  $ wc -q; echo $?
  wc: invalid option -- 'q'
  usage: wc [-clmwL] [FILE]...
  1
# head
  $ seq 1 12 > n; head n | tr '\n' ' '; echo
  1 2 3 4 5 6 7 8 9 10 
  $ head -n 2 n b
  ==> n <==
  1
  2
  
  ==> b <==
  x y z (no-eol)
  $ head -3 n
  1
  2
  3
  $ head -c 5 a; echo
  hello
  $ { head -n 1; head -n 1; } < n
  1
  2
  $ head -n x n; echo $?
  head: invalid number of lines: 'x'
  1
  $ head nosuch; echo $?
  head: nosuch: No such file or directory
  1
# tail
  $ tail -n 2 n
  11
  12
  $ tail -n +11 n
  11
  12
  $ tail -2 n
  11
  12
  $ tail -c 4 a
  foo
  $ seq 100000 | tail -n 1
  100000
  $ tail -q -n 1 n a
  12
  foo
  $ tail -n 1 n a
  ==> n <==
  12
  
  ==> a <==
  foo
  $ tail -n y n; echo $?
  tail: invalid number of lines: 'y'
  1
# cut
  $ printf 'a:b:c:d\nnone\n1:2\n' > c; cut -d: -f2 c
  b
  none
  2
  $ cut -d: -f1,3- c
  a:c:d
  none
  1
  $ cut -d: -s -f2- c
  b:c:d
  2
  $ echo abcdefgh | cut -c2-4,7-
  bcdgh
  $ echo abcdefgh | cut -b -3
  abc
  $ cut -f1 -c1 c; echo $?
  cut: only one list may be specified
  usage: cut -b LIST | -c LIST | -f LIST [-d DELIM] [-s] [FILE]...
  1
  $ cut c; echo $?
  cut: you must specify a list of bytes, characters, or fields
  usage: cut -b LIST | -c LIST | -f LIST [-d DELIM] [-s] [FILE]...
  1
  $ cut -c0 c; echo $?
  cut: byte/character positions are numbered from 1, not in '0'
  usage: cut -b LIST | -c LIST | -f LIST [-d DELIM] [-s] [FILE]...
  1
  $ cut -c3-1 c; echo $?
  cut: invalid decreasing range '3-1'
  usage: cut -b LIST | -c LIST | -f LIST [-d DELIM] [-s] [FILE]...
  1
  $ cut -d ab -f1 c; echo $?
  cut: the delimiter must be a single character
  usage: cut -b LIST | -c LIST | -f LIST [-d DELIM] [-s] [FILE]...
  1
# uniq
  $ printf 'a\na\nb\nA\na\nc\nc\n' > u; uniq u
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
  $ printf 'x 1\ny 1\nz 2\n' | uniq -f 1
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
  $ printf 'b\na\nb\n' | sort | uniq -c
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
  $ printf 'a\tb\n' | tr '\t' ' '
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
  $ printf 'b\nc\na\nB\n' | sort
  B
  a
  b
  c
  $ printf 'b\nc\na\nB\n' | sort -r
  c
  b
  a
  B
  $ printf 'b\nc\na\nB\nb\n' | sort -f -u
  a
  b
  c
  $ printf '10\n9\n-1\n1.5\n0\n' | sort -n
  -1
  0
  1.5
  9
  10
  $ printf '10\n9\n-1\n1.5\n0\n' | sort -nr
  10
  9
  1.5
  0
  -1
  $ printf 'x:3\ny:10\nz:2\n' | sort -t: -k2n
  z:2
  x:3
  y:10
  $ printf 'a 2 x\nb 1 y\nc 2 a\n' | sort -k2,2 -k3
  b 1 y
  c 2 a
  a 2 x
  $ printf 'a 2\nb 1\nc 2\n' | sort -s -k2,2
  b 1
  a 2
  c 2
  $ printf '  b\na\n' | sort -b
  a
    b
  $ printf 'c\na\nb\n' > s; sort -o s s; cat s
  a
  b
  c
  $ sort -c s; echo $?
  0
  $ printf 'b\na\n' | sort -c; echo $?
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
tail -f follows appended data and starts over when the file is truncated
  $ printf 'x\n' > tf; tail -s 0.1 -f tf > out 2>&1 & pid=$!; sleep 0.5; echo y >> tf; sleep 0.5; : > tf; sleep 0.5; echo z >> tf; sleep 0.5; kill $pid; cat out
  x
  y
  tail: tf: file truncated
  z
