The line editor: cursor keys, kill keys, history recalled with the up
arrow, tab completion of commands and paths.

  $$ echo ab\e[Dc
  acb
  $$ echo 123\x01X\x05Y
  sh: Xecho: not found
  $$ echo abc\x7f\x7fZ
  aZ
  $$ echo gone\x15echo kept
  kept
  $$ echo one two\x17three
  one three
  $$ echo first
  first
  $$ \e[A
  first
  $$ \e[A\e[A
  one three
  $$ echo home\e[Hx\e[F!
  sh: xecho: not found
  $$ echo delete\e[D\e[D\e[3~
  delee
  $$ ech\t done
  done
  $$ cat /etc/hostna\t
  breenix (re)
