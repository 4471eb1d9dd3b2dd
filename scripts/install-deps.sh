#!/bin/sh
# usage: install-deps.sh [-n] [GROUP]...   (default: build; -n: only name what is missing)
# Install what is missing for one or more purposes, and nothing else:
#   build  the libraries, compiler and tools the programs are built with (make, make run)
#   test   the tools the tests drive or compare with (make check), and the npm package
#          @duckdb/node-api for the DuckDB recipe (no Debian package; as root only)
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
	have flock || add util-linux
	[ -x /usr/bin/time ] || add time
	have xz || add xz-utils
	have xmllint || add libxml2-utils
	have shellcheck || add shellcheck
	have mlr || add miller
	have pg_ctlcluster || add postgresql
	[ -d /usr/share/fonts/opentype/noto ] || add fonts-noto-cjk
	# the report's screenshot (pipeline-report) and the recipes (docs/RECIPES.md)
	have chromium || have chromium-browser || add chromium
	py pandas || add python3-pandas
	have node || add nodejs
	have npm || add npm
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
# The DuckDB recipe's Node.js package has no Debian package: npm, after apt (test group).
duckdb() {
	case " $* " in *" test "*) ;; *) return 0 ;; esac
	have npm && have node || return 0
	NODE_PATH=$(npm root -g 2>/dev/null) node -e 'require("@duckdb/node-api")' >/dev/null 2>&1 && return 0
	if [ "$dry" = 1 ]; then echo "npm: @duckdb/node-api"; return 0; fi
	[ "$(id -u)" = 0 ] || { echo "install-deps: not root: skipping npm install -g @duckdb/node-api (its recipe test will skip)" >&2; return 0; }
	echo "install-deps: npm install -g @duckdb/node-api" >&2
	npm install -g --silent @duckdb/node-api >&2 || echo "install-deps: npm could not install @duckdb/node-api (its recipe test will skip)" >&2
}
if [ -z "$need" ]; then duckdb "$@"; exit 0; fi
if [ "$dry" = 1 ]; then echo "${need# }"; duckdb "$@"; exit 0; fi

if have apt-get; then
	sudo=""
	if [ "$(id -u)" != 0 ]; then
		have sudo || { echo "install-deps: run as root or install sudo; packages needed:$need (make NO_DEPS=1 builds without this check)" >&2; exit 3; }
		sudo=sudo
	fi
	echo "install-deps: installing$need" >&2
	$sudo apt-get update -qq >&2 || exit 3
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $need >&2 || exit 3
	duckdb "$@"
	exit 0
fi
echo "install-deps: please install these packages (Debian names):$need (make NO_DEPS=1 builds without this check)" >&2
exit 3
