#!/usr/bin/env python3
"""Learns the statement model's weights (issue 13) from labelled notes and writes
Sources/NoteLintRules/Statements/ModelWeights.swift.

    python3 Benchmarks/model/train.py [--binary .build/debug/notelint] [--realdev ../shared/realdev]
                                      [--report] [--write]

Features come from notelint itself (NOTELINT_FEATURES=1 keeps every judgement with its statement
features): there is one feature extractor, in Swift. One logistic model per category, L2-regularised.
Training data: Corpus/ (always) and, when present, the real development set: its documents are
grouped by source repository (SOURCES.tsv) and every figure printed for it is leave-one-source-out:
each source is scored by a model trained on Corpus/ and the other sources only. The weights written
are then learned from everything. Nothing keys on a file: features are word classes, positions and
structure, and lexicon phrases.
"""
import csv
import json
import math
import os
import subprocess
import sys
from collections import defaultdict

import numpy as np

CATS = ["vague-phrasing", "missing-owner", "missing-deadline", "unverified-hypothesis"]
# Owner and deadline findings judge the same thing first (is this an action?): one model for both,
# each finding with its own category's label, and the rule among its features.
MODELS = ["vague-phrasing", "action", "unverified-hypothesis"]


def model_of(cat):
    return "action" if cat in ("missing-owner", "missing-deadline") else cat
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
L2 = float(os.environ.get("NOTELINT_L2", "15.0"))
# The cut favours precision (F-beta, beta < 1): a reviewer who gets wrong warnings switches the tool off.
SPEC_WEIGHT = float(os.environ.get("NOTELINT_SPEC_WEIGHT", "3.0"))
BETA = float(os.environ.get("NOTELINT_BETA", "0.7"))
MIN_COUNT = 3


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def run(binary, paths, today):
    env = dict(os.environ, NOTELINT_FEATURES="1")
    out = subprocess.run(
        [binary, "lint", "--format", "json", "--today", today, "--jobs", "2", *paths],
        env=env, capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"notelint failed ({out.returncode}): {out.stderr[:500]}")
    return json.loads(out.stdout)["findings"]


def labels_of(folder):
    gold = set()
    for dirpath, _, files in os.walk(folder):
        for name in files:
            if not name.endswith(".expected"):
                continue
            base = os.path.join(dirpath, name[: -len(".expected")])
            for raw in open(os.path.join(dirpath, name), encoding="utf-8"):
                text = raw.split("#", 1)[0].split()
                if len(text) >= 2:
                    gold.add((os.path.realpath(base), int(text[0]), text[1]))
    return gold


CATEGORY_OF = {"vaguePhrasing": "vague-phrasing", "missingOwner": "missing-owner",
               "missingDeadline": "missing-deadline", "unverifiedHypothesis": "unverified-hypothesis"}


def rule_examples(binary, workdir):
    """The rules' own triggering examples (Sources/NoteLintRules): each is the specification of a
    rule, so each marked line is a positive row. Only the example's own category at its marker counts."""
    import re
    import shutil
    shutil.rmtree(workdir, ignore_errors=True)
    gold = set()
    paths = {"english": [], "italian": []}
    count = 0
    for dirpath, _, files in os.walk(os.path.join(ROOT, "Sources/NoteLintRules")):
        for name in sorted(files):
            if not name.endswith(".swift"):
                continue
            source = open(os.path.join(dirpath, name), encoding="utf-8").read()
            for block in re.finditer(r"triggering: \[(.*?)\n    \]", source, re.S):
                before = source[: block.start()]
                cats = re.findall(r"category: \.(\w+)", before)
                if not cats or cats[-1] not in CATEGORY_OF:
                    continue
                cat = CATEGORY_OF[cats[-1]]
                for lang, text in re.findall(r'RuleExample\(\.(english|italian), "((?:[^"\\]|\\.)*)"', block.group(1)):
                    text = text.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
                    if "↓" not in text:
                        continue
                    line = text[: text.index("↓")].count("\n") + 1
                    folder = os.path.join(workdir, lang)
                    os.makedirs(folder, exist_ok=True)
                    path = os.path.join(folder, f"example-{count}.md")
                    count += 1
                    with open(path, "w", encoding="utf-8") as out:
                        out.write(text.replace("↓", ""))
                    gold.add((os.path.realpath(path), line, cat))
                    paths[lang].append(path)
    findings = []
    for lang, code in (("english", "en"), ("italian", "it")):
        if paths[lang]:
            env = dict(os.environ, NOTELINT_FEATURES="1")
            out = subprocess.run([binary, "lint", "--format", "json", "--today", "2026-11-23", "--language", code,
                                  os.path.join(workdir, lang)], env=env, capture_output=True, text=True)
            findings += json.loads(out.stdout)["findings"]
    # Only the marked rows: other findings in an example are not judged by it.
    findings = [f for f in findings if (os.path.realpath(f["file"]), f["line"], f["category"]) in gold]
    return findings, gold


def instances(findings, gold, group_of):
    """One instance per (file, line, category): the union of its findings' features."""
    merged = {}
    excerpts = {}
    for f in findings:
        if f["category"] not in CATS or "features" not in f:
            continue
        key = (os.path.realpath(f["file"]), f["line"], f["category"])
        merged.setdefault(key, set()).update(f["features"])
        excerpts[key] = f["excerpt"]
    rows = []
    for key, feats in merged.items():
        rows.append({"key": key, "cat": key[2], "x": sorted(feats), "y": 1 if key in gold else 0,
                     "group": group_of(key[0]), "excerpt": excerpts[key]})
    return rows


def fit(rows):
    counts = defaultdict(int)
    for r in rows:
        for f in r["x"]:
            counts[f] += 1
    vocab = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    X = np.zeros((len(rows), len(vocab)))
    y = np.array([r["y"] for r in rows], dtype=float)
    # Notes written to the spec (Corpus/, the rules' examples) weigh more than one real document:
    # the model may learn where real minutes differ, not unlearn the spec.
    sw = np.array([SPEC_WEIGHT if r["group"] in ("corpus", "examples") else 1.0 for r in rows])
    for i, r in enumerate(rows):
        for f in r["x"]:
            if f in index:
                X[i, index[f]] = 1.0
    w = np.zeros(len(vocab))
    b = 0.0
    # Newton's method on the regularised log-likelihood (small problems: a few hundred features).
    for _ in range(30):
        z = X @ w + b
        p = 1 / (1 + np.exp(-z))
        g_w = X.T @ (sw * (p - y)) + L2 * w
        g_b = np.sum(sw * (p - y))
        s = sw * p * (1 - p)
        H = (X.T * s) @ X + L2 * np.eye(len(vocab))
        Hb = np.sum(s) + 1e-6
        Hwb = X.T @ s
        # Solve the joint system [H Hwb; Hwb^T Hb] [dw; db] = [g_w; g_b].
        A = np.block([[H, Hwb[:, None]], [Hwb[None, :], np.array([[Hb]])]])
        step = np.linalg.solve(A, np.concatenate([g_w, [g_b]]))
        w -= step[:-1]
        b -= step[-1]
        if np.max(np.abs(step)) < 1e-6:
            break
    return b, dict(zip(vocab, w))


def score(model, feats):
    b, w = model
    z = b + sum(w.get(f, 0.0) for f in feats)
    return 1 / (1 + math.exp(-z))


def prf(rows, gold_keys, scores, threshold):
    found = {r["key"] for r, s in zip(rows, scores) if s >= threshold}
    tp = len(found & gold_keys)
    p = tp / len(found) if found else 1.0
    r = tp / len(gold_keys) if gold_keys else 1.0
    return p, r


def main():
    binary = arg("--binary", os.path.join(ROOT, ".build/debug/notelint"))
    realdev = arg("--realdev", os.path.join(ROOT, "..", "shared", "realdev"))
    corpus = os.path.join(ROOT, "Corpus")
    gold = labels_of(corpus)
    sources = {}
    findings = run(binary, [corpus], "2026-11-23")
    example_findings, example_gold = rule_examples(binary, "/tmp/notelint-rule-examples")
    findings += example_findings
    gold |= example_gold
    docs = os.path.join(realdev, "docs")
    have_realdev = os.path.isdir(docs)
    if have_realdev:
        gold |= labels_of(docs)
        for row in csv.DictReader(open(os.path.join(realdev, "SOURCES.tsv")), delimiter="\t"):
            sources[os.path.realpath(os.path.join(docs, row["name"]))] = row["repo"]
        findings += run(binary, [docs], "2026-12-07")

    def group_of(path):
        if path.startswith("/tmp/notelint-rule-examples"):
            return "examples"
        return sources.get(path, "corpus")

    rows = instances(findings, gold, group_of)
    if "--no-corpus" in sys.argv:
        rows = [r for r in rows if r["group"] not in ("corpus", "examples")]
    models = {}
    report = "--report" in sys.argv or "--write" not in sys.argv
    thresholds = [0.0, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
    chosen = float(arg("--threshold", "0.3"))
    for cat in MODELS:
        models[cat] = fit([r for r in rows if model_of(r["cat"]) == cat])
    if have_realdev and (report or "--calibrate" in sys.argv):
        # Leave one source out: every realdev row scored by a model that never saw its source.
        held = {}
        groups = sorted({r["group"] for r in rows if r["group"] not in ("corpus", "examples")})
        for cat in MODELS:
            cat_rows = [r for r in rows if model_of(r["cat"]) == cat]
            for g in groups:
                model = fit([r for r in cat_rows if r["group"] != g])
                for r in cat_rows:
                    if r["group"] == g:
                        held[r["key"]] = score(model, r["x"])
        if "--calibrate" in sys.argv:
            calibrate(models, rows, held, gold, sources)
        if "--dump" in sys.argv:
            want = arg("--dump", "")
            for r in sorted((r for r in rows if r["cat"] == want and r["key"] in held), key=lambda r: held[r["key"]]):
                print(f"{held[r['key']]:.2f} y={r['y']} {os.path.basename(r['key'][0])[:28]}:{r['key'][1]} "
                      f"{r['excerpt'][:90]} || {' '.join(x for x in r['x'] if '&' not in x)[:200]}")
        real_rows = [r for r in rows if r["group"] not in ("corpus", "examples")]
        print("leave-one-source-out on realdev (P/R per category; every label counts, also those no rule found)")
        for lang in ["all", "en", "it"]:
            for t in thresholds:
                cells = []
                for cat in CATS:
                    sel = [r for r in real_rows if r["cat"] == cat and
                           (lang == "all" or os.path.basename(r["key"][0]).startswith(lang + "-"))]
                    gkeys = {k for k in gold if k[2] == cat and k[0] in sources and
                             (lang == "all" or os.path.basename(k[0]).startswith(lang + "-"))}
                    p, rec = prf(sel, gkeys, [held[r["key"]] for r in sel], t)
                    cells.append(f"{p:.2f}/{rec:.2f}")
                print(f"  {lang:3s} t={t:.2f}  " + "  ".join(f"{c[:13]:>13s} {x}" for c, x in zip(CATS, cells)))
        by_source = defaultdict(list)
        for r in real_rows:
            by_source[r["group"]].append(r)
        print(f"per held-out source at t={chosen}:")
        for g in groups:
            cells = []
            for cat in CATS:
                sel = [r for r in by_source[g] if r["cat"] == cat]
                gkeys = {k for k in gold if k[2] == cat and sources.get(k[0]) == g}
                p, rec = prf(sel, gkeys, [held[r["key"]] for r in sel], chosen)
                cells.append(f"{p:.2f}/{rec:.2f}" if gkeys or sel else "   -     ")
            print(f"  {g[:40]:40s} " + " ".join(cells))
    if "--write" in sys.argv:
        write(models, chosen)


def calibrate(models, rows, held, gold, sources):
    """Moves each model's bias so that its F1-best cut on the held-out scores falls at 0.5: one
    `--min-confidence` then means the same in every category. One number per category is chosen on
    the held-out scores (said in the README)."""
    real_rows = [r for r in rows if r["group"] not in ("corpus", "examples")]
    for cat in MODELS:
        cats = [c for c in CATS if model_of(c) == cat]
        best = (0.0, 0.5)
        for step in range(5, 90):
            t = step / 100
            f1s = []
            for c in cats:
                sel = [r for r in real_rows if r["cat"] == c]
                gkeys = {k for k in gold if k[2] == c and k[0] in sources}
                p, rec = prf(sel, gkeys, [held[r["key"]] for r in sel], t)
                f1s.append((1 + BETA**2) * p * rec / (BETA**2 * p + rec) if p + rec else 0)
            f1 = sum(f1s) / len(f1s)
            if f1 > best[0] + 1e-9:
                best = (f1, t)
        b, w = models[cat]
        t = best[1]
        models[cat] = (b - math.log(t / (1 - t)), w)
        for key in list(held):
            if model_of(key[2]) == cat:
                z = math.log(held[key] / (1 - held[key])) - math.log(t / (1 - t))
                held[key] = 1 / (1 + math.exp(-z))
        print(f"calibration: {cat}: F1-best held-out cut {t:.2f} (mean F1 {best[0]:.3f}) moved to 0.5")


def swift_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(models, threshold):
    path = os.path.join(ROOT, "Sources/NoteLintRules/Statements/ModelWeights.swift")
    lines = ["// Generated by Benchmarks/model/train.py from Corpus/ and the real development set: do not edit by hand.",
             "// swift-format-ignore-file", "enum ModelWeights {", f"  static let threshold = {threshold}",
             "  static let models: [String: CategoryModel] = ["]
    for cat in MODELS:
        b, w = models[cat]
        lines.append(f"    {swift_string(cat)}: CategoryModel(")
        lines.append(f"      bias: {b:.4f},")
        lines.append("      weights: [")
        for f in sorted(w):
            if abs(w[f]) >= 0.005:
                lines.append(f"        {swift_string(f)}: {w[f]:.4f},")
        lines.append("      ]),")
    lines += ["  ]", "}", ""]
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        out.write("\n".join(lines))
    os.replace(path + ".tmp", path)
    print(f"wrote {path}")


main()
