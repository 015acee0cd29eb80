Passwords and logins, typed as a person would. The hashes live in
/etc/shadow, readable by root alone; every account starts without a
password (init gives root its shell because root has none).

  $ ls -l /etc/shadow | cut -d' ' -f1,3,4
  -rw------- root root
  $ cut -d: -f1,2 /etc/shadow
  root:
  user:
  nobody:*

passwd sets user's password; the two typings must agree, and the new hash
is SHA-512 crypt with a 16-character salt.

  $ passwd user
  < one
  < two
  Changing password for user.
  New password:\s (re)
  Retype new password:\s (re)
  passwd: Sorry, passwords do not match.
  passwd: password unchanged
  $ passwd user
  < secret
  < secret
  Changing password for user.
  New password:\s (re)
  Retype new password:\s (re)
  passwd: password updated successfully
  $ grep -c '^user:\$6\$[./0-9A-Za-z]\{16\}\$[./0-9A-Za-z]\{86\}:[0-9]*:0:99999:7:::$' /etc/shadow
  1
  $ ls -l /etc/shadow | cut -d' ' -f1,3,4
  -rw------- root root

login asks for the name and the password (not echoed); a wrong one gets
"Login incorrect" after a pause and the question again. The right one gives
user's login shell, with the message of the day.

  $ login
  < user
  < wrong
  < user
  < secret
  breenix login: user
  Password:\s (re)
  Login incorrect
  breenix login: user
  Password:\s (re)
  Welcome to Breenix, a POSIX operating system for x86_64.
  $ id
  uid=1000(user) gid=1000(user) groups=1000(user)
  $ echo $0 $HOME $USER $LOGNAME $SHELL; pwd
  -sh /home/user user user /bin/sh
  /home/user
  $ cat /etc/shadow
  cat: /etc/shadow: Permission denied
  $ login
  login: Cannot possibly work without effective root
  $ passwd root
  passwd: You may not view or modify password information for root.

passwd and su are set-user-ID root, so a user changes their own password
(after giving the current one) and su checks it, reading /etc/shadow with
root's rights while the real uid stays the user's.

  $ ls -l /bin/passwd /bin/su | cut -d' ' -f1,3
  -rwsr-xr-x root
  -rwsr-xr-x root
  $ passwd
  < wrong
  Changing password for user.
  Current password:\s (re)
  passwd: Authentication token manipulation error
  passwd: password unchanged
  $ passwd
  < secret
  < better
  < better
  Changing password for user.
  Current password:\s (re)
  New password:\s (re)
  Retype new password:\s (re)
  passwd: password updated successfully
  $ su user -c 'id'
  < better
  Password:\s (re)
  uid=1000(user) gid=1000(user) groups=1000(user)
  $ su user -c 'id'
  < wrong
  Password:\s (re)
  su: Authentication failure

root has no password yet, so su asks for none (as with pam_unix's nullok).

  $ su -c 'id -u; whoami'
  0
  root
  $ exit

Back in root's shell, with echo on (this line's echo is what the harness
takes away). Three wrong tries end login with status 1; an unknown user
is asked for a password all the same.

  $ echo $USER
  root
  $ login nobody
  < x
  < ghost
  < x
  < user
  < nope
  Password:\s (re)
  Login incorrect
  breenix login: ghost
  Password:\s (re)
  Login incorrect
  breenix login: user
  Password:\s (re)
  Login incorrect
  $ echo $?
  1

The terminal has its echo back: a line read by sh's read (no line editor)
shows as typed.

  $ sh -c 'printf "name: "; read x; echo "[$x]"'
  < typed
  name: typed
  [typed]

Root may log in as anyone without a password: login -f.

  $ login -f user
  Welcome to Breenix, a POSIX operating system for x86_64.
  $ whoami
  user
  $ exit
  $ whoami
  root

su runs a shell as another user: root needs no password. Without "-" the
environment and the directory stay, with "-" it is a login.

  $ su user -c 'id -u; echo $0 $HOME $USER; pwd'
  1000
  sh /home/user user
  /root
  $ su - user -c 'echo $0 $PATH; pwd'
  -sh /bin:/sbin
  /home/user
  $ su user -c 'echo "$0 $1 $2"; exit 3' arg0 one two; echo $?
  arg0 one two
  3
  $ su ghost
  su: user ghost does not exist

Once root has a password, init starts login on the console instead of a
shell.

  $ passwd
  < rootpw
  < rootpw
  Changing password for root.
  New password:\s (re)
  Retype new password:\s (re)
  passwd: password updated successfully
  $ exit
  < root
  < rootpw
  breenix login: root
  Password:\s (re)
  Welcome to Breenix, a POSIX operating system for x86_64.
  $ id -u; echo $0
  0
  -sh
