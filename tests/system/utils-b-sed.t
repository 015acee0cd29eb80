# The utilities work on files in /tmp/ub
  $ mkdir -p /tmp/ub && cd /tmp/ub
# sed: s with flags, & and groups, any delimiter
  $ echo hello | sed s/l/L/g
  heLLo
  $ env echo -ne 'one\ntwo\nthree\nfour\nfive\n' > f; sed 's/o/0/' f
  0ne
  tw0
  three
  f0ur
  five
  $ sed 's/o/0/2' f
  one
  two
  three
  four
  five
  $ sed -n 's/o/0/gp' f
  0ne
  tw0
  f0ur
  $ sed 's|o|/|g' f
  /ne
  tw/
  three
  f/ur
  five
  $ sed 's/\(t\)\(w\)/\2\1/; s/.*/[&]/' f
  [one]
  [wto]
  [three]
  [four]
  [five]
  $ sed -E 's/(e+)$/<\1>/' f
  on<e>
  two
  thr<ee>
  four
  fiv<e>
  $ echo baaac | sed 's/a*/x/g'
  xbxcx
  $ echo 'a b' | sed 's/ /\n/'
  a
  b
  $ echo Hello | sed 's/h/j/I'
  jello
# addresses, ranges, negation
  $ sed -n '2p' f
  two
  $ sed -n '$p' f
  five
  $ sed '2,4d' f
  one
  five
  $ sed '/two/,/four/d' f
  one
  five
  $ sed -n '/^t/p' f
  two
  three
  $ sed '/o/!d' f
  one
  two
  four
  $ sed -n '2,+1p' f
  two
  three
  $ sed '1~2d' f
  two
  four
# d p q = a i c y, several scripts, blocks, hold space, labels
  $ sed 2q f
  one
  two
  $ sed 3q5 f; echo $?
  one
  two
  three
  5
  $ sed -n '$=' f
  5
  $ sed -e 's/one/1/' -e 's/two/2/' f
  1
  2
  three
  four
  five
  $ sed '2{s/two/2/;p}' f
  one
  2
  2
  three
  four
  five
  $ sed '1!G;h;$!d' f
  five
  four
  three
  two
  one
  $ sed 'N;s/\n/+/' f
  one+two
  three+four
  five
  $ sed '$!N;P;D' f
  one
  two
  three
  four
  five
  $ sed '2i\
  > before two' f
  one
  before two
  two
  three
  four
  five
  $ sed '4a after four' f
  one
  two
  three
  four
  after four
  five
  $ sed '2,4c gone' f
  one
  gone
  five
  $ sed 'y/abcdefghijklmnopqrstuvwxyz/ABCDEFGHIJKLMNOPQRSTUVWXYZ/' f
  ONE
  TWO
  THREE
  FOUR
  FIVE
  $ sed ':a;s/o//;ta' f
  ne
  tw
  three
  fur
  five
  $ env echo -ne 's/one/ONE/\n/five/d\n' > script; sed -f script f
  ONE
  two
  three
  four
  $ env echo -ne 'a' | sed p
  a
  a (no-eol)
# errors
  $ sed 's/a/b' f; echo $?
  sed: -e expression #1, char 5: unterminated `s' command
  1
  $ sed k f; echo $?
  sed: -e expression #1, char 1: unknown command: `k'
  1
  $ sed 's/\(a\)/\2/' f; echo $?
  sed: -e expression #1, char 11: invalid reference \2 on `s' command's RHS
  1
  $ sed 'p;}' f; echo $?
  sed: -e expression #1, char 3: unexpected `}'
  1
  $ sed 'b nowhere' f; echo $?
  sed: can't find label for jump to `nowhere'
  4
  $ sed p nosuch; echo $?
  sed: can't read nosuch: No such file or directory
  2
  $ sed; echo $?
  sed: no script given
  usage: sed [-nErsz] [-i[SUFFIX]] [-l N] [-e SCRIPT]... [-f FILE]... [SCRIPT] [FILE]...
  1
# -i in place (mode kept, backup with a suffix), -s, files r R w W
  $ env echo -ne '1\n2\n3\n' > ia; env echo -ne 'x\ny\n' > ib; chmod 640 ia; sed -i.bak 's/2/X/' ia; ls -l ia ia.bak | cut -c1-10; cat ia ia.bak
  -rw-r-----
  -rw-r-----
  1
  X
  3
  1
  2
  3
  $ sed -i -n '$=' ia ib; cat ia ib; ls -1 ia* ib*
  3
  2
  ia
  ia.bak
  ib
  $ sed -i p nosuch ia; echo $?; cat ia
  sed: can't read nosuch: No such file or directory
  2
  3
  3
  $ mkdir -p idir; sed -i p ia idir; echo $?; echo x | sed -i p; echo $?
  sed: couldn't edit idir: not a regular file
  4
  sed: no input files
  4
  $ env echo -ne '1\n2\n3\n' > ia; cp ia ic; sed -i 2q ia ic; cat ia ic
  1
  2
  1
  2
  3
  $ sed -s -n '$p' ic ib; sed -s 1F ic ib
  3
  2
  ic
  1
  2
  3
  ib
  2
  $ sed '2r ib' ic; sed 'r nosuch' ib
  1
  2
  2
  3
  2
  $ env echo -ne 'x\ny\n' > ib; sed 'R ib' ic
  1
  x
  2
  y
  3
  $ sed -n '/[13]/w iw' ic; cat iw; sed 's/2/X/w iw2' ic > /dev/null; cat iw2; sed -n 'N;W iw3' ic; cat iw3
  1
  3
  X
  1
  $ echo a | sed 's/a/b/w /nonexistent/x'; echo $?; echo a | sed r; echo $?
  sed: couldn't open file /nonexistent/x: No such file or directory
  4
  sed: -e expression #1, char 1: missing filename in r/R/w/W commands
  1
# l, z, 0,/re/, A,~N, -z, s///m, errors as GNU sed
  $ env echo -ne 'a\tb\\c\001\n' | sed -n l; echo abcdef | sed -n 'l 4'
  a\tb\\c\001$
  abc\
  def$
  $ env echo -ne 'x\ny\nx\n' | sed '0,/x/d'; env echo -ne 'x\ny\nx\n' | sed '1,/x/d'
  y
  x
  $ env echo -ne '1\n2\n3\n4\n5\n6\n' | sed -n '2,~4p'; echo a | sed 'z;s/^$/E/'
  2
  3
  4
  E
  $ env echo -ne 'a\0b\0' | sed -z 's/^/>/' | tr '\0' '\n'; env echo -ne 'ab\ncd\n' | sed 'N;s/^c/X/mg'
  >a
  >b
  ab
  Xd
  $ sed 0,5p ic; sed -e p -e '{p' ic; sed 'l x' ic; echo $?
  sed: -e expression #1, char 4: invalid usage of line address 0
  sed: -e expression #2, char 0: unmatched `{'
  sed: -e expression #1, char 3: extra characters after command
  1
  $ echo 's/a' > isc; sed -f isc ic; sed -f nosuch ic; echo $?
  sed: file isc line 1: unterminated `s' command
  sed: couldn't open file nosuch: No such file or directory
  4
# a reader that goes away ends sed (SIGPIPE)
  $ yes | head -n 50000 > ibig; (sed p ibig; echo "sed: $?" >&2) | head -n 1
  y
  sed: 141
# GNU's escapes \t \n in regexes and y, case conversion \U \L \u \l \E
  $ env echo -ne 'a\tb\n' | sed 's/[ \t]/<T>/'; echo 'a b' | sed 'y/ /\t/' | od -c | head -n 1
  a<T>b
  0000000   a  \t   b  \n
  $ echo 'hello world' | sed -E 's/(h[a-z]*) ([a-z]*)/\u\1 \U\2\E!/'; echo HeLLo | sed 's/.*/\L&/; s/l/\U\l&X/'
  Hello WORLD!
  helXlo
