Redirections into /tmp and back, descriptors, here-documents.

  $ echo first > /tmp/r; echo second >> /tmp/r; cat < /tmp/r
  first
  second
  $ ls /nonexistent 2> /tmp/err; echo $?; cat /tmp/err
  2
  ls: cannot access '/nonexistent': No such file or directory (re)
  $ { echo out; echo err >&2; } > /tmp/both 2>&1; cat /tmp/both
  out
  err
  $ exec 3> /tmp/fd3; echo via3 >&3; exec 3>&-; cat /tmp/fd3
  via3
  $ cat < /tmp/missing
  sh: /tmp/missing: No such file or directory
  $ set -C; echo x > /tmp/r; set +C
  sh: /tmp/r: cannot overwrite existing file
  $ echo replaced >| /tmp/r; cat /tmp/r
  replaced
  $ cat /tmp/r | tr a-z A-Z > /tmp/upper; cat /tmp/upper
  REPLACED

Here-documents: expanded, quoted, tab-stripped.

  $ name=world; cat <<EOF
  > hello $name
  > $(echo substituted) \$kept
  > EOF
  hello world
  substituted $kept
  $ cat <<'EOF'
  > no $name here
  > EOF
  no $name here
  $ while read a b; do echo "$b-$a"; done <<EOF
  > 1 one
  > 2 two
  > EOF
  one-1
  two-2
