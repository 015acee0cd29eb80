#!/usr/bin/env python3
# Lists the staged initrd tree, for the kernel to check what it unpacked:
# one line an entry, sorted, "PATH TYPE MODE SIZE NLINK HASH" (see
# kernel/fs/initramfs_ktest.c). Usage: initrd_manifest.py STAGE OUT, OUT
# inside STAGE and left out of the listing.
import os
import stat
import sys


def fnv1a64(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
    return '%016x' % h


def quote(path):
    # Spaces, '%' and control bytes would break the line format.
    return ''.join(chr(b) if 0x20 < b < 0x7f and b != 0x25 else '%%%02x' % b
                   for b in path)


stage, out = os.fsencode(sys.argv[1]), os.fsencode(sys.argv[2])
lines = []
for dirpath, dirs, files in os.walk(stage):
    for name in dirs + files:
        full = os.path.join(dirpath, name)
        if full == out:
            continue
        st = os.lstat(full)
        size, digest = 0, '-'
        if stat.S_ISREG(st.st_mode):
            kind = 'f'
            with open(full, 'rb') as f:
                data = f.read()
            size, digest = len(data), fnv1a64(data)
        elif stat.S_ISLNK(st.st_mode):
            kind = 'l'
            target = os.readlink(full)
            size, digest = len(target), fnv1a64(target)
        elif stat.S_ISDIR(st.st_mode):
            kind = 'd'
        else:
            kind = {stat.S_IFCHR: 'c', stat.S_IFBLK: 'b',
                    stat.S_IFIFO: 'p'}.get(stat.S_IFMT(st.st_mode), 's')
        nlink = st.st_nlink if kind == 'f' else 1
        path = b'/' + os.path.relpath(full, stage)
        lines.append((path, '%s %s %04o %d %d %s\n' % (
            quote(path), kind, stat.S_IMODE(st.st_mode), size, nlink,
            digest)))
# The archive must not depend on when it was packed: the manifest and its
# directory take the directory's old modification time.
parent = os.path.dirname(out)
os.makedirs(parent, exist_ok=True)
when = os.stat(parent).st_mtime_ns
with open(out, 'w') as f:
    f.writelines(line for _, line in sorted(lines))
os.utime(out, ns=(when, when))
os.utime(parent, ns=(when, when))
