#!/usr/bin/env python3
"""Scores notelint and dateparser on the same date expressions against what a careful reader means.

    python3 Benchmarks/dates/compare.py [--notelint PATH] [--data expressions.tsv] [--misses]

Each row of the data file (tab-separated; `#` starts a comment line) gives the language, the note's
date, `hard` or `plain`, the shape, an optional context (`sprint=START/DAYS`, `order=month-first`),
the sentence as an action item, the date phrase a reader would isolate, and the due date(s) a careful
reader means (`a|b` when two readings are both fair).

notelint: the rows are written as task items (`- [ ] …`) into one Markdown note per language, note date
and context, with the date (and the sprint calendar or date order) in the front matter, and
`notelint actions --format json` gives each item's resolved `deadline.due`.

dateparser: `dateparser.parse` on the phrase, then on the phrase without its leading "by"/"entro"…,
then the last date `search_dates` finds in the sentence; settings RELATIVE_BASE = the note's date,
PREFER_DATES_FROM = future, PREFER_DAY_OF_MONTH = last (a bare month is a deadline period),
DATE_ORDER DMY (MDY for month-first notes), languages [it] or [en].

Needs `pip install dateparser`.
"""

import argparse
import collections
import datetime
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

Row = collections.namedtuple("Row", "lang note_date set shape context sentence phrase expected")

PREPOSITIONS = ["by ", "before ", "on ", "in ", "until ", "entro il ", "entro le ", "entro la ", "entro ",
                "prima del ", "prima di ", "per il ", "per ", "il ", "a ", "dal ", "fra ", "tra "]


def load(path):
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 8:
                sys.exit(f"{path}:{number}: expected 8 tab-separated fields, found {len(fields)}")
            row = Row(*fields)
            if row.lang not in ("it", "en") or row.set not in ("hard", "plain"):
                sys.exit(f"{path}:{number}: bad language or set")
            rows.append(row._replace(expected=set(row.expected.split("|"))))
    return rows


def context_of(row):
    result = {}
    for item in row.context.split(";"):
        if "=" in item:
            key, value = item.split("=", 1)
            result[key.strip()] = value.strip()
    return result


def run_notelint(binary, rows):
    """The due date notelint resolves for each row (None when it finds none)."""
    groups = collections.OrderedDict()
    for index, row in enumerate(rows):
        groups.setdefault((row.lang, row.note_date, row.context), []).append(index)
    answers = [None] * len(rows)
    with tempfile.TemporaryDirectory() as folder:
        where = {}
        for number, ((lang, note_date, context), indices) in enumerate(groups.items()):
            extra = context_of(rows[indices[0]])
            name = f"note{number:03d}.md"
            lines = ["---", f"date: {note_date}", f"lang: {lang}"]
            if extra.get("order") == "month-first":
                lines.append("date-order: month-first")
            if "sprint" in extra:
                start, days = extra["sprint"].split("/")
                lines.append(f"sprint: {{start: {start}, length-days: {days}}}")
            lines += ["---", "", "# Minutes" if lang == "en" else "# Verbale", ""]
            for index in indices:
                lines.append(f"- [ ] {rows[index].sentence}")
                where[(name, len(lines))] = index
            with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
                handle.write("\n".join(lines) + "\n")
        names = sorted(os.listdir(folder))
        result = subprocess.run(
            [binary, "actions", "--format", "json", "--today", "2026-11-23", *names],
            cwd=folder, capture_output=True, text=True)
        if result.returncode not in (0, 1):
            sys.exit(f"notelint failed ({result.returncode}): {result.stderr.strip()}")
        report = json.loads(result.stdout)
        for action in report["actions"]:
            index = where.get((os.path.basename(action["file"]), action["line"]))
            if index is not None and action.get("deadline"):
                answers[index] = action["deadline"].get("due")
    return answers


def run_dateparser(rows):
    import dateparser
    from dateparser.search import search_dates

    answers = []
    for row in rows:
        base = datetime.datetime.fromisoformat(row.note_date)
        settings = {
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "future",
            "PREFER_DAY_OF_MONTH": "last",
            "DATE_ORDER": "MDY" if context_of(row).get("order") == "month-first" else "DMY",
        }
        languages = [row.lang]
        found = dateparser.parse(row.phrase, languages=languages, settings=settings)
        if found is None:
            lowered = row.phrase.lower()
            for word in PREPOSITIONS:
                if lowered.startswith(word):
                    found = dateparser.parse(row.phrase[len(word):], languages=languages, settings=settings)
                    break
        if found is None:
            hits = search_dates(row.sentence, languages=languages, settings=settings) or []
            if hits:
                found = hits[-1][1]
        answers.append(found.date().isoformat() if found else None)
    return answers


def score(rows, answers, keep):
    chosen = [(row, answer) for row, answer in zip(rows, answers) if keep(row)]
    right = sum(answer in row.expected for row, answer in chosen)
    return right, len(chosen)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.path.join(ROOT, ".build", "debug", "notelint")
    parser.add_argument("--notelint", default=default if os.path.exists(default) else "notelint")
    parser.add_argument("--data", default=os.path.join(HERE, "expressions.tsv"))
    parser.add_argument("--misses", action="store_true", help="list every expression a tool gets wrong")
    arguments = parser.parse_args()
    rows = load(arguments.data)
    results = {"notelint": run_notelint(arguments.notelint, rows), "dateparser": run_dateparser(rows)}
    subsets = [
        ("all", lambda row: True),
        ("it", lambda row: row.lang == "it"),
        ("en", lambda row: row.lang == "en"),
        ("hard", lambda row: row.set == "hard"),
        ("hard it", lambda row: row.set == "hard" and row.lang == "it"),
        ("hard en", lambda row: row.set == "hard" and row.lang == "en"),
        ("plain", lambda row: row.set == "plain"),
    ]
    print(f"{'subset':<10}{'rows':>6}" + "".join(f"{tool:>16}" for tool in results))
    for name, keep in subsets:
        cells = []
        total = 0
        for answers in results.values():
            right, total = score(rows, answers, keep)
            cells.append(f"{right:>5} {100 * right / max(1, total):5.1f}%    ")
        print(f"{name:<10}{total:>6}" + "".join(f"{cell:>16}" for cell in cells))
    if arguments.misses:
        for tool, answers in results.items():
            print(f"\n{tool} misses:")
            for row, answer in zip(rows, answers):
                if answer not in row.expected:
                    wanted = "|".join(sorted(row.expected))
                    print(f"  [{row.lang} {row.set} {row.shape}] {row.note_date} \"{row.sentence}\": "
                          f"{answer} (reader: {wanted})")


if __name__ == "__main__":
    main()
