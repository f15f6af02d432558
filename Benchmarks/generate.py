#!/usr/bin/env python3
"""Deterministic generator of a large tree of realistic notes for the notelint benchmark.

Turns the labelled corpus (Corpus/it, Corpus/en: Markdown and HTML) into a tree of notes with the
total size and file count asked for. Each generated note starts as a real corpus note (its front
matter or HTML head, its own sections in order), then grows with runs of sections taken from other
notes of the same language (and, in one growing note in five, of the other language), until it reaches
its drawn size. File sizes follow a truncated power law between 1 KB and 200 KB whose exponent is
solved so that the mean is total/files. HTML notes keep the frame (head, containers, closing tags)
and the declared encoding of the note they start from (UTF-8, ISO-8859-1 or Windows-1252): text
coming from notes in another encoding is re-encoded, characters the target cannot hold become
numeric character references, as a browser would need. Only sections whose container tags balance
are moved between HTML notes, so the result stays valid-ish HTML.

Python 3 standard library only. Same corpus + same flags + same seed = byte-identical tree.

Layout of the output folder (default /tmp/notelint-bench/tree-<size>-<files>-s<seed>):
  notes/<team>/<year>/<month>/<name>.<md|markdown|html|htm>   the tree to lint
  md-only/...                                                hard links to the Markdown notes
  manifest.json                                              parameters and one entry per file
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import math
import os
import random
import re
import shutil
import sys
from dataclasses import dataclass, field

GENERATOR_VERSION = 1
MIN_FILE = 1_000
MAX_FILE = 200_000

TEAMS = [
    "vendite", "marketing", "data-science", "crm", "growth", "finance", "retention", "pricing",
    "customer-success", "operations", "product", "analytics", "campagne", "assistenza", "partner",
    "platform", "risk", "sales-ops", "loyalty", "digital",
]


def parse_size(text: str) -> int:
    """'200MB', '1GB', '512KB', '50MiB', '1000000' -> bytes (KB/MB/GB are powers of 1000)."""
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kKmMgG]?)(i?)[bB]?\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 200MB, 1GB, 512KB)")
    number, unit, binary = match.groups()
    base = 1024 if binary else 1000
    power = {"": 0, "k": 1, "m": 2, "g": 3}[unit.lower()]
    return int(float(number) * base**power)


def format_size(count: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if count >= scale and count % scale == 0:
            return f"{count // scale}{unit}"
    return f"{count}B"


# ---------------------------------------------------------------------------------------------
# Corpus model


@dataclass
class Donor:
    path: str
    language: str  # it | en
    kind: str  # md | html
    encoding: str  # utf-8 | iso-8859-1 | windows-1252 (Python codec names)
    prefix: str  # front matter (md) or everything before the first section (html)
    sections: list[str]  # own sections, in order
    suffix: str  # html closing tags ('' for md)
    portable: list[str] = field(default_factory=list)  # sections that may move to other notes


CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
HEADING_MD_RE = re.compile(r"^#{1,6}\s", re.M)
FENCE_RE = re.compile(r"^(```|~~~)", re.M)
COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
CONTAINERS = {
    "div", "table", "ul", "ol", "dl", "blockquote", "pre", "section", "article", "main", "nav",
    "header", "footer", "aside", "details", "body", "html", "head",
}
SUFFIX_RE = re.compile(r"(?:\s*</(?:div|article|section|main|body|html)\s*>)+\s*\Z", re.I)


def html_encoding(raw: bytes) -> str:
    match = CHARSET_RE.search(raw[:4096])
    name = match.group(1).decode("ascii").lower() if match else "utf-8"
    if name in ("iso-8859-1", "latin1", "latin-1", "iso8859-1"):
        return "iso-8859-1"
    if name in ("windows-1252", "cp1252"):
        return "windows-1252"
    return "utf-8"


def decode(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return raw.decode(encoding, errors="replace")


def split_markdown(text: str) -> tuple[str, list[str]]:
    """Front matter, then sections starting at ATX headings outside fenced code."""
    prefix = ""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            prefix = text[: end + 5]
            text = text[end + 5 :]
    cuts = [0]
    in_fence = False
    offset = 0
    for line in text.splitlines(keepends=True):
        if FENCE_RE.match(line):
            in_fence = not in_fence
        elif not in_fence and HEADING_MD_RE.match(line) and offset > 0:
            cuts.append(offset)
        offset += len(line)
    cuts.append(len(text))
    sections = [text[a:b] for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]
    sections = [s if s.endswith("\n") else s + "\n" for s in sections]
    if sections and not sections[-1].endswith("\n\n"):
        sections[-1] += "\n"
    return prefix, sections


def container_balance(fragment: str) -> tuple[int, int]:
    """Net depth and minimum depth of container tags in an HTML fragment (comments ignored)."""
    depth = lowest = 0
    for match in TAG_RE.finditer(COMMENT_RE.sub("", fragment)):
        name = match.group(2).lower()
        if name not in CONTAINERS:
            continue
        depth += -1 if match.group(1) else 1
        lowest = min(lowest, depth)
    return depth, lowest


def split_html(text: str) -> tuple[str, list[str], str]:
    """Prefix (up to the first heading), sections (one per heading), suffix (closing tags)."""
    masked = COMMENT_RE.sub(lambda m: " " * len(m.group(0)), text)
    headings = [m.start() for m in re.finditer(r"<h[1-6]\b", masked, re.I)]
    if headings:
        start = headings[0]
    else:
        body = re.search(r"<body\b[^>]*>", masked, re.I)
        start = body.end() if body else 0
    tail = SUFFIX_RE.search(masked, start)
    end = tail.start() if tail else len(text)
    # A trailing comment (e.g. review notes left in the page) stays with the last section.
    cuts = [start] + [h for h in headings[1:] if h < end] + [end]
    sections = [text[a:b] for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]
    sections = [s if s.endswith("\n") else s + "\n" for s in sections]
    return text[:start], sections, text[end:]


def load_corpus(corpus: str) -> list[Donor]:
    donors: list[Donor] = []
    for language in ("it", "en"):
        folder = os.path.join(corpus, language)
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            ext = name.rsplit(".", 1)[-1].lower()
            if ext not in ("md", "markdown", "html", "htm") or not os.path.isfile(path):
                continue
            with open(path, "rb") as handle:
                raw = handle.read()
            if ext in ("md", "markdown"):
                text = decode(raw, "utf-8")
                prefix, sections = split_markdown(text)
                donor = Donor(path, language, "md", "utf-8", prefix, sections, "", list(sections))
            else:
                encoding = html_encoding(raw)
                text = decode(raw, encoding)
                prefix, sections, suffix = split_html(text)
                portable = [s for s in sections if container_balance(s) == (0, 0)]
                donor = Donor(path, language, "html", encoding, prefix, sections, suffix, portable)
            if donor.sections:
                donors.append(donor)
    if not donors:
        raise SystemExit(f"generate: no notes found under {corpus}/it and {corpus}/en")
    return donors


def corpus_digest(donors: list[Donor]) -> str:
    digest = hashlib.sha256()
    for donor in donors:
        with open(donor.path, "rb") as handle:
            digest.update(os.path.basename(donor.path).encode() + b"\0" + handle.read())
    return digest.hexdigest()[:16]


# ---------------------------------------------------------------------------------------------
# Sizes


def solve_exponent(mean: float, low: float, high: float) -> float:
    """Exponent a of density x^-a on [low, high] whose mean is `mean` (bisection)."""

    def mean_for(a: float) -> float:
        def integral(power: float) -> float:  # integral of x^power from low to high
            if abs(power + 1) < 1e-9:
                return math.log(high / low)
            return (high ** (power + 1) - low ** (power + 1)) / (power + 1)

        return integral(1 - a) / integral(-a)

    lo, hi = -10.0, 10.0  # mean_for decreases as a grows
    for _ in range(200):
        mid = (lo + hi) / 2
        if mean_for(mid) > mean:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def draw_sizes(rng: random.Random, count: int, total: int) -> list[int]:
    mean = total / count
    if not MIN_FILE * 1.05 <= mean <= MAX_FILE * 0.95:
        raise SystemExit(
            f"generate: mean file size {mean:.0f} B is outside {MIN_FILE}..{MAX_FILE} B: "
            "change --size or --files")
    a = solve_exponent(mean, MIN_FILE, MAX_FILE)
    sizes = []
    for _ in range(count):
        u = rng.random()
        if abs(1 - a) < 1e-9:
            x = MIN_FILE * (MAX_FILE / MIN_FILE) ** u
        else:
            p = 1 - a
            x = (MIN_FILE**p + u * (MAX_FILE**p - MIN_FILE**p)) ** (1 / p)
        sizes.append(x)
    # Rescale so the sizes add up to the total, keeping every file within the bounds.
    for _ in range(50):
        scale = total / sum(sizes)
        sizes = [min(MAX_FILE, max(MIN_FILE, s * scale)) for s in sizes]
        if abs(sum(sizes) - total) < total * 1e-4:
            break
    return [int(s) for s in sizes]


# ---------------------------------------------------------------------------------------------
# Notes


def encode_html(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="xmlcharrefreplace")


class NoteMaker:
    def __init__(self, donors: list[Donor], rng: random.Random):
        self.rng = rng
        self.by = {}
        for language in ("it", "en"):
            for kind in ("md", "html"):
                pool = [d for d in donors if d.language == language and d.kind == kind and d.portable]
                self.by[(language, kind)] = pool or [d for d in donors if d.kind == kind and d.portable]
        self.starts = {
            (language, kind): [d for d in donors if d.language == language and d.kind == kind]
            or [d for d in donors if d.kind == kind]
            for language in ("it", "en")
            for kind in ("md", "html")
        }

    def run_of_sections(self, language: str, kind: str) -> list[str]:
        donor = self.rng.choice(self.by[(language, kind)])
        sections = donor.portable
        start = self.rng.randrange(len(sections))
        length = self.rng.randint(1, len(sections))
        return [sections[(start + i) % len(sections)] for i in range(length)]

    def make(self, kind: str, language: str, target: int) -> tuple[bytes, Donor, float]:
        """One note of about `target` bytes (never above MAX_FILE)."""
        rng = self.rng
        base = rng.choice(self.starts[(language, kind)])
        mixed = rng.random() < 0.2
        foreign_share = rng.uniform(0.1, 0.35) if mixed else 0.0
        other = "en" if language == "it" else "it"
        encoding = base.encoding if kind == "html" else "utf-8"

        def size_of(text: str) -> int:
            # Exact for UTF-8 and the single-byte encodings (character references aside).
            return len(text.encode(encoding, errors="xmlcharrefreplace"))

        parts = [base.prefix]
        size = size_of(base.prefix) + size_of(base.suffix)
        foreign = 0
        queue = list(base.sections)
        run_is_foreign = False
        while True:
            if not queue:
                run_is_foreign = mixed and foreign < foreign_share * max(size, 1)
                queue = self.run_of_sections(other if run_is_foreign else language, kind)
                if kind == "md" and not queue[0].startswith("\n"):
                    queue[0] = "\n" + queue[0]
            section = queue.pop(0)
            extra = size_of(section)
            if size >= target or size + extra > MAX_FILE:
                break
            parts.append(section)
            size += extra
            if run_is_foreign:
                foreign += extra
        parts.append(base.suffix)
        text = "".join(parts)
        data = text.encode(encoding, errors="xmlcharrefreplace")
        if len(data) > MAX_FILE:  # cannot happen with corpus sections under 200 KB; keep the bound anyway
            data = data[:MAX_FILE]
        return data, base, foreign / max(size, 1)


# ---------------------------------------------------------------------------------------------
# Tree


def default_out(size: int, files: int, seed: int) -> str:
    return os.path.join("/tmp/notelint-bench", f"tree-{format_size(size)}-{files}-s{seed}")


def generate(corpus: str, out: str, size: int, files: int, seed: int, force: bool = False,
             quiet: bool = False) -> dict:
    donors = load_corpus(corpus)
    params = {
        "generator_version": GENERATOR_VERSION,
        "corpus_digest": corpus_digest(donors),
        "size": size,
        "files": files,
        "seed": seed,
    }
    manifest_path = os.path.join(out, "manifest.json")
    if not force and os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as handle:
            manifest = json.load(handle)
        if manifest.get("params") == params and manifest.get("complete"):
            if not quiet:
                print(f"generate: reusing {out} (same corpus, flags and seed)", file=sys.stderr)
            return manifest
    if os.path.exists(out):
        if os.path.exists(manifest_path) or not os.listdir(out):
            shutil.rmtree(out)
        else:
            raise SystemExit(f"generate: {out} exists and is not a generated tree: choose another --out")
    os.makedirs(out)

    rng = random.Random(seed)
    sizes = draw_sizes(rng, files, size)
    team_count = max(4, min(len(TEAMS), round(files / 1250)))
    teams = TEAMS[:team_count]
    maker = NoteMaker(donors, rng)
    entries = []
    written = planned = 0
    notes_root = os.path.join(out, "notes")
    md_root = os.path.join(out, "md-only")
    for index, target in enumerate(sizes):
        planned += target
        # Carry the rounding of earlier notes so the total lands close to --size.
        goal = min(MAX_FILE, max(MIN_FILE, planned - written))
        kind = "md" if rng.random() < 0.65 else "html"
        language = "it" if rng.random() < 0.5 else "en"
        data, base, foreign = maker.make(kind, language, goal)
        team = teams[rng.randrange(len(teams))]
        year = rng.choice(("2024", "2025", "2026"))
        month = f"{rng.randint(1, 12):02d}"
        stem = os.path.splitext(os.path.basename(base.path))[0]
        ext = kind if kind == "md" else "html"
        if rng.random() < 0.03:
            ext = "markdown" if kind == "md" else "htm"
        relative = os.path.join(team, year, month, f"{stem}-{index:06d}.{ext}")
        path = os.path.join(notes_root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
        if kind == "md":
            link = os.path.join(md_root, relative)
            os.makedirs(os.path.dirname(link), exist_ok=True)
            try:
                os.link(path, link)
            except OSError:
                shutil.copyfile(path, link)
        written += len(data)
        entries.append({
            "path": relative,
            "bytes": len(data),
            "kind": kind,
            "language": language,
            "encoding": base.encoding if kind == "html" else "utf-8",
            "foreign_share": round(foreign, 3),
        })
        if not quiet and (index + 1) % 1000 == 0:
            print(f"generate: {index + 1}/{files} notes, {written / 1e6:.1f} MB", file=sys.stderr)

    manifest = {
        "params": params,
        "complete": True,
        "teams": teams,
        "totals": {
            "files": len(entries),
            "bytes": written,
            "md_files": sum(1 for e in entries if e["kind"] == "md"),
            "md_bytes": sum(e["bytes"] for e in entries if e["kind"] == "md"),
            "html_files": sum(1 for e in entries if e["kind"] == "html"),
            "html_bytes": sum(e["bytes"] for e in entries if e["kind"] == "html"),
            "it_files": sum(1 for e in entries if e["language"] == "it"),
            "en_files": sum(1 for e in entries if e["language"] == "en"),
            "mixed_language_files": sum(1 for e in entries if e["foreign_share"] > 0),
            "encodings": {
                name: sum(1 for e in entries if e["encoding"] == name)
                for name in sorted({e["encoding"] for e in entries})
            },
            "min_bytes": min(e["bytes"] for e in entries),
            "max_bytes": max(e["bytes"] for e in entries),
        },
        "files": entries,
    }
    with open(manifest_path + ".tmp", "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=1)
    os.replace(manifest_path + ".tmp", manifest_path)
    if not quiet:
        totals = manifest["totals"]
        print(
            f"generate: {totals['files']} notes, {totals['bytes'] / 1e6:.1f} MB in {out}/notes "
            f"({totals['md_files']} Markdown, {totals['html_files']} HTML; "
            f"{totals['min_bytes']}..{totals['max_bytes']} B)", file=sys.stderr)
    return manifest


def main(argv: list[str] | None = None) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=os.path.join(here, "..", "Corpus"), help="corpus folder (it/, en/)")
    parser.add_argument("--size", type=parse_size, default=parse_size("200MB"), help="total size (default 200MB)")
    parser.add_argument("--files", type=int, default=20000, help="number of notes (default 20000)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--out", help="output folder (default /tmp/notelint-bench/tree-<size>-<files>-s<seed>)")
    parser.add_argument("--force", action="store_true", help="regenerate even if an identical tree exists")
    args = parser.parse_args(argv)
    if args.files < 1:
        parser.error("--files must be at least 1")
    out = os.path.abspath(args.out or default_out(args.size, args.files, args.seed))
    generate(os.path.abspath(args.corpus), out, args.size, args.files, args.seed, force=args.force)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
