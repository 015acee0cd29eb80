/*
 * Core dumps, as Linux's fs/coredump.c and binfmt_elf's elf_core_dump
 * write them with core_pattern "core": a process killed by a core signal
 * leaves an ELF core file named "core" in its working directory, for
 * gdb to read with the program. One PT_NOTE (the dying thread's registers
 * and FPU state, the process's names and ids, the siginfo) and a PT_LOAD
 * per mapping; pages never touched stay holes. Nothing is written under
 * an RLIMIT_CORE below a page, for a process running with ids it was not
 * started with (set-id: Linux's suid_dumpable 0), or over a file that is
 * not ours; the other threads' registers are not in it.
 */
#include <string.h>
#include <breenix/cred.h>
#include <breenix/elf.h>
#include <breenix/errno.h>
#include <breenix/mman.h>
#include <breenix/namei.h>
#include <breenix/pid.h>
#include <breenix/process.h>
#include <breenix/sched.h>
#include <breenix/signal.h>
#include <breenix/slab.h>
#include <breenix/time_conv.h>
#include <breenix/uaccess.h>
#include <breenix/vfs.h>
#include <breenix/vma.h>
#include <asm/fpu.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <uapi/linux/fcntl.h>
#include "proc_internal.h"

/* Note types (Linux's uapi elf.h). */
#define NT_PRSTATUS	1
#define NT_PRFPREG	2
#define NT_PRPSINFO	3
#define NT_SIGINFO	0x53494749

/* Linux's struct elf_prstatus on x86_64: 336 bytes, pr_reg is user_regs_struct. */
struct core_prstatus {
	int32_t si_signo, si_code, si_errno;
	int16_t cursig;
	uint64_t sigpend, sighold;
	int32_t pid, ppid, pgrp, sid;
	struct __kernel_old_timeval utime, stime, cutime, cstime;
	uint64_t reg[27];
	int32_t fpvalid;
};
_Static_assert(sizeof(struct core_prstatus) == 336, "Linux's elf_prstatus");

/* Linux's struct elf_prpsinfo on x86_64: 136 bytes. */
struct core_prpsinfo {
	char state, sname, zomb, nice;
	uint64_t flag;
	uint32_t uid, gid;
	int32_t pid, ppid, pgrp, sid;
	char fname[16];
	char psargs[80];
};
_Static_assert(sizeof(struct core_prpsinfo) == 136, "Linux's elf_prpsinfo");

/* The FXSAVE image is NT_PRFPREG's (user_i387_struct, Intel SDM 1 10.5.1). */
#define FXSAVE_SIZE	512
#define NOTE_NAME	"CORE"

struct core {
	struct file *file;
	loff_t pos;
	uint64_t limit;
	bool failed;
};

/* Bytes at the position, unless they would pass RLIMIT_CORE (then nothing more is). */
static void emit(struct core *c, const void *buf, size_t len)
{
	if (c->failed || (uint64_t)c->pos + len > c->limit ||
	    vfs_write(c->file, buf, len, &c->pos) != (long)len)
		c->failed = true;
}

static void emit_note(struct core *c, uint32_t type, const void *desc, uint32_t size)
{
	static const char zeros[4];
	uint32_t hdr[3] = { sizeof(NOTE_NAME), size, type };

	emit(c, hdr, sizeof(hdr));
	emit(c, NOTE_NAME "\0\0", 8);
	emit(c, desc, size);
	emit(c, zeros, (4 - size % 4) % 4);
}

static uint32_t note_size(uint32_t desc)
{
	return 12 + 8 + (desc + 3) / 4 * 4;
}

/* user_regs_struct's order (Linux's asm/user_64.h). */
static void fill_regs(uint64_t *r, const struct pt_regs *regs)
{
	const uint64_t v[27] = {
		regs->r15, regs->r14, regs->r13, regs->r12, regs->rbp, regs->rbx,
		regs->r11, regs->r10, regs->r9, regs->r8, regs->rax, regs->rcx,
		regs->rdx, regs->rsi, regs->rdi, regs->orig_rax, regs->rip,
		regs->cs, regs->rflags, regs->rsp, regs->ss,
		current->thread.fsbase, current->thread.gsbase, 0, 0, 0, 0,
	};

	memcpy(r, v, sizeof(v));
}

static void fill_ids(int32_t *pid, int32_t *ppid, int32_t *pgrp, int32_t *sid)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct signal_struct *sig = current->signal;

	*pid = current->tgid;
	*ppid = current->real_parent ? current->real_parent->tgid : 0;
	*pgrp = sig->pgrp ? sig->pgrp->nr : 0;
	*sid = sig->session ? sig->session->nr : 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

static void write_notes(struct core *c, const siginfo_t *info)
{
	struct core_prstatus st;
	struct core_prpsinfo ps;
	uint64_t u, s;

	memset(&st, 0, sizeof(st));
	st.si_signo = st.cursig = (int16_t)info->si_signo;
	st.si_code = info->si_code;
	st.sighold = current->blocked;
	st.sigpend = current->pending.signal | current->signal->shared_pending.signal;
	fill_ids(&st.pid, &st.ppid, &st.pgrp, &st.sid);
	/* NT_PRSTATUS is a thread's: its pid is the thread id. */
	st.pid = current->tid;
	task_cputime(current, &u, &s);
	st.utime = ns_to_timeval(u);
	st.stime = ns_to_timeval(s);
	st.cutime = ns_to_timeval(current->signal->cutime);
	st.cstime = ns_to_timeval(current->signal->cstime);
	fill_regs(st.reg, task_pt_regs(current));
	st.fpvalid = 1;
	emit_note(c, NT_PRSTATUS, &st, sizeof(st));

	memset(&ps, 0, sizeof(ps));
	ps.sname = 'R';
	ps.uid = current->cred->uid;
	ps.gid = current->cred->gid;
	fill_ids(&ps.pid, &ps.ppid, &ps.pgrp, &ps.sid);
	strlcpy(ps.fname, current->name, sizeof(ps.fname));
	strlcpy(ps.psargs, current->name, sizeof(ps.psargs));
	emit_note(c, NT_PRPSINFO, &ps, sizeof(ps));
	emit_note(c, NT_SIGINFO, info, sizeof(*info));
	/* The live FPU registers first: the image is what the thread had. */
	fpu_save(current->fpu_state);
	emit_note(c, NT_PRFPREG, current->fpu_state, FXSAVE_SIZE);
}

static uint32_t vma_pflags(const struct vm_area_struct *vma)
{
	return (vma->vm_flags & VMA_READ ? PF_R : 0) |
	       (vma->vm_flags & VMA_WRITE ? PF_W : 0) |
	       (vma->vm_flags & VMA_EXEC ? PF_X : 0);
}

static struct vm_area_struct *first_vma(struct mm_struct *mm)
{
	return list_empty(&mm->mmap) ? NULL :
	       list_entry(mm->mmap.next, struct vm_area_struct, vm_list);
}

/* The headers, then every readable mapping's touched pages (mmap_lock held). */
static void write_image(struct core *c, struct mm_struct *mm, const siginfo_t *info)
{
	uint32_t notes = note_size(sizeof(struct core_prstatus)) +
			 note_size(sizeof(struct core_prpsinfo)) +
			 note_size(sizeof(siginfo_t)) + note_size(FXSAVE_SIZE);
	struct vm_area_struct *vma;
	uint16_t nphdr = 1;
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	uint64_t off;
	void *page;

	for (vma = first_vma(mm); vma; vma = vma_next(mm, vma))
		nphdr++;
	memset(&eh, 0, sizeof(eh));
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_CORE;
	eh.e_machine = EM_X86_64;
	eh.e_version = EV_CURRENT;
	eh.e_phoff = sizeof(eh);
	eh.e_ehsize = sizeof(eh);
	eh.e_phentsize = sizeof(ph);
	eh.e_phnum = nphdr;
	emit(c, &eh, sizeof(eh));
	memset(&ph, 0, sizeof(ph));
	ph.p_type = PT_NOTE;
	ph.p_offset = sizeof(eh) + (uint64_t)nphdr * sizeof(ph);
	ph.p_filesz = notes;
	emit(c, &ph, sizeof(ph));
	off = (ph.p_offset + notes + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
	for (vma = first_vma(mm); vma; vma = vma_next(mm, vma)) {
		ph.p_type = PT_LOAD;
		ph.p_flags = vma_pflags(vma);
		ph.p_offset = off;
		ph.p_vaddr = vma->vm_start;
		ph.p_memsz = vma->vm_end - vma->vm_start;
		ph.p_filesz = vma->vm_flags & VMA_READ ? ph.p_memsz : 0;
		ph.p_align = PAGE_SIZE;
		off += ph.p_filesz;
		emit(c, &ph, sizeof(ph));
	}
	write_notes(c, info);
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page) {
		c->failed = true;
		return;
	}
	c->pos = (c->pos + PAGE_SIZE - 1) & ~(loff_t)(PAGE_SIZE - 1);
	for (vma = first_vma(mm); vma && !c->failed; vma = vma_next(mm, vma)) {
		uint64_t va;

		if (!(vma->vm_flags & VMA_READ))
			continue;
		for (va = vma->vm_start; va < vma->vm_end && !c->failed; va += PAGE_SIZE) {
			/* An untouched page reads as zeros: a hole in the file. */
			if (!user_page_present(mm, va) ||
			    copy_from_user(page, (const void *)va, PAGE_SIZE)) {
				c->pos += PAGE_SIZE;
				continue;
			}
			emit(c, page, PAGE_SIZE);
		}
	}
	kfree(page);
	/* A hole at the end still counts in the file's size, within the limit. */
	if ((uint64_t)c->pos > c->limit || (!c->failed && vfs_ftruncate(c->file, c->pos)))
		c->failed = true;
}

/* Linux's checks on the file it opened: a fresh regular file, ours alone. */
static bool core_file_ok(struct file *file)
{
	struct kstat st;

	return !vfs_fstat(file, &st) && S_ISREG(st.mode) && st.nlink == 1 &&
	       st.uid == current->cred->fsuid && (st.mode & 0677) == 0600;
}

static bool may_dump(void)
{
	const struct cred *c = current->cred;

	return current->mm && rlimit(RLIMIT_CORE) >= PAGE_SIZE &&
	       c->uid == c->euid && c->euid == c->suid &&
	       c->gid == c->egid && c->egid == c->sgid;
}

bool do_coredump(const siginfo_t *info)
{
	struct core c = { .limit = rlimit(RLIMIT_CORE) };
	struct mm_struct *mm = current->mm;
	struct lookup_at cwd;
	struct vfs_cred cred;
	int err;

	if (!may_dump())
		return false;
	current_vfs_cred(&cred, false);
	if (lookup_at_get(AT_FDCWD, "", true, &cwd))
		return false;
	/* A "core" already there goes first: a link planted there is never followed. */
	vfs_unlink(&cwd.at, "core", &cred);
	err = vfs_open(&cwd.at, "core", O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW,
		       0600, &cred, &c.file);
	lookup_at_put(&cwd);
	if (err)
		return false;
	if (core_file_ok(c.file)) {
		mutex_lock(&mm->mmap_lock);
		write_image(&c, mm, info);
		mutex_unlock(&mm->mmap_lock);
	} else {
		c.failed = true;
	}
	vfs_close(c.file);
	return !c.failed;
}
