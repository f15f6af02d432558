#!/usr/bin/env python3
"""notelint benchmark: one command, one table (and optionally JSON), notelint against its peers.

Generates (or reuses) a deterministic tree of notes from Corpus/ (see generate.py), then measures
in the same run, on the same files:
  - notelint full scan, 1 core (--jobs 1) and all cores: MB/s, files/s, peak memory (max RSS);
  - the same scan with a warm cache, if `notelint lint --help` lists --cache-path (else n/a);
  - peak memory at 25%, 50% and 100% of the tree (does it stay flat as the tree grows?);
  - a single-file lint as a pre-commit hook runs it (new process each time), median of many runs;
  - the peers: `rg` with notelint's own vague-phrasing lexicons as one pattern (the floor for reading
    and matching bytes), the `cmark-gfm` command on the Markdown files (the floor for parsing), and
    `proselint` on a fixed sample of the tree (it is slow), scaled to throughput;
and prints them with the ratios to notelint and the issue's targets (met or missed, by how much).
Times are medians of --runs runs, wall clock, page cache warm (every file is read once first).
Timing assertions do not belong in tests: this script only reports.

Python 3 standard library only; external tools: /usr/bin/time, hyperfine, rg, cmark-gfm, proselint
(Benchmarks/run installs the missing ones with apt-get).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, HERE)

import generate  # noqa: E402
import lexicon_pattern  # noqa: E402

TODAY = "2026-11-20"  # fixed, so deadline rules judge every run the same way
CMARK_EXTENSIONS = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
RG_LIMITS = ["--dfa-size-limit", "1G", "--regex-size-limit", "1G"]

TARGETS = {
    "mb_per_s_per_core": 20.0,
    "speedup_2_cores": 1.8,
    "x_proselint": 1000.0,
    "x_cmark_time": 2.0,
    "single_file_ms": 15.0,
    "peak_rss_mb_1gb": 150.0,
    "warm_over_cold": 0.10,
}


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Running and timing commands


class Measure:
    """Runs commands under /usr/bin/time -v (max RSS, CPU) and times them with a monotonic clock."""

    def __init__(self, scratch: str, wait_idle: float = 0.0):
        self.scratch = scratch
        self.wait_idle = wait_idle
        self.busiest = 0.0
        self.gnu_time = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None

    def once(self, cmd: list[str], *, cwd: str | None = None, env: dict | None = None,
             stdout_path: str | None = None, ok: tuple[int, ...] = (0, 1), stdin_path: str | None = None) -> dict:
        report = os.path.join(self.scratch, "time-v.txt")
        full = ([self.gnu_time, "-v", "-o", report] if self.gnu_time else []) + cmd
        out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
        inp = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        try:
            start = time.perf_counter()
            process = subprocess.Popen(full, cwd=cwd, env=env, stdout=out, stderr=subprocess.PIPE, stdin=inp)
            if self.gnu_time:
                _, stderr = process.communicate()
                wall = time.perf_counter() - start
                code = process.returncode
                usage = None
            else:  # fall back on the kernel's accounting of the child
                stderr = process.stderr.read()
                _, status, usage = os.wait4(process.pid, 0)
                wall = time.perf_counter() - start
                code = os.waitstatus_to_exitcode(status)
                process.returncode = code
        finally:
            if stdout_path:
                out.close()
            if stdin_path:
                inp.close()
        result = {"wall_s": wall, "exit": code}
        if self.gnu_time:
            with open(report, encoding="utf-8", errors="replace") as handle:
                text = handle.read()
            result["user_s"] = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
            result["sys_s"] = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
            result["max_rss_kb"] = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
            status = re.search(r"Exit status: (\d+)", text)
            if status:
                result["exit"] = int(status.group(1))
        else:
            result["user_s"], result["sys_s"] = usage.ru_utime, usage.ru_stime
            result["max_rss_kb"] = usage.ru_maxrss
        if result["exit"] not in ok:
            tail = stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
            raise RuntimeError(f"{' '.join(cmd[:4])}... exited with {result['exit']}: {' | '.join(tail)}")
        return result

    def runs(self, label: str, cmd: list[str], count: int, **kwargs) -> dict:
        samples = []
        busy = []
        for index in range(count):
            busy.append(wait_for_quiet(self.wait_idle))
            self.busiest = max(self.busiest, busy[-1])
            sample = self.once(cmd, **kwargs)
            samples.append(sample)
            log(f"  {label}: run {index + 1}/{count}: {sample['wall_s']:.2f} s, "
                f"{sample['max_rss_kb'] / 1024:.0f} MB max RSS")
        walls = [s["wall_s"] for s in samples]
        median_index = sorted(range(count), key=lambda i: walls[i])[count // 2] if count % 2 else None
        return {
            "wall_s": statistics.median(walls),
            "wall_s_all": [round(w, 4) for w in walls],
            "cpu_s": statistics.median(s["user_s"] + s["sys_s"] for s in samples),
            "max_rss_kb": max(s["max_rss_kb"] for s in samples),
            "exit": samples[median_index]["exit"] if median_index is not None else samples[-1]["exit"],
            "other_busy_cores": round(max(busy), 2),
        }


def cpu_times() -> tuple[float, float]:
    with open("/proc/stat", encoding="ascii") as handle:
        fields = [float(x) for x in handle.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0.0)
    return sum(fields), idle


def busy_cores(seconds: float = 0.5) -> float:
    """Cores kept busy by other processes over a short window (this script sleeps meanwhile)."""
    try:
        total0, idle0 = cpu_times()
        time.sleep(seconds)
        total1, idle1 = cpu_times()
    except (OSError, ValueError, IndexError):
        return 0.0
    if total1 <= total0:
        return 0.0
    return (1 - (idle1 - idle0) / (total1 - total0)) * (os.cpu_count() or 1)


def wait_for_quiet(limit: float, threshold: float = 0.25) -> float:
    """Waits (up to `limit` seconds) until other processes use less than `threshold` of a core."""
    deadline = time.monotonic() + limit
    busy = busy_cores()
    announced = False
    while busy > threshold and time.monotonic() < deadline:
        if not announced:
            log(f"other processes keep {busy:.2f} cores busy: waiting up to {limit:.0f} s for a quiet machine")
            announced = True
        time.sleep(4.5)
        busy = busy_cores()
    return busy


def sha256_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def first_line(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "unknown"


def machine_info(binary: str) -> dict:
    info = {"cores": os.cpu_count(), "kernel": platform.release(), "python": platform.python_version()}
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            models = re.findall(r"model name\s*:\s*(.+)", handle.read())
        info["cpu"] = models[0].strip() if models else platform.processor()
        with open("/proc/meminfo", encoding="utf-8") as handle:
            info["memory_gib"] = round(int(re.search(r"MemTotal:\s+(\d+)", handle.read()).group(1)) / 2**20, 1)
    except OSError:
        pass
    try:
        with open("/etc/os-release", encoding="utf-8") as handle:
            info["os"] = re.search(r'PRETTY_NAME="([^"]+)"', handle.read()).group(1)
    except (OSError, AttributeError):
        info["os"] = platform.platform()
    info["swift"] = first_line(["swift", "--version"])
    info["notelint"] = first_line([binary, "--version"])
    for tool, cmd in (("rg", ["rg", "--version"]), ("cmark-gfm", ["cmark-gfm", "--version"]),
                      ("proselint", ["proselint", "--version"]), ("hyperfine", ["hyperfine", "--version"])):
        info[tool] = first_line(cmd) if shutil.which(tool) else "missing"
    info["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
    info["git_head"] = first_line(["git", "-C", REPO, "rev-parse", "--short", "HEAD"])
    try:
        status = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--", "Sources", "Package.swift"],
                                capture_output=True, text=True, timeout=60).stdout
        info["sources_changed_since_head"] = len(status.splitlines())
    except (OSError, subprocess.SubprocessError):
        pass
    return info


# ---------------------------------------------------------------------------------------------
# The benchmark


def warm_page_cache(root: str) -> None:
    for folder, _, names in os.walk(root):
        for name in names:
            with open(os.path.join(folder, name), "rb") as handle:
                while handle.read(1 << 20):
                    pass


def proselint_sample(files: list[dict], budget: int, seed: int) -> list[dict]:
    """A fixed sample (seeded) of the tree's notes adding up to about `budget` bytes."""
    rng = random.Random(seed + 1)
    order = list(files)
    rng.shuffle(order)
    chosen, total = [], 0
    for entry in order:
        if total >= budget:
            break
        if total + entry["bytes"] > budget * 1.1 and total > 0:
            continue
        chosen.append(entry)
        total += entry["bytes"]
    return sorted(chosen, key=lambda e: e["path"])


def single_file_pick(files: list[dict], kind: str) -> dict | None:
    candidates = [e for e in files if e["kind"] == kind]
    if not candidates:
        return None
    median = statistics.median(e["bytes"] for e in candidates)
    return min(candidates, key=lambda e: (abs(e["bytes"] - median), e["path"]))


def hyperfine_median(cmd: list[str], runs: int, scratch: str, measure: Measure, cwd: str | None = None) -> dict:
    """Median wall time of a short command, new process each run (process start included)."""
    if shutil.which("hyperfine"):
        export = os.path.join(scratch, "hyperfine.json")
        quoted = " ".join(shlex_quote(c) for c in cmd)
        subprocess.run(
            ["hyperfine", "-N", "--style", "none", "-i", "--warmup", "5", "--runs", str(runs),
             "--export-json", export, quoted],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
        with open(export, encoding="utf-8") as handle:
            result = json.load(handle)["results"][0]
        return {"median_ms": result["median"] * 1000, "min_ms": result["min"] * 1000,
                "max_ms": result["max"] * 1000, "runs": len(result["times"]), "tool": "hyperfine"}
    walls = []
    for _ in range(5):
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
        walls.append(time.perf_counter() - start)
    return {"median_ms": statistics.median(walls) * 1000, "min_ms": min(walls) * 1000,
            "max_ms": max(walls) * 1000, "runs": runs, "tool": "python subprocess loop"}


def shlex_quote(text: str) -> str:
    import shlex
    return shlex.quote(text)


def rate(bytes_: int, files: int, wall: float) -> dict:
    return {"mb_per_s": bytes_ / 1e6 / wall, "files_per_s": files / wall}


def snapshot_binary(binary: str, folder: str) -> str:
    """Copies the binary and its resource bundles, so a rebuild during the run cannot swap them."""
    os.makedirs(folder, exist_ok=True)
    source = os.path.dirname(binary)
    for name in os.listdir(source):
        if name.endswith(".resources") or name.endswith(".bundle"):
            shutil.copytree(os.path.join(source, name), os.path.join(folder, name), dirs_exist_ok=True)
    copy = os.path.join(folder, os.path.basename(binary))
    shutil.copy2(binary, copy)
    return copy


def run_benchmark(args: argparse.Namespace) -> dict:
    out = os.path.abspath(args.tree or generate.default_out(args.size, args.files, args.seed))
    manifest = generate.generate(os.path.join(REPO, "Corpus"), out, args.size, args.files, args.seed,
                                 force=args.regenerate)
    totals = manifest["totals"]
    files = manifest["files"]
    notes = os.path.join(out, "notes")
    md_only = os.path.join(out, "md-only")
    scratch = os.path.join(out, "run")
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    binary = os.path.abspath(args.binary)
    if not args.no_snapshot:
        binary = snapshot_binary(binary, os.path.join(scratch, "bin"))
    measure = Measure(scratch, args.wait_idle)
    cores = os.cpu_count() or 1
    runs = args.runs
    results: dict = {
        "harness": "Benchmarks/run (bench.py)",
        "command": args.command_line,
        "tree": {"path": notes, "seed": args.seed, **{k: totals[k] for k in (
            "files", "bytes", "md_files", "md_bytes", "html_files", "html_bytes", "it_files", "en_files",
            "mixed_language_files", "encodings", "min_bytes", "max_bytes")}},
        "machine": machine_info(binary),
        "runs": runs,
        "rows": {},
        "notes": [],
    }
    rows = results["rows"]
    load = results["machine"]["load_average_at_start"][0]
    if load > 0.5:
        results["notes"].append(
            f"load average was {load} at start: other work on this machine may slow the timings down")
        log(f"warning: load average {load}: other processes are running, timings will be noisy")

    log(f"tree: {totals['files']} notes, {totals['bytes'] / 1e6:.1f} MB in {notes}")
    log("reading every file once (page cache warm for every tool)")
    warm_page_cache(out)

    lint = [binary, "lint", "--today", TODAY]
    tree_bytes, tree_files = totals["bytes"], totals["files"]

    # 1. Full scans.
    outputs = {}
    log("notelint full scan, 1 core")
    one = measure.runs("notelint --jobs 1", lint + ["--jobs", "1", notes], runs,
                       cwd=out, stdout_path=os.path.join(scratch, "jobs1.txt"))
    outputs["jobs1"] = sha256_file(os.path.join(scratch, "jobs1.txt"))
    rows["scan_1_core"] = {**one, **rate(tree_bytes, tree_files, one["wall_s"]), "files": tree_files,
                           "bytes": tree_bytes}
    log(f"notelint full scan, all cores ({cores})")
    allc = measure.runs("notelint all cores", lint + [notes], runs, cwd=out,
                        stdout_path=os.path.join(scratch, "all.txt"))
    outputs["all"] = sha256_file(os.path.join(scratch, "all.txt"))
    rows["scan_all_cores"] = {**allc, **rate(tree_bytes, tree_files, allc["wall_s"]), "files": tree_files,
                              "bytes": tree_bytes, "cores": cores}
    rows["speedup"] = {"value": one["wall_s"] / allc["wall_s"], "cores": cores}

    # 2. Warm cache.
    help_text = subprocess.run([binary, "lint", "--help"], capture_output=True, text=True).stdout
    if "--cache-path" in help_text:
        cache = os.path.join(scratch, "cache", "notelint-cache")
        shutil.rmtree(os.path.dirname(cache), ignore_errors=True)
        os.makedirs(os.path.dirname(cache))
        log("notelint with --cache-path: cold run filling the cache, then warm runs (unchanged tree)")
        fill = measure.runs("cache fill", lint + ["--cache-path", cache, notes], 1,
                            cwd=out, stdout_path=os.path.join(scratch, "cache-fill.txt"))
        warm = measure.runs("warm cache", lint + ["--cache-path", cache, notes], runs,
                            cwd=out, stdout_path=os.path.join(scratch, "cache-warm.txt"))
        outputs["cache_fill"] = sha256_file(os.path.join(scratch, "cache-fill.txt"))
        outputs["cache_warm"] = sha256_file(os.path.join(scratch, "cache-warm.txt"))
        rows["cache_fill"] = {**fill, **rate(tree_bytes, tree_files, fill["wall_s"])}
        rows["warm_cache"] = {**warm, **rate(tree_bytes, tree_files, warm["wall_s"]),
                              "over_cold": warm["wall_s"] / allc["wall_s"]}
    else:
        rows["warm_cache"] = {"supported": False}
        results["notes"].append("warm cache: n/a, `notelint lint --help` has no --cache-path")
    results["same_output"] = len(set(outputs.values())) == 1
    results["output_sha256"] = outputs
    if not results["same_output"]:
        results["notes"].append("the scans did not all print the same findings: " + json.dumps(outputs))

    # 3. Peak memory as the tree grows (all cores, one run each; 100% is the full scan above).
    teams = manifest["teams"]
    growth = []
    for fraction in (0.25, 0.5):
        chosen = teams[: max(1, round(len(teams) * fraction))]
        if len(chosen) >= len(teams):
            continue
        part = [e for e in files if e["path"].split("/", 1)[0] in chosen]
        log(f"notelint all cores on {len(chosen)}/{len(teams)} team folders (memory growth)")
        sample = measure.runs(f"{len(chosen)} teams", lint + [os.path.join(notes, t) for t in chosen], 1, cwd=out)
        growth.append({"bytes": sum(e["bytes"] for e in part), "files": len(part),
                       "max_rss_kb": sample["max_rss_kb"], "wall_s": sample["wall_s"]})
    growth.append({"bytes": tree_bytes, "files": tree_files, "max_rss_kb": allc["max_rss_kb"],
                   "wall_s": allc["wall_s"]})
    slope = 0.0
    if len(growth) >= 2 and growth[-1]["bytes"] > growth[0]["bytes"]:
        slope = (growth[-1]["max_rss_kb"] - growth[0]["max_rss_kb"]) / 1024 / (
            (growth[-1]["bytes"] - growth[0]["bytes"]) / 1e6)  # MB of RSS per MB of tree
    projected = growth[-1]["max_rss_kb"] / 1024 + max(0.0, slope) * max(0.0, 1000 - tree_bytes / 1e6)
    rows["memory_growth"] = {"points": growth, "rss_mb_per_tree_mb": slope, "projected_1gb_mb": projected}

    # 4. Peers.
    md_entries = [e for e in files if e["kind"] == "md"]
    md_bytes, md_files = sum(e["bytes"] for e in md_entries), len(md_entries)
    log("notelint on the Markdown files only, 1 core (to compare with cmark-gfm)")
    md_scan = measure.runs("notelint md --jobs 1", lint + ["--jobs", "1", md_only], runs, cwd=out)
    rows["scan_md_1_core"] = {**md_scan, **rate(md_bytes, md_files, md_scan["wall_s"]), "files": md_files,
                              "bytes": md_bytes}
    if shutil.which("cmark-gfm"):
        listing = os.path.join(scratch, "md-files.txt")
        with open(listing, "wb") as handle:
            handle.write(b"\0".join(e["path"].encode() for e in md_entries))
        cmd = ["xargs", "-0", "-a", listing, "cmark-gfm"] + [a for x in CMARK_EXTENSIONS for a in ("-e", x)]
        log("cmark-gfm on the same Markdown files (one process at a time, batches of files)")
        cmark = measure.runs("cmark-gfm", cmd, runs, cwd=md_only, ok=(0,))
        rows["cmark_gfm"] = {**cmark, **rate(md_bytes, md_files, cmark["wall_s"]),
                             "notelint_time_ratio": md_scan["wall_s"] / cmark["wall_s"],
                             "notelint_cpu_ratio": md_scan["cpu_s"] / cmark["cpu_s"]}
    else:
        rows["cmark_gfm"] = {"missing": True}

    if shutil.which("rg"):
        pattern, phrase_count, _ = lexicon_pattern.pattern(
            os.path.join(REPO, "Sources", "NoteLintLanguage", "Resources", "lexicons"))
        pattern_file = os.path.join(scratch, "rg-pattern.txt")
        with open(pattern_file, "w", encoding="utf-8") as handle:
            handle.write(pattern + "\n")
        base = ["rg", "-i", "-c", "--no-messages", "--no-ignore"] + RG_LIMITS + ["-f", pattern_file]
        log(f"rg with the vague-phrasing lexicons ({phrase_count} phrases as one pattern), 1 thread")
        rg1 = measure.runs("rg -j1", base + ["-j", "1", notes], runs, ok=(0, 1))
        log("rg, all threads")
        rga = measure.runs("rg", base + [notes], runs, ok=(0, 1))
        rows["rg_1_thread"] = {**rg1, **rate(tree_bytes, tree_files, rg1["wall_s"]),
                               "notelint_time_ratio": one["wall_s"] / rg1["wall_s"],
                               "notelint_cpu_ratio": one["cpu_s"] / rg1["cpu_s"], "phrases": phrase_count}
        rows["rg_all_threads"] = {**rga, **rate(tree_bytes, tree_files, rga["wall_s"]),
                                  "notelint_time_ratio": allc["wall_s"] / rga["wall_s"],
                                  "notelint_cpu_ratio": allc["cpu_s"] / rga["cpu_s"], "phrases": phrase_count}
    else:
        rows["rg_1_thread"] = rows["rg_all_threads"] = {"missing": True}

    if shutil.which("proselint") and args.proselint_sample > 0:
        sample = proselint_sample(files, args.proselint_sample, args.seed)
        sample_bytes = sum(e["bytes"] for e in sample)
        paths = [e["path"] for e in sample]
        log(f"proselint on a fixed sample: {len(sample)} notes, {sample_bytes / 1e6:.2f} MB (slow; one run)")
        with tempfile.TemporaryDirectory(dir=scratch) as cache_home:  # proselint caches results: keep it cold
            env = dict(os.environ, XDG_CACHE_HOME=cache_home)
            prose = measure.runs("proselint", ["proselint"] + paths, 1, cwd=notes, env=env, ok=(0, 1))
        sample_lint = measure.runs("notelint --jobs 1 on the proselint sample", lint + ["--jobs", "1"] + paths,
                                   runs, cwd=notes)
        prose_rate = rate(sample_bytes, len(sample), prose["wall_s"])
        rows["proselint"] = {
            **prose, **prose_rate, "files": len(sample), "bytes": sample_bytes,
            "scaled_tree_s": tree_bytes / 1e6 / prose_rate["mb_per_s"],
            "notelint_speed_ratio": rows["scan_1_core"]["mb_per_s"] / prose_rate["mb_per_s"],
            "notelint_cpu_speed_ratio": (tree_bytes / rows["scan_1_core"]["cpu_s"]) / (sample_bytes / prose["cpu_s"]),
            "notelint_speed_ratio_all_cores": rows["scan_all_cores"]["mb_per_s"] / prose_rate["mb_per_s"],
            "notelint_on_sample_wall_s": sample_lint["wall_s"],
            "notelint_on_sample_speed_ratio": prose["wall_s"] / sample_lint["wall_s"],
        }
    else:
        rows["proselint"] = {"missing": True}

    # 5. Single-file lint, new process each run (the pre-commit hook).
    for kind in ("md", "html"):
        pick = single_file_pick(files, kind)
        if not pick:
            continue
        log(f"single-file lint, {kind}, {pick['bytes']} B, {args.single_runs} runs")
        path = os.path.join(notes, pick["path"])
        wait_for_quiet(args.wait_idle)
        stats = hyperfine_median(lint + [path], args.single_runs, scratch, measure, cwd=os.path.dirname(path))
        rows[f"single_{kind}"] = {**stats, "bytes": pick["bytes"], "path": pick["path"]}
    log("process start: notelint --version")
    wait_for_quiet(args.wait_idle)
    rows["process_start"] = hyperfine_median([binary, "--version"], args.single_runs, scratch, measure)

    if measure.busiest > 0.25:
        results["notes"].append(
            f"other processes kept up to {measure.busiest:.2f} cores busy just before some measurements "
            "(other_busy_cores in the JSON): those timings, the all-cores ones most, are pessimistic")
    derive_ratios(rows)
    results["targets"] = evaluate_targets(rows, cores, tree_bytes)
    return results


# ---------------------------------------------------------------------------------------------
# Targets and table


def derive_ratios(rows: dict) -> None:
    """(Re)computes every ratio from the raw measurements (also used by --render on old JSON)."""
    one, allc, md = rows["scan_1_core"], rows["scan_all_cores"], rows["scan_md_1_core"]
    rows["speedup"]["value"] = one["wall_s"] / allc["wall_s"]
    cmark = rows["cmark_gfm"]
    if not cmark.get("missing"):
        cmark["notelint_time_ratio"] = md["wall_s"] / cmark["wall_s"]
        cmark["notelint_cpu_ratio"] = md["cpu_s"] / cmark["cpu_s"]
    for key, scan in (("rg_1_thread", one), ("rg_all_threads", allc)):
        if not rows[key].get("missing"):
            rows[key]["notelint_time_ratio"] = scan["wall_s"] / rows[key]["wall_s"]
            rows[key]["notelint_cpu_ratio"] = scan["cpu_s"] / rows[key]["cpu_s"]
    prose = rows["proselint"]
    if not prose.get("missing"):
        prose["notelint_speed_ratio"] = one["mb_per_s"] / prose["mb_per_s"]
        prose["notelint_speed_ratio_all_cores"] = allc["mb_per_s"] / prose["mb_per_s"]
        prose["notelint_cpu_speed_ratio"] = (one["bytes"] / one["cpu_s"]) / (prose["bytes"] / prose["cpu_s"])
    warm = rows["warm_cache"]
    if warm.get("supported") is not False:
        warm["over_cold"] = warm["wall_s"] / allc["wall_s"]


def evaluate_targets(rows: dict, cores: int, tree_bytes: int) -> list[dict]:
    targets = []

    def add(name: str, goal: str, value: float | None, unit: str, met: bool | None, gap: str) -> None:
        targets.append({"target": name, "goal": goal, "value": value, "unit": unit,
                        "status": "n/a" if met is None else ("met" if met else "missed"), "gap": gap})

    scan = rows["scan_1_core"]
    # Per core = bytes per CPU second of the --jobs 1 scan: the same as per wall second on an idle
    # machine, and still meaningful when other processes share the cores.
    per_core = scan["bytes"] / 1e6 / scan["cpu_s"]
    goal = TARGETS["mb_per_s_per_core"]
    add("full scan per core (MB per CPU second)", f">= {goal:g} MB/s", per_core, "MB/s", per_core >= goal,
        "" if per_core >= goal else f"{goal / per_core:.1f}x too slow")
    speedup = rows["speedup"]["value"]
    goal = TARGETS["speedup_2_cores"]
    add(f"speed-up on {cores} cores", f">= {goal:g}x", speedup, "x", speedup >= goal if cores >= 2 else None,
        "" if speedup >= goal else f"{goal - speedup:.2f}x short")
    prose = rows["proselint"]
    if not prose.get("missing"):
        value, goal = prose["notelint_cpu_speed_ratio"], TARGETS["x_proselint"]
        add("throughput vs proselint (per CPU second)", f">= {goal:g}x", value, "x", value >= goal,
            "" if value >= goal else f"{goal / value:.1f}x too slow")
    else:
        add("throughput vs proselint (per CPU second)", ">= 1000x", None, "x", None, "proselint missing")
    cmark = rows["cmark_gfm"]
    if not cmark.get("missing"):
        value, goal = cmark["notelint_cpu_ratio"], TARGETS["x_cmark_time"]
        add("CPU time vs cmark-gfm on Markdown (1 core)", f"<= {goal:g}x", value, "x", value <= goal,
            "" if value <= goal else f"{value / goal:.1f}x too slow")
    else:
        add("CPU time vs cmark-gfm on Markdown (1 core)", "<= 2x", None, "x", None, "cmark-gfm missing")
    for kind in ("md", "html"):
        row = rows.get(f"single_{kind}")
        if row:
            value, goal = row["median_ms"], TARGETS["single_file_ms"]
            add(f"single-file pre-commit ({kind}, {row['bytes'] / 1000:.1f} KB)", f"<= {goal:g} ms", value, "ms",
                value <= goal, "" if value <= goal else f"{value - goal:.1f} ms over")
    growth = rows["memory_growth"]
    value, goal = growth["projected_1gb_mb"], TARGETS["peak_rss_mb_1gb"]
    flat = growth["rss_mb_per_tree_mb"] < 0.02  # < 20 MB more per GB of notes
    add("peak memory, 1 GB tree (projected)", f"< {goal:g} MB, flat", value, "MB", value < goal and flat,
        ("" if value < goal else f"{value - goal:.0f} MB over")
        + ("" if flat else f"{'; ' if value >= goal else ''}grows {growth['rss_mb_per_tree_mb'] * 1000:.0f} MB per GB"))
    warm = rows["warm_cache"]
    if warm.get("supported") is False:
        add("warm cache vs cold scan", f"< {TARGETS['warm_over_cold'] * 100:g}%", None, "%", None, "no --cache-path")
    else:
        value, goal = warm["over_cold"], TARGETS["warm_over_cold"]
        add("warm cache vs cold scan", f"< {goal * 100:g}%", value * 100, "%", value < goal,
            "" if value < goal else f"{value / goal:.1f}x too slow")
    return targets


def fmt(value, digits=2, unit="") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        text = f"{value:,.{digits}f}"
    else:
        text = f"{value:,}"
    return text + unit


def render(results: dict) -> str:
    rows = results["rows"]
    tree = results["tree"]
    machine = results["machine"]
    cores = machine["cores"]
    lines = []
    lines.append(
        f"notelint benchmark: {tree['files']:,} notes, {tree['bytes'] / 1e6:.1f} MB "
        f"({tree['md_files']:,} Markdown {tree['md_bytes'] / 1e6:.1f} MB, {tree['html_files']:,} HTML "
        f"{tree['html_bytes'] / 1e6:.1f} MB; it {tree['it_files']:,}, en {tree['en_files']:,}; "
        f"{tree['min_bytes'] / 1000:.1f}-{tree['max_bytes'] / 1000:.1f} KB), seed {tree['seed']}")
    lines.append(f"machine: {machine.get('cpu', '?')}, {cores} cores, {machine.get('memory_gib', '?')} GiB, "
                 f"{machine.get('os', '?')}; notelint {machine['notelint']} at {machine.get('git_head', '?')}"
                 + (f" + {machine['sources_changed_since_head']} changed source files"
                    if machine.get("sources_changed_since_head") else "")
                 + f"; medians of {results['runs']} runs; MB = 10^6 B")
    lines.append("")
    header = f"| {'measurement':<52} | {'files':>7} | {'MB':>7} | {'wall s':>8} | {'CPU s':>8} | {'MB/s':>7} | " \
             f"{'files/s':>8} | {'max RSS MB':>10} | {'vs notelint':<40} |"
    lines.append(header)
    lines.append("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")

    def row(name, data, files=None, mb=None, ratio=""):
        if data.get("missing"):
            lines.append(f"| {name:<52} | {'':>7} | {'':>7} | {'missing':>8} | {'':>8} | {'':>7} | {'':>8} | "
                         f"{'':>10} | {'tool not installed':<40} |")
            return
        lines.append(
            f"| {name:<52} | {fmt(files if files is not None else data.get('files')):>7} | "
            f"{fmt((mb if mb is not None else data.get('bytes', 0)) / 1e6, 1):>7} | {fmt(data['wall_s'], 2):>8} | "
            f"{fmt(data['cpu_s'], 2):>8} | {fmt(data['mb_per_s'], 2):>7} | {fmt(data['files_per_s'], 0):>8} | "
            f"{fmt(data['max_rss_kb'] / 1024, 0):>10} | {ratio:<40} |")

    one, allc = rows["scan_1_core"], rows["scan_all_cores"]
    row("notelint full scan, 1 core (--jobs 1)", one)
    row(f"notelint full scan, all cores ({cores})", allc, tree["files"], tree["bytes"],
        f"speed-up {rows['speedup']['value']:.2f}x vs 1 core")
    warm = rows["warm_cache"]
    if warm.get("supported") is False:
        lines.append(f"| {'notelint warm cache (unchanged tree)':<52} | {'':>7} | {'':>7} | {'n/a':>8} | {'':>8} | "
                     f"{'':>7} | {'':>8} | {'':>10} | {'no --cache-path in lint --help':<40} |")
    else:
        row("notelint cache fill (cold, --cache-path)", {**rows["cache_fill"], "files": tree["files"],
                                                         "bytes": tree["bytes"]})
        row("notelint warm cache (unchanged tree)", {**warm, "files": tree["files"], "bytes": tree["bytes"]},
            ratio=f"{warm['over_cold'] * 100:.1f}% of the cold scan")
    md = rows["scan_md_1_core"]
    row("notelint, Markdown files only, 1 core", md)
    cmark = rows["cmark_gfm"]
    row("cmark-gfm, same Markdown files, 1 process", {**cmark, "files": md["files"], "bytes": md["bytes"]},
        ratio="" if cmark.get("missing") else
        f"notelint: {cmark['notelint_time_ratio']:.1f}x its time, {cmark['notelint_cpu_ratio']:.1f}x CPU")
    for key, name in (("rg_1_thread", "rg, lexicon pattern, 1 thread (-j1)"),
                      ("rg_all_threads", f"rg, lexicon pattern, all threads ({cores})")):
        data = rows[key]
        row(name, {**data, "files": tree["files"], "bytes": tree["bytes"]},
            ratio="" if data.get("missing") else
            f"notelint: {data['notelint_time_ratio']:.1f}x its time, {data['notelint_cpu_ratio']:.1f}x CPU")
    prose = rows["proselint"]
    if prose.get("missing"):
        row("proselint", prose)
    else:
        row(f"proselint, fixed sample ({prose['bytes'] / 1e6:.2f} MB), 1 core", prose,
            ratio=f"notelint 1 core {prose['notelint_speed_ratio']:,.0f}x faster, "
                  f"{prose['notelint_cpu_speed_ratio']:,.0f}x per CPU s")
        lines.append(f"| {'  proselint scaled to the whole tree':<52} | {fmt(tree['files']):>7} | "
                     f"{fmt(tree['bytes'] / 1e6, 1):>7} | {fmt(prose['scaled_tree_s'], 0):>8} | {'':>8} | "
                     f"{fmt(prose['mb_per_s'], 3):>7} | {'':>8} | {'':>10} | "
                     f"{'all cores: ' + format(prose['notelint_speed_ratio_all_cores'], ',.0f') + 'x faster':<40} |")
    lines.append("")
    lines.append(f"| {'single-file lint (new process, as a pre-commit hook)':<52} | {'bytes':>7} | {'median ms':>10} | "
                 f"{'min ms':>8} | {'max ms':>8} | {'runs':>5} |")
    lines.append("|" + "-" * 54 + "|" + "-" * 9 + "|" + "-" * 12 + "|" + "-" * 10 + "|" + "-" * 10 + "|" + "-" * 7 + "|")
    for kind, label in (("md", "notelint lint FILE.md"), ("html", "notelint lint FILE.html")):
        data = rows.get(f"single_{kind}")
        if data:
            lines.append(f"| {label:<52} | {data['bytes']:>7,} | {data['median_ms']:>10.1f} | {data['min_ms']:>8.1f} | "
                         f"{data['max_ms']:>8.1f} | {data['runs']:>5} |")
    data = rows["process_start"]
    lines.append(f"| {'notelint --version (process start only)':<52} | {'':>7} | {data['median_ms']:>10.1f} | "
                 f"{data['min_ms']:>8.1f} | {data['max_ms']:>8.1f} | {data['runs']:>5} |")
    lines.append("")
    growth = rows["memory_growth"]
    points = ", ".join(f"{p['bytes'] / 1e6:.0f} MB -> {p['max_rss_kb'] / 1024:.0f} MB" for p in growth["points"])
    lines.append(f"peak memory as the tree grows (all cores): {points}; slope "
                 f"{growth['rss_mb_per_tree_mb'] * 1000:.0f} MB per GB of notes; projected at 1 GB: "
                 f"{growth['projected_1gb_mb']:.0f} MB")
    lines.append("same findings in every notelint scan: " + ("yes" if results["same_output"] else "NO"))
    lines.append("")
    lines.append(f"| {'target (issue 6)':<44} | {'goal':<16} | {'measured':>12} | {'status':<7} | {'gap':<40} |")
    lines.append("|" + "-" * 46 + "|" + "-" * 18 + "|" + "-" * 14 + "|" + "-" * 9 + "|" + "-" * 42 + "|")
    for target in results["targets"]:
        value = "n/a" if target["value"] is None else f"{target['value']:,.1f} {target['unit']}"
        lines.append(f"| {target['target']:<44} | {target['goal']:<16} | {value:>12} | {target['status']:<7} | "
                     f"{target['gap']:<40} |")
    for note in results["notes"]:
        lines.append(f"note: {note}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(REPO, ".build", "release", "notelint"),
                        help="notelint binary (default .build/release/notelint; Benchmarks/run builds it)")
    parser.add_argument("--size", type=generate.parse_size, default=generate.parse_size("200MB"),
                        help="total size of the tree (default 200MB; MB = 10^6 bytes)")
    parser.add_argument("--files", type=int, default=20000, help="number of notes (default 20000)")
    parser.add_argument("--seed", type=int, default=42, help="generator seed (default 42)")
    parser.add_argument("--tree", help="tree folder (default /tmp/notelint-bench/tree-<size>-<files>-s<seed>)")
    parser.add_argument("--regenerate", action="store_true", help="regenerate the tree even if it exists")
    parser.add_argument("--runs", type=int, default=3, help="runs of each scan, the median is reported (default 3)")
    parser.add_argument("--single-runs", type=int, default=50, help="runs of the single-file lint (default 50)")
    parser.add_argument("--proselint-sample", type=generate.parse_size, default=generate.parse_size("1MB"),
                        help="bytes of notes given to proselint, 0 to skip it (default 1MB, about a minute)")
    parser.add_argument("--wait-idle", type=float, default=60.0,
                        help="before each run, wait up to this many seconds for other processes to use less "
                             "than a quarter of a core (default 60; 0 to never wait)")
    parser.add_argument("--no-snapshot", action="store_true",
                        help="run the binary where it is (default: copy it and its resources first, so a "
                             "concurrent build cannot replace it mid-run)")
    parser.add_argument("--render", metavar="JSON", help="only print the table of an earlier --json file")
    parser.add_argument("--json", help="also write the results as JSON to this file")
    args = parser.parse_args(argv)
    args.command_line = os.environ.get("NOTELINT_BENCH_COMMAND") or " ".join(
        ["Benchmarks/bench.py"] + (argv if argv is not None else sys.argv[1:]))
    if args.render:
        with open(args.render, encoding="utf-8") as handle:
            results = json.load(handle)
        derive_ratios(results["rows"])
        results["targets"] = evaluate_targets(results["rows"], results["machine"]["cores"], results["tree"]["bytes"])
        print(render(results))
        return 0
    if args.runs < 1 or args.single_runs < 1:
        parser.error("--runs and --single-runs must be at least 1")
    if not os.access(args.binary, os.X_OK):
        parser.error(f"no notelint binary at {args.binary}: run `swift build -c release` or Benchmarks/run")
    results = run_benchmark(args)
    table = render(results)
    print(table)
    if args.json:
        results["table"] = table
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(results, handle, indent=2)
        log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
