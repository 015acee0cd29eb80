#!/usr/bin/env python3
"""Generate the syscall dispatch table and the userland's syscall headers
from kernel/syscalls.tbl (see its header for the format)."""
import argparse
import re
import sys

MAX_ARGS = 6
ARG_LETTERS = set("duxopsb")


def parse(path):
    entries = {}
    names = set()
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = line.split()
            where = f"{path}:{lineno}"
            if len(fields) != 4:
                sys.exit(f"{where}: expected 4 fields, got {len(fields)}")
            nr, name, entry, args = fields
            if not nr.isdigit() or int(nr) >= 1024:
                sys.exit(f"{where}: bad number {nr!r}")
            for word in (name, entry):
                if not re.fullmatch(r"[a-z_][a-z0-9_]*", word):
                    sys.exit(f"{where}: bad identifier {word!r}")
            noreturn = args.endswith("!")
            args = args.rstrip("!")
            letters = [] if args in ("-", "") else args.split(",")
            if len(letters) > MAX_ARGS or any(a not in ARG_LETTERS for a in letters):
                sys.exit(f"{where}: bad argument list {args!r}")
            nr = int(nr)
            if nr in entries:
                sys.exit(f"{where}: number {nr} listed twice")
            if name in names:
                sys.exit(f"{where}: name {name} listed twice")
            names.add(name)
            entries[nr] = (name, entry, "".join(letters), noreturn)
    if not entries:
        sys.exit(f"{path}: no syscalls")
    return entries


def write(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def kernel_table(entries):
    nr_max = max(entries) + 1
    out = ["/* Generated from kernel/syscalls.tbl by tools/gen_syscalls.py. */",
           "#include <stddef.h>",
           "#include <breenix/syscall.h>",
           "#include <breenix/syscall_table.h>",
           ""]
    for entry in sorted({e[1] for e in entries.values()}):
        out.append(f"long __x64_sys_{entry}(const struct pt_regs *regs);")
    out += ["", f"const unsigned int nr_syscalls = {nr_max};", "",
            "const struct syscall_desc syscall_table[] = {"]
    for nr in sorted(entries):
        name, entry, args, noreturn = entries[nr]
        flag = "true" if noreturn else "false"
        out.append(f'\t[{nr}] = {{ __x64_sys_{entry}, "{name}", "{args}", {flag} }},')
    out += ["};", ""]
    return "\n".join(out)


def unistd(entries):
    out = ["/* Generated from kernel/syscalls.tbl by tools/gen_syscalls.py. */",
           "#ifndef _ASM_UNISTD_64_H", "#define _ASM_UNISTD_64_H", ""]
    for nr in sorted(entries):
        out.append(f"#define __NR_{entries[nr][0]} {nr}")
    out += ["", "#endif", ""]
    return "\n".join(out)


def sys_syscall(entries):
    out = ["/* Generated from kernel/syscalls.tbl by tools/gen_syscalls.py. */",
           "#ifndef _SYS_SYSCALL_H", "#define _SYS_SYSCALL_H", "",
           "#include <asm/unistd_64.h>", ""]
    for nr in sorted(entries):
        name = entries[nr][0]
        out.append(f"#define SYS_{name} __NR_{name}")
    out += ["", "#endif", ""]
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("table")
    p.add_argument("--kernel-table", required=True)
    p.add_argument("--unistd", required=True)
    p.add_argument("--sys-syscall", required=True)
    a = p.parse_args()
    entries = parse(a.table)
    write(a.kernel_table, kernel_table(entries))
    write(a.unistd, unistd(entries))
    write(a.sys_syscall, sys_syscall(entries))


if __name__ == "__main__":
    main()
