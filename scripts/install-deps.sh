#!/bin/sh
# usage: install-deps.sh [-n] [GROUP]...   (default: build; -n: only name what is missing)
# Install what is missing for one or more purposes, and nothing else:
#   build  the libraries, compiler and tools the programs are built with (make, make run)
#   test   the tools the tests drive or compare with (make check)
#   fuzz   clang and its libFuzzer runtime (make fuzz)
#   clang  clang alone (make warnings)
#   valgrind                           (make check-valgrind)
# On Debian or Ubuntu the packages come through apt-get (with sudo when not root); elsewhere,
# or without root or sudo, this stops with one message naming them (Debian names). When
# everything is present it does nothing at all, so a user without root builds as usual.
set -u
need=""
add() { case " $need " in *" $1 "*) ;; *) need="$need $1" ;; esac; }
have() { command -v "$1" >/dev/null 2>&1; }
pc() { have pkg-config && pkg-config --exists "$1" 2>/dev/null; }
py() { [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import $1" >/dev/null 2>&1; }

build() {
	have pkg-config || add pkg-config
	pc libpcre2-8 || add libpcre2-dev
	pc libutf8proc || add libutf8proc-dev
	# libcsv ships no .pc file on Debian: its header says it is there.
	[ -f /usr/include/csv.h ] || pc libcsv || add libcsv-dev
	pc uchardet || add libuchardet-dev
	pc libxml-2.0 || add libxml2-dev
	pc libxxhash || add libxxhash-dev
	have cc || add gcc
	have make || add make
}

test_tools() {
	have python3 || add python3
	have datamash || add datamash
	have parallel || add parallel
	have sqlite3 || add sqlite3
	have gnuplot || add gnuplot-nox
	have flock || add util-linux
	[ -x /usr/bin/time ] || add time
	have xz || add xz-utils
	have xmllint || add libxml2-utils
	have shellcheck || add shellcheck
	have mlr || add miller
	have pg_ctlcluster || add postgresql
	[ -d /usr/share/fonts/opentype/noto ] || add fonts-noto-cjk
	py jieba || add python3-jieba
	# The awk-heavy suites are run once more under gawk (tests must not depend on the awk).
	have gawk || add gawk
	# GNU parallel over real ssh (a private sshd on loopback) and --transfer (rsync).
	[ -x /usr/sbin/sshd ] || add openssh-server
	have ssh || add openssh-client
	have rsync || add rsync
	# run.sh --dask: a private scheduler and workers on loopback.
	{ have dask && py distributed; } || add python3-distributed
}

clang_only() { have clang || add clang; }

fuzz() {
	clang_only
	# The libFuzzer runtime: asked of clang itself (the file name differs by architecture
	# and LLVM version); the package follows clang's major version.
	if have clang; then
		dir=$(mktemp -d "${TMPDIR:-/tmp}/fuzzprobe.XXXXXX") || exit 3
		printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' >"$dir/p.c"
		if ! clang -fsanitize=fuzzer,address,undefined -o "$dir/p" "$dir/p.c" >/dev/null 2>&1; then
			v=$(clang -dumpversion 2>/dev/null | cut -d. -f1)
			add "libclang-rt-${v:-14}-dev"
		fi
		rm -rf "$dir"
	else
		add libclang-rt-14-dev
	fi
}

dry=0
if [ "${1:-}" = -n ]; then dry=1; shift; fi
[ $# -gt 0 ] || set -- build
for g; do
	case $g in
	build) build ;;
	test) test_tools ;;
	fuzz) fuzz ;;
	clang) clang_only ;;
	valgrind) have valgrind || add valgrind ;;
	*) echo "install-deps: unknown group '$g' (build, test, fuzz, clang, valgrind)" >&2; exit 2 ;;
	esac
done
[ -z "$need" ] && exit 0
if [ "$dry" = 1 ]; then echo "${need# }"; exit 0; fi

if have apt-get; then
	sudo=""
	if [ "$(id -u)" != 0 ]; then
		have sudo || { echo "install-deps: run as root or install sudo; packages needed:$need" >&2; exit 3; }
		sudo=sudo
	fi
	echo "install-deps: installing$need" >&2
	$sudo apt-get update -qq >&2 || exit 3
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $need >&2 || exit 3
	exit 0
fi
echo "install-deps: please install these packages (Debian names):$need" >&2
exit 3
