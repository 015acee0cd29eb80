The shell's grammar and expansions, typed at the prompt: quoting, variables
and parameters, $? after failure, arithmetic, command substitution,
pipelines and globbing.

Quoting: single, double, backslash.

  $ echo 'single $HOME' "double $((1+1))" back\ slash "q\"q" 'it'\''s'
  single $HOME double 2 back slash q"q it's
  $ echo "a   b" a   b
  a   b a b

Variables and parameter expansion.

  $ x=abc; echo $x ${x}def ${#x} ${unset_var:-default} ${x:+set}
  abc abcdef 3 default set
  $ p=/usr/lib/libc.a; echo ${p##*/} ${p%/*} ${p#/} ${p%%.*}
  libc.a /usr/lib usr/lib/libc.a /usr/lib/libc
  $ echo ${nope:?not set here}
  sh: nope: not set here
  $ set -- one 'two three'; echo $# "$2"; for a in "$@"; do echo "<$a>"; done
  2 two three
  <one>
  <two three>

$? after failure, and the not-found status.

  $ false; echo $?
  1
  $ nosuchcmd; echo $?
  sh: nosuchcmd: not found
  127
  $ (exit 42); echo $?
  42
  $ test "$$" -gt 1 && echo has-pid
  has-pid

Arithmetic and command substitution.

  $ i=7; echo $((i * 6)) $((i / 2)) $((i % 4)) $((1 << 10)) $((i > 3 ? 1 : 0))
  42 3 3 1024 1
  $ echo $(echo nested $(echo twice)) `echo back`
  nested twice back

Pipelines and and-or lists.

  $ ls /bin | sort | head -3
  [
  basename
  cat
  $ echo one two three | wc -w
  3
  $ true && echo yes || echo no; false && echo yes || echo no
  yes
  no
  $ ! false; echo $?
  0

Globbing, sorted, dotfiles only when asked for.

  $ mkdir -p /tmp/g && cd /tmp/g && touch b.c a.c c.h .hidden.c
  $ echo *.c; echo ?.h; echo [ab].c; echo .*.c; echo *.none
  a.c b.c
  c.h
  a.c b.c
  .hidden.c
  *.none
  $ echo "*.c" \*.c; cd /
  *.c *.c
