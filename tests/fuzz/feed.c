/* feed: stdin from a SOCK_SEQPACKET socket (one read returns at most one message, so the
 * chunk sizes are exactly the ones asked for), quiet stderr and stdout. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>
#include "cli.h"
#include "feed.h"
#include "out.h"

void feed_stdin(const uint8_t *data, size_t n, size_t chunk)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) != 0)
		feed_fail("socketpair");
	/* The whole input sits in the socket before the reader starts (no thread), and each
	 * queued message costs about a kilobyte of kernel memory: a larger buffer where we may
	 * (root), and few enough messages to fit the default one otherwise. */
	int big = 64 << 20;
	if (setsockopt(sv[1], SOL_SOCKET, SO_SNDBUFFORCE, &big, sizeof big) != 0)
		setsockopt(sv[1], SOL_SOCKET, SO_SNDBUF, &big, sizeof big);
	if (chunk == 0)
		chunk = 1;
	if (n / chunk >= 128)
		chunk = n / 128 + 1;
	for (size_t at = 0; at < n; at += chunk) {
		size_t len = n - at < chunk ? n - at : chunk;
		if (send(sv[1], data + at, len, MSG_DONTWAIT) != (ssize_t)len)
			feed_fail("send to the socket failed (input too large for the send buffer?)");
	}
	close(sv[1]);   /* the reader sees end of input once the messages are drained */
	if (dup2(sv[0], 0) < 0)
		feed_fail("dup2");
	close(sv[0]);
}

void feed_quiet(const char *name)
{
	static int done;
	if (done)
		return;
	done = 1;
	cli_init(name);
	/* The library prints through the stderr FILE; sanitizers and libFuzzer write to fd 2
	 * or to a FILE they captured at start-up, so only the library goes quiet. */
	const char *v = getenv("FUZZ_VERBOSE");
	if (!v || *v != '1') {
		FILE *null = fopen("/dev/null", "w");
		if (null)
			stderr = null;
	}
	int fd = open("/dev/null", O_WRONLY);
	if (fd >= 0)
		out_set_fd(fd);
}

_Noreturn void feed_fail(const char *what)
{
	/* fd 2 directly: stderr may be /dev/null by now */
	dprintf(2, "harness invariant failed: %s\n", what);
	abort();
}
