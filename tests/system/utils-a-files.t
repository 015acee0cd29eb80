Files and directories: cat, ls, mkdir, rmdir, cp, mv, rm, ln, touch,
chmod, stat, tee, pwd, od and hexdump, as a user types them (helper
utils-a). Output as coreutils prints it; errors with their statuses.

  $ mkdir -p /tmp/a/b/c && ls -R /tmp/a
  /tmp/a:
  b
  
  /tmp/a/b:
  c
  
  /tmp/a/b/c:
  $ mkdir /tmp/a; echo $?
  mkdir: cannot create directory '/tmp/a': File exists
  1
  $ rmdir /tmp/a; echo $?
  rmdir: failed to remove '/tmp/a': Directory not empty
  1
  $ rmdir -p /tmp/a/b/c 2>/dev/null; ls -d /tmp/a; echo $?
  ls: cannot access '/tmp/a': No such file or directory
  2
  $ ls /bin | sort | head -3 | wc -l
  3
  $ ls -d /tmp /nonexistent; echo $?
  ls: cannot access '/nonexistent': No such file or directory
  /tmp
  2
  $ cd /tmp && printf 'one\ntwo\n' > f && cat f - f < /dev/null
  one
  two
  one
  two
  $ cat /tmp/nope; echo $?
  cat: /tmp/nope: No such file or directory
  1
  $ echo hi | tee /tmp/t1 /tmp/t2 && cat /tmp/t1 /tmp/t2
  hi
  hi
  hi
  $ touch -d '2020-01-02 03:04' /tmp/f && ls -l /tmp/f
  -rw-r--r-- 1 * 8 Jan  2  2020 /tmp/f (glob)
  $ stat -c '%n %s %a %A %F %h %Y' /tmp/f
  /tmp/f 8 644 -rw-r--r-- regular file 1 1577934240
  $ chmod u+x,g-r /tmp/f && stat -c %a /tmp/f
  704
  $ chmod 999 /tmp/f; echo $?
  chmod: invalid mode: '999'
  usage: chmod [-Rf] MODE FILE...
  1
  $ mkdir /tmp/d && cp /tmp/f /tmp/d && ls /tmp/d
  f
  $ cp /tmp/d /tmp/e; echo $?
  cp: -r not specified; omitting directory '/tmp/d'
  1
  $ cp -r /tmp/d /tmp/e && ls -R /tmp/e
  /tmp/e:
  f
  $ mv /tmp/e /tmp/g && ls /tmp/g && ls -d /tmp/e
  f
  ls: cannot access '/tmp/e': No such file or directory
  $ rm /tmp/g; echo $?
  rm: cannot remove '/tmp/g': Is a directory
  1
  $ rm -r /tmp/g /tmp/d && ls -d /tmp/g /tmp/d 2>&1 | wc -l
  2
  $ rm -r /; echo $?
  rm: it is dangerous to operate recursively on '/'
  rm: use --no-preserve-root to override this failsafe
  1
  $ ln -s /tmp/f /tmp/l && ls -l /tmp/l | sed 's/.* \/tmp/\/tmp/'
  /tmp/l -> /tmp/f
  $ ln -s /tmp/f /tmp/l; echo $?
  ln: failed to create symbolic link '/tmp/l': File exists
  1
  $ cd /tmp && pwd && /bin/pwd
  /tmp
  /tmp
  $ printf 'hello world\n' | od -c
  0000000   h   e   l   l   o       w   o   r   l   d  \n
  0000014
  $ printf 'hello world\n' | hexdump -C
  00000000  68 65 6c 6c 6f 20 77 6f  72 6c 64 0a              |hello world.|
  0000000c
