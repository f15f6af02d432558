#!/usr/bin/env python3
"""notelint's vague-phrasing lexicons as one case-insensitive regular expression for `rg`.

Reads Sources/NoteLintLanguage/Resources/lexicons/{it,en}/ vague-*.txt, placeholder.txt,
unmeasurable-goal.txt, subjective-quality.txt and ai-goal.txt with the lexicon file format
(`#` comments, `{a,b}` alternation, `<num>` for any number, `!` exception lines, ` => ` before a
suggestion): alternations are expanded, exceptions and suggestions dropped, `<num>` becomes `\\d+`,
a run of spaces becomes `\\s+` (a phrase may wrap across lines), an apostrophe matches ' and its
typographic form, and a word boundary is put on each side of a phrase that begins or ends with an ASCII letter or
digit (an ASCII boundary: see ASCII_BOUNDARY). The result is one alternation, printed on one line (use it with `rg -i -f FILE`).
"""

from __future__ import annotations

import glob
import os
import re
import sys

LEXICON_FILES = ("vague-*.txt", "placeholder.txt", "unmeasurable-goal.txt", "subjective-quality.txt", "ai-goal.txt")


def expand(entry: str) -> list[str]:
    """Cartesian expansion of `{a,b}` groups, like the Swift loader (Lexicon.expand)."""
    open_at = entry.find("{")
    close_at = entry.find("}", open_at + 1) if open_at != -1 else -1
    if open_at == -1 or close_at == -1:
        return [entry]
    head, options, tail = entry[:open_at], entry[open_at + 1 : close_at].split(","), entry[close_at + 1 :]
    return [head + option + rest for option in options for rest in expand(tail)]


def lexicon_files(root: str) -> list[str]:
    files: list[str] = []
    for language in ("it", "en"):
        for pattern in LEXICON_FILES:
            files.extend(sorted(glob.glob(os.path.join(root, language, pattern))))
    return files


def phrases(paths: list[str]) -> list[str]:
    result: set[str] = set()
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for raw in handle:
                line = raw.strip()
                if not line or line.startswith("#") or line.startswith("!"):
                    continue
                if " => " in line:
                    line = line.split(" => ", 1)[0].strip()
                for phrase in expand(line):
                    phrase = " ".join(phrase.split())
                    if phrase:
                        result.add(phrase.lower())
    return sorted(result, key=lambda p: (-len(p), p))


# An ASCII word boundary: rg's DFA cannot run Unicode word boundaries on non-ASCII text and falls back
# to an engine about 1000x slower, which would make this floor meaningless.
ASCII_BOUNDARY = r"(?-u:\b)"


def to_regex(phrase: str) -> str:
    pieces = []
    for word in phrase.split(" "):
        if word == "<num>":
            pieces.append(r"\d+")
            continue
        text = ""
        for character in word:
            if character in "'\u2019":
                text += "['\u2019]"
            else:
                text += re.escape(character)
        pieces.append(text.replace("<num>", r"\d+"))
    body = r"\s+".join(pieces)
    if re.match(r"[A-Za-z0-9_]", phrase) or phrase.startswith("<num>"):
        body = ASCII_BOUNDARY + body
    if re.search(r"[A-Za-z0-9_]$", phrase) or phrase.endswith("<num>"):
        body = body + ASCII_BOUNDARY
    return body


def pattern(root: str) -> tuple[str, int, list[str]]:
    files = lexicon_files(root)
    if not files:
        raise SystemExit(f"lexicon_pattern: no lexicon files under {root}")
    entries = phrases(files)
    return "(?:" + "|".join(to_regex(p) for p in entries) + ")", len(entries), files


def main(argv: list[str]) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    root = argv[1] if len(argv) > 1 else os.path.join(
        here, "..", "Sources", "NoteLintLanguage", "Resources", "lexicons")
    text, count, files = pattern(root)
    print(text)
    print(f"lexicon_pattern: {count} phrases from {len(files)} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
