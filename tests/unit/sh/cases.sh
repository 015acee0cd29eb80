# Script cases for the host-built shell (test_scripts.c): "### name", the
# script, "--- out" and the expected stdout, optionally "--- err" and the
# expected stderr, then "--- status N".
### simple commands and quoting
echo hello world
echo 'single $quoted' "double $HOME_UNSET_X" back\ slash "a\"b" 'it'\''s'
echo "tab	in" a''b "" x
--- out
hello world
single $quoted double  back slash a"b it's
tab	in ab  x
--- status 0
### variables and parameter expansion
x=abc
echo $x ${x} "${x}def" ${#x}
unset y
echo ${y:-dflt} ${y-dash} ${x:+alt} ${y:+alt}.
echo ${y:=assigned} $y
empty=
echo "[${empty:-d}]" "[${empty-d}]" "[${empty:+p}]" "[${empty+p}]"
--- out
abc abc abcdef 3
dflt dash alt .
assigned assigned
[d] [] [] [p]
--- status 0
### pattern removal
p=/usr/lib/libc.tar.gz
echo ${p#*/} ${p##*/} ${p%.*} ${p%%.*}
f=file.c
echo ${f%.c}.o "${f#"fi"}"
--- out
usr/lib/libc.tar.gz libc.tar.gz /usr/lib/libc.tar /usr/lib/libc
file.o le.c
--- status 0
### error for unset with :?
echo before
echo ${nothere:?is missing}
echo after
--- out
before
--- err
sh: nothere: is missing
--- status 2
### special parameters
set -- a 'b c' d
echo $# "$1" "$2" $3
echo "$*"
for a in "$@"; do echo "<$a>"; done
for a in $*; do echo "($a)"; done
shift
echo $# $1
set --
for a in "$@"; do echo never; done
echo "[$@]" $#
--- out
3 a b c d
a b c d
<a>
<b c>
<d>
(a)
(b)
(c)
(d)
2 b c
[] 0
--- status 0
### $? and $$ and $!
false
echo $?
true
echo $?
sh_pid=$$
test "$sh_pid" -gt 0 && echo pid ok
sleep 0 &
test -n "$!" && echo bg ok
wait
(exit 7)
echo $?
--- out
1
0
pid ok
bg ok
7
--- status 0
### arithmetic
i=5
echo $((i + 2 * 3)) $(( (i + 2) * 3 )) $((i / 2)) $((i % 2)) $((-i))
echo $((i > 3 && i < 10)) $((i == 5 ? 100 : 200)) $((0x10 + 010))
echo $((i += 10)) $i $((1 << 4)) $((~0))
--- out
11 21 2 1 -5
1 100 24
15 15 16 -1
--- status 0
### division by zero is an error
echo $((1 / 0))
echo not reached
--- out
--- err
sh: arithmetic expression: division by zero: "1 / 0"
--- status 2
### command substitution
x=$(echo inner; echo lines)
echo "$x"
echo `echo back` $(echo $(echo nested))
y=$(false)
echo $?
echo "$(printf 'a\n\n\n')"end
--- out
inner
lines
back nested
1
aend
--- status 0
### field splitting
v='a  b   c'
for w in $v; do echo "[$w]"; done
IFS=:
v='x::y:'
for w in $v; do echo "[$w]"; done
IFS=' '
v='  lead trail  '
echo "[$v]" [$v]
--- out
[a]
[b]
[c]
[x]
[]
[y]
[  lead trail  ] [ lead trail ]
--- status 0
### pathname expansion
mkdir d
touch d/b.c d/a.c d/c.h d/.hidden.c
echo d/*.c
echo d/?.h
echo d/[ab].c
echo d/[!a].c
echo d/.*.c
echo d/*.none
echo "d/*.c"
echo d/\*.c
set -f
echo d/*.c
--- out
d/a.c d/b.c
d/c.h
d/a.c d/b.c
d/b.c
d/.hidden.c
d/*.none
d/*.c
d/*.c
d/*.c
--- status 0
### tilde expansion
HOME=/home/user
echo ~ ~/x "~" x~
a=~/p:~/q
echo $a
--- out
/home/user /home/user/x ~ x~
/home/user/p:/home/user/q
--- status 0
### pipelines
echo one two three | tr ' ' '\n' | sort -r | head -2
! false | true
echo $?
false | true
echo $?
true | false
echo $?
--- out
two
three
1
0
1
--- status 0
### and-or lists and groups
true && echo and1
false && echo and2
false || echo or1
true || echo or2
false && echo x || echo chain
{ echo g1; echo g2; } | wc -l | tr -d ' '
(cd /; pwd)
pwd | grep -q sh-case && echo unchanged
x=1; (x=2); echo $x
--- out
and1
or1
chain
2
/
unchanged
1
--- status 0
### redirections
echo first > f
echo second >> f
cat < f
echo err 2> e 1>&2
cat e
ls nonexistent-file 2>/dev/null || echo ls failed
{ echo out; echo to-err >&2; } > both 2>&1
cat both
exec 3> fd3
echo via3 >&3
exec 3>&-
cat fd3
cat <> f
echo new >| f
cat f
--- out
first
second
err
ls failed
out
to-err
via3
first
second
new
--- status 0
### noclobber
set -C
echo a > nc
echo b > nc
echo $?
echo c >| nc
cat nc
--- out
1
c
--- err
sh: nc: cannot overwrite existing file
--- status 0
### redirection errors
cat < /nonexistent/file
echo $?
echo x > /nonexistent/dir/file
echo $?
echo ok
--- out
1
1
ok
--- err
sh: /nonexistent/file: No such file or directory
sh: /nonexistent/dir/file: No such file or directory
--- status 0
### builtin redirections are undone
echo to-file > out
echo after
cat out
--- out
after
to-file
--- status 0
### here-documents
name=world
cat <<EOF
hello $name
  $(echo subst) \$literal
EOF
cat <<'EOF'
no $name expansion
EOF
cat <<-EOF
	tabs stripped $name
	EOF
cat <<A; cat <<B
first
A
second
B
--- out
hello world
  subst $literal
no $name expansion
tabs stripped world
first
second
--- status 0
### if elif else
for n in 1 2 3; do
	if [ $n -eq 1 ]; then
		echo one
	elif [ $n = 2 ]
	then
		echo two
	else
		echo other
	fi
done
if false; then :; fi
echo $?
--- out
one
two
other
0
--- status 0
### while until break continue
i=0
while [ $i -lt 10 ]; do
	i=$((i + 1))
	[ $i -eq 2 ] && continue
	[ $i -eq 5 ] && break
	echo $i
done
until [ $i -eq 0 ]; do i=$((i - 1)); done
echo $i
for a in 1 2; do for b in x y; do [ $b = y ] && continue 2; echo $a$b; done; done
for a in 1 2; do for b in x y; do break 2; done; echo no; done
echo end
--- out
1
3
4
0
1x
2x
end
--- status 0
### case
for w in apple banana cherry 42 '*' ''; do
	case $w in
	a*) echo "A: $w" ;;
	b*|c*) echo "BC: $w" ;;
	[0-9]*) echo "num: $w" ;;
	\*) echo star ;;
	"") echo empty ;;
	esac
done
case x in (x) echo paren;; esac
case abc in *b*) echo mid; esac
--- out
A: apple
BC: banana
BC: cherry
num: 42
star
empty
paren
mid
--- status 0
### functions and local and return
greet() {
	echo "hello $1 ($#)"
	return 4
}
greet you extra
echo $?
counter=0
inc() { counter=$((counter + 1)); }
inc; inc
echo $counter
scope() { local v=inner; echo $v; }
v=outer
scope
echo $v
fact() {
	if [ $1 -le 1 ]; then echo 1; return; fi
	echo $(( $1 * $(fact $(( $1 - 1 ))) ))
}
fact 5
echo "$1" $#
--- out
hello you (2)
4
2
inner
outer
120
 0
--- status 0
### not found and not executable
nosuchcommand arg
echo $?
touch noexec
./noexec
echo $?
/nonexistent/prog
echo $?
--- out
127
126
127
--- err
sh: nosuchcommand: not found
sh: ./noexec: Permission denied
sh: /nonexistent/prog: No such file or directory
--- status 0
### set -e
set -e
false || true
if false; then :; fi
! true
echo still here
false
echo not reached
--- out
still here
--- status 1
### set -u
set -u
echo ${unset_var:-ok}
echo $unset_var
echo not reached
--- out
ok
--- err
sh: unset_var: parameter not set
--- status 2
### set -x
set -x
a=1 echo traced
set +x
echo quiet
--- out
traced
quiet
--- err
+ a=1 echo traced
+ set +x
--- status 0
### exit status
exit 3
--- out
--- status 3
### exit with bad argument
exit abc
--- out
--- err
sh: exit: abc: numeric argument required
--- status 2
### syntax error reports the line
echo fine
if true; then
fi
--- out
fine
--- err
sh: script: line 3: syntax error: unexpected "fi"
--- status 2
### cd and pwd
mkdir -p sub/dir
cd sub/dir
pwd | sed 's|.*/sh-case-[^/]*/||'
cd ..
cd - > /dev/null
basename "$PWD"
basename "$OLDPWD"
cd /nonexistent
echo $?
HOME=/
cd
pwd
--- out
sub/dir
dir
sub
1
/
--- err
sh: cd: /nonexistent: No such file or directory
--- status 0
### export and unset
export E1=exported
N1=notexported
sh -c 'echo "[$E1] [$N1]"'
E2=prefix sh -c 'echo "[$E2]"'
echo "[$E2]"
unset E1
sh -c 'echo "[$E1]"'
export -p | grep -c 'export PATH='
readonly R=1
(R=2; echo not reached)
echo $? $R
unset R
echo $?
--- out
[exported] []
[prefix]
[]
[]
1
1 1
1
--- err
sh: R: is read only
sh: unset: R: is read only
--- status 0
### read
printf 'a b c d\n  lead  \nraw\\back\nx\\\ny\n' > in
{
	read one two rest
	echo "[$one] [$two] [$rest]"
	read line
	echo "[$line]"
	read -r r
	echo "[$r]"
	read joined
	echo "[$joined]"
	read eof
	echo $?
} < in
IFS=: read a b <<EOF
1:2:3
EOF
echo "$a|$b"
--- out
[a] [b] [c d]
[lead]
[raw\back]
[xy]
1
1|2:3
--- status 0
### test and [
t() { "$@"; echo $?; }
t test -n abc
t test -z abc
t [ abc = abc ]
t [ abc != abc ]
t [ 3 -gt 2 ]
t [ 3 -le 2 ]
t [ ! -e /nonexistent ]
t [ -d / -a -f /nonexistent ]
t [ -d / -o -f /nonexistent ]
t [ \( 1 -eq 1 \) ]
t [ "" ]
t [ -f script ]
t test abc -eq 1
t [ 1 = 1
--- out
0
1
0
1
0
1
0
1
0
0
1
0
2
2
--- err
sh: test: invalid integer 'abc'
sh: [: missing ']'
--- status 0
### true false and colon
true; echo $?
false; echo $?
: ignored args; echo $?
--- out
0
1
0
--- status 0
### eval and dot
eval 'x=1; echo evaluated $x'
cmd='echo "a  b"'
eval $cmd
echo 'sourced=yes; echo in dot $1' > lib.sh
. ./lib.sh arg
echo $sourced
source ./lib.sh
. ./missing.sh
echo $?
--- out
evaluated 1
a b
in dot arg
yes
in dot
1
--- err
sh: .: ./missing.sh: No such file or directory
--- status 0
### alias and unalias
alias ll='echo listing'
alias greet='echo hi '
alias
ll
unalias ll
ll
greet ll
alias nope
--- out
greet='echo hi '
ll='echo listing'
listing
hi ll
--- err
sh: ll: not found
sh: alias: nope: not found
--- status 1
### type and command
f() { :; }
type echo cd f if
type /bin/sh | sed 's/is .*/is a path/'
type nosuch
echo $?
command -v echo
command -v nosuch || echo none
echo() { printf 'wrapped\n'; }
echo x
command echo real
--- out
echo is a shell builtin
cd is a shell builtin
f is a function
if is a shell keyword
/bin/sh is a path
1
echo
none
wrapped
real
--- err
sh: type: nosuch: not found
--- status 0
### umask
umask 027
umask
umask -S
umask 999
echo $?
--- out
0027
u=rwx,g=rx,o=
1
--- err
sh: umask: 999: invalid mode
--- status 0
### exec
exec > out
echo redirected
exec echo replaced
echo not reached
--- out
--- status 0
### exec replaces the shell
exec sh -c 'echo from exec; exit 5'
echo not reached
--- out
from exec
--- status 5
### jobs wait and kill
sleep 0.2 &
pid=$!
jobs | sed 's/ *$//'
wait %1
echo waited $?
sh -c 'exit 3' &
wait $!
echo status $?
wait 99999
echo $?
kill -l 15
kill -s NOPE 1
echo $?
--- out
[1]+  Running                 sleep 0.2 &
waited 0
status 3
127
TERM
1
--- err
sh: wait: 99999: no such job
sh: kill: NOPE: invalid signal specification
--- status 0
### fg waits for a job
(sleep 0.1; echo bg done) &
fg %1
echo after fg
--- out
( sleep 0.1; echo bg done )
bg done
after fg
--- status 0
### getopts
parse() {
	OPTIND=1
	while getopts ab:c opt "$@"; do
		echo "$opt ${OPTARG-}"
	done
	shift $((OPTIND - 1))
	echo "rest: $*"
}
parse -a -b val -c file1 file2
parse -ac -bX -- -z
--- out
a 
b val
c 
rest: file1 file2
a 
c 
b X
rest: -z
--- status 0
### a script file with arguments
cat > prog.sh <<'EOF'
echo "$0 got $# args: $*"
for a; do echo "- $a"; done
exit 4
EOF
sh prog.sh one 'two three'
echo $?
sh -c 'echo "$0 $1"' name arg
--- out
prog.sh got 2 args: one two three
- one
- two three
4
name arg
--- status 0
### comments and line continuation
echo a # comment
echo b\
c
# whole line
echo "# not a comment" d#e
--- out
a
bc
# not a comment d#e
--- status 0
### echo options
echo -n no-newline; echo
echo -e 'a\tb\nc'
echo -E 'a\tb'
echo -- -x
--- out
no-newline
a	b
c
a\tb
-- -x
--- status 0
### while read loop over a pipe
printf '1\n2\n3\n' | while read n; do echo "n=$n"; done
sum=0
for n in $(seq 1 4); do sum=$((sum + n)); done
echo $sum
--- out
n=1
n=2
n=3
10
--- status 0
### trap EXIT runs at the end; exit in it keeps the status from before it
trap 'echo bye $?; exit' EXIT
echo main
(exit 3)
--- out
main
bye 3
--- status 3
### a caught signal's action runs after the command; $? is kept
trap 'echo got INT; false' INT
kill -INT $$
echo after $?
trap 'echo usr1' usr1
kill -s SIGUSR1 $$
trap 'echo two' 2
kill -2 $$
--- out
got INT
after 0
usr1
two
--- status 0
### trap lists its traps to be read back; - and a number reset
trap 'echo bye' EXIT
trap "echo it's" SIGINT
trap '' 15
trap
trap -p INT
trap - INT
trap 15
trap
--- out
trap -- 'echo bye' EXIT
trap -- 'echo it'\''s' SIGINT
trap -- '' SIGTERM
trap -- 'echo it'\''s' SIGINT
trap -- 'echo bye' EXIT
bye
--- status 0
### trap '' is inherited, and a child cannot trap what it was given ignored
trap '' USR1
sh -c 'kill -USR1 $$; echo child lives'
sh -c 'trap "echo caught" USR1; kill -USR1 $$; echo still ignored; trap'
trap - USR1
sh -c 'trap "echo caught" USR1; kill -USR1 $$'
--- out
child lives
still ignored
trap -- '' SIGUSR1
caught
--- status 0
### subshells reset traps and run their own EXIT trap
trap 'echo top exit' EXIT
trap 'echo usr1' USR1
(trap 'echo sub exit' EXIT; exit 2)
echo status $?
echo "$(trap 'echo subst exit' EXIT; echo subst)"
(sh -c 'kill -USR1 $PPID'; echo not reached)
echo subshell $?
kill -USR1 $$
sh -c 'trap "echo child exit" EXIT; sleep 0'
--- out
sub exit
status 2
subst
subst exit
subshell 138
usr1
child exit
top exit
--- status 0
### trap errors
trap 'x' BOGUS
echo $?
trap -x
echo $?
--- out
1
2
--- err
sh: trap: BOGUS: invalid signal specification
sh: trap: -x: invalid option
sh: trap: usage: trap [-lp] [[action] condition ...]
--- status 0
### a trapped signal ends wait with 128 + its number, then its action runs
trap 'echo got USR1' USR1
sleep 5 &
(sleep 0.2; kill -USR1 $$) &
wait %1
echo wait $?
kill %1
wait %1
echo killed $?
--- out
got USR1
wait 138
killed 143
--- status 0
### kill %n and wait %n reach every process of a job
sleep 10 | sleep 10 &
jobs -l | sed 's/^\(\[1\]+\) *[0-9]* /\1 PID /; s/^     *[0-9][0-9]* /     PID /'
kill -s STOP %1
kill -CONT %1
kill %1
wait %1
echo $?
jobs
--- out
[1]+ PID Running                 sleep 10
     PID                       | sleep 10 &
143
--- status 0
### background jobs of a script ignore SIGINT and SIGQUIT (no job control)
sleep 2 &
kill -INT $!
kill -QUIT $!
sleep 0.1
kill -0 $! && echo alive
kill $!
wait $!
echo $?
--- out
alive
143
--- status 0
### a trapped signal ends read with 128 + its number
trap 'echo got USR1' USR1
mkfifo f
(exec 3>f; sleep 0.2; kill -USR1 $$; sleep 0.5) &
read x < f
echo read $?
wait
--- out
got USR1
read 138
--- status 0
