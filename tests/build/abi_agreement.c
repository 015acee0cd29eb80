/*
 * The ABI agreement test: compiled against the sysroot's headers with the
 * kernel's side (abi_kernel.h, generated from kernel/include/uapi, the
 * struct stat and dirent the kernel writes, and kernel/syscalls.tbl by
 * gen_abi_checks.py), it does not compile unless every constant, syscall
 * number, structure size and member offset agrees. Compiling is the test.
 * _GNU_SOURCE: ucontext.h's REG_* indices are GNU names, as in glibc.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <ucontext.h>

#include "abi_kernel.h"

/* The C library's member LM of struct LT sits where the kernel's KM of KT does, as wide. */
#define SAME_MEMBER(LT, LM, KT, KM)                                                     \
	_Static_assert(offsetof(LT, LM) == offsetof(KT, KM), #LT "." #LM " offset");      \
	_Static_assert(sizeof(((LT *)0)->LM) == sizeof(((KT *)0)->KM), #LT "." #LM " size")
#define SAME_SIZE(LT, KT) _Static_assert(sizeof(LT) == sizeof(KT), "sizeof " #LT)

/* stat, lstat, fstat, newfstatat (kernel/fs/stat.c). */
SAME_SIZE(struct stat, struct kabi_linux_stat);
SAME_MEMBER(struct stat, st_dev, struct kabi_linux_stat, k_st_dev);
SAME_MEMBER(struct stat, st_ino, struct kabi_linux_stat, k_st_ino);
SAME_MEMBER(struct stat, st_nlink, struct kabi_linux_stat, k_st_nlink);
SAME_MEMBER(struct stat, st_mode, struct kabi_linux_stat, k_st_mode);
SAME_MEMBER(struct stat, st_uid, struct kabi_linux_stat, k_st_uid);
SAME_MEMBER(struct stat, st_gid, struct kabi_linux_stat, k_st_gid);
SAME_MEMBER(struct stat, st_rdev, struct kabi_linux_stat, k_st_rdev);
SAME_MEMBER(struct stat, st_size, struct kabi_linux_stat, k_st_size);
SAME_MEMBER(struct stat, st_blksize, struct kabi_linux_stat, k_st_blksize);
SAME_MEMBER(struct stat, st_blocks, struct kabi_linux_stat, k_st_blocks);
SAME_MEMBER(struct stat, st_atim.tv_sec, struct kabi_linux_stat, k_st_atime);
SAME_MEMBER(struct stat, st_atim.tv_nsec, struct kabi_linux_stat, k_st_atime_nsec);
SAME_MEMBER(struct stat, st_mtim.tv_sec, struct kabi_linux_stat, k_st_mtime);
SAME_MEMBER(struct stat, st_mtim.tv_nsec, struct kabi_linux_stat, k_st_mtime_nsec);
SAME_MEMBER(struct stat, st_ctim.tv_sec, struct kabi_linux_stat, k_st_ctime);
SAME_MEMBER(struct stat, st_ctim.tv_nsec, struct kabi_linux_stat, k_st_ctime_nsec);

/* getdents64 (kernel/fs/readdir.c): readdir() hands out the kernel's records. */
SAME_MEMBER(struct dirent, d_ino, struct kabi_linux_dirent64, k_d_ino);
SAME_MEMBER(struct dirent, d_off, struct kabi_linux_dirent64, k_d_off);
SAME_MEMBER(struct dirent, d_reclen, struct kabi_linux_dirent64, k_d_reclen);
SAME_MEMBER(struct dirent, d_type, struct kabi_linux_dirent64, k_d_type);
_Static_assert(offsetof(struct dirent, d_name) == offsetof(struct kabi_linux_dirent64, k_d_name),
	       "struct dirent.d_name offset");

/* TCGETS/TCSETS, TIOCGWINSZ. */
SAME_SIZE(struct termios, struct kabi_termios);
SAME_MEMBER(struct termios, c_iflag, struct kabi_termios, k_c_iflag);
SAME_MEMBER(struct termios, c_oflag, struct kabi_termios, k_c_oflag);
SAME_MEMBER(struct termios, c_cflag, struct kabi_termios, k_c_cflag);
SAME_MEMBER(struct termios, c_lflag, struct kabi_termios, k_c_lflag);
SAME_MEMBER(struct termios, c_line, struct kabi_termios, k_c_line);
SAME_MEMBER(struct termios, c_cc, struct kabi_termios, k_c_cc);
SAME_SIZE(struct winsize, struct kabi_winsize);
SAME_MEMBER(struct winsize, ws_row, struct kabi_winsize, k_ws_row);
SAME_MEMBER(struct winsize, ws_col, struct kabi_winsize, k_ws_col);

/* clock_gettime, nanosleep, gettimeofday, utimensat. */
SAME_SIZE(struct timespec, struct kabi___kernel_timespec);
SAME_MEMBER(struct timespec, tv_sec, struct kabi___kernel_timespec, k_tv_sec);
SAME_MEMBER(struct timespec, tv_nsec, struct kabi___kernel_timespec, k_tv_nsec);
SAME_SIZE(struct timeval, struct kabi___kernel_old_timeval);
SAME_MEMBER(struct timeval, tv_sec, struct kabi___kernel_old_timeval, k_tv_sec);
SAME_MEMBER(struct timeval, tv_usec, struct kabi___kernel_old_timeval, k_tv_usec);

/* poll, readv/writev, times, uname, getrlimit (prlimit64), getrusage/wait4. */
SAME_SIZE(struct pollfd, struct kabi_pollfd);
SAME_MEMBER(struct pollfd, fd, struct kabi_pollfd, k_fd);
SAME_MEMBER(struct pollfd, events, struct kabi_pollfd, k_events);
SAME_MEMBER(struct pollfd, revents, struct kabi_pollfd, k_revents);
SAME_SIZE(struct iovec, struct kabi_iovec);
SAME_MEMBER(struct iovec, iov_base, struct kabi_iovec, k_iov_base);
SAME_MEMBER(struct iovec, iov_len, struct kabi_iovec, k_iov_len);
SAME_SIZE(struct tms, struct kabi_tms);
SAME_MEMBER(struct tms, tms_utime, struct kabi_tms, k_tms_utime);
SAME_MEMBER(struct tms, tms_cstime, struct kabi_tms, k_tms_cstime);
SAME_SIZE(struct utsname, struct kabi_new_utsname);
SAME_MEMBER(struct utsname, nodename, struct kabi_new_utsname, k_nodename);
SAME_MEMBER(struct utsname, machine, struct kabi_new_utsname, k_machine);
SAME_MEMBER(struct utsname, domainname, struct kabi_new_utsname, k_domainname);
SAME_SIZE(struct rlimit, struct kabi_rlimit64);
SAME_MEMBER(struct rlimit, rlim_cur, struct kabi_rlimit64, k_rlim_cur);
SAME_MEMBER(struct rlimit, rlim_max, struct kabi_rlimit64, k_rlim_max);
SAME_SIZE(struct rusage, struct kabi_rusage);
SAME_MEMBER(struct rusage, ru_stime, struct kabi_rusage, k_ru_stime);
SAME_MEMBER(struct rusage, ru_nivcsw, struct kabi_rusage, k_ru_nivcsw);

/* siginfo: waitid's, and a handler's (SA_SIGINFO). */
SAME_SIZE(siginfo_t, struct kabi_siginfo);
SAME_MEMBER(siginfo_t, si_signo, struct kabi_siginfo, k_si_signo);
SAME_MEMBER(siginfo_t, si_errno, struct kabi_siginfo, k_si_errno);
SAME_MEMBER(siginfo_t, si_code, struct kabi_siginfo, k_si_code);
SAME_MEMBER(siginfo_t, si_pid, struct kabi_siginfo, k__sifields.k__sigchld.k__pid);
SAME_MEMBER(siginfo_t, si_uid, struct kabi_siginfo, k__sifields.k__sigchld.k__uid);
SAME_MEMBER(siginfo_t, si_status, struct kabi_siginfo, k__sifields.k__sigchld.k__status);
SAME_MEMBER(siginfo_t, si_utime, struct kabi_siginfo, k__sifields.k__sigchld.k__utime);
SAME_MEMBER(siginfo_t, si_addr, struct kabi_siginfo, k__sifields.k__sigfault.k__addr);

/* timer_create's sigevent, the siginfo of a timer's signal, timer_settime's times. */
SAME_SIZE(struct sigevent, struct kabi_sigevent);
SAME_MEMBER(struct sigevent, sigev_value, struct kabi_sigevent, k_sigev_value);
SAME_MEMBER(struct sigevent, sigev_signo, struct kabi_sigevent, k_sigev_signo);
SAME_MEMBER(struct sigevent, sigev_notify, struct kabi_sigevent, k_sigev_notify);
SAME_MEMBER(struct sigevent, sigev_notify_thread_id, struct kabi_sigevent, k__sigev_un.k__tid);
SAME_MEMBER(struct sigevent, sigev_notify_function, struct kabi_sigevent,
	    k__sigev_un.k__sigev_thread.k__function);
SAME_MEMBER(struct sigevent, sigev_notify_attributes, struct kabi_sigevent,
	    k__sigev_un.k__sigev_thread.k__attribute);
SAME_MEMBER(siginfo_t, si_timerid, struct kabi_siginfo, k__sifields.k__timer.k__tid);
SAME_MEMBER(siginfo_t, si_overrun, struct kabi_siginfo, k__sifields.k__timer.k__overrun);
SAME_MEMBER(siginfo_t, si_value, struct kabi_siginfo, k__sifields.k__timer.k__sigval);
SAME_SIZE(struct itimerspec, struct kabi___kernel_itimerspec);
SAME_MEMBER(struct itimerspec, it_interval, struct kabi___kernel_itimerspec, k_it_interval);
SAME_MEMBER(struct itimerspec, it_value, struct kabi___kernel_itimerspec, k_it_value);

/* The alternate stack, and the user context a handler's frame holds. */
SAME_SIZE(stack_t, kabi_stack_t);
SAME_MEMBER(stack_t, ss_sp, struct kabi_sigaltstack, k_ss_sp);
SAME_MEMBER(stack_t, ss_flags, struct kabi_sigaltstack, k_ss_flags);
SAME_MEMBER(stack_t, ss_size, struct kabi_sigaltstack, k_ss_size);
SAME_SIZE(ucontext_t, struct kabi_ucontext);
SAME_MEMBER(ucontext_t, uc_stack, struct kabi_ucontext, k_uc_stack);
SAME_MEMBER(ucontext_t, uc_mcontext, struct kabi_ucontext, k_uc_mcontext);
SAME_MEMBER(ucontext_t, uc_sigmask, struct kabi_ucontext, k_uc_sigmask);
SAME_MEMBER(ucontext_t, uc_mcontext.gregs[REG_R15], struct kabi_ucontext, k_uc_mcontext.k_r15);
SAME_MEMBER(ucontext_t, uc_mcontext.gregs[REG_RIP], struct kabi_ucontext, k_uc_mcontext.k_rip);
SAME_MEMBER(ucontext_t, uc_mcontext.gregs[REG_EFL], struct kabi_ucontext,
	    k_uc_mcontext.k_eflags);
SAME_MEMBER(ucontext_t, uc_mcontext.gregs[REG_CR2], struct kabi_ucontext, k_uc_mcontext.k_cr2);
SAME_MEMBER(ucontext_t, uc_mcontext.fpregs, struct kabi_ucontext, k_uc_mcontext.k_fpstate);

/* rt_sigprocmask's mask: the kernel's _NSIG bits. */
_Static_assert(sizeof(sigset_t) * 8 == KABI__NSIG, "sigset_t holds _NSIG signals");

/* The wait status encoding the kernel's wait4 produces (exit code << 8 | signal). */
_Static_assert(WIFEXITED(3 << 8) && WEXITSTATUS(3 << 8) == 3, "exit status");
_Static_assert(WIFSIGNALED(KABI_SIGKILL) && WTERMSIG(KABI_SIGKILL) == KABI_SIGKILL, "killed");
_Static_assert(WIFSTOPPED(KABI_SIGSTOP << 8 | 0x7f) && WSTOPSIG(KABI_SIGSTOP << 8 | 0x7f) ==
	       KABI_SIGSTOP, "stopped");

int main(void)
{
	return 0;
}
