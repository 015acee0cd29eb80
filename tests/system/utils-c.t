Issue 7's last utility options through the guest's shell: cp, mv and rm asking
inside -r, -v, -n, -u, -a, rm -I; tail -f ended by ^C and tail -F; the
utilities ended by SIGPIPE when their reader goes away.

  $ mkdir -p /tmp/uc && cd /tmp/uc
# cp -r: -v names each file, -i asks for each file already there, -n keeps it
  $ mkdir -p s/sub && echo old > s/sub/g && cp -rv s d
  's' -> 'd'
  's/sub' -> 'd/sub'
  's/sub/g' -> 'd/sub/g'
  $ echo new > s/sub/g; echo n | cp -ri s/. d; cat d/sub/g; echo y | cp -ri s/. d; cat d/sub/g
  cp: overwrite 'd/./sub/g'? old
  cp: overwrite 'd/./sub/g'? new
  $ echo newer > s/sub/g; cp -rn s/. d; cat d/sub/g; touch -d 2000-01-01 d/sub/g; cp -uv s/sub/g d/sub/g; cp -uv s/sub/g d/sub/g
  new
  's/sub/g' -> 'd/sub/g'
  $ ln -s g s/sub/lnk; cp -a s a; cp -r s r; cp -rL s l; for f in a/sub/lnk r/sub/lnk l/sub/lnk; do ls -l $f | cut -c1; done
  l
  l
  -
# mv -n, -u, -v; rm -v, -I, -i inside -r
  $ echo a > m1; echo b > m3; mv -n m1 m3; mv -v m1 m2; touch -d 2000-01-01 m2; mv -u m2 m3; cat m3; touch m2; mv -vu m2 m3; cat m3
  renamed 'm1' -> 'm2'
  b
  renamed 'm2' -> 'm3'
  a
  $ rm -rv d/sub
  removed 'd/sub/g'
  removed directory 'd/sub'
  $ touch i1 i2 i3 i4; echo n | rm -I i1 i2 i3 i4; ls -1 i*; echo y | rm -I i1 i2 i3 i4; ls i* 2>/dev/null | wc -l
  rm: remove 4 arguments? i1
  i2
  i3
  i4
  rm: remove 4 arguments? 0
  $ mkdir -p q/r; touch q/r/s; printf 'y\ny\nn\ny\ny\n' | rm -ri q; echo " $?"; ls q/r
  rm: descend into directory 'q'? rm: descend into directory 'q/r'? rm: remove regular empty file 'q/r/s'? rm: remove directory 'q/r'? rm: cannot remove 'q/r': Directory not empty
   1
  s
# tail -f follows until ^C; tail -F follows a file replaced under its name
  $ echo one > tf; sh -c '(sleep 0.5; echo two >> tf) &'; tail -s 0.1 -f tf
  $< \x03
  one
  two
  ^C
  $ echo $?
  130
  $ echo a > ff; sh -c 'tail -F ff > fout 2>&1 & sleep 2; echo b > ff.new; mv ff.new ff; sleep 3; kill $!'; cat fout
  a
  tail: 'ff' has been replaced;  following new file
  b
# a reader that goes away ends the writer (SIGPIPE, 128 + 13)
  $ (yes; echo "yes: $?" >&2) | head -n 1
  y
  yes: 141
  $ yes 1234567 | head -n 20000 > big; (cat big; echo "cat: $?" >&2) | head -n 1; (tee t2 < big; echo "tee: $?" >&2) | head -n 1
  1234567
  cat: 141
  1234567
  tee: 141

Root sets the clock with -s or POSIX's MMDDhhmm[[CC]YY][.ss] operand, and
date prints the new time; anyone else is refused. The clock goes back
after. (Here, not in utils-b-basic.t: that file runs on the host too.)

  $ t=$(date +%s); date -u -s '2030-01-02 03:04:05'; date -u +%Y
  Wed Jan  2 03:04:0[5-9] UTC 2030 (re)
  2030
  $ date -u 010203042031.05; echo $?
  Thu Jan  2 03:04:0[5-9] UTC 2031 (re)
  0
  $ date -s yesterday -d today; echo $?
  date: the options to print and set the time may not be used together
  usage: date [-Ru] [-d STRING | -r FILE | -s STRING] [-I[TIMESPEC]] [+FORMAT | MMDDhhmm[[CC]YY][.ss]]
  1
  $ su user -c 'date -s @0'; echo $?
  date: cannot set date: Operation not permitted
  1
  $ date -s @$t > /dev/null; test $(date +%s) -ge $t && test $(date +%Y) -lt 2030; echo $?
  0
