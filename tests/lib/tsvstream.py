"""What the test scripts share about the stream: field escapes as docs/FORMAT.md says, the
text comparison the gold uses (NFKC, white space removed) and gold document ids."""
import os
import unicodedata

_UNESC = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}


def unescape(s):
    """A field as written; an unknown escape is kept literally, as the programs do."""
    if "\\" not in s:
        return s
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append(_UNESC.get(s[i + 1], s[i:i + 2]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def escape(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def norm(s):
    """Texts are compared after NFKC with every white space removed."""
    return "".join(unicodedata.normalize("NFKC", s).split())


def doc_id(doc):
    """Gold names documents by file name without .txt; the stream by the name as given."""
    base = os.path.basename(doc)
    return base[:-4] if base.endswith(".txt") else base
