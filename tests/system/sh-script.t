A script with functions and loops, written to a file and run with sh, with
-c, with ".", and a syntax error reported with its line.

  $ cat > /tmp/s.sh <<'EOF'
  > #!/bin/sh
  > count() {
  >     n=0
  >     for f in "$@"; do n=$((n + 1)); done
  >     echo "$n args"
  > }
  > i=0
  > while [ $i -lt 3 ]; do
  >     case $i in
  >     0) echo zero ;;
  >     1) echo one ;;
  >     *) echo many ;;
  >     esac
  >     i=$((i + 1))
  > done
  > count "$@"
  > exit 3
  > EOF
  $ sh /tmp/s.sh a 'b c'; echo status $?
  zero
  one
  many
  2 args
  status 3
  $ chmod +x /tmp/s.sh; /tmp/s.sh x; echo $?
  zero
  one
  many
  1 args
  3
  $ sh -c 'echo "$0:$1"' name arg
  name:arg
  $ printf 'echo line1\nif true; then\nfi\n' > /tmp/bad.sh; sh /tmp/bad.sh; echo $?
  line1
  sh: /tmp/bad.sh: line 3: syntax error: unexpected "fi"
  2
  $ sh /tmp/none.sh; echo $?
  sh: /tmp/none.sh: No such file or directory
  127
