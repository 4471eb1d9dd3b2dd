#!/bin/sh
# The sequence model end to end: train-entities learns a tiny hand-made corpus, the same
# data give the same model bytes, tag-entities --model uses it, every bad model file is a
# clear message and status 2, --flat keeps the outermost names only, --dict overrides
# the model.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${BIN:-$TOP/bin}
name=entities-model
for p in tag-entities train-entities; do
	if [ ! -x "$BIN/$p" ]; then echo "skip $name: $p is not built"; exit 0; fi
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/entm.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
TE="$BIN/tag-entities"

# A corpus of one pattern, char<TAB>tag: NAME在PLACE工作。 and ORG成立。
bio() {   # bio TEXT TAGS...: one sentence, one tag a character
	text=$1; shift
	# LC_ALL=C: substr in bytes, three to each of these characters, whichever awk
	printf '%s\n' "$text" | LC_ALL=C awk -v tags="$*" 'BEGIN { n = split(tags, t, " ") }
		{ for (i = 1; i <= n; i++) printf "%s\t%s\n", substr($0, 3 * i - 2, 3), t[i]; print "" }'
}
: > "$tmp/tiny.bio"
for i in 1 2 3 4 5 6 7 8 9 10; do
	bio 张小明在北京工作。 B-PER I-PER I-PER O B-LOC I-LOC O O O >> "$tmp/tiny.bio"
	bio 李大伟在上海工作。 B-PER I-PER I-PER O B-LOC I-LOC O O O >> "$tmp/tiny.bio"
	bio 王芳在广州工作。 B-PER I-PER O B-LOC I-LOC O O O >> "$tmp/tiny.bio"
	bio 华星公司成立。 B-ORG I-ORG I-ORG I-ORG O O O >> "$tmp/tiny.bio"
done
lines=$(wc -l < "$tmp/tiny.bio")
if [ "$lines" -ne 370 ]; then echo "skip $name: awk could not write the corpus ($lines lines)"; exit 0; fi

if LC_ALL=C.UTF-8 "$BIN/train-entities" -e 5 -b 12 -o "$tmp/a.model" "$tmp/tiny.bio" 2> "$tmp/train.log"; then
	if grep -q '^epoch 5:' "$tmp/train.log" && grep -q 'dev .*F1' "$tmp/train.log"; then
		echo "ok $name: the trainer shows its epochs and dev F1"
	else
		echo "FAIL $name: no progress lines: $(head -c 300 "$tmp/train.log")"
	fi
else
	echo "FAIL $name: train-entities failed: $(tail -n 3 "$tmp/train.log")"; exit 0
fi
LC_ALL=C.UTF-8 "$BIN/train-entities" -e 5 -b 12 -o "$tmp/b.model" "$tmp/tiny.bio" 2> /dev/null
if cmp -s "$tmp/a.model" "$tmp/b.model"; then echo "ok $name: training is deterministic"
else echo "FAIL $name: two runs on the same data gave different models"; fi

# the trained model finds what it was taught (--flat: the model alone decides)
printf '张小明在北京工作。\n华星公司成立。\n' > "$tmp/in.txt"
"$TE" --lines --only --flat --model "$tmp/a.model" "$tmp/in.txt" 2> "$tmp/err" | cut -f4,7 | tail -n +2 > "$tmp/got"
printf 'PER\t张小明\nLOC\t北京\nORG\t华星公司\n' > "$tmp/want"
if cmp -s "$tmp/got" "$tmp/want"; then echo "ok $name: --model with a model trained on a tiny corpus"
else echo "FAIL $name: --model tiny: got $(tr '\n\t' '| ' < "$tmp/got") $(cat "$tmp/err")"; fi

bad() {   # bad CASE FILE PATTERN: status 2, a message naming the file and matching PATTERN
	"$TE" --lines --model "$2" "$tmp/in.txt" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	if [ $rc -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q "$2" "$tmp/err" && grep -q "$3" "$tmp/err"; then
		echo "ok $name: bad model: $1"
	else
		echo "FAIL $name: bad model: $1: status $rc, $(head -c 200 "$tmp/err")"
	fi
}
size=$(wc -c < "$tmp/a.model")
bad missing "$tmp/none.model" "No such file"
bad directory "$tmp" "directory"
: > "$tmp/empty.model"
bad empty "$tmp/empty.model" "truncated"
head -c $((size - 7)) "$tmp/a.model" > "$tmp/short.model"
bad truncated "$tmp/short.model" "truncated"
head -c 500 "$tmp/a.model" > "$tmp/half.model"
bad "truncated header" "$tmp/half.model" "truncated"
cp "$tmp/a.model" "$tmp/flip.model"
printf 'Z' | dd of="$tmp/flip.model" bs=1 seek=$((size - 100)) conv=notrunc 2> /dev/null
bad corrupt "$tmp/flip.model" "checksum"
cp "$tmp/a.model" "$tmp/v2.model"
printf '\002' | dd of="$tmp/v2.model" bs=1 seek=8 conv=notrunc 2> /dev/null
bad "another version" "$tmp/v2.model" "version 2"
printf 'PER\t张小明\n' > "$tmp/text.model"
bad "not a model" "$tmp/text.model" "not a tag-entities model"

# the built-in model (absent when built with MODEL=none)
if ! "$TE" --help 2>&1 | grep -q '^Model: a sequence model'; then echo "skip $name: built without a model (MODEL=none)"; exit 0; fi
printf '河南省话剧艺术中心在郑州演出。\n' > "$tmp/org.txt"
"$TE" --lines --only "$tmp/org.txt" | cut -f4,7 | tail -n +2 | sort > "$tmp/nested"
"$TE" --lines --only --flat "$tmp/org.txt" | cut -f4,7 | tail -n +2 | sort > "$tmp/flat"
if grep -q '^ORG	河南省话剧艺术中心$' "$tmp/nested" && grep -q '^LOC	河南省$' "$tmp/nested" &&
   grep -q '^ORG	河南省话剧艺术中心$' "$tmp/flat" && ! grep -q '^LOC	河南省$' "$tmp/flat"; then
	echo "ok $name: --flat drops the place inside an organisation's name"
else
	echo "FAIL $name: --flat: nested $(tr '\n\t' '| ' < "$tmp/nested"), flat $(tr '\n\t' '| ' < "$tmp/flat")"
fi
printf '华星公司\tPER\n' > "$tmp/d.tsv"
"$TE" --lines --only --flat --model "$tmp/a.model" --dict "$tmp/d.tsv" "$tmp/in.txt" | cut -f4,7 | tail -n +2 > "$tmp/got"
if grep -q '^PER	华星公司$' "$tmp/got" && ! grep -q '^ORG' "$tmp/got"; then
	echo "ok $name: --dict overrides the model"
else
	echo "FAIL $name: --dict over the model: $(tr '\n\t' '| ' < "$tmp/got")"
fi
