# The utilities work on files in /tmp/ub
  $ mkdir -p /tmp/ub && cd /tmp/ub
# wc: coreutils' columns
  $ env echo -ne 'hello world\nfoo\n' > a; env echo -ne 'x y z' > b; wc a
   2  3 16 a
  $ wc -l a b
   2 a
   0 b
   2 total
  $ env echo -ne 'one two\nthree\n' | wc
        2       3      14
  $ env echo -ne 'one two\nthree\n' | wc -w
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
  $ env echo -e '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12' > n; head n | tr '\n' ' '; echo
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
  head: cannot open 'nosuch' for reading: No such file or directory
  1
  $ head -n -10 n
  1
  2
  $ env echo -ne 'a\nb' | head -n -1
  a
  $ head -c -4 a
  hello world
  $ yes 1234567 | head -n 2000 > big; head -c 1k big | wc -c; head -c 2b big | wc -c; head -c 1kB big | wc -c; head -c 1KiB big | wc -c
  1024
  1024
  1000
  1024
  $ head -c 1x big; echo $?; head -n 1Y big; echo $?
  head: invalid number of bytes: '1x'
  1
  head: invalid number of lines: '1Y': Value too large for defined data type
  1
  $ head -n -x n; head -n +x n; head / >/dev/null; echo $?
  head: invalid number of lines: 'x'
  head: invalid number of lines: '+x'
  head: error reading '/': Is a directory
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
  $ yes 123 | head -n 100000 | tail -n 1
  123
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
  $ tail -c 1k big | wc -c; tail -c +1KiB big | wc -c; tail -n -1 n
  1024
  14977
  12
  $ tail -c 99999999999999999999 n; echo $?; tail -n +1x n; echo $?
  tail: invalid number of bytes: '99999999999999999999': Value too large for defined data type
  1
  tail: invalid number of lines: '+1x'
  1
  $ tail nosuch; echo $?
  tail: cannot open 'nosuch' for reading: No such file or directory
  1
  $ tail -f nosuch; echo $?
  tail: cannot open 'nosuch' for reading: No such file or directory
  tail: no files remaining
  1
  $ tail -f / nosuch; echo $?
  ==> / <==
  tail: error reading '/': Is a directory
  tail: /: cannot follow end of this type of file; giving up on this name
  tail: cannot open 'nosuch' for reading: No such file or directory
  tail: no files remaining
  1
# cut
  $ env echo -ne 'a:b:c:d\nnone\n1:2\n' > c; cut -d: -f2 c
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
