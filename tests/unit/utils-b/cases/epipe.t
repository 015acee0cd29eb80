With SIGPIPE ignored (trap '' PIPE), a write to a pipe without a reader fails with EPIPE: the utilities report it as coreutils does and stop
  $ yes 1234567 | head -n 50000 > src; (trap '' PIPE; (yes; echo "yes: $?" >&2) | head -n 1)
  y
  yes: standard output: Broken pipe
  yes: 1
  $ (trap '' PIPE; (cat src; echo "cat: $?" >&2) | head -n 1)
  1234567
  cat: write error: Broken pipe
  cat: 1
  $ (trap '' PIPE; (grep 1 src; echo "grep: $?" >&2) | head -n 1)
  1234567
  grep: write error: Broken pipe
  grep: 2
  $ (trap '' PIPE; (sed p src; echo "sed: $?" >&2) | head -n 1)
  1234567
  sed: couldn't write \d+ items? to stdout: Broken pipe (re)
  sed: 4
  $ (trap '' PIPE; (tr 1 2 < src; echo "tr: $?" >&2) | head -n 1)
  2234567
  tr: write error: Broken pipe
  tr: 1
tee drops an output whose reader went away and goes on with the others
  $ (trap '' PIPE; (tee copy < src; echo "tee: $?" >&2) | head -n 1); wc -l < copy
  1234567
  tee: 0
  50000
  $ (trap '' PIPE; (tee < src; echo "tee: $?" >&2) | head -n 1)
  1234567
  tee: 0
