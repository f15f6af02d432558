#!/usr/bin/env python3
"""Writes notes of a given size built to be slow: one long line or paragraph, deep nesting, wide
tables, unclosed HTML. `.fuzz/run SECONDS slow` lints each one under -timeout=10; every pattern here
was, or guards against, a quadratic path (see the git log).

    .fuzz/pathological.py SIZE DIR
"""
import pathlib
import sys

size, folder = int(sys.argv[1]), pathlib.Path(sys.argv[2])
folder.mkdir(parents=True, exist_ok=True)


def rep(unit, prefix="", suffix=""):
    return prefix + unit * max(1, (size - len(prefix)) // len(unit)) + suffix


columns = max(2, size // 6)
cases = {
    # Markdown: one line or one paragraph of many things.
    "long-paragraph.md": rep("il team farà alcune cose a breve, forse entro venerdì. "),
    "one-sentence-vague.md": rep("some kind of thing, several and various, "),
    "one-sentence-dependencies.md": rep("the team is blocked by the vendor, waiting for IT, "),
    "one-sentence-hypotheses.md": rep("we assume it works, measured on the pilot, "),
    "tasks-on-one-line.md": rep("- [ ] "),
    "items-with-owners.md": rep("- [ ] Marco invierà il report entro il 2026-12-04 @marco\n"),
    "list-nest.md": "".join("  " * i + "- item we will do it soon\n" for i in range(min(size // 60, 3000))),
    "quote-nest.md": rep("> ") + "text\n",
    "brackets.md": rep("["),
    "links.md": rep("[a](b) "),
    "link-open.md": rep("[a]("),
    "images.md": rep("!["),
    "stars.md": rep("*a "),
    "underscores.md": rep("a_"),
    "backticks.md": rep("`a"),
    "strike.md": rep("~~a "),
    "autolinks.md": rep("www.a.it "),
    "emails.md": rep("a@"),
    "entities.md": rep("&amp;"),
    "escapes.md": rep("\\*"),
    "footnotes.md": rep("[^a]"),
    "front-matter.md": "---\n" + rep("k: v\n") + "---\ntext\n",
    # Markdown tables: a wide row, a wide header over one-cell rows, a long table.
    "table-wide.md": "|" + "a|" * columns + "\n|" + "-|" * columns + "\n|" + "x|" * columns + "\n",
    "table-filled-in.md": "x|" * 500 + "\n" + "-|" * 500 + "\n" + rep("x\n"),
    "table-long.md": "| a | b | c |\n|---|---|---|\n" + rep("| x | y | z |\n"),
    # HTML.
    "li-unclosed.html": "<html><body><ul>" + rep("<li>Marco farà a breve "),
    "p-unclosed.html": "<html><body>" + rep("<p>a "),
    "td-unclosed.html": "<html><body><table><tr>" + rep("<td>a "),
    "div-nest.html": "<html><body>" + rep("<div>") + "text",
    "a-nest.html": "<html><body><p>" + rep("<a href=x>a "),
    "long-text.html": "<html><body><p>" + rep("il team farà alcune cose a breve. "),
    "br.html": "<html><body><p>" + rep("a<br>"),
    "comments.html": "<html><body>" + rep("<!-- a --> "),
    "unclosed-comment.html": "<html><body><p>a <!-- " + rep("a "),
    "entities.html": "<html><body><p>" + rep("&egrave; "),
}
for name, text in cases.items():
    (folder / name).write_text(text, encoding="utf-8")
