"""Builds phrasebank/english_words.txt: the lower-case words of English, for privacy's lower-case name slots.

    apt-get install wbritish   # SCOWL's British English list (Debian), /usr/share/dict/british-english
    python bench/build_english_words.py [/usr/share/dict/british-english]

Keeps the list's lower-case entries of letters only (its capitalised entries are names and places: a name typed in
lower case is exactly what the list must NOT hold), and leaves out a regular inflection whose base is kept (the
checker tries the base: ``privacy.english_word``). Prints how many words it kept.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = """# The lower-case words of English (pv34): a lower-case word in a name's slot that is none of these (nor a
# word of our phrasebank) may be a name typed in lower case ("hi thaddeus", "nenita: running late").
# Built by bench/build_english_words.py from SCOWL's British English list (Debian package wbritish), its
# lower-case entries only, and the lower-case words of our own text (corpus, templates, phrasebank); a regular inflection is left out where its base is here (privacy.english_word tries it).
# SCOWL: Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute and sell these word
# lists, the associated scripts, the output created from the scripts, and its documentation for any purpose is
# hereby granted without fee, provided that the above copyright notice appears in all copies and that both that
# copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson makes no
# representations about the suitability of this array for any purpose. It is provided "as is" without express or
# implied warranty.
"""


def bases(word: str) -> list[str]:
    """The bases a regular inflection could come from (the same as the checker tries)."""
    out = []
    for suffix, repl in (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"), ("ing", ""),
                         ("ing", "e"), ("ly", ""), ("er", ""), ("est", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: len(word) - len(suffix)] + repl)
    return out


# (four letters or more: our own three-letter words are mostly abbreviations, "jun", "dev", "itt", as names can be)
WORD = re.compile(r"(?<![\w'’@./\-])[a-z]{4,}(?![\w'’@/\-])")


def own_words(first_names: set[str]) -> set[str]:
    """Lower-case words of our own text (the demo corpus, the templates, the phrasebank but privacy's own files,
    whose examples hold names typed in lower case), less any that is a listed first name."""
    out: set[str] = set()
    for folder in ("corpus", "templates", "phrasebank"):
        for path in sorted((ROOT / folder).rglob("*")):
            if not path.is_file() or path.suffix not in (".md", ".yaml", ".txt", ".toml", ".j2", ".html") \
                    or path.name.startswith(("privacy", "first_names", "english_words")):
                continue
            out.update(WORD.findall(path.read_text(encoding="utf-8", errors="ignore")))
    return out - first_names


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/british-english")
    words = {w for w in source.read_text(encoding="utf-8").split() if w.isalpha() and w.isascii() and w.islower()}
    first = {w.strip().lower() for w in (ROOT / "phrasebank" / "first_names.txt").read_text(encoding="utf-8").split()}
    ours = own_words(first) - words
    print(f"{len(ours)} words of our own text not in the list, added")
    words |= ours
    roots = {w for w in words if not any(b in words for b in bases(w))}
    # a word is left out only where one lookup finds it: its base is kept ("carers" stays, "carer" being "car"+"er")
    kept = sorted(w for w in words if not any(b in roots for b in bases(w)))
    out = ROOT / "phrasebank" / "english_words.txt"
    out.write_text(HEADER + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(words)} lower-case words read, {len(kept)} kept -> {out}")


if __name__ == "__main__":
    main()
