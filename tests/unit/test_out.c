/* Unit tests of common/out.c and input.c: write errors, closed pipes, lines of any length. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"
#include "cli.h"
#include "input.h"
#include "out.h"

/* Run body in a child writing to fd; returns its wait status. */
static int child(int fd, void (*body)(void))
{
	pid_t p = fork();
	if (p == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, 2);   /* the expected message is not test output */
		out_set_fd(fd);
		body();
		out_finish();
		_exit(0);
	}
	int st;
	waitpid(p, &st, 0);
	return st;
}

static void lots(void)
{
	for (int i = 0; i < 100000; i++)
		out_puts("some text to write\n");
}

static void little(void)
{
	out_puts("x");
}

static int read_lines(const char *bytes, size_t n, char *want_last, int *count, int *last_nl)
{
	char path[] = "/tmp/test_out.XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, bytes, n) != (ssize_t)n)
		abort();
	close(fd);
	struct input in;
	if (in_open(&in, path) != 0)
		abort();
	char *line;
	ssize_t len;
	int ok = 1;
	*count = 0;
	while ((len = in_getline(&in, &line, last_nl)) >= 0) {
		(*count)++;
		if (want_last && (size_t)len == strlen(want_last))
			ok = memcmp(line, want_last, (size_t)len) == 0;
	}
	in_close(&in);
	unlink(path);
	return ok;
}

int main(void)
{
	check_suite = "out";
	cli_init("test_out");
	int full = open("/dev/full", O_WRONLY);
	if (full >= 0) {
		int st = child(full, lots);
		CHECK("/dev/full: exit 3", WIFEXITED(st) && WEXITSTATUS(st) == EXIT_SYS);
		st = child(full, little);
		CHECK("/dev/full at the final flush: exit 3", WIFEXITED(st) && WEXITSTATUS(st) == EXIT_SYS);
	} else {
		printf("skip out: /dev/full is missing\n");
	}
	int pfd[2];
	if (pipe(pfd) == 0) {
		close(pfd[0]);
		int st = child(pfd[1], lots);
		CHECK("closed pipe: ends by SIGPIPE", WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE);
		signal(SIGPIPE, SIG_IGN);   /* inherited: the program must still end quietly */
		st = child(pfd[1], lots);
		CHECK("closed pipe with SIGPIPE ignored: still ends by SIGPIPE", WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE);
		signal(SIGPIPE, SIG_DFL);
		close(pfd[1]);
	}

	int count, nl;
	CHECK("last line without newline", read_lines("a\nlast", 6, "last", &count, &nl) && count == 2 && !nl);
	CHECK("crlf keeps the cr", read_lines("a\r\nb\r\n", 6, "b\r", &count, &nl) && count == 2 && nl);
	CHECK("lone cr is not a line end", read_lines("a\rb\n", 4, "a\rb", &count, &nl) && count == 1);
	CHECK("empty input", read_lines("", 0, NULL, &count, &nl) && count == 0);
	CHECK("blank lines", read_lines("\n\n\n", 3, "", &count, &nl) && count == 3);
	size_t big = 3u * 256 * 1024 + 17;
	char *b = malloc(big + 1);
	memset(b, 'y', big);
	b[big] = '\n';
	char *want = malloc(big + 1);
	memset(want, 'y', big);
	want[big] = '\0';
	CHECK("line across several blocks", read_lines(b, big + 1, want, &count, &nl) && count == 1);
	free(b);
	free(want);
	return check_done();
}
