#!/usr/bin/env python3
"""Peak memory per byte of note: lints one generated list note of 1, 8 and 32 MB (each with
--max-file-size raised to fit) under /usr/bin/time -v and prints peak RSS / note size.

Usage: Benchmarks/memory_per_byte.py [path/to/notelint] [sizes in MB, default 1 8 32]
The target (issue 18) is at most 16 bytes of peak memory per byte of note.
"""
import os
import re
import subprocess
import sys
import tempfile


def make_note(path, size):
    with open(path, "w", encoding="utf-8") as out:
        written = 0
        index = 0
        while written < size:
            line = f"- item {index}: Marco to send the deck soon, maybe some slides by 2026-12-{index % 28 + 1:02d}\n"
            out.write(line)
            written += len(line.encode())
            index += 1
    return written


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/notelint"
    sizes = [int(value) for value in sys.argv[2:]] or [1, 8, 32]
    with tempfile.TemporaryDirectory() as folder:
        print("note MB  bytes        peak RSS MB  bytes/byte  seconds")
        for megabytes in sizes:
            path = os.path.join(folder, f"list-{megabytes}.md")
            size = make_note(path, megabytes * 1_000_000)
            run = subprocess.run(
                ["/usr/bin/time", "-v", binary, "lint", path, "-q", "--today", "2026-12-01",
                 "--max-file-size", str(size + 1)],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1)) * 1024
            wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", run.stderr).group(1)
            parts = [float(part) for part in wall.split(":")]
            seconds = sum(part * 60 ** index for index, part in enumerate(reversed(parts)))
            print(f"{megabytes:7d}  {size:11d}  {peak / 1e6:11.1f}  {peak / size:10.1f}  {seconds:7.1f}")


if __name__ == "__main__":
    main()
