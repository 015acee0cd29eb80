/*
 * execve and execveat: replace the calling process's image with a program
 * from the filesystem (ELF64: static, static-PIE, or dynamic through its
 * PT_INTERP; or a #! script). The new address space is built completely
 * before the old one is given up, so an exec that fails leaves the caller
 * exactly as it was; past that point nothing can fail. As Linux's fs/exec.c
 * and fs/binfmt_{elf,script}.c, with the checks in kernel/lib/elf_check.c.
 */
#include <string.h>
#include <breenix/binfmt.h>
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/exec.h>
#include <breenix/fdtable.h>
#include <breenix/fs_struct.h>
#include <breenix/mm.h>
#include <breenix/mman.h>
#include <breenix/namei.h>
#include <breenix/pid.h>
#include <breenix/preempt.h>
#include <breenix/process.h>
#include <breenix/random.h>
#include <breenix/sched.h>
#include <breenix/signal.h>
#include <breenix/slab.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
#include <breenix/uaccess.h>
#include <breenix/vfs.h>
#include <breenix/vmalloc.h>
#include <asm/mman.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <linux/fcntl.h>
#include <linux/resource.h>
#include "proc_internal.h"

/* Linux's limits on the arguments (include/uapi/linux/binfmts.h, fs/exec.c). */
/*
 * One string may take 32 pages with its NUL; all of them at least 32 pages
 * (ARG_MAX) and at most 3/4 of _STK_LIM, the default stack limit.
 */
#define MAX_ARG_STRLEN		(32 * PAGE_SIZE)
#define MAX_ARG_STRINGS		0x7fffffffU
#define ARG_MAX			(32 * PAGE_SIZE)
#define STK_LIM			(8UL << 20)

/* #! scripts may name scripts this deep (Linux's exec_binprm). */
#define EXEC_MAX_DEPTH		5

/*
 * The stack's top is TASK_SIZE, Linux's STACK_TOP without randomisation:
 * the page below the non-canonical hole stays unmapped (TASK_SIZE is
 * 2^47 - 4096), so user code can never run into it. Its first VMA holds
 * the arguments plus 128 KiB, as Linux's setup_arg_pages.
 */
#define STACK_TOP		TASK_SIZE
#define STACK_EXPAND		(128UL << 10)

/* Linux's mmap_base: the stack limit and guard gap, clamped to [128 MiB, 5/6]. */
#define MMAP_GAP_MIN		(128ULL << 20)
#define MMAP_GAP_MAX		(TASK_SIZE / 6 * 5)
#define STACK_GUARD_GAP		(256 * PAGE_SIZE)

/* times() ticks per second as user space sees them (Linux's USER_HZ). */
#define USER_HZ			100

/* Bytes of the file exec copies at a time into the new address space. */
#define EXEC_CHUNK		(16 * 1024)

/* The argument strings up to this size live in kmalloc memory, then vmalloc. */
#define STRINGS_KMALLOC_MAX	KMALLOC_MAX_CACHE_SIZE

/* Where argv and envp come from: user memory, or the kernel's (PID 1). */
struct arg_src {
	const char *const *ptrs;
	bool kernel;
};

/*
 * One exec in progress (Linux's linux_binprm). The argument strings are
 * gathered from the top of buf down, in the order they take on the stack
 * (argv, envp, the filename), with 8 zero bytes above them: buf's end is
 * the stack's top, so the stack image is built in place below them.
 */
struct linux_binprm {
	char *buf;
	size_t cap;			/* bytes in buf */
	size_t p;			/* the lowest string byte in buf */
	bool buf_vmalloc;
	size_t str_limit;		/* string bytes allowed (Linux's argmin) */
	unsigned int argc, envc;
	const char *filename;		/* as given: AT_EXECFN and the task name */
	char *interp;			/* the file being loaded now (kmalloc) */
	struct file *file;
	loff_t size;			/* of file */
	char head[BINPRM_BUF_SIZE];	/* its first bytes, zero-padded */
	struct vfs_cred cred;
	struct lookup_at cwd;		/* where interpreters are looked up */
	bool have_cwd;
	void *chunk;			/* EXEC_CHUNK bytes to copy the file through */
	/* The credentials the new image runs with (installed past the point of no return). */
	struct cred *new_cred;
	bool secureexec;		/* AT_SECURE: the image gained privilege */
	/* What the loader made: */
	struct mm_struct *mm;
	uint64_t entry, sp;
};

static void *strings_alloc(size_t size, bool *vm)
{
	*vm = size > STRINGS_KMALLOC_MAX;
	return *vm ? vmalloc(size) : kmalloc(size, GFP_KERNEL);
}

static void strings_free(void *p, bool vm)
{
	if (vm)
		vfree(p);
	else
		kfree(p);
}

/* Makes room for @below bytes under the strings: they move to a bigger buffer's end. */
static int strings_grow(struct linux_binprm *bprm, size_t below)
{
	size_t used = bprm->cap - bprm->p, cap = bprm->cap;
	bool vm;
	char *nbuf;

	if (bprm->p >= below)
		return 0;
	while (cap - used < below)
		cap *= 2;
	nbuf = strings_alloc(cap, &vm);
	if (!nbuf)
		return -ENOMEM;
	memcpy(nbuf + cap - used, bprm->buf + bprm->p, used);
	strings_free(bprm->buf, bprm->buf_vmalloc);
	bprm->buf = nbuf;
	bprm->buf_vmalloc = vm;
	bprm->p = cap - used;
	bprm->cap = cap;
	return 0;
}

/* The bytes of strings gathered so far (the 8-byte end marker not counted). */
static size_t strings_used(const struct linux_binprm *bprm)
{
	return bprm->cap - sizeof(uint64_t) - bprm->p;
}

/* Puts a kernel string below the others (Linux's copy_string_kernel). */
static int push_string(struct linux_binprm *bprm, const char *s)
{
	size_t len = strlen(s) + 1;
	int err;

	if (len > MAX_ARG_STRLEN || len > bprm->str_limit - strings_used(bprm))
		return -E2BIG;
	err = strings_grow(bprm, len);
	if (err)
		return err;
	bprm->p -= len;
	memcpy(bprm->buf + bprm->p, s, len);
	return 0;
}

static int get_arg(const struct arg_src *src, unsigned int i, const char **out)
{
	if (src->kernel) {
		*out = src->ptrs[i];
		return 0;
	}
	/* argv and envp are user arrays of user pointers. */
	return get_user(*out, src->ptrs + i);
}

/* How many pointers before the NULL (Linux's count): -EFAULT, -E2BIG. */
static long count_args(const struct arg_src *src)
{
	unsigned int i;
	const char *s;
	int err;

	if (!src->ptrs)
		return 0;
	for (i = 0;; i++) {
		if (i >= MAX_ARG_STRINGS)
			return -E2BIG;
		err = get_arg(src, i, &s);
		if (err)
			return err;
		if (!s)
			return i;
	}
}

/*
 * Copies strings [0, n) of @src below the others, the last first, as
 * Linux's copy_strings: each at most MAX_ARG_STRLEN, all within the limit.
 */
static int copy_strings(struct linux_binprm *bprm, const struct arg_src *src,
			unsigned int n)
{
	while (n-- > 0) {
		const char *s;
		size_t len;
		int err = get_arg(src, n, &s);

		if (err)
			return err;
		if (src->kernel) {
			len = strnlen(s, MAX_ARG_STRLEN) + 1;
		} else {
			/* The length as it is now; the copy below is bounded by it. */
			len = strnlen_user(s, MAX_ARG_STRLEN);
			if (!len)
				return -EFAULT;
		}
		if (len > MAX_ARG_STRLEN ||
		    len > bprm->str_limit - strings_used(bprm))
			return -E2BIG;
		err = strings_grow(bprm, len);
		if (err)
			return err;
		if (src->kernel)
			memcpy(bprm->buf + bprm->p - len, s, len);
		else if (copy_from_user(bprm->buf + bprm->p - len, s, len))
			return -EFAULT;
		bprm->p -= len;
		/* A string changed since it was measured still ends here. */
		bprm->buf[bprm->p + len - 1] = '\0';
	}
	return 0;
}

/*
 * Linux's bprm_stack_limits: strings and their pointers may take a quarter
 * of RLIMIT_STACK, at most 6 MiB and at least 128 KiB; an empty argv
 * counts as one pointer, for the "" that takes its place.
 */
static int stack_limits(struct linux_binprm *bprm)
{
	uint64_t limit = STK_LIM / 4 * 3, ptrs;
	uint64_t rlim = rlimit(RLIMIT_STACK) / 4;

	if (rlim < limit)
		limit = rlim;
	if (limit < ARG_MAX)
		limit = ARG_MAX;
	ptrs = ((uint64_t)(bprm->argc ? bprm->argc : 1) + bprm->envc) *
	       sizeof(void *);
	if (limit <= ptrs)
		return -E2BIG;
	bprm->str_limit = limit - ptrs;
	return 0;
}

static int read_exact(struct file *file, void *buf, size_t len, loff_t pos)
{
	while (len) {
		long n = vfs_read(file, buf, len, &pos);

		if (n < 0)
			return (int)n;
		/* The file shrank under us. */
		if (!n)
			return -EIO;
		buf = (char *)buf + n;
		len -= (size_t)n;
	}
	return 0;
}

/* Opens a file to run and reads its size and first bytes. */
static int open_binary(const struct vfs_at *at, const char *name,
		       unsigned int lookup, const struct vfs_cred *cred,
		       struct file **out, loff_t *size, void *head,
		       size_t head_len)
{
	struct kstat st;
	struct file *file;
	int err = vfs_open_exec(at, name, lookup, cred, &file);

	if (err)
		return err;
	err = vfs_fstat(file, &st);
	if (!err) {
		memset(head, 0, head_len);
		if ((uint64_t)st.size < head_len)
			head_len = (size_t)st.size;
		err = read_exact(file, head, head_len, 0);
	}
	if (err) {
		vfs_close(file);
		return err;
	}
	*out = file;
	*size = st.size;
	return 0;
}

/* Copies file bytes [off, off + len) to @addr in @mm through bprm->chunk. */
static int copy_file_to_mm(struct linux_binprm *bprm, struct mm_struct *mm,
			   struct file *file, uint64_t off, uint64_t addr,
			   uint64_t len)
{
	while (len) {
		size_t n = len < EXEC_CHUNK ? (size_t)len : EXEC_CHUNK;
		int err = read_exact(file, bprm->chunk, n, (loff_t)off);

		if (!err)
			err = mm_write_force(mm, addr, bprm->chunk, n);
		if (err)
			return err;
		off += n;
		addr += n;
		len -= n;
	}
	return 0;
}

/*
 * Maps each PT_LOAD as fresh anonymous memory with the segment's
 * permissions and fills in its file bytes from the start of the first page
 * (as a file mapping would show them); the rest of the last file page and
 * the bss stay zero.
 */
static int map_segments(struct linux_binprm *bprm, struct mm_struct *mm,
			struct file *file, const void *phdrs,
			const struct elf_info *info, uint64_t bias)
{
	const unsigned char *ph = phdrs;
	unsigned int i;

	for (i = 0; i < info->phnum; i++) {
		uint64_t start, end, fstart;
		Elf64_Phdr p;
		long addr;
		int err;

		memcpy(&p, ph + i * sizeof(p), sizeof(p));
		if (p.p_type != PT_LOAD || !p.p_memsz)
			continue;
		start = ELF_PAGESTART(p.p_vaddr + bias);
		end = ELF_PAGESTART(p.p_vaddr + bias + p.p_memsz +
				    ELF_MIN_ALIGN - 1);
		addr = vm_mmap(mm, start, end - start, elf_prot(p.p_flags),
			       MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS);
		if (addr < 0)
			return (int)addr;
		if (!p.p_filesz)
			continue;
		fstart = ELF_PAGESTART(p.p_offset);
		err = copy_file_to_mm(bprm, mm, file, fstart, start,
				      p.p_offset + p.p_filesz - fstart);
		if (err)
			return err;
	}
	return 0;
}

/* Linux's mmap_base without randomisation: below the stack's room. */
static uint64_t exec_mmap_base(void)
{
	uint64_t gap = rlimit(RLIMIT_STACK);

	/* A limit near RLIM_INFINITY must not wrap. */
	if (gap + STACK_GUARD_GAP > gap)
		gap += STACK_GUARD_GAP;
	if (gap < MMAP_GAP_MIN)
		gap = MMAP_GAP_MIN;
	else if (gap > MMAP_GAP_MAX)
		gap = MMAP_GAP_MAX;
	return ELF_PAGESTART(TASK_SIZE - gap);
}

/* The PT_INTERP program, checked and opened, before anything is mapped. */
struct elf_interp {
	struct file *file;
	loff_t size;
	struct elf_info info;
	void *phdrs;
};

static int read_phdrs(struct file *file, uint64_t size, struct elf_info *info,
		      void **out)
{
	size_t len = (size_t)info->phnum * sizeof(Elf64_Phdr);
	void *phdrs = kmalloc(len, GFP_KERNEL);
	int err;

	if (!phdrs)
		return -ENOMEM;
	err = read_exact(file, phdrs, len, (loff_t)info->phoff);
	if (!err)
		err = elf_check_phdrs(phdrs, size, info);
	if (err) {
		kfree(phdrs);
		return err;
	}
	*out = phdrs;
	return 0;
}

static int open_interp(struct linux_binprm *bprm, const struct elf_info *info,
		       struct elf_interp *in)
{
	unsigned char head[sizeof(Elf64_Ehdr)];
	char *path = kmalloc(info->interp_len, GFP_KERNEL);
	int err;

	if (!path)
		return -ENOMEM;
	err = read_exact(bprm->file, path, info->interp_len,
			 (loff_t)info->interp_off);
	if (!err)
		err = elf_check_interp(path, info->interp_len);
	if (!err)
		err = open_binary(&bprm->cwd.at, path, LOOKUP_FOLLOW,
				  &bprm->cred, &in->file,
				  &in->size, head, sizeof(head));
	kfree(path);
	if (err)
		return err;
	err = elf_check_ehdr(head, sizeof(head), (uint64_t)in->size, &in->info);
	if (!err)
		err = read_phdrs(in->file, (uint64_t)in->size, &in->info,
				 &in->phdrs);
	/* Linux's word for an interpreter that is not a usable ELF file. */
	if (err == -ENOEXEC)
		err = -ELIBBAD;
	if (err) {
		vfs_close(in->file);
		in->file = NULL;
	}
	return err;
}

/*
 * The interpreter goes where the mmap allocator would put a mapping of its
 * size (below mmap_base), as Linux maps an ET_DYN interpreter; an ET_EXEC
 * one at its own addresses.
 */
static int load_interp(struct linux_binprm *bprm, struct mm_struct *mm,
		       struct elf_interp *in, uint64_t *bias)
{
	uint64_t size = in->info.hi - in->info.lo;
	long addr;
	int err;

	*bias = 0;
	if (in->info.type == ET_DYN) {
		addr = vm_mmap(mm, 0, size, PROT_NONE,
			       MAP_PRIVATE | MAP_ANONYMOUS);
		if (addr < 0)
			return (int)addr;
		err = vm_munmap(mm, (uint64_t)addr, size);
		if (err)
			return err;
		*bias = (uint64_t)addr - in->info.lo;
	}
	err = elf_check_bias(&in->info, *bias);
	if (err)
		return err;
	return map_segments(bprm, mm, in->file, in->phdrs, &in->info, *bias);
}

/* CPUID.01H:EDX, which Linux passes as AT_HWCAP on x86. */
static uint64_t elf_hwcap(void)
{
	uint32_t a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return d;
}

/*
 * Linux's check_unsafe_exec: a set-id image gains nothing while another
 * process shares the caller's root and cwd (it could steer the privileged
 * image's lookups).
 */
static bool exec_shares_fs(void)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	int n_fs = 0;
	struct task *t;

	list_for_each_entry(t, &current->signal->thread_head, thread_node)
		if (t->fs == current->fs)
			n_fs++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return __atomic_load_n(&current->fs->users, __ATOMIC_RELAXED) > n_fs;
}

/*
 * Linux's bprm_fill_uid and cap_bprm_creds_from_file for the image about
 * to load (after #! lines, so a script's own set-id bits count for
 * nothing): the caller's ids, then S_ISUID makes the file's owner the
 * effective uid and S_ISGID with group execute its group the effective
 * gid; set-id or not, the saved and filesystem ids become the effective
 * ones (POSIX execve). An image whose effective ids differ from the real
 * ones is a secure exec (AT_SECURE: its libc trusts no environment).
 */
static void exec_fill_creds(struct linux_binprm *bprm)
{
	const struct inode *inode = bprm->file->f_inode;
	struct cred *new = bprm->new_cred;
	umode_t mode = inode->i_mode;

	new->euid = current->cred->euid;
	new->egid = current->cred->egid;
	if ((mode & (S_ISUID | S_ISGID)) && !exec_shares_fs()) {
		if (mode & S_ISUID)
			new->euid = inode->i_uid;
		if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
			new->egid = inode->i_gid;
	}
	new->suid = new->fsuid = new->euid;
	new->sgid = new->fsgid = new->egid;
	bprm->secureexec = new->euid != new->uid || new->egid != new->gid;
}

/*
 * The new stack: its VMA, then the image of exec_stack.c written in place
 * below the strings and copied into the new address space.
 */
static int setup_stack(struct linux_binprm *bprm, struct mm_struct *mm,
		       const struct elf_info *info, struct exec_auxv *aux)
{
	const struct cred *c = bprm->new_cred;
	uint8_t rnd[16];
	struct exec_stack_in in = {
		.top = STACK_TOP,
		.strings_len = bprm->cap - sizeof(uint64_t) - bprm->p,
		.argc = bprm->argc,
		.envc = bprm->envc,
		.platform = "x86_64",
		.random = rnd,
		.aux = aux,
	};
	struct exec_stack_out out;
	uint64_t rlim = ELF_PAGESTART(rlimit(RLIMIT_STACK)), img, vma_size;
	size_t size;
	int err;

	aux->hwcap = elf_hwcap();
	/* Neither ring-3 MWAIT nor user FSGSBASE is enabled: no HWCAP2 bits. */
	aux->hwcap2 = 0;
	aux->pagesz = PAGE_SIZE;
	aux->clktck = USER_HZ;
	aux->phent = sizeof(Elf64_Phdr);
	aux->phnum = info->phnum;
	aux->flags = 0;
	aux->uid = c->uid;
	aux->euid = c->euid;
	aux->gid = c->gid;
	aux->egid = c->egid;
	aux->secure = bprm->secureexec;
	get_random_bytes(rnd, sizeof(rnd));

	size = exec_stack_size(&in);
	if (!size)
		return -E2BIG;
	err = strings_grow(bprm, size - sizeof(uint64_t) - in.strings_len);
	if (err)
		return err;
	in.strings = bprm->buf + bprm->p;

	/* The image and 128 KiB more, within RLIMIT_STACK if the image is. */
	img = ELF_PAGESTART(size + ELF_MIN_ALIGN - 1);
	vma_size = img + STACK_EXPAND;
	if (vma_size > rlim)
		vma_size = rlim > img ? rlim : img;
	err = mm_setup_stack(mm, STACK_TOP, vma_size, rlimit(RLIMIT_STACK),
			     info->exec_stack);
	if (err)
		return err;
	err = exec_stack_build(&in, bprm->buf + bprm->cap - size, size, &out);
	if (!err)
		err = mm_write_force(mm, out.sp, bprm->buf + bprm->cap - size,
				     size);
	if (err)
		return err;
	mm->start_stack = out.sp;
	mm->arg_start = out.arg_start;
	mm->arg_end = out.arg_end;
	mm->env_start = out.env_start;
	mm->env_end = out.env_end;
	bprm->sp = out.sp;
	return 0;
}

/*
 * binfmt_elf: checks the file (and its interpreter), then builds the whole
 * new address space in bprm->mm. -ENOEXEC when it is not a usable ELF file.
 */
static int load_elf_binary(struct linux_binprm *bprm)
{
	struct elf_interp in = { 0 };
	struct exec_auxv aux = { 0 };
	struct elf_info info;
	uint64_t bias, ibias = 0;
	struct mm_struct *mm = NULL;
	void *phdrs = NULL;
	size_t head_len = sizeof(bprm->head);
	int err;

	if ((uint64_t)bprm->size < head_len)
		head_len = (size_t)bprm->size;
	err = elf_check_ehdr(bprm->head, head_len, (uint64_t)bprm->size, &info);
	if (err)
		return err;
	err = read_phdrs(bprm->file, (uint64_t)bprm->size, &info, &phdrs);
	if (err)
		return err;
	if (info.interp_len) {
		err = open_interp(bprm, &info, &in);
		if (err)
			goto out;
	}
	bias = elf_load_bias(&info);
	err = elf_check_bias(&info, bias);
	if (err)
		goto out;

	err = -ENOMEM;
	mm = mm_alloc();
	if (!mm)
		goto out;
	mm->mmap_base = exec_mmap_base();
	err = map_segments(bprm, mm, bprm->file, phdrs, &info, bias);
	if (!err && in.file)
		err = load_interp(bprm, mm, &in, &ibias);
	if (err)
		goto out;

	mm->start_code = info.start_code + bias;
	mm->end_code = info.end_code + bias;
	mm->start_data = info.start_data + bias;
	mm->end_data = info.end_data + bias;
	mm->start_brk = mm->brk = ELF_PAGESTART(info.brk + bias +
						ELF_MIN_ALIGN - 1);

	aux.phdr = info.phdr_vaddr + bias;
	aux.entry = info.entry + bias;
	aux.base = in.file ? ibias : 0;
	exec_fill_creds(bprm);
	err = setup_stack(bprm, mm, &info, &aux);
	if (err)
		goto out;
	bprm->entry = in.file ? in.info.entry + ibias : info.entry + bias;
	mm->exe_file = get_file(bprm->file);
	bprm->mm = mm;
	mm = NULL;
out:
	if (mm)
		mmput(mm);
	if (in.file)
		vfs_close(in.file);
	kfree(in.phdrs);
	kfree(phdrs);
	return err;
}

/*
 * binfmt_script: "#!interpreter [one argument]" in the first
 * BINPRM_BUF_SIZE bytes (parsed by script_parse). argv becomes the
 * interpreter, the argument if any, the script's path, then the old
 * argv[1...]; the interpreter becomes bprm->file, the next file to load.
 */
static int load_script(struct linux_binprm *bprm)
{
	char buf[BINPRM_BUF_SIZE + 1];
	char *name, *arg, *next;
	int err;

	memcpy(buf, bprm->head, BINPRM_BUF_SIZE);
	err = script_parse(buf, &name, &arg);
	if (err)
		return err;

	/* Drop argv[0]; then, going down: the script, the argument, the interpreter. */
	if (bprm->argc) {
		bprm->p += strlen(bprm->buf + bprm->p) + 1;
		bprm->argc--;
	}
	err = push_string(bprm, bprm->interp);
	if (err)
		return err;
	bprm->argc++;
	if (arg) {
		err = push_string(bprm, arg);
		if (err)
			return err;
		bprm->argc++;
	}
	err = push_string(bprm, name);
	if (err)
		return err;
	bprm->argc++;

	next = kmalloc(strlen(name) + 1, GFP_KERNEL);
	if (!next)
		return -ENOMEM;
	strcpy(next, name);
	kfree(bprm->interp);
	bprm->interp = next;
	vfs_close(bprm->file);
	bprm->file = NULL;
	/* An interpreter is always followed through symlinks. */
	return open_binary(&bprm->cwd.at, bprm->interp, LOOKUP_FOLLOW,
			   &bprm->cred, &bprm->file, &bprm->size, bprm->head,
			   sizeof(bprm->head));
}

/*
 * Tries the formats on bprm->file, following #! lines down to a binary:
 * at most EXEC_MAX_DEPTH scripts deep, then -ELOOP.
 */
static int exec_binprm(struct linux_binprm *bprm)
{
	unsigned int depth;
	int err;

	for (depth = 0;; depth++) {
		if (depth > EXEC_MAX_DEPTH)
			return -ELOOP;
		err = load_elf_binary(bprm);
		if (err == -ENOEXEC)
			err = load_script(bprm);
		if (err)
			return err;
		if (bprm->mm)
			return 0;
	}
}

static const char *kbasename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Whether the other threads are gone (a non-leader waits for the leader's zombie). */
static bool de_thread_done(struct task *tsk)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct task *leader = tsk->group_leader;
	bool done;

	if (leader == tsk)
		done = tsk->signal->nr_threads == 1;
	else
		done = tsk->signal->nr_threads == 2 && leader->exit_state;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return done;
}

/*
 * A thread other than the leader execs: it takes the zombie leader's
 * place and pid, so the process keeps its number, its parent and its
 * place among the parent's children, and the leader is released.
 */
static void exec_take_leader(struct task *tsk)
{
	struct task *leader = tsk->group_leader;
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);

	tsk->start_time = leader->start_time;
	exchange_tids(tsk, leader);
	tsk->group_leader = tsk;
	leader->group_leader = tsk;
	tsk->real_parent = leader->real_parent;
	tsk->parent = leader->parent;
	list_add(&tsk->sibling, &leader->sibling);
	list_del(&leader->sibling);
	tsk->exit_signal = SIGCHLD;
	leader->exit_signal = -1;
	leader->exit_state = EXIT_DEAD;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	release_task(leader);
}

/*
 * Linux's de_thread: exec leaves the process one thread. The others get
 * SIGKILL and exit quietly (not as a group exit) while the caller waits;
 * -EAGAIN if an exit_group or another exec got there first, whose SIGKILL
 * then ends the caller too.
 */
static int de_thread(struct task *tsk)
{
	struct signal_struct *sig = tsk->signal;
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	int err = 0;

	if ((sig->flags & SIGNAL_GROUP_EXIT) || sig->group_exec_task) {
		err = -EAGAIN;
	} else if (sig->nr_threads > 1) {
		sig->group_exec_task = tsk;
		signal_group_exit(tsk);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (err || sig->group_exec_task != tsk)
		return err;
	/* Uninterruptible: each victim has SIGKILL and is on its way out. */
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (de_thread_done(tsk))
			break;
		schedule();
	}
	set_current_state(TASK_RUNNING);
	if (tsk->group_leader != tsk)
		exec_take_leader(tsk);
	flags = spin_lock_irqsave(&tasklist_lock);
	sig->group_exec_task = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

/*
 * What else the old image leaves behind, past the point of no return:
 * its name and its close-on-exec descriptors, caught signals reset to
 * SIG_DFL, and the process is marked as exec'd for setpgid's EACCES (the
 * table was unshared before, so this cannot fail).
 */
static void flush_old_exec(struct task *tsk, const char *filename)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);

	tsk->signal->did_exec = true;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	strlcpy(tsk->name, kbasename(filename), sizeof(tsk->name));
	do_close_on_exec();
	exit_itimers(tsk);
	flush_signal_handlers(tsk);
}

/* The point of no return: the task takes the new address space. */
static void exec_mmap(struct mm_struct *mm)
{
	struct task *tsk = current;
	struct mm_struct *old = tsk->mm;

	/* A vfork parent wakes; CLONE_CHILD_CLEARTID is honoured. */
	if (old)
		mm_release(tsk);
	preempt_disable();
	tsk->mm = mm;
	mm_activate(mm);
	preempt_enable();
	/* CR3 no longer holds it, so it may go. */
	if (old)
		mmput(old);
}

static void bprm_free(struct linux_binprm *bprm)
{
	if (bprm->have_cwd)
		lookup_at_put(&bprm->cwd);
	if (bprm->mm)
		mmput(bprm->mm);
	if (bprm->file)
		vfs_close(bprm->file);
	if (bprm->buf)
		strings_free(bprm->buf, bprm->buf_vmalloc);
	if (bprm->new_cred)
		put_cred(bprm->new_cred);
	kfree(bprm->chunk);
	kfree(bprm->interp);
	kfree(bprm);
}

/*
 * The common part of execve, execveat and kernel_execve: @path is a kernel
 * copy; argv and envp are user or kernel arrays as @argv and @envp say.
 */
static int do_execveat_common(int dirfd, const char *path,
			      const struct arg_src *argv,
			      const struct arg_src *envp, int flags)
{
	struct linux_binprm *bprm;
	struct lookup_at at;
	unsigned int lookup;
	const char *name = path;
	long n;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	lookup = (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	/* AT_EMPTY_PATH runs the file dirfd names (the cwd: a directory, -EACCES). */
	if (!path[0])
		lookup |= LOOKUP_EMPTY;

	bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	if (!bprm)
		return -ENOMEM;
	bprm->filename = path;
	bprm->new_cred = prepare_creds();
	if (!bprm->new_cred) {
		kfree(bprm);
		return -ENOMEM;
	}
	current_vfs_cred(&bprm->cred, false);
	err = lookup_at_get(AT_FDCWD, "", true, &bprm->cwd);
	if (err)
		goto out;
	bprm->have_cwd = true;
	err = -ENOMEM;
	bprm->interp = kmalloc(strlen(name) + 1, GFP_KERNEL);
	bprm->chunk = kmalloc(EXEC_CHUNK, GFP_KERNEL);
	bprm->cap = PAGE_SIZE;
	bprm->buf = strings_alloc(bprm->cap, &bprm->buf_vmalloc);
	if (!bprm->interp || !bprm->chunk || !bprm->buf)
		goto out;
	strcpy(bprm->interp, name);
	memset(bprm->buf + bprm->cap - sizeof(uint64_t), 0, sizeof(uint64_t));
	bprm->p = bprm->cap - sizeof(uint64_t);

	/* As Linux: the file first, then the arguments. */
	err = lookup_at_get(dirfd, name, true, &at);
	if (err)
		goto out;
	err = open_binary(&at.at, bprm->interp, lookup, &bprm->cred,
			  &bprm->file, &bprm->size, bprm->head,
			  sizeof(bprm->head));
	lookup_at_put(&at);
	if (err)
		goto out;
	n = count_args(argv);
	if (n < 0) {
		err = (int)n;
		goto out;
	}
	bprm->argc = (unsigned int)n;
	n = count_args(envp);
	if (n < 0) {
		err = (int)n;
		goto out;
	}
	bprm->envc = (unsigned int)n;
	err = stack_limits(bprm);
	if (!err)
		err = push_string(bprm, bprm->filename);
	if (!err)
		err = copy_strings(bprm, envp, bprm->envc);
	if (!err)
		err = copy_strings(bprm, argv, bprm->argc);
	/* An empty argv gets "" as argv[0], as Linux does since 5.18. */
	if (!err && !bprm->argc) {
		err = push_string(bprm, "");
		bprm->argc = 1;
	}
	if (!err)
		err = exec_binprm(bprm);
	/* The other threads end before the task takes the new image. */
	if (!err)
		err = de_thread(current);
	/* A descriptor table shared with CLONE_FILES becomes the task's own. */
	if (!err)
		err = unshare_files();
	/* So are handlers shared with CLONE_SIGHAND: exec resets its own. */
	if (!err)
		err = unshare_sighand(current);
	if (err)
		goto out;

	exec_mmap(bprm->mm);
	bprm->mm = NULL;
	/* The real uid stays, so this cannot fail (commit_creds moves no count). */
	commit_creds(bprm->new_cred);
	bprm->new_cred = NULL;
	flush_old_exec(current, bprm->filename);
	start_thread(task_pt_regs(current), bprm->entry, bprm->sp);
out:
	bprm_free(bprm);
	return err;
}

static long do_execveat(int dirfd, const char *upath, const char *const *uargv,
			const char *const *uenvp, int flags)
{
	struct arg_src argv = { .ptrs = uargv }, envp = { .ptrs = uenvp };
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;
	int err;

	if (!path)
		return -ENOMEM;
	len = strncpy_from_user(path, upath, PATH_MAX);
	if (len < 0)
		err = (int)len;
	else if (!len && !(flags & AT_EMPTY_PATH))
		err = -ENOENT;
	else
		err = do_execveat_common(dirfd, path, &argv, &envp, flags);
	kfree(path);
	return err;
}

SYSCALL_DEFINE3(execve, const char *, filename, const char *const *, argv,
		const char *const *, envp)
{
	return do_execveat(AT_FDCWD, filename, argv, envp, 0);
}

SYSCALL_DEFINE5(execveat, int, dirfd, const char *, filename,
		const char *const *, argv, const char *const *, envp, int, flags)
{
	return do_execveat(dirfd, filename, argv, envp, flags);
}

int kernel_execve(const char *path, const char *const argv[],
		  const char *const envp[])
{
	struct arg_src a = { .ptrs = argv, .kernel = true };
	struct arg_src e = { .ptrs = envp, .kernel = true };

	return do_execveat_common(AT_FDCWD, path, &a, &e, 0);
}
