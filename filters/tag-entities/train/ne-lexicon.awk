# ne-lexicon.awk: the model's word list (data/model-lexicon.txt) from jieba's dict.txt
# (word frequency tag per line); print the header of that file before it.
$3 == "nr" && $2 >= 10 { print $1 "\tp"; next }
$3 == "nrt" || $3 == "nrfg" { print $1 "\tf"; next }
$3 == "ns" { print $1 "\tl"; next }
$3 == "nt" { print $1 "\to"; next }
$3 !~ /^n[rst]/ && $2 >= 200 && length($1) >= 2 { print $1 "\tw" }
