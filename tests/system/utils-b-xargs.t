# The utilities work on files in /tmp/ub
  $ mkdir -p /tmp/ub && cd /tmp/ub
# xargs
  $ env echo -ne 'a b\nc\n' | xargs
  a b c
  $ env echo -ne 'a b c d e\n' | xargs -n 2 echo x
  x a b
  x c d
  x e
  $ env echo -ne 'a\nb c\n' | xargs -I{} echo '[{}]'
  [a]
  [b c]
  $ env echo -ne 'a\0b c\0' | xargs -0 -n 1 echo
  a
  b c
  $ env echo -ne "'a b' \"c d\" e\\\\ f\n" | xargs -n 1
  a b
  c d
  e f
  $ env echo -ne '' | xargs echo empty
  empty
  $ env echo -ne '' | xargs -r echo empty
  $ env echo -ne 'a b\n' | xargs -t echo 2>&1
  echo a b
  a b
  $ env echo -ne 'x\n' | xargs false; echo $?
  123
  $ env echo -ne 'x\n' | xargs nosuchcmd; echo $?
  xargs: nosuchcmd: No such file or directory
  127
  $ env echo -ne 'x\n' | xargs /; echo $?
  xargs: /: Permission denied
  126
  $ env echo -ne '1\n2\n' | xargs -n 1 sh -c 'exit 255'; echo $?
  xargs: sh: exited with status 255; aborting
  124
  $ env echo -ne "'a\n" | xargs; echo $?
  xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option
  1
  $ env echo -ne 'a\n' | xargs -n 0; echo $?
  xargs: invalid number "0" for -n option
  usage: xargs [-0rt] [-n MAX-ARGS] [-I REPLACE] [COMMAND [ARG]...]
  1
  $ env echo -ne 'f1\nf2\n' | xargs touch && ls -1 f1 f2
  f1
  f2
