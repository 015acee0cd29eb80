/* The historical name of <poll.h>. */
#include <poll.h>
