#!/usr/bin/env python3
"""End-to-end test of `notelint mcp` with the official MCP Python SDK (`pip install mcp`) as the client.

Usage: mcp_e2e.py NOTELINT_BINARY. Exits 0 when every check passes, 1 otherwise, 77 when the `mcp`
package is missing. Tool results are compared with what the CLI prints for the same input.
"""
import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client
    try:
        from mcp.shared.exceptions import McpError
    except ImportError:  # mcp 2.x renamed it
        from mcp.shared.exceptions import MCPError as McpError
except ImportError as error:  # pragma: no cover
    print("the mcp package is not installed (pip install mcp): %s" % error)
    sys.exit(77)

BINARY = sys.argv[1]
TODAY = "2026-12-07"
failures = []


def field(obj, name):
    """A result field by its protocol name (mcp 1.x) or its snake_case name (mcp 2.x)."""
    if hasattr(obj, name):
        return getattr(obj, name)
    return getattr(obj, re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), name))


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def cli(*arguments, cwd=None, stdin=None):
    run = subprocess.run([BINARY, *arguments], capture_output=True, cwd=cwd, input=stdin)
    return run.stdout.decode()


async def main():
    base = os.path.realpath(tempfile.mkdtemp(prefix="notelint-mcp-"))
    root = os.path.join(base, "notes")
    outside = os.path.join(base, "private")
    os.mkdir(root)
    os.mkdir(outside)
    note = "# Stato\n\nWe will probably fix the data soon.\n\n- [ ] Prepare the slides\n- [ ] @anna sends the report by 2026-12-01\n"
    with open(os.path.join(root, "status.md"), "w") as handle:
        handle.write(note)
    with open(os.path.join(outside, "secret.md"), "w") as handle:
        handle.write("# Secret\n\nWe will fix it soon.\n")
    os.symlink(os.path.join(outside, "secret.md"), os.path.join(root, "link.md"))

    params = StdioServerParameters(command=BINARY, args=["mcp", "--root", root])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            check(field(init, 'serverInfo').name == "notelint", "serverInfo")
            tools = {tool.name: tool for tool in (await session.list_tools()).tools}
            check(sorted(tools) == ["action_items", "checkpoint", "explain_rule", "lint_note"], "tools: %r" % sorted(tools))
            check(all(field(tool, 'inputSchema').get("type") == "object" for tool in tools.values()), "input schemas")

            # lint_note by text and by path: the CLI's findings, with confidence.
            result = await session.call_tool("lint_note", {"text": note, "today": TODAY})
            check(not field(result, 'isError'), "lint_note by text: %r" % result.content)
            data = json.loads(result.content[0].text)
            expected = json.loads(cli("lint", "--format", "json", "--today", TODAY, "--stdin-filename", "note.md", "-", cwd=root, stdin=note.encode()))["findings"]
            key = lambda f: (f["line"], f["column"], f["endLine"], f["endColumn"], f["rule"], f["message"])
            check(sorted(map(key, data["findings"])) == sorted(map(key, expected)), "lint_note equals the CLI's findings")
            check(all(0 <= f["confidence"] <= 1 for f in data["findings"]), "every finding has a confidence")
            check(field(result, 'structuredContent') == data, "structuredContent equals the text")
            by_path = json.loads((await session.call_tool("lint_note", {"path": "status.md", "today": TODAY})).content[0].text)
            check(sorted(map(key, by_path["findings"])) == sorted(map(key, expected)), "lint_note by path")
            italian = json.loads((await session.call_tool("lint_note", {"text": "# Verbale\n\nIl team forse sistemerà i dati presto.\n", "today": TODAY})).content[0].text)
            check(italian["language"] == "it" and italian["findings"], "an Italian note: %r" % italian.get("language"))

            # checkpoint: the CLI's JSON gate report.
            gate = await session.call_tool("checkpoint", {"gate": "technical", "paths": ["."], "today": TODAY})
            check(not field(gate, 'isError'), "checkpoint: %r" % gate.content)
            cli_gate = json.loads(cli("checkpoint", "technical", root, "--format", "json", "--today", TODAY))
            check(json.loads(gate.content[0].text) == cli_gate, "checkpoint equals notelint checkpoint --format json")

            # action_items with filters.
            items = await session.call_tool("action_items", {"paths": [root], "today": TODAY})
            cli_items = json.loads(cli("actions", root, "--format", "json", "--today", TODAY))
            check(json.loads(items.content[0].text) == cli_items, "action_items equals notelint actions --format json")
            overdue = await session.call_tool("action_items", {"paths": [root], "today": TODAY, "overdue": True})
            cli_overdue = json.loads(cli("actions", root, "--format", "json", "--today", TODAY, "--overdue"))
            check(json.loads(overdue.content[0].text) == cli_overdue, "action_items overdue equals --overdue")

            # explain_rule and the resources.
            explained = await session.call_tool("explain_rule", {"rule": "vague-deadline", "language": "it"})
            check(json.loads(explained.content[0].text)["explanation"] == cli("explain", "vague-deadline", "--language", "it"), "explain_rule equals notelint explain")
            resources = (await session.list_resources()).resources
            uris = [str(r.uri) for r in resources]
            check("notelint://rules" in uris and "notelint://rules/vague-deadline" in uris, "resources: %r" % uris[:3])
            listed = json.loads((await session.read_resource("notelint://rules")).contents[0].text)
            check([r["id"] for r in listed][: len(json.loads(cli("rules", "--json")))] == [r["id"] for r in json.loads(cli("rules", "--json"))],
                  "the rule list resource starts with notelint rules --json")
            one = (await session.read_resource("notelint://rules/vague-deadline")).contents[0].text
            check(one == cli("explain", "vague-deadline"), "a rule's resource equals notelint explain")
            try:
                await session.read_resource("notelint://rules/no-such-rule")
                check(False, "an unknown resource is an error")
            except McpError as error:
                check("not found" in str(error), "unknown resource: %s" % error)

            # Bad arguments: clear tool errors.
            bad = [
                ("lint_note", {}, "exactly one of text and path"),
                ("lint_note", {"text": "x", "path": "status.md"}, "exactly one"),
                ("lint_note", {"text": "x", "today": "tomorrow"}, "YYYY-MM-DD"),
                ("lint_note", {"text": "x", "language": "fr"}, "it or en"),
                ("lint_note", {"text": 3}, "text must be a string"),
                ("lint_note", {"text": "x", "colour": "red"}, "unknown argument 'colour'"),
                ("checkpoint", {"gate": "weekly", "paths": ["."]}, "technical, business or review"),
                ("checkpoint", {"gate": "review", "paths": []}, "non-empty"),
                ("action_items", {"paths": ["."], "dueWithin": "soon"}, "dueWithin"),
                ("explain_rule", {"rule": "no-such-rule"}, "unknown rule"),
                ("lint_note", {"path": "missing.md"}, "no such file"),
            ]
            for tool, arguments, words in bad:
                answer = await session.call_tool(tool, arguments)
                text = answer.content[0].text if answer.content else ""
                check(field(answer, 'isError') and words in text, "%s %r → error with %r, got %r" % (tool, arguments, words, text))

            # Outside the roots: refused, by absolute path, by .. and through a symbolic link.
            for path in [os.path.join(outside, "secret.md"), "../private/secret.md", "link.md", "/etc/passwd"]:
                answer = await session.call_tool("lint_note", {"path": path})
                text = answer.content[0].text if answer.content else ""
                check(field(answer, 'isError') and "outside the roots" in text, "%s refused: %r" % (path, text))
            answer = await session.call_tool("checkpoint", {"gate": "technical", "paths": [outside]})
            check(field(answer, 'isError') and "outside the roots" in answer.content[0].text, "checkpoint outside refused")
            answer = await session.call_tool("action_items", {"paths": [root, "../private"]})
            check(field(answer, 'isError') and "outside the roots" in answer.content[0].text, "action_items outside refused")
            # Walking the root skips the link to the outside file (nothing outside is read).
            walked = json.loads((await session.call_tool("checkpoint", {"gate": "technical", "paths": ["."], "maxPerFile": 0})).content[0].text)
            check("secret" not in json.dumps(walked), "a walk of the root does not follow the link outside")

            # An unknown tool is a protocol error; a burst of 1,000 calls is answered.
            try:
                await session.call_tool("rm_rf", {})
                check(False, "an unknown tool is refused")
            except McpError as error:
                check("unknown tool" in str(error), "unknown tool: %s" % error)
            answers = await asyncio.gather(*[session.call_tool("explain_rule", {"rule": "vague-deadline", "language": "en"}) for _ in range(1000)])
            check(len(answers) == 1000 and all(not field(a, 'isError') for a in answers), "1,000 calls answered")

    # Malformed lines on the raw stream: JSON-RPC errors, and the server goes on.
    raw = subprocess.run([BINARY, "mcp", "--root", root], input=b'{oops\n[1]\n{"jsonrpc":"2.0","id":1,"method":"tools/list"}\n{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}\n{"jsonrpc":"2.0","id":3,"method":"nope"}\n', capture_output=True, timeout=60)
    lines = [json.loads(line) for line in raw.stdout.decode().splitlines()]
    codes = [line.get("error", {}).get("code") for line in lines]
    check(codes == [-32700, -32600, -32002, None, -32601], "raw stream errors: %r" % codes)
    check(lines[3]["result"]["protocolVersion"] == "2025-06-18", "protocol 2025-06-18")
    bad_root = subprocess.run([BINARY, "mcp", "--root", os.path.join(base, "nothing")], capture_output=True, timeout=60)
    check(bad_root.returncode == 2 and b"not a folder" in bad_root.stderr, "a missing root is a usage error: %r" % bad_root.stderr)
    if failures:
        print("%d check(s) failed" % len(failures), file=sys.stderr)
        return 1
    print("mcp e2e: all checks passed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
