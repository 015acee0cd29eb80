"""Boot Breenix under QEMU or Bochs for the tests and for tools/breenix: a FAT "config disk"
carries the kernel command line to GRUB, every wait on the serial port has a timeout, and a
guest is always killed and its files removed, whatever ends the run (exception, signal, SIGKILL)."""

import atexit
import codecs
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import termios
import threading
import time
import tty

PASS_STATUS = (0x10 << 1) | 1  # QEMU's exit status once the kernel writes 0x10 to isa-debug-exit
FAIL_STATUS = (0x11 << 1) | 1  # ... and 0x11
OVMF_CODE = "/usr/share/OVMF/OVMF_CODE_4M.fd"
OVMF_VARS = "/usr/share/OVMF/OVMF_VARS_4M.fd"
BOCHS_SHARE = "/usr/share/bochs"
# Bochs's own VBE adapter makes GRUB 2.06 corrupt its heap ("free magic is broken") when it
# sets a mode for a Multiboot2 framebuffer request; with the Cirrus adapter GRUB boots the
# kernel without a framebuffer, which the kernel treats as optional.
BOCHS_VGABIOS = "/usr/share/vgabios/vgabios.cirrus.bin"
# A partitionless FAT image whose size is a CHS geometry Bochs's ATA disk accepts
# (cylinders, heads, sectors: 20 * 16 * 63 * 512 = 10,321,920 bytes); QEMU takes it as is.
DISK_GEOMETRY = (20, 16, 63)
MEMORY_SLACK_MIB = 16  # firmware may keep up to this much of the guest's RAM out of the memory map
MEMORY_LINE = r"Memory: (?P<total>\d+) MiB total, (?P<usable>\d+) MiB usable"
BANNER = (
    r"Breenix \d+\.\d+\.\d+ \(.*\) x86_64",
    r"Boot loader: GRUB .+",
    r"Command line: (?P<cmdline>.*)",
    MEMORY_LINE,
)

_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")
_LINE_END = re.compile(r"\r\n|\r|\n")
_HERE = os.path.dirname(os.path.abspath(__file__))
_live_guests = set()
_handlers_installed = False


class HarnessError(Exception):
    """The guest did not do what the test expected (timeout, wrong output, wrong exit)."""


def kvm_usable():
    """KVM only where the CPU flags show vmx or svm and /dev/kvm opens (DESIGN.md, Testing)."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as cpuinfo:
            if not re.search(r"^flags\s*:.*\b(vmx|svm)\b", cpuinfo.read(), re.M):
                return False
        os.close(os.open("/dev/kvm", os.O_RDWR))
        return True
    except OSError:
        return False


def describe_status(status):
    """Say what a QEMU exit status means."""
    if status == PASS_STATUS:
        return f"{status} = PASS (kernel wrote 0x10 to isa-debug-exit)"
    if status == FAIL_STATUS:
        return f"{status} = FAIL (kernel wrote 0x11 to isa-debug-exit)"
    if status < 0:
        return f"killed by signal {-status}"
    return f"{status}, not an isa-debug-exit status (QEMU error, reset, or quit)"


def check_memory(match, mem_mib):
    """Check a MEMORY_LINE match against -m: total within MEMORY_SLACK_MIB below it, usable <= total."""
    total, usable = int(match["total"]), int(match["usable"])
    if not mem_mib - MEMORY_SLACK_MIB <= total <= mem_mib:
        raise HarnessError(f"kernel reports {total} MiB total for a {mem_mib} MiB guest "
                           f"(expected {mem_mib - MEMORY_SLACK_MIB}..{mem_mib})")
    if usable > total:
        raise HarnessError(f"kernel reports {usable} MiB usable, more than its {total} MiB total")
    return total, usable


def trace_pattern(func):
    """A call-trace line naming func+0xOFFSET, optionally /0xSIZE, as Linux prints them."""
    return rf".*\b(?P<func>{re.escape(func)})\+0x(?P<offset>[0-9a-f]+)(?:/0x(?P<size>[0-9a-f]+))?\b.*"


def check_trace_entry(match, elf):
    """Check a trace_pattern match against the kernel's symbol table: the offset lies inside the function."""
    sizes = _symbol_sizes(elf)
    func, offset = match["func"], int(match["offset"], 16)
    if func not in sizes:
        raise HarnessError(f"call trace names {func}, which {elf} does not define")
    if offset >= sizes[func]:
        raise HarnessError(f"call trace offset {func}+{offset:#x} lies past its size {sizes[func]:#x}")
    if match["size"] is not None and int(match["size"], 16) != sizes[func]:
        raise HarnessError(f"call trace gives {func} size 0x{match['size']}, the ELF says {sizes[func]:#x}")


def _symbol_sizes(elf):
    out = _run(["nm", "--defined-only", "-S", elf])
    sizes = {}
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 4:
            sizes[fields[3]] = int(fields[1], 16)
    return sizes


def _run(cmd, **kwargs):
    try:
        return subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs).stdout
    except FileNotFoundError as err:
        raise HarnessError(f"{cmd[0]} is not installed (tools/breenix installs what is needed)") from err
    except subprocess.CalledProcessError as err:
        raise HarnessError(f"{' '.join(cmd)} failed: {err.stderr.strip()}") from err


def grub_quote(text):
    """Quote text as one GRUB script word."""
    if "\n" in text:
        raise HarnessError("a kernel command line cannot hold a newline")
    return '"' + re.sub(r'([\\"$])', r"\\\1", text) + '"'


def make_config_disk(path, cmdline):
    """Write a FAT image holding /breenix-cmdline.cfg, which grub.cfg sources to set the command line."""
    cylinders, heads, sectors = DISK_GEOMETRY
    with open(path, "wb") as image:
        image.truncate(cylinders * heads * sectors * 512)
    cfg = path + ".cfg"
    with open(cfg, "w", encoding="utf-8") as out:
        out.write(f"set breenix_args={grub_quote(cmdline)}\n")
    _run(["mformat", "-i", path, "-t", str(cylinders), "-h", str(heads), "-s", str(sectors), "::"])
    _run(["mcopy", "-i", path, cfg, "::/breenix-cmdline.cfg"])


def _qemu_path(path):
    return os.path.abspath(path).replace(",", ",,")


def _qemu_machine(mem, serial, display, monitor, cpu):
    """The part of a QEMU command line every guest shares: accelerator, memory, serial port."""
    accel = ["-accel", "kvm", "-cpu", "host"] if kvm_usable() else ["-accel", "tcg", "-cpu", "max"]
    if cpu:
        accel[-1] = cpu
    return ["qemu-system-x86_64", *accel, "-m", str(mem), "-no-reboot",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-serial", serial, "-display", display,
            "-monitor", f"unix:{monitor},server=on,wait=off" if monitor else "none"]


def qemu_command(iso, workdir, firmware="bios", mem=256, cmdline=None, serial="stdio",
                 display="none", monitor=None, extra_args=(), cpu=None):
    """The QEMU command line: the ISO as the boot CD, the config disk when cmdline is given.
    cpu overrides the CPU model (to boot a CPU that lacks a feature, say)."""
    cmd = _qemu_machine(mem, serial, display, monitor, cpu) + [
        "-drive", f"if=none,id=cd0,media=cdrom,readonly=on,format=raw,file={_qemu_path(iso)}",
        "-device", "ide-cd,drive=cd0,bus=ide.1,bootindex=0"]
    if firmware == "uefi":
        cmd += _ovmf_args(workdir)
    elif firmware != "bios":
        raise HarnessError(f"unknown firmware {firmware!r} (bios or uefi)")
    if cmdline is not None:
        disk = os.path.join(workdir, "config.img")
        make_config_disk(disk, cmdline)
        # A boot index of its own, or OVMF (which connects only the devices in the
        # boot order) hides the disk from GRUB.
        cmd += ["-drive", f"if=none,id=cfg0,format=raw,file={_qemu_path(disk)}",
                "-device", "ide-hd,drive=cfg0,bus=ide.0,bootindex=1"]
    return cmd + list(extra_args)


def linux_kernel():
    """The newest Debian Linux kernel image in /boot, for running the same user programs under Linux."""
    images = sorted(name for name in os.listdir("/boot") if re.fullmatch(r"vmlinuz-.*", name))
    if not images:
        raise HarnessError("no /boot/vmlinuz-* (install linux-image-amd64)")
    return os.path.join("/boot", images[-1])


def make_initramfs(path, files):
    """Write a cpio "newc" archive (Linux's initramfs format) holding files, a {path in the
    archive: file on the host} map, with their directories, and /dev/console, which Linux
    opens for init's fds 0-2 (the archive is written here so that no root is needed)."""
    entries = {"dev": (0o040755, b""), "dev/console": (0o020600, b"")}
    for dest, src in files.items():
        dest = dest.strip("/")
        parts = dest.split("/")
        for i in range(1, len(parts)):
            entries.setdefault("/".join(parts[:i]), (0o040755, b""))
        with open(src, "rb") as data:
            entries[dest] = (0o100000 | (os.stat(src).st_mode & 0o7777), data.read())
    out = bytearray()
    for ino, name in enumerate(sorted(entries) + ["TRAILER!!!"], 1):
        mode, data = entries.get(name, (0, b""))
        rdev = (5, 1) if name == "dev/console" else (0, 0)  # the console's device number: 5:1
        fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1], len(name) + 1, 0]
        out += b"070701" + b"".join(b"%08x" % f for f in fields) + name.encode() + b"\0"
        out += b"\0" * (-len(out) % 4) + data
        out += b"\0" * (-len(out) % 4)
    with open(path, "wb") as archive:
        archive.write(out)


def _ovmf_args(workdir):
    variables = os.path.join(workdir, "OVMF_VARS.fd")
    try:
        shutil.copyfile(OVMF_VARS, variables)
    except OSError as err:
        raise HarnessError(f"cannot copy {OVMF_VARS} (is the ovmf package installed?): {err}") from err
    return ["-drive", f"if=pflash,format=raw,unit=0,readonly=on,file={OVMF_CODE}",
            "-drive", f"if=pflash,format=raw,unit=1,file={_qemu_path(variables)}"]


def bochs_config(iso, workdir, mem, cmdline, com1):
    """Write bochsrc (and the config disk) into workdir; return its path."""
    disk = ""
    if cmdline is not None:
        make_config_disk(os.path.join(workdir, "config.img"), cmdline)
        cylinders, heads, sectors = DISK_GEOMETRY
        disk = (f"ata0-master: type=disk, path=config.img, mode=flat, "
                f"cylinders={cylinders}, heads={heads}, spt={sectors}\n")
    rc = os.path.join(workdir, "bochsrc")
    with open(rc, "w", encoding="utf-8") as out:
        out.write(f"""memory: guest={mem}, host={mem}
cpu: model=corei7_skylake_x, count=1
romimage: file={BOCHS_SHARE}/BIOS-bochs-latest
vgaromimage: file={BOCHS_VGABIOS}
vga: extension=cirrus
display_library: rfb, options="timeout=0"
speaker: enabled=0
sound: driver=dummy
ata0: enabled=1, ioaddr1=0x1f0, ioaddr2=0x3f0, irq=14
{disk}ata0-slave: type=cdrom, path="{os.path.abspath(iso)}", status=inserted
boot: cdrom
com1: enabled=1, {com1}
log: bochs.log
panic: action=fatal
""")
    return rc


def bochs_command(workdir):
    """The Bochs command for the bochsrc in workdir, and its environment (the loopback shim)."""
    commands = os.path.join(workdir, "bochs.commands")
    with open(commands, "w", encoding="ascii") as out:
        out.write("c\n")  # Debian's Bochs is a debugger build: continue at its first prompt
    shim = os.path.join(workdir, "bochs_loopback.so")
    _run(["cc", "-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror",
          "-o", shim, os.path.join(_HERE, "bochs_loopback.c"), "-ldl"])
    env = dict(os.environ, LD_PRELOAD=shim)
    return ["bochs", "-q", "-f", os.path.join(workdir, "bochsrc"), "-rc", commands], env


def make_workdir():
    """A private temporary directory; ones left by killed harness processes are removed first."""
    root = tempfile.gettempdir()
    for name in os.listdir(root):
        found = re.fullmatch(r"breenix-harness-(\d+)-.*", name)
        if found and not _pid_alive(int(found[1])):
            shutil.rmtree(os.path.join(root, name), ignore_errors=True)
    return tempfile.mkdtemp(prefix=f"breenix-harness-{os.getpid()}-")


def _pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def spawn(cmd, **kwargs):
    """Start an emulator that is killed when this process dies, even by SIGKILL (parent-death signal)."""
    _install_cleanup_handlers()
    if shutil.which(cmd[0]) is None:
        raise HarnessError(f"{cmd[0]} is not installed (tools/breenix installs what is needed)")
    return subprocess.Popen(["setpriv", "--pdeathsig", "KILL", "--", *cmd], **kwargs)


def _install_cleanup_handlers():
    global _handlers_installed  # pylint: disable=global-statement
    if _handlers_installed:
        return
    _handlers_installed = True
    atexit.register(close_all)
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            signal.signal(signum, _exit_on_signal)


def _exit_on_signal(signum, _frame):
    raise SystemExit(f"harness stopped by signal {signal.Signals(signum).name}")


def close_all():
    """Kill every guest still running and remove its files."""
    for guest in list(_live_guests):
        guest.close()


def _tail(path, lines):
    try:
        with open(path, encoding="utf-8", errors="replace") as log:
            return "".join(log.readlines()[-lines:])
    except OSError:
        return ""


def interact(guest):
    """Join the terminal to the guest's serial port until the guest ends or the user types Ctrl-A X."""
    stdin = sys.stdin.fileno()
    saved = termios.tcgetattr(stdin) if os.isatty(stdin) else None
    if saved is not None:
        tty.setraw(stdin)
    try:
        escape = False
        while guest.proc.poll() is None:
            if not select.select([stdin], [], [], 0.1)[0]:
                continue
            data = os.read(stdin, 1024)
            if not data:  # no more input: watch the guest until it ends
                guest.proc.wait()
                return
            out = bytearray()
            for byte in data:
                if escape and byte in b"xX":
                    guest.send(bytes(out))
                    return
                escape = byte == 1 and not escape  # Ctrl-A Ctrl-A sends one Ctrl-A, as in QEMU
                if not escape:
                    out.append(byte)
            guest.send(bytes(out))
    finally:
        if saved is not None:
            termios.tcsetattr(stdin, termios.TCSADRAIN, saved)


class Guest:
    """A running emulator and what its serial port said, as lines (ANSI escapes removed)."""

    name = "guest"

    def __init__(self, echo=None):
        self.workdir = make_workdir()
        self.proc = None
        self.lines = []
        self._partial = ""
        self._cursor = 0
        self._eof = False
        self._echo = echo
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._cond = threading.Condition()
        self._reader = None
        _live_guests.add(self)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, _tb):
        if exc_type is not None:
            self.report(f"FAILED: {exc}")
        self.close()

    def _launch(self, cmd, reader, **kwargs):
        self.proc = spawn(cmd, start_new_session=True, cwd=self.workdir, **kwargs)
        self._reader = threading.Thread(target=reader, daemon=True)
        self._reader.start()

    def _feed(self, data):
        """Take raw serial bytes; b"" marks the end of output."""
        if self._echo is not None and data:
            self._echo.write(data)
            self._echo.flush()
        text = self._decoder.decode(data, final=not data)
        with self._cond:
            parts = _LINE_END.split(self._partial + text)
            self._partial = parts.pop()
            self.lines += [line for line in (_ANSI.sub("", part) for part in parts) if line.strip()]
            self._eof = not data
            self._cond.notify_all()

    def expect(self, pattern, timeout):
        """Wait for the next serial line that matches pattern as a whole and return the match.

        Lines before it are passed over; the next expect starts after it.
        """
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                while self._cursor < len(self.lines):
                    self._cursor += 1
                    found = regex.fullmatch(self.lines[self._cursor - 1])
                    if found:
                        return found
                remaining = deadline - time.monotonic()
                if self._eof or remaining <= 0:
                    why = "the guest stopped" if self._eof else f"not within {timeout:.0f} s"
                    raise HarnessError(f"no serial line matching {pattern!r}: {why}")
                self._cond.wait(remaining)

    def expect_banner(self, mem_mib, cmdline, timeout):
        """Expect the kernel's boot banner: its command line is cmdline and its memory fits -m."""
        deadline = time.monotonic() + timeout
        found = [self.expect(line, max(0.0, deadline - time.monotonic())) for line in BANNER]
        if found[2]["cmdline"] != cmdline:
            raise HarnessError(f"kernel command line is {found[2]['cmdline']!r}, expected {cmdline!r} "
                               "(did GRUB read the config disk?)")
        return check_memory(found[3], mem_mib)

    def wait_exit(self, timeout):
        """Wait for the emulator to end and for the last of its output; return its exit status."""
        try:
            status = self.proc.wait(timeout)
        except subprocess.TimeoutExpired as err:
            raise HarnessError(f"{self.name} did not exit within {timeout:.0f} s") from err
        self._reader.join(5)
        return status

    def lines_so_far(self):
        """A copy of the complete serial lines received so far."""
        with self._cond:
            return list(self.lines)

    def serial_log(self):
        with self._cond:
            return "\n".join(self.lines + ([self._partial] if self._partial else []))

    def emulator_log(self):
        """What the emulator itself said, for failure reports."""
        raise NotImplementedError

    def report(self, headline):
        """Print a failure with everything the guest and the emulator said."""
        out = sys.stdout
        out.write(f"{headline}\n---- serial log ({self.name}) ----\n{self.serial_log()}\n"
                  f"---- end of serial log ----\n")
        emulator = self.emulator_log().strip()
        if emulator:
            out.write(f"---- {self.name} said ----\n{emulator}\n---- end ----\n")
        out.flush()

    def close(self):
        """Kill the emulator's process group and remove the guest's files. Safe to repeat."""
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
        if self._reader is not None:
            self._reader.join(5)
        shutil.rmtree(self.workdir, ignore_errors=True)
        _live_guests.discard(self)


class Qemu(Guest):
    """QEMU with the serial port on pipes and, on request, an HMP monitor on a unix socket."""

    name = "QEMU"

    def __init__(self, iso, firmware="bios", mem=256, cmdline=None, monitor=False, extra_args=(), echo=None,
                 cpu=None):
        super().__init__(echo)
        self._monitor_path = os.path.join(self.workdir, "monitor.sock") if monitor else None
        self._monitor = None
        cmd = qemu_command(iso, self.workdir, firmware, mem, cmdline,
                           monitor=self._monitor_path, extra_args=extra_args, cpu=cpu)
        with open(os.path.join(self.workdir, "qemu.stderr"), "wb") as stderr:
            self._launch(cmd, self._read_pipe, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)

    def _read_pipe(self):
        while True:
            data = os.read(self.proc.stdout.fileno(), 65536)
            self._feed(data)
            if not data:
                return

    def send(self, data):
        """Write bytes (or text) to the guest's serial port."""
        self.proc.stdin.write(data.encode() if isinstance(data, str) else data)
        self.proc.stdin.flush()

    def monitor(self, command, timeout=10.0):
        """Run an HMP monitor command, e.g. "sendkey ctrl-alt-f2", and return what it printed."""
        if self._monitor_path is None:
            raise HarnessError("this QEMU was started without monitor=True")
        deadline = time.monotonic() + timeout
        if self._monitor is None:
            self._monitor = self._connect_monitor(deadline)
            self._read_monitor(deadline)
        self._monitor.sendall(command.encode() + b"\n")
        reply = self._read_monitor(deadline).splitlines()
        return "\n".join(line for line in reply[1:] if line.strip())  # reply[0] echoes the command

    def _connect_monitor(self, deadline):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        while True:
            try:
                sock.connect(self._monitor_path)
                return sock
            except (FileNotFoundError, ConnectionRefusedError) as err:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    sock.close()
                    raise HarnessError("QEMU monitor socket did not come up") from err
                time.sleep(0.05)

    def _read_monitor(self, deadline):
        reply = b""
        while not reply.endswith(b"(qemu) "):
            self._monitor.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                data = self._monitor.recv(4096)
            except socket.timeout as err:
                raise HarnessError(f"QEMU monitor gave no prompt; it said {reply!r}") from err
            if not data:
                raise HarnessError("QEMU closed its monitor")
            reply += data
        text = _ANSI.sub("", reply[:-len(b"(qemu) ")].decode("utf-8", "replace"))
        return text.replace("\r", "")

    def emulator_log(self):
        return _tail(os.path.join(self.workdir, "qemu.stderr"), 50)

    def close(self):
        if self._monitor is not None:
            self._monitor.close()
            self._monitor = None
        super().close()


class LinuxQemu(Qemu):
    """Debian's Linux kernel on the same QEMU machine as Breenix, with an initramfs of
    the given files (see make_initramfs), for running the same static programs on both."""

    name = "QEMU (Linux)"

    def __init__(self, kernel, files, cmdline, mem=256, echo=None):
        Guest.__init__(self, echo)  # pylint: disable=non-parent-init-called
        self._monitor_path = None
        self._monitor = None
        initrd = os.path.join(self.workdir, "initramfs.cpio")
        make_initramfs(initrd, files)
        cmd = _qemu_machine(mem, "stdio", "none", None, None) + [
            "-kernel", kernel, "-initrd", initrd, "-append", cmdline]
        with open(os.path.join(self.workdir, "qemu.stderr"), "wb") as stderr:
            self._launch(cmd, self._read_pipe, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)


class Bochs(Guest):
    """Bochs with COM1 on a pseudo-terminal; it ends when the kernel writes "Shutdown" to port 0x8900."""

    name = "Bochs"

    def __init__(self, iso, mem=256, cmdline=None, echo=None):
        super().__init__(echo)
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        bochs_config(iso, self.workdir, mem, cmdline, com1=f"mode=term, dev={os.ttyname(self._slave)}")
        cmd, env = bochs_command(self.workdir)
        with open(os.path.join(self.workdir, "bochs.out"), "wb") as out:
            self._launch(cmd, self._read_pty, stdin=subprocess.DEVNULL, stdout=out,
                         stderr=subprocess.STDOUT, env=env)

    def _read_pty(self):
        # The harness keeps the slave open (Bochs opens it by name), so the master never
        # reports end of file: the output ends when Bochs has exited and nothing is left.
        while True:
            running = self.proc.poll() is None
            if select.select([self._master], [], [], 0.05)[0]:
                self._feed(os.read(self._master, 65536))
            elif not running:
                self._feed(b"")
                return

    def send(self, data):
        """Write bytes (or text) to the guest's serial port."""
        os.write(self._master, data.encode() if isinstance(data, str) else data)

    def wait_exit(self, timeout):
        """As Guest.wait_exit, and the exit must be the kernel's shutdown request, not a Bochs error."""
        status = super().wait_exit(timeout)
        with open(os.path.join(self.workdir, "bochs.out"), encoding="utf-8", errors="replace") as out:
            shut_down = "Shutdown port: shutdown requested" in out.read()
        if not shut_down:
            raise HarnessError(f"Bochs stopped (status {status}) without the kernel's shutdown request")
        return status

    def emulator_log(self):
        return _tail(os.path.join(self.workdir, "bochs.out"), 12) + _tail(os.path.join(self.workdir, "bochs.log"), 20)

    def close(self):
        super().close()
        if self._master >= 0:
            os.close(self._master)
            os.close(self._slave)
            self._master = self._slave = -1
