# unesc(s, flat): a field of the stream with its escapes undone (docs/FORMAT.md): \\ \t \n \r
# give their characters and \0 gives U+FFFD (awk strings and the loaders' C strings cannot
# hold a NUL); with flat set, \t \n \r and \0 become a space, for text shown on one line.
# Any other backslash pair keeps its second character, as the programs' readers do.
# The one copy of the stream unescaper for the pipelines' awk programs: prepended to a
# program text (lib.sh's $UNESC_AWK) or given first with -f.
function unesc(s, flat,   o, i, c) {
	o = ""
	while ((i = index(s, "\\")) > 0) {
		c = substr(s, i + 1, 1)
		if (c == "t" || c == "n" || c == "r" || c == "0")
			c = flat ? " " : c == "t" ? "\t" : c == "n" ? "\n" : c == "r" ? "\r" : "\357\277\275"
		o = o substr(s, 1, i - 1) c
		s = substr(s, i + 2)
	}
	return o s
}
