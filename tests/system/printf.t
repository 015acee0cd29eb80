# printf (/bin/printf; "env printf" so that a shell's builtin, on the host,
# is not what runs): the format is used again while arguments are left
  $ env printf '%s=%d\n' a 1 b 2 c
  a=1
  b=2
  c=0
  $ env printf 'no arguments\n'
  no arguments
  $ env printf '%s|' x y z; echo
  x|y|z|
# Flags, widths and precisions, also from arguments with *
  $ env printf '[%5d][%-5d][%05d][%+d][% d][%.3d]\n' 42 42 42 42 42 7
  [   42][42   ][00042][+42][ 42][007]
  $ env printf '[%*s][%-*s][%.*s]\n' 4 ab 4 cd 2 efgh
  [  ab][cd  ][ef]
  $ env printf '%o %x %X %#o %#x %u\n' 8 255 255 8 255 -1
  10 ff FF 010 0xff 18446744073709551615
  $ env printf '%f %.2f %e %E %g %G\n' 3.5 3.14159 12345.678 0.5 0.0001 1e20
  3.500000 3.14 1.234568e+04 5.000000E-01 0.0001 1E+20
  $ env printf '%c%c%c|%3c|%-3c|\n' abc d e x y
  ade|  x|y  |
# Numbers as character constants, hexadecimal and octal
  $ env printf '%d %d %d %d %d\n' "'A" '"a' 0x1f 010 -12
  65 97 31 8 -12
# Escapes in the format, and %b's in its argument (\0NNN, \c stops)
  $ env printf 'a\tb\\c\101\x42%%\n'
  a	b\cAB%
  $ env printf '%b|%s\n' 'x\ty\0101' 'x\ty'
  x	yA|x\ty
  $ env printf '%b' 'one\ctwo' three; echo
  one
  $ env printf 'up\cdown'; echo
  up
  $ env printf '[%5b][%.2b]\n' 'a\n' abc
  [   a
  ][ab]
# Bad numbers: a message, 0 or what was read, the rest printed, status 1
# (the libc words ERANGE: glibc and newlib differently)
  $ env printf '%d\n' x 3y 4; echo $?
  printf: 'x': expected a numeric value
  0
  printf: '3y': value not completely converted
  3
  4
  1
  $ env printf '%d\n' abc; echo $?
  printf: 'abc': expected a numeric value
  0
  1
  $ env printf '%d\n' 99999999999999999999; echo $?
  printf: '99999999999999999999': Numerical result out of range
  9223372036854775807
  1
# Bad directives end it; extra arguments of a format without any are ignored
  $ env printf '%y\n' 1; echo $?
  printf: %y: invalid conversion specification
  1
  $ env printf 'x\n' 1 2; echo $?
  x
  printf: warning: ignoring excess arguments, starting with '1'
  0
  $ env printf; echo $?
  printf: missing operand
  usage: printf FORMAT [ARGUMENT]...
  1
  $ env printf --help | head -n 1
  usage: printf FORMAT [ARGUMENT]...
  $ env printf -- '%s\n' -x
  -x
