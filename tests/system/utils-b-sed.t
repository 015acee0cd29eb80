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
