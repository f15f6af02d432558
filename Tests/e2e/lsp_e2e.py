#!/usr/bin/env python3
"""End-to-end test of `notelint lsp`: a plain LSP client over pipes (no packages needed).

Usage: lsp_e2e.py NOTELINT_BINARY. Exits 0 when every check passes, 1 with the failures otherwise.
Compares what the server publishes with what `notelint lint --format json` reports for the same text
(ranges converted to 0-based UTF-16), so it checks the server against the engine, not against itself.
"""
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time

BINARY = sys.argv[1]
TODAY = "2026-12-07"
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


class Client:
    def __init__(self, cwd):
        self.process = subprocess.Popen(
            [BINARY, "lsp", "--debounce", "50"], cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.next_id = 0
        self.pending = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.process.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def raw(self, data):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request_async(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def wait(self, predicate, timeout=60):
        """The first message (kept or new) matching predicate; others are kept for later waits."""
        for key, message in list(self.pending.items()):
            if predicate(message):
                del self.pending[key]
                return message
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                message = self.messages.get(timeout=max(0.01, deadline - time.time()))
            except queue.Empty:
                break
            if message is None:
                raise RuntimeError("the server closed its output")
            if predicate(message):
                return message
            self.pending[id(message)] = message
        raise RuntimeError("timed out waiting for a message")

    def response(self, request_id, timeout=60):
        return self.wait(lambda m: m.get("id") == request_id and "method" not in m, timeout)

    def request(self, method, params, timeout=60):
        return self.response(self.request_async(method, params), timeout)

    def diagnostics(self, uri, version=None, timeout=60):
        def matches(m):
            return (m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                    and (version is None or m["params"].get("version") == version))
        return self.wait(matches, timeout)["params"]["diagnostics"]


def utf16_position(text, line, column):
    """notelint's 1-based line and scalar column → LSP's 0-based line and UTF-16 character."""
    lines = text.replace("\r\n", "\n").split("\n")
    prefix = lines[line - 1][: column - 1] if line - 1 < len(lines) else ""
    return {"line": line - 1, "character": len(prefix.encode("utf-16-le")) // 2}


def cli_findings(text, name, extra=()):
    run = subprocess.run(
        [BINARY, "lint", "--format", "json", "--today", TODAY, "--stdin-filename", name, *extra, "-"],
        input=text.encode(), capture_output=True, cwd=os.path.dirname(name) or None)
    return json.loads(run.stdout)["findings"]


def expected(text, name, extra=()):
    out = []
    for f in cli_findings(text, name, extra):
        message = f["message"] + ("\n" + f["suggestion"] if f.get("suggestion") else "")
        start = utf16_position(text, f["line"], f["column"])
        end = utf16_position(text, f["endLine"], f["endColumn"])
        out.append((f["rule"], start["line"], start["character"], end["line"], end["character"], message))
    return sorted(out)


def got(diagnostics):
    return sorted((d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"], d["range"]["end"]["line"],
                   d["range"]["end"]["character"], d["message"]) for d in diagnostics)


def main():
    folder = os.path.realpath(tempfile.mkdtemp(prefix="notelint-lsp-"))
    client = Client(folder)
    # Before initialize: ServerNotInitialized.
    early = client.request("textDocument/hover", {"textDocument": {"uri": "file:///x.md"}, "position": {"line": 0, "character": 0}})
    check(early.get("error", {}).get("code") == -32002, "request before initialize answers -32002: %r" % early)
    init = client.request("initialize", {
        "processId": os.getpid(), "rootUri": "file://" + folder,
        "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}},
        "initializationOptions": {"notelint": {"today": TODAY}}})
    caps = init["result"]["capabilities"]
    check(caps["textDocumentSync"]["change"] == 2, "incremental sync advertised")
    check(caps.get("hoverProvider") is True and "diagnosticProvider" in caps, "hover and pull diagnostics advertised")
    client.notify("initialized", {})
    registration = client.wait(lambda m: m.get("method") == "client/registerCapability")
    globs = [w["globPattern"] for w in registration["params"]["registrations"][0]["registerOptions"]["watchers"]]
    check(globs == ["**/.notelint.yml", "**/.notelint.yaml"], "configuration files watched: %r" % globs)
    client.send({"jsonrpc": "2.0", "id": registration["id"], "result": None})

    # Malformed input: answered, never a crash.
    client.raw(b"Content-Length: 9\r\n\r\n{not json")
    check(client.wait(lambda m: m.get("error", {}).get("code") == -32700)["id"] is None, "bad JSON → -32700 with id null")
    client.raw(b"Content-Length: 3\r\n\r\n[1]")
    client.wait(lambda m: m.get("error", {}).get("code") == -32600)
    client.raw(b"Content-Length: x\r\n\r\n")
    client.wait(lambda m: m.get("error", {}).get("code") == -32700)
    unknown = client.request("notelint/noSuchMethod", {})
    check(unknown.get("error", {}).get("code") == -32601, "unknown method → -32601")
    bad_params = client.request("textDocument/hover", {"textDocument": {}})
    check(bad_params.get("error", {}).get("code") == -32602, "hover without uri → -32602")

    # A note with a character outside the BMP before the flagged words: UTF-16 ≠ scalars.
    name = os.path.join(folder, "status.md")
    uri = "file://" + name
    text = "# Stato 🚀\n\n🚀 We will probably fix the data soon.\n\n- [ ] Prepare the slides\n"
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    diagnostics = client.diagnostics(uri, 1)
    check(got(diagnostics) == expected(text, name), "didOpen diagnostics equal the CLI's findings in UTF-16:\n%r\n%r" % (got(diagnostics), expected(text, name)))
    hyp = [d for d in diagnostics if d["code"] == "unverified-hypothesis"]
    check(len(hyp) == 1 and hyp[0]["range"]["start"] == {"line": 2, "character": 6} and hyp[0]["range"]["end"] == {"line": 2, "character": 19},
          "“will probably” after 🚀 is at UTF-16 2:6-2:19: %r" % hyp)
    check(all(d["source"] == "notelint" and d["severity"] in (1, 2, 3) for d in diagnostics), "source and severity")

    # Pull diagnostics: the same list.
    pulled = client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
    check(pulled["result"]["kind"] == "full" and got(pulled["result"]["items"]) == got(diagnostics), "pull equals push")

    # Hover: the text of `notelint explain`.
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 8}})
    explain = subprocess.run([BINARY, "explain", "unverified-hypothesis", "--language", "en"], capture_output=True).stdout.decode()
    check(hover["result"] is not None and explain.strip() in hover["result"]["contents"]["value"], "hover contains notelint explain's text")
    nothing = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check(nothing["result"] is None, "hover off any finding → null")

    # Incremental change (UTF-16 range after 🚀): "soon" → "by 2026-12-20".
    line = text.split("\n")[2]
    start = len(line[: line.index("soon")].encode("utf-16-le")) // 2
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 2, "character": start}, "end": {"line": 2, "character": start + 4}}, "text": "by 2026-12-20"}]})
    text2 = text.replace("soon", "by 2026-12-20")
    diagnostics2 = client.diagnostics(uri, 2)
    check(got(diagnostics2) == expected(text2, name), "after an incremental change: the CLI's findings of the new text")
    check("vague-deadline" not in [d["code"] for d in diagnostics2], "the vague deadline is gone after the edit")

    # Code action "suppress here": apply the edit, the finding is gone.
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": {"line": 2, "character": 8}, "end": {"line": 2, "character": 8}},
        "context": {"diagnostics": []}})["result"]
    here = [a for a in actions if "unverified-hypothesis here" in a["title"]]
    check(len(here) == 1, "a suppress-here action for the hypothesis: %r" % [a["title"] for a in actions])
    edit = here[0]["edit"]["changes"][uri][0]
    check(edit["newText"] == "<!-- notelint-disable-next-line unverified-hypothesis -->\n" and edit["range"]["start"] == {"line": 2, "character": 0},
          "the edit inserts the disable comment above the line: %r" % edit)
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                             "contentChanges": [{"range": edit["range"], "text": edit["newText"]}]})
    diagnostics3 = client.diagnostics(uri, 3)
    check("unverified-hypothesis" not in [d["code"] for d in diagnostics3], "suppressed after applying the action")
    text3 = "\n".join(text2.split("\n")[:2] + [edit["newText"].rstrip("\n")] + text2.split("\n")[2:])
    check(got(diagnostics3) == expected(text3, name), "after the action: the CLI's findings")

    # Settings: minConfidence 1 drops the model's judgements, as --min-confidence does.
    client.notify("workspace/didChangeConfiguration", {"settings": {"notelint": {"minConfidence": 1}}})
    diagnostics4 = client.diagnostics(uri, 3)
    check(got(diagnostics4) == expected(text3, name, ["--min-confidence", "1"]), "minConfidence 1 equals --min-confidence 1")
    check(len(diagnostics4) < len(diagnostics3), "minConfidence 1 drops judgements")
    client.notify("workspace/didChangeConfiguration", {"settings": {"notelint": {"minConfidence": 7}}})
    shown = client.wait(lambda m: m.get("method") == "window/showMessage")
    check("minConfidence" in shown["params"]["message"], "a bad setting is reported: %r" % shown)
    client.notify("workspace/didChangeConfiguration", {"settings": {"notelint": {"minConfidence": None}}})
    client.diagnostics(uri, 3)

    # An Italian note: messages in Italian, as the CLI gives them.
    it_name = os.path.join(folder, "verbale.md")
    it_uri = "file://" + it_name
    it_text = "# Verbale\n\nIl team forse sistemerà i dati presto, più o meno.\n"
    client.notify("textDocument/didOpen", {"textDocument": {"uri": it_uri, "languageId": "markdown", "version": 1, "text": it_text}})
    it_diags = client.diagnostics(it_uri, 1)
    check(len(it_diags) > 0 and got(it_diags) == expected(it_text, it_name), "Italian note: the CLI's Italian findings")
    check(any("scadenza" in d["message"] or "Chi" in d["message"] or "responsabile" in d["message"] for d in it_diags),
          "Italian messages: %r" % [d["message"] for d in it_diags])
    # language: en forces English, as --language en does.
    client.notify("workspace/didChangeConfiguration", {"settings": {"language": "en"}})
    forced = client.diagnostics(it_uri)
    check(got(forced) == expected(it_text, it_name, ["--language", "en"]), "language en equals --language en")
    client.notify("workspace/didChangeConfiguration", {"settings": {"language": None}})
    client.diagnostics(it_uri)

    # .notelint.yml discovery: a folder whose config turns a rule off; saving the config relints.
    sub = os.path.join(folder, "team")
    os.mkdir(sub)
    cfg = os.path.join(sub, ".notelint.yml")
    with open(cfg, "w") as handle:
        handle.write("rules:\n  vague-deadline: off\n")
    team_name = os.path.join(sub, "plan.md")
    team_uri = "file://" + team_name
    team_text = "# Plan\n\nWe will fix the data soon.\n"
    client.notify("textDocument/didOpen", {"textDocument": {"uri": team_uri, "languageId": "markdown", "version": 1, "text": team_text}})
    team = client.diagnostics(team_uri, 1)
    check("vague-deadline" not in [d["code"] for d in team] and got(team) == expected(team_text, team_name),
          "the folder's .notelint.yml applies: %r" % got(team))
    with open(cfg, "w") as handle:
        handle.write("rules:\n  diffuse-owner: off\n")
    client.notify("textDocument/didSave", {"textDocument": {"uri": "file://" + cfg}})
    team2 = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == team_uri)["params"]["diagnostics"]
    check("vague-deadline" in [d["code"] for d in team2] and "diffuse-owner" not in [d["code"] for d in team2],
          "the changed configuration is read again: %r" % [d["code"] for d in team2])
    with open(cfg, "w") as handle:
        handle.write("rules: [\n")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": "file://" + cfg, "type": 2}]})
    broken = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == team_uri)["params"]["diagnostics"]
    check(any(d["code"] == "configuration" and ".notelint.yml" in d["message"] for d in broken), "a broken config is a diagnostic: %r" % broken)

    # A large unsaved document (about 4 MB) does not hold up other requests; its pull can be cancelled.
    big_uri = "untitled:Untitled-1"
    big_text = ("We will probably fix the data soon, more or less.\n\n" * 80000)
    client.notify("textDocument/didOpen", {"textDocument": {"uri": big_uri, "languageId": "markdown", "version": 1, "text": big_text}})
    pull = client.request_async("textDocument/diagnostic", {"textDocument": {"uri": big_uri}})
    client.notify("$/cancelRequest", {"id": pull})
    began = time.time()
    quick = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 8}})
    quick_seconds = time.time() - began
    check("result" in quick, "a hover is answered while a large document is linted")
    cancelled = client.response(pull, timeout=300)
    check(cancelled.get("error", {}).get("code") == -32800, "a cancelled pull answers -32800: %r" % str(cancelled)[:200])
    print("hover during the large lint: %.3f s" % quick_seconds, file=sys.stderr)

    # A burst of 1,000 requests, each answered.
    ids = [client.request_async("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 3, "character": i % 20}}) for i in range(1000)]
    answered = set()
    while len(answered) < len(ids):
        message = client.wait(lambda m: "id" in m and "method" not in m and m["id"] in ids and m["id"] not in answered)
        answered.add(message["id"])
    check(len(answered) == 1000, "1,000 hovers answered")

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    closed = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                         and "version" not in m["params"])["params"]["diagnostics"]
    check(closed == [], "didClose clears the diagnostics")
    shutdown = client.request("shutdown", None)
    check("result" in shutdown and shutdown["result"] is None, "shutdown → null")
    after = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check(after.get("error", {}).get("code") == -32600, "requests after shutdown are refused")
    client.notify("exit", None)
    code = client.process.wait(timeout=30)
    check(code == 0, "exit after shutdown → 0, got %r" % code)
    if failures:
        print("%d check(s) failed" % len(failures), file=sys.stderr)
        return 1
    print("lsp e2e: all checks passed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
