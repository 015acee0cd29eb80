tail -f follows appended data and starts over when the file is truncated
  $ printf 'x\n' > tf; tail -s 0.1 -f tf > out 2>&1 & pid=$!; sleep 0.5; echo y >> tf; sleep 0.5; : > tf; sleep 0.5; echo z >> tf; sleep 0.5; kill $pid; cat out
  x
  y
  tail: tf: file truncated
  z
