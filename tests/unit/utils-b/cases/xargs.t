# xargs
  $ printf 'a b\nc\n' | xargs
  a b c
  $ printf 'a b c d e\n' | xargs -n 2 echo x
  x a b
  x c d
  x e
  $ printf 'a\nb c\n' | xargs -I{} echo '[{}]'
  [a]
  [b c]
  $ printf 'a\0b c\0' | xargs -0 -n 1 echo
  a
  b c
  $ printf "'a b' \"c d\" e\\\\ f\n" | xargs -n 1
  a b
  c d
  e f
  $ printf '' | xargs echo empty
  empty
  $ printf '' | xargs -r echo empty
  $ printf 'a b\n' | xargs -t echo 2>&1
  echo a b
  a b
  $ printf 'x\n' | xargs false; echo $?
  123
  $ printf 'x\n' | xargs nosuchcmd; echo $?
  xargs: nosuchcmd: No such file or directory
  127
  $ printf 'x\n' | xargs /; echo $?
  xargs: /: Permission denied
  126
  $ printf '1\n2\n' | xargs -n 1 sh -c 'exit 255'; echo $?
  xargs: sh: exited with status 255; aborting
  124
  $ printf "'a\n" | xargs; echo $?
  xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option
  1
  $ printf 'a\n' | xargs -n 0; echo $?
  xargs: invalid number "0" for -n option
  usage: xargs [-0rt] [-n MAX-ARGS] [-I REPLACE] [COMMAND [ARG]...]
  1
  $ printf 'f1\nf2\n' | xargs touch && ls f1 f2
  f1
  f2
