#!/bin/sh
# Install what the build and the tests need, when it is missing. On Debian or Ubuntu the
# packages come through apt-get (with sudo when not root); elsewhere this stops with one
# message naming them.
set -u
need=""
pkg-config --exists libpcre2-8 2>/dev/null || need="$need libpcre2-dev"
pkg-config --exists libutf8proc 2>/dev/null || need="$need libutf8proc-dev"
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
[ -f /usr/include/csv.h ] || pkg-config --exists libcsv 2>/dev/null || need="$need libcsv-dev"
pkg-config --exists uchardet 2>/dev/null || need="$need libuchardet-dev"
pkg-config --exists libxml-2.0 2>/dev/null || need="$need libxml2-dev"
pkg-config --exists libxxhash 2>/dev/null || need="$need libxxhash-dev"
command -v cc >/dev/null 2>&1 || need="$need gcc"
command -v make >/dev/null 2>&1 || need="$need make"
# the tests and benchmarks compare with and drive these
command -v python3 >/dev/null 2>&1 || need="$need python3"
command -v datamash >/dev/null 2>&1 || need="$need datamash"
command -v parallel >/dev/null 2>&1 || need="$need parallel"
command -v sqlite3 >/dev/null 2>&1 || need="$need sqlite3"
command -v gnuplot >/dev/null 2>&1 || need="$need gnuplot-nox"
command -v flock >/dev/null 2>&1 || need="$need util-linux"
[ -x /usr/bin/time ] || need="$need time"
command -v xz >/dev/null 2>&1 || need="$need xz-utils"
command -v valgrind >/dev/null 2>&1 || need="$need valgrind"
command -v clang >/dev/null 2>&1 || need="$need clang"
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 || need="$need libclang-rt-14-dev"
command -v xmllint >/dev/null 2>&1 || need="$need libxml2-utils"
command -v shellcheck >/dev/null 2>&1 || need="$need shellcheck"
command -v pg_ctlcluster >/dev/null 2>&1 || need="$need postgresql"
command -v npm >/dev/null 2>&1 || need="$need npm"
command -v mlr >/dev/null 2>&1 || need="$need miller"
[ -d /usr/share/fonts/opentype/noto ] || need="$need fonts-noto-cjk"
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import jieba' >/dev/null 2>&1 || need="$need python3-jieba"
[ -z "$need" ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
	sudo=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root or install sudo; packages needed:$need" >&2; exit 3; }
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
