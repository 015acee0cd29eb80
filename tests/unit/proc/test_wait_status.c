/*
 * wait4/waitid arithmetic (kernel/proc/wait_status.c) and the time
 * conversions (kernel/proc/time_conv.c), against the values glibc's
 * W* macros and Linux's checks give (its <signal.h> has Linux's numbers).
 */
#include <signal.h>
#include <stdint.h>
#include <breenix/errno.h>
#include <breenix/time_conv.h>
#include <breenix/wait_status.h>
#include <uapi/linux/wait.h>
#include "unit.h"

START_TEST(exit_status_round_trip)
{
	int code, si_code, value, st;

	for (code = -300; code < 600; code++) {
		st = wstatus_exited(code);
		/* WIFEXITED and WEXITSTATUS of the C library. */
		CHECK((st & 0x7f) == 0, "code %d", code);
		CHECK(((st >> 8) & 0xff) == (code & 0xff), "code %d", code);
		wstatus_to_sigchld(st, &si_code, &value);
		CHECK(si_code == CLD_EXITED && value == (code & 0xff),
		      "code %d", code);
	}
}
END_TEST

START_TEST(signal_status)
{
	int si_code, value;

	ck_assert_int_eq(wstatus_signaled(SIGSEGV, 0), 11);
	ck_assert_int_eq(wstatus_signaled(SIGSEGV, 1), 0x8b);
	wstatus_to_sigchld(wstatus_signaled(SIGKILL, 0), &si_code, &value);
	ck_assert_int_eq(si_code, CLD_KILLED);
	ck_assert_int_eq(value, SIGKILL);
	wstatus_to_sigchld(wstatus_signaled(SIGABRT, 1), &si_code, &value);
	ck_assert_int_eq(si_code, CLD_DUMPED);
	ck_assert_int_eq(value, SIGABRT);
}
END_TEST

/* WIFSTOPPED/WSTOPSIG and WIFCONTINUED of the C library, and waitid's view. */
START_TEST(stop_continue_status)
{
	int st = wstatus_stopped(SIGTSTP), si_code, value;

	CHECK((st & 0xff) == 0x7f && ((st >> 8) & 0xff) == SIGTSTP, "%#x", st);
	wstatus_to_sigchld(st, &si_code, &value);
	ck_assert_int_eq(si_code, CLD_STOPPED);
	ck_assert_int_eq(value, SIGTSTP);
	wstatus_to_sigchld(WSTATUS_CONTINUED, &si_code, &value);
	ck_assert_int_eq(si_code, CLD_CONTINUED);
	ck_assert_int_eq(value, SIGCONT);
}
END_TEST

START_TEST(wait4_options)
{
	ck_assert_int_eq(wait4_check_options(0), 0);
	ck_assert_int_eq(wait4_check_options(WNOHANG | WUNTRACED | WCONTINUED |
					     __WALL | __WCLONE | __WNOTHREAD), 0);
	/* WEXITED and WNOWAIT are waitid's only. */
	ck_assert_int_eq(wait4_check_options(WEXITED), -EINVAL);
	ck_assert_int_eq(wait4_check_options(WNOWAIT), -EINVAL);
	ck_assert_int_eq(wait4_check_options(0x10), -EINVAL);
}
END_TEST

START_TEST(waitid_options)
{
	ck_assert_int_eq(waitid_check_options(0), -EINVAL);
	ck_assert_int_eq(waitid_check_options(WNOHANG), -EINVAL);
	ck_assert_int_eq(waitid_check_options(WEXITED), 0);
	ck_assert_int_eq(waitid_check_options(WSTOPPED | WNOWAIT), 0);
	ck_assert_int_eq(waitid_check_options(WCONTINUED | WNOHANG), 0);
	ck_assert_int_eq(waitid_check_options(WEXITED | 0x10), -EINVAL);
}
END_TEST

START_TEST(wait4_pid_forms)
{
	int type, id;

	ck_assert_int_eq(wait4_pid_to_idtype(-1, &type, &id), 0);
	ck_assert_int_eq(type, P_ALL);
	ck_assert_int_eq(wait4_pid_to_idtype(0, &type, &id), 0);
	ck_assert_int_eq(type, P_PGID);
	ck_assert_int_eq(id, 0);
	ck_assert_int_eq(wait4_pid_to_idtype(-42, &type, &id), 0);
	ck_assert_int_eq(type, P_PGID);
	ck_assert_int_eq(id, 42);
	ck_assert_int_eq(wait4_pid_to_idtype(7, &type, &id), 0);
	ck_assert_int_eq(type, P_PID);
	ck_assert_int_eq(id, 7);
	ck_assert_int_eq(wait4_pid_to_idtype(INT32_MIN, &type, &id), -ESRCH);
}
END_TEST

START_TEST(waitid_idtypes)
{
	ck_assert_int_eq(waitid_check_idtype(P_ALL, -5), 0);
	ck_assert_int_eq(waitid_check_idtype(P_PID, 1), 0);
	ck_assert_int_eq(waitid_check_idtype(P_PID, 0), -EINVAL);
	ck_assert_int_eq(waitid_check_idtype(P_PID, -1), -EINVAL);
	ck_assert_int_eq(waitid_check_idtype(P_PGID, 0), 0);
	ck_assert_int_eq(waitid_check_idtype(P_PGID, -1), -EINVAL);
	ck_assert_int_eq(waitid_check_idtype(P_PIDFD, -1), -EINVAL);
	ck_assert_int_eq(waitid_check_idtype(4, 1), -EINVAL);
	ck_assert_int_eq(waitid_check_idtype(-1, 1), -EINVAL);
}
END_TEST

START_TEST(timespec_validation)
{
	struct __kernel_timespec ts;

	ts = (struct __kernel_timespec){ 0, 0 };
	ck_assert(timespec_valid(&ts));
	ts = (struct __kernel_timespec){ 5, 999999999 };
	ck_assert(timespec_valid(&ts));
	ck_assert_int_eq(timespec_to_ns(&ts), 5999999999LL);
	ts = (struct __kernel_timespec){ 0, 1000000000 };
	ck_assert(!timespec_valid(&ts));
	ts = (struct __kernel_timespec){ 0, -1 };
	ck_assert(!timespec_valid(&ts));
	ts = (struct __kernel_timespec){ -1, 0 };
	ck_assert(!timespec_valid(&ts));
	/* Huge sleeps saturate rather than wrap (Linux's KTIME_MAX). */
	ts = (struct __kernel_timespec){ INT64_MAX, 999999999 };
	ck_assert(timespec_valid(&ts));
	ck_assert_int_eq(timespec_to_ns(&ts), INT64_MAX);
	ts = (struct __kernel_timespec){ INT64_MAX / 1000000000, 0 };
	ck_assert_int_eq(timespec_to_ns(&ts), INT64_MAX);
}
END_TEST

START_TEST(conversions)
{
	struct __kernel_timespec ts = ns_to_timespec(3000000007ULL);
	struct __kernel_old_timeval tv = ns_to_timeval(3000999999ULL);

	ck_assert_int_eq(ts.tv_sec, 3);
	ck_assert_int_eq(ts.tv_nsec, 7);
	ck_assert_int_eq(tv.tv_sec, 3);
	ck_assert_int_eq(tv.tv_usec, 999);
	ck_assert_int_eq(ns_to_clock_t(1000000000ULL), USER_HZ);
	ck_assert_int_eq(ns_to_clock_t(9999999ULL), 0);
	ck_assert_int_eq(ns_to_clock_t(10000000ULL), 1);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("wait_status");
	TCase *tc = tcase_create("wait_status");

	tcase_add_test(tc, exit_status_round_trip);
	tcase_add_test(tc, signal_status);
	tcase_add_test(tc, stop_continue_status);
	tcase_add_test(tc, wait4_options);
	tcase_add_test(tc, waitid_options);
	tcase_add_test(tc, wait4_pid_forms);
	tcase_add_test(tc, waitid_idtypes);
	tcase_add_test(tc, timespec_validation);
	tcase_add_test(tc, conversions);
	suite_add_tcase(s, tc);
	return s;
}
