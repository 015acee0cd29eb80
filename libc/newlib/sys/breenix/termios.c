/*
 * The termios functions as Linux's C libraries build them on the tty
 * ioctls (termios(3), tty_ioctl(4)); the baud rate is c_cflag's CBAUD.
 */
#include <errno.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}

int tcsetattr(int fd, int when, const struct termios *t)
{
	if (when < TCSANOW || when > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, TCSETS + when, t);
}

int tcdrain(int fd)
{
	return ioctl(fd, TCSBRK, 1);
}

int tcflow(int fd, int action)
{
	return ioctl(fd, TCXONC, action);
}

int tcflush(int fd, int queue)
{
	return ioctl(fd, TCFLSH, queue);
}

int tcsendbreak(int fd, int duration)
{
	(void)duration;
	return ioctl(fd, TCSBRK, 0);
}

pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;

	return ioctl(fd, TIOCGPGRP, &pgrp) < 0 ? -1 : pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	return ioctl(fd, TIOCSPGRP, &pgrp);
}

pid_t tcgetsid(int fd)
{
	pid_t sid;

	return ioctl(fd, TIOCGSID, &sid) < 0 ? -1 : sid;
}

speed_t cfgetospeed(const struct termios *t)
{
	return t->c_cflag & CBAUD;
}

speed_t cfgetispeed(const struct termios *t)
{
	return cfgetospeed(t);
}

int cfsetospeed(struct termios *t, speed_t speed)
{
	if (speed & ~CBAUD) {
		errno = EINVAL;
		return -1;
	}
	t->c_cflag = (t->c_cflag & ~CBAUD) | speed;
	return 0;
}

/* Input and output speeds are one on Linux; 0 means "as the output". */
int cfsetispeed(struct termios *t, speed_t speed)
{
	return speed ? cfsetospeed(t, speed) : 0;
}

int cfsetspeed(struct termios *t, speed_t speed)
{
	return cfsetospeed(t, speed);
}

/* termios(3)'s raw mode: no input or output processing, 8 bits, one byte at a time. */
void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	t->c_oflag &= ~OPOST;
	t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}
