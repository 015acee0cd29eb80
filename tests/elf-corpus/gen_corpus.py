#!/usr/bin/env python3
"""Writes the ELF corpus for exec's tests from a valid static binary and a
valid static PIE: the two as they are, a few other valid variants, and many
broken ones (truncated, bad identification, program headers out of range,
segments out of the file, overlapping, unsorted, in the kernel half or
overflowing, absurdly large, entry outside text, misaligned, bad PT_INTERP).

Each file is named for what is wrong with it, and a list file has one line
per file:  <name> <breenix> <linux>
  breenix: what execve gives on Breenix: 0 (runs, exits 0), ENOEXEC, ENOENT;
  linux:   what Linux gives: 0, ENOEXEC, ENOENT, or "any" where Linux's
           loader does not check (it may run the file, fail with another
           error, or kill the process after the point of no return).
The host unit test (tests/unit/elf) expects elf_check_image to give -ENOEXEC
exactly for breenix == ENOEXEC; the in-guest test runs every file.
"""
import argparse
import os
import struct

EHDR = struct.Struct('<16sHHIQQQIHHHHHH')
PHDR = struct.Struct('<IIQQQQQQ')
PT_NULL, PT_LOAD, PT_INTERP, PT_GNU_STACK = 0, 1, 3, 0x6474e551
PT_GNU_RELRO = 0x6474e552
PF_X = 1
TASK_SIZE = 0x7ffffffff000
PAGE = 0x1000


class Elf:
    """A parsed copy of an ELF file whose headers can be edited and rebuilt.
    A program header is a list in Elf64_Phdr order: type, flags, offset,
    vaddr, paddr, filesz, memsz, align (indices 0-7)."""

    def __init__(self, data):
        self.data = bytearray(data)
        self.eh = list(EHDR.unpack_from(data, 0))
        self.ph = [list(PHDR.unpack_from(data, self.phoff + i * PHDR.size))
                   for i in range(self.eh[10])]

    # Ehdr fields by name, in EHDR order.
    FIELDS = ['ident', 'type', 'machine', 'version', 'entry', 'phoff', 'shoff',
              'flags', 'ehsize', 'phentsize', 'phnum', 'shentsize', 'shnum',
              'shstrndx']

    def __getattr__(self, name):
        if name in Elf.FIELDS:
            return self.eh[Elf.FIELDS.index(name)]
        raise AttributeError(name)

    def set(self, name, value):
        self.eh[Elf.FIELDS.index(name)] = value
        return self

    def loads(self):
        return [p for p in self.ph if p[0] == PT_LOAD]

    def first(self, ptype):
        return next(p for p in self.ph if p[0] == ptype)

    def text(self):
        return next(p for p in self.loads() if p[1] & PF_X)

    def build(self, write_phdrs=True):
        out = bytearray(self.data)
        EHDR.pack_into(out, 0, *self.eh)
        if write_phdrs:
            for i, p in enumerate(self.ph):
                PHDR.pack_into(out, self.phoff + i * PHDR.size, *p)
        return bytes(out)


def copy(elf):
    return Elf(elf.build())


def with_phdrs_at_end(elf, count):
    """The table moved to the end of the file and padded with PT_NULL to
    count entries; a new PT_LOAD (in place of PT_GNU_RELRO) maps it so that
    AT_PHDR points at it, as musl's start-up needs."""
    e = copy(elf)
    off = (len(e.data) + PAGE - 1) & ~(PAGE - 1)
    size = count * PHDR.size
    e.data += bytes(off - len(e.data) + size)
    ph = [p for p in e.ph if p[0] != PT_GNU_RELRO]
    top = max(p[3] + p[6] for p in e.loads())
    vaddr = (top + PAGE - 1) & ~(PAGE - 1)
    ph.append([PT_LOAD, 4, off, vaddr, vaddr, size, size, PAGE])
    ph += [[PT_NULL, 0, 0, 0, 0, 0, 0, 0]] * (count - len(ph))
    e.ph = ph
    e.set('phoff', off).set('phnum', count)
    return e.build()


def variants(st, pie):
    """Yields (name, bytes, breenix, linux)."""
    raw = st.build()
    size = len(raw)
    text = st.text()
    data = st.loads()[-1]

    yield 'ok-static.elf', raw, '0', '0'
    yield 'ok-pie.elf', pie.build(), '0', '0'
    # Section headers are not needed to run: cut them off.
    end = max(p[2] + p[5] for p in st.loads())
    yield 'ok-static-no-shdrs.elf', raw[:end], '0', '0'
    e = copy(st)
    e.first(PT_GNU_STACK)[1] |= PF_X
    yield 'ok-static-execstack.elf', e.build(), '0', '0'
    e = copy(pie)
    e.ph = [p for p in e.ph if p[0] != PT_GNU_STACK]
    e.set('phnum', len(e.ph))
    yield 'ok-pie-no-gnu-stack.elf', e.build(), '0', '0'
    # Linux's limit: 64 KiB of program headers, 1170 of them (6.18 runs it;
    # Debian 12's 6.1 refuses it with ENOEXEC, so Linux's answer varies).
    yield 'ok-phnum-1170.elf', with_phdrs_at_end(st, 1170), '0', 'any'
    yield 'bad-phnum-1171.elf', with_phdrs_at_end(st, 1171), 'ENOEXEC', 'ENOEXEC'

    yield 'empty.elf', b'', 'ENOEXEC', 'ENOEXEC'
    phend = st.phoff + st.phnum * PHDR.size
    for n in sorted({1, 4, 16, 52, 63, 64, 64 + PHDR.size - 1, phend - 1}):
        yield 'truncated-%d.elf' % n, raw[:n], 'ENOEXEC', 'ENOEXEC'
    cut = text[2] + text[5] // 2
    yield 'truncated-in-text.elf', raw[:cut], 'ENOEXEC', 'any'
    cut = data[2] + data[5] - 1
    yield 'truncated-in-data.elf', raw[:cut], 'ENOEXEC', 'any'

    def ident(i, v):
        b = bytearray(raw)
        b[i] = v
        return bytes(b)
    yield 'bad-magic.elf', b'\x7fELG' + raw[4:], 'ENOEXEC', 'ENOEXEC'
    yield 'bad-magic-0.elf', ident(0, 0x7e), 'ENOEXEC', 'ENOEXEC'
    yield 'bad-class-32.elf', ident(4, 1), 'ENOEXEC', 'any'
    yield 'bad-class-none.elf', ident(4, 0), 'ENOEXEC', 'any'
    yield 'bad-data-msb.elf', ident(5, 2), 'ENOEXEC', 'any'
    yield 'bad-data-none.elf', ident(5, 0), 'ENOEXEC', 'any'
    yield 'bad-ident-version.elf', ident(6, 0), 'ENOEXEC', 'any'

    def hdr(field, value):
        return copy(st).set(field, value).build(write_phdrs=False)
    yield 'bad-version.elf', hdr('version', 0), 'ENOEXEC', 'any'
    yield 'bad-type-none.elf', hdr('type', 0), 'ENOEXEC', 'ENOEXEC'
    yield 'bad-type-rel.elf', hdr('type', 1), 'ENOEXEC', 'ENOEXEC'
    yield 'bad-type-core.elf', hdr('type', 4), 'ENOEXEC', 'ENOEXEC'
    yield 'bad-machine-386.elf', hdr('machine', 3), 'ENOEXEC', 'ENOEXEC'
    yield 'bad-machine-aarch64.elf', hdr('machine', 183), 'ENOEXEC', 'ENOEXEC'
    yield 'bad-phentsize-0.elf', hdr('phentsize', 0), 'ENOEXEC', 'ENOEXEC'
    yield 'bad-phentsize-32.elf', hdr('phentsize', 32), 'ENOEXEC', 'ENOEXEC'
    yield 'bad-phentsize-64.elf', hdr('phentsize', 64), 'ENOEXEC', 'ENOEXEC'
    yield 'bad-phnum-0.elf', hdr('phnum', 0), 'ENOEXEC', 'ENOEXEC'
    yield 'bad-phnum-65535.elf', hdr('phnum', 65535), 'ENOEXEC', 'ENOEXEC'
    yield 'bad-phoff-beyond.elf', hdr('phoff', size), 'ENOEXEC', 'ENOEXEC'
    yield ('bad-phoff-partial.elf',
           hdr('phoff', size - st.phnum * PHDR.size + 8), 'ENOEXEC', 'ENOEXEC')
    yield ('bad-phoff-overflow.elf', hdr('phoff', 2**64 - 8), 'ENOEXEC',
           'ENOEXEC')

    def seg(name, edit, elf=st, breenix='ENOEXEC', linux='any'):
        e = copy(elf)
        edit(e)
        return name, e.build(), breenix, linux

    def text_of(e):
        return e.text()

    def data_of(e):
        return e.loads()[-1]

    def setf(getp, i, value):
        def edit(e):
            getp(e)[i] = value(e) if callable(value) else value
        return edit

    page_up = (size + PAGE - 1) & ~(PAGE - 1)
    yield seg('load-offset-beyond.elf',
              setf(text_of, 2, lambda e: e.text()[2] + page_up))
    yield seg('load-filesz-beyond.elf', lambda e: e.text().__setitem__(
        slice(5, 7), [size, size]))
    yield seg('load-offset-overflow.elf',
              setf(text_of, 2, 2**64 - PAGE + (text[3] & (PAGE - 1))))
    yield seg('load-filesz-gt-memsz.elf',
              setf(data_of, 5, lambda e: e.loads()[-1][6] + 1))
    # The data segment moved onto the text's pages, then onto the page of
    # the read-only segment just below it (same file page: only the page
    # granularity of the check can see it).
    yield seg('load-overlap.elf', lambda e: data_of(e).__setitem__(
        slice(3, 5), [text[3] + (data[3] & (PAGE - 1)) - (text[3] & (PAGE - 1))] * 2))
    ro = st.loads()[2]
    yield seg('load-overlap-same-page.elf', lambda e: data_of(e).__setitem__(
        slice(3, 5), [(ro[3] & ~(PAGE - 1)) | (data[3] & (PAGE - 1))] * 2))

    def swap(e):
        i, j = [k for k, p in enumerate(e.ph) if p[0] == PT_LOAD][1:3]
        e.ph[i], e.ph[j] = e.ph[j], e.ph[i]
    yield seg('load-unsorted.elf', swap)

    def move_text(vaddr):
        def edit(e):
            t = e.text()
            e.set('entry', e.entry - t[3] + vaddr)
            t[3] = t[4] = vaddr
        return edit
    yield seg('load-vaddr-kernel.elf', move_text(0xffffffff80001000))
    yield seg('load-vaddr-noncanonical.elf', move_text(0x0000800000001000))
    yield seg('load-vaddr-task-size.elf', setf(
        data_of, 3, TASK_SIZE + (data[3] & (PAGE - 1))))
    yield seg('load-end-above-task-size.elf', setf(
        data_of, 3, TASK_SIZE - PAGE + (data[3] & (PAGE - 1))))
    yield seg('load-vaddr-overflow.elf', setf(
        data_of, 3, 2**64 - PAGE + (data[3] & (PAGE - 1))))
    yield seg('load-memsz-huge.elf', setf(data_of, 6, 1 << 48))
    yield seg('load-memsz-max.elf', setf(data_of, 6, 2**64 - 1))
    yield seg('load-misaligned-offset.elf',
              setf(text_of, 2, lambda e: e.text()[2] + 1))
    yield seg('load-misaligned-vaddr.elf',
              setf(text_of, 3, lambda e: e.text()[3] + 8))

    def page0(e):
        for p in e.loads():
            p[3] -= st.loads()[0][3]
            p[4] = p[3]
        e.set('entry', e.entry - st.loads()[0][3])
    yield seg('load-page0.elf', page0)

    def no_load(e):
        for p in e.loads():
            p[0] = PT_NULL
    yield seg('no-load.elf', no_load)

    yield seg('entry-zero.elf', lambda e: e.set('entry', 0))
    yield seg('entry-in-data.elf', lambda e: e.set('entry', data[3]))
    yield seg('entry-after-text.elf',
              lambda e: e.set('entry', text[3] + text[6] + PAGE))
    yield seg('entry-kernel.elf', lambda e: e.set('entry', 0xffffffff80000000))

    def interp(off, filesz):
        def edit(e):
            p = e.first(PT_GNU_RELRO)
            p[:] = [PT_INTERP, 4, off, 0, 0, filesz, filesz, 1]
        return edit
    # "\x7fEL" is not a terminated string.
    yield seg('interp-unterminated.elf', interp(0, 3), linux='ENOEXEC')
    yield seg('interp-short.elf', interp(0, 1), linux='ENOEXEC')
    yield seg('interp-long.elf', interp(0, 4097), linux='ENOEXEC')
    yield seg('interp-beyond.elf', interp(size, 32))
    e = copy(st)
    path = b'/nonexistent/ld-breenix.so\0'
    e.data += path
    interp(size, len(path))(e)
    yield 'interp-missing.elf', e.build(), 'ENOENT', 'ENOENT'

    def pie_shift(e):
        for p in e.loads():
            p[3] += 0x7fff00000000
            p[4] = p[3]
        e.set('entry', e.entry + 0x7fff00000000)
    yield seg('pie-vaddr-high.elf', pie_shift, elf=pie)

    def pie_align(e):
        for p in e.loads():
            p[7] = 1 << 47
    yield seg('pie-align-huge.elf', pie_align, elf=pie)
    yield seg('pie-entry-outside.elf', lambda e: e.set('entry', 0), elf=pie)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--static', required=True, help='a valid static ET_EXEC')
    ap.add_argument('--pie', required=True, help='a valid static-PIE ET_DYN')
    ap.add_argument('--out', required=True, help='directory to write into')
    ap.add_argument('--list', required=True, help='the list file to write')
    args = ap.parse_args()
    with open(args.static, 'rb') as f:
        st = Elf(f.read())
    with open(args.pie, 'rb') as f:
        pie = Elf(f.read())
    os.makedirs(args.out, exist_ok=True)
    lines = []
    names = set()
    for name, blob, breenix, linux in variants(st, pie):
        assert name not in names, name
        names.add(name)
        with open(os.path.join(args.out, name), 'wb') as f:
            f.write(blob)
        os.chmod(os.path.join(args.out, name), 0o755)
        lines.append('%s %s %s\n' % (name, breenix, linux))
    with open(args.list, 'w') as f:
        f.writelines(lines)


if __name__ == '__main__':
    main()
