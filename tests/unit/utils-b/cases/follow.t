tail -f follows appended data and starts over when the file is truncated
  $ printf 'x\n' > tf; tail -s 0.1 -f tf > out 2>&1 & pid=$!; sleep 0.5; echo y >> tf; sleep 0.5; : > tf; sleep 0.5; echo z >> tf; sleep 0.5; kill $pid; cat out
  x
  y
  tail: tf: file truncated
  z
tail -F follows the name: a file removed, created again, replaced, and one not there at first
  $ echo a > ff; tail -s 0.1 -F ff nosuch > out 2>&1 & pid=$!; sleep 0.5; rm ff; sleep 0.5; echo b > ff; sleep 0.5; mv ff old; echo c > ff; sleep 0.5; echo x > nosuch; sleep 0.5; kill $pid; cat out
  ==> ff <==
  a
  tail: cannot open 'nosuch' for reading: No such file or directory
  tail: 'ff' has become inaccessible: No such file or directory
  tail: 'ff' has appeared;  following new file
  
  ==> ff <==
  b
  tail: 'ff' has been replaced;  following new file
  c
  tail: 'nosuch' has appeared;  following new file
  
  ==> nosuch <==
  x
