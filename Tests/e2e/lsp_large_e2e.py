#!/usr/bin/env python3
"""End-to-end test of `notelint lsp` with a 10 MB note: other requests are answered while it is linted.

Usage: lsp_large_e2e.py NOTELINT_BINARY [RUNS]. Exits 0 when every check passes, 1 otherwise. Uses the
plain client of lsp_e2e.py. It asserts on the order of the answers and on their content (equal to what
`notelint lint` reports), never on durations; it prints the latencies it saw (the median of RUNS runs,
default 1) for the README.
"""
import itertools
import os
import queue
import random
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_e2e import Client, check, cli_findings, expected, failures, got, TODAY  # noqa: E402

LARGE = 10 * 1000 * 1000


def large_note(seed):
    """About 10 MB of meeting notes, a sentence with findings every forty paragraphs."""
    rng = random.Random(seed)
    words = ("the team reviewed the release plan and the budget figures with the vendor and agreed on the scope "
             "of the pilot for the northern region").split()
    parts, size, n = ["# Archive of the weekly notes\n\n"], 0, 0
    while size < LARGE:
        n += 1
        if n % 40 == 0:
            paragraph = "We will probably fix the data soon.\n\n"
        else:
            rng.shuffle(words)
            paragraph = " ".join(words[:18]).capitalize() + ".\n\n"
        parts.append(paragraph)
        size += len(paragraph)
    return "".join(parts)


def expected_large(text, name, extra=()):
    """As lsp_e2e.expected, with the text split into lines once (it has hundreds of thousands)."""
    lines = text.replace("\r\n", "\n").split("\n")

    def position(line, column):
        prefix = lines[line - 1][: column - 1] if line - 1 < len(lines) else ""
        return line - 1, len(prefix.encode("utf-16-le")) // 2

    out = []
    for f in cli_findings(text, name, extra):
        message = f["message"] + ("\n" + f["suggestion"] if f.get("suggestion") else "")
        out.append((f["rule"], *position(f["line"], f["column"]), *position(f["endLine"], f["endColumn"]), message))
    return sorted(out)


class ArrivalQueue(queue.Queue):
    """The client's message queue, each message stamped with its arrival (a count and the time)."""
    counter = itertools.count()

    def put(self, item, *arguments, **options):
        if item is not None:
            item["_arrival"] = (next(self.counter), time.time())
        super().put(item, *arguments, **options)


def run(folder, seed):
    client = Client(folder)
    client.messages = ArrivalQueue()  # before anything is sent, so before anything arrives
    client.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + folder, "capabilities": {},
                                  "initializationOptions": {"notelint": {"today": TODAY}}})
    client.notify("initialized", {})
    small_name = os.path.join(folder, "small.md")
    small_uri = "file://" + small_name
    small = "# Stato\n\nWe will probably fix the data soon.\n"
    client.notify("textDocument/didOpen", {"textDocument": {"uri": small_uri, "languageId": "markdown", "version": 1, "text": small}})
    check(got(client.diagnostics(small_uri, 1)) == expected(small, small_name), "the small note's diagnostics")

    big_name = os.path.join(folder, "archive.md")
    big_uri = "file://" + big_name
    big = large_note(seed)
    client.notify("textDocument/didOpen", {"textDocument": {"uri": big_uri, "languageId": "markdown", "version": 1, "text": big}})
    began = time.time()
    # While the large note is linted: a hover, a pull and an edit of the small one.
    hover = client.request_async("textDocument/hover", {"textDocument": {"uri": small_uri}, "position": {"line": 2, "character": 10}})
    pull = client.request_async("textDocument/diagnostic", {"textDocument": {"uri": small_uri}})
    small2 = small.replace("soon", "by 2026-12-20")
    client.notify("textDocument/didChange", {"textDocument": {"uri": small_uri, "version": 2}, "contentChanges": [{"text": small2}]})
    seen = {}

    def note(name, message, params=False):
        # The order and time in which the messages arrived, not in which this script looks at them.
        count, when = message["_arrival"]
        seen[name] = (when - began, count, message["params"]["diagnostics"] if params else message)

    note("hover", client.response(hover, timeout=600))
    note("pull", client.response(pull, timeout=600))
    diagnostics = lambda uri, version: lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                                                  and m["params"]["uri"] == uri and m["params"].get("version") == version)
    note("small v2", client.wait(diagnostics(small_uri, 2), timeout=600), params=True)
    note("large v1", client.wait(diagnostics(big_uri, 1), timeout=600), params=True)
    arrival = sorted(seen, key=lambda name: seen[name][1])
    check(arrival[-1] == "large v1", "the small note's answers come before the large note's diagnostics: %r" % arrival)
    check("unverified-hypothesis" in seen["hover"][2]["result"]["contents"]["value"], "the hover explains the finding")
    check(got(seen["pull"][2]["result"]["items"]) == expected(small, small_name), "the pull is the small note's findings")
    check(got(seen["small v2"][2]) == expected(small2, small_name), "the edit's diagnostics are the new text's findings")
    check(len(seen["large v1"][2]) > 1000, "the large note has its findings: %d" % len(seen["large v1"][2]))

    # Two edits of the large note while it is linted: only the last text's diagnostics are published,
    # and a pull sent in between is answered with them.
    big2 = big + "\nMaybe the vendor will call back.\n"
    client.notify("textDocument/didChange", {"textDocument": {"uri": big_uri, "version": 2},
                                             "contentChanges": [{"range": {"start": {"line": big.count("\n"), "character": 0}, "end": {"line": big.count("\n"), "character": 0}},
                                                                 "text": "\nMaybe the vendor will call back.\n"}]})
    time.sleep(0.5)  # past the debounce: the lint of version 2 is under way
    big_pull = client.request_async("textDocument/diagnostic", {"textDocument": {"uri": big_uri}})
    big3 = big2 + "The owner is unclear, probably.\n"
    lines2 = big2.count("\n")
    client.notify("textDocument/didChange", {"textDocument": {"uri": big_uri, "version": 3},
                                             "contentChanges": [{"range": {"start": {"line": lines2, "character": 0}, "end": {"line": lines2, "character": 0}},
                                                                 "text": "The owner is unclear, probably.\n"}]})
    hover2 = client.request("textDocument/hover", {"textDocument": {"uri": small_uri}, "position": {"line": 2, "character": 10}}, timeout=600)
    check("result" in hover2, "a hover is answered while the large note is linted again")
    pulled = client.response(big_pull, timeout=600)["result"]["items"]
    published = client.diagnostics(big_uri, timeout=600)
    want = expected_large(big3, big_name, ["--max-file-size", str(2 * LARGE)])
    check(got(pulled) == want, "the pull sent during version 2's lint is version 3's findings")
    check(got(published) == want, "the published diagnostics are version 3's findings")
    stale = [m for m in client.pending.values() if m.get("method") == "textDocument/publishDiagnostics"
             and m["params"]["uri"] == big_uri and m["params"].get("version") == 2]
    check(not stale, "no diagnostics of the superseded version 2 are published")
    client.request("shutdown", None)
    client.notify("exit", None)
    check(client.process.wait(timeout=60) == 0, "exit after shutdown")
    return seen["hover"][0], seen["large v1"][0]


def main():
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    folder = os.path.realpath(tempfile.mkdtemp(prefix="notelint-lsp-large-"))
    hovers, larges = [], []
    for index in range(runs):
        hover, large = run(folder, index)
        hovers.append(hover)
        larges.append(large)
    print("10 MB note, %d run(s): hover on another note answered after %.3f s (median), the note's own diagnostics after %.1f s"
          % (runs, statistics.median(hovers), statistics.median(larges)), file=sys.stderr)
    if failures:
        print("%d check(s) failed" % len(failures), file=sys.stderr)
        return 1
    print("lsp large e2e: all checks passed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
