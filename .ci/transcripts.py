#!/usr/bin/env python3
"""Runs every shell transcript of a Markdown file and compares what it prints.

A transcript is a fenced code block (at any indentation) whose first non-empty line starts with
`$ `. Each `$ ` line is a command (a line ending in `\\` continues it on the next line); the lines
after it, up to the next command or the end of the block, are what it prints, standard output and
standard error together. A line that is only `…` (or `...`) stands for any number of lines,
none included; within a line, `…` stands for any text (so a literal `…` matches itself too).
Trailing spaces are ignored.

Commands run in order through the whole file, in one scratch folder, so a later block may use
the files an earlier one wrote. `Fixtures` in that folder is the repository's, and `convene` and
`swift run convene` run the binary given with --convene. A command's exit status is not compared
(transcripts show failing commands too); what it prints is.

A block right after the comment `<!-- transcript: planner -->` talks to `convene serve`: one is
started for it on a free port of 127.0.0.1 with a fresh data folder, and `localhost:8080` in its
commands is that address; it is stopped after the block.

A block right after the comment `<!-- transcript: pretalx -->` talks to a pretalx server. It runs
only when --pretalx URL SLUG TOKEN is given (CI starts a fresh pretalx with Tools/pretalx/start.sh
for it): in its commands `https://pretalx.example.org` becomes URL and `democon` SLUG, in what they
print the other way round; PRETALX_TOKEN is TOKEN, and its `export` lines are not run. Without
--pretalx such blocks are skipped, and said so.

Usage: transcripts.py --convene BIN [--keep DIR] [--pretalx URL SLUG TOKEN] README.md
Exit status 0 when every transcript prints what it shows, 1 otherwise (each difference printed).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import socket
import time
import urllib.request

FENCE = re.compile(r"^(\s*)(```+|~~~+)(.*)$")
WILDCARDS = {"…", "..."}


MARKER = re.compile(r"^\s*<!--\s*transcript:\s*(\S+)\s*-->\s*$")
EXAMPLE_URL = "https://pretalx.example.org"
EXAMPLE_SLUG = "democon"


def marker(lines, i):
    """The `<!-- transcript: KIND -->` comment on the last non-empty line before line i, if any."""
    k = i - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    m = MARKER.match(lines[k]) if k >= 0 else None
    return m.group(1) if m else None


def blocks(text):
    """Yields (first line number, lines, marker) for each fenced block, with its indentation removed."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence = len(m.group(1)), m.group(2)
        body = []
        j = i + 1
        while j < len(lines):
            close = FENCE.match(lines[j])
            if close and close.group(2).startswith(fence[0] * 3) and not close.group(3).strip():
                break
            line = lines[j]
            body.append(line[indent:] if line[:indent].strip() == "" else line.lstrip())
            j += 1
        yield i + 2, body, marker(lines, i)
        i = j + 1


def transcript(body):
    """The (command, expected lines) pairs of a block, or None when it is not a transcript."""
    first = next((line for line in body if line.strip()), "")
    if not first.startswith("$ "):
        return None
    steps = []
    k = 0
    while k < len(body):
        line = body[k]
        if line.startswith("$ "):
            command = line[2:]
            while command.endswith("\\") and k + 1 < len(body):
                k += 1
                command = command[:-1] + " " + body[k].strip()
            steps.append((command, []))
        elif steps:
            steps[-1][1].append(line.rstrip())
        k += 1
    for _, expected in steps:
        while expected and not expected[-1]:
            expected.pop()
    return steps


def matches(expected, actual):
    """Whether actual fits expected, where a wildcard line stands for any lines."""
    memo = {}

    def fit(i, j):
        key = (i, j)
        if key in memo:
            return memo[key]
        if i == len(expected):
            result = j == len(actual)
        elif expected[i].strip() in WILDCARDS:
            result = any(fit(i + 1, k) for k in range(j, len(actual) + 1))
        else:
            result = j < len(actual) and same_line(expected[i], actual[j]) and fit(i + 1, j + 1)
        memo[key] = result
        return result

    return fit(0, 0)


def same_line(expected, actual):
    """Whether a printed line fits its expected line, where `…` inside a line is any text."""
    if expected == actual:
        return True
    if "…" not in expected:
        return False
    pattern = ".*".join(re.escape(part) for part in expected.split("…"))
    return re.fullmatch(pattern, actual) is not None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_planner(convene, scratch, env):
    """A `convene serve` on a free loopback port with a fresh data folder: (process, address)."""
    port = free_port()
    data = tempfile.mkdtemp(prefix="planner-", dir=scratch)
    process = subprocess.Popen(
        [convene, "serve", "--data", data, "--port", str(port)], cwd=scratch, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    address = f"127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"http://{address}/api/openapi.json", timeout=1):
                return process, address
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    process.kill()
    raise SystemExit("transcripts: convene serve did not answer")


def prelude(convene, repository):
    return (
        "set -o pipefail\n"
        f"convene() {{ {quote(convene)} \"$@\"; }}\n"
        "swift() { if [ \"$1\" = run ] && [ \"$2\" = convene ]; then shift 2; convene \"$@\"; "
        "else command swift \"$@\"; fi; }\n"
        f"export CONVENE_REPOSITORY={quote(repository)}\n"
    )


def quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--convene", required=True, help="the convene binary to run")
    parser.add_argument("--keep", help="run in this folder (kept) instead of a temporary one")
    parser.add_argument("--pretalx", nargs=3, metavar=("URL", "SLUG", "TOKEN"), help="a pretalx for the pretalx blocks")
    parser.add_argument("markdown", nargs="+")
    args = parser.parse_args()
    repository = os.path.abspath(os.path.dirname(os.path.abspath(args.markdown[0])))
    convene = os.path.abspath(args.convene)
    scratch = args.keep or tempfile.mkdtemp(prefix="convene-transcripts-")
    os.makedirs(scratch, exist_ok=True)
    fixtures = os.path.join(scratch, "Fixtures")
    if not os.path.exists(fixtures):
        os.symlink(os.path.join(repository, "Fixtures"), fixtures)
    env = dict(os.environ, SOURCE_DATE_EPOCH="0", COLUMNS="100", LC_ALL="C.UTF-8")
    failures = 0
    count = 0
    skipped = 0
    try:
        for path in args.markdown:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for line, body, kind in blocks(text):
                steps = transcript(body)
                if steps is None:
                    continue
                if kind == "pretalx" and not args.pretalx:
                    skipped += len(steps)
                    continue
                planner = None
                if kind == "planner":
                    planner = start_planner(convene, scratch, env)
                for command, expected in steps:
                    run_env = env
                    if planner:
                        command = command.replace("localhost:8080", planner[1])
                    if kind == "pretalx":
                        url, slug, token = args.pretalx
                        url = url.rstrip("/")
                        if command.startswith("export "):
                            continue
                        command = command.replace(EXAMPLE_URL, url).replace(EXAMPLE_SLUG, slug)
                        run_env = dict(env, PRETALX_TOKEN=token)
                    count += 1
                    run = subprocess.run(
                        ["bash", "-c", prelude(convene, repository) + command],
                        cwd=scratch, env=run_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                    )
                    printed = run.stdout.decode("utf-8", "replace")
                    if kind == "pretalx":
                        printed = printed.replace(url, EXAMPLE_URL).replace(slug, EXAMPLE_SLUG)
                    actual = printed.replace("\r\n", "\n").split("\n")
                    actual = [a.rstrip() for a in actual]
                    while actual and not actual[-1]:
                        actual.pop()
                    if not matches(expected, actual):
                        failures += 1
                        print(f"{path}:{line}: $ {command}")
                        print("  expected:")
                        print("\n".join("    | " + e for e in expected) or "    (nothing)")
                        print("  printed:")
                        print("\n".join("    | " + a for a in actual) or "    (nothing)")
                if planner:
                    planner[0].terminate()
                    planner[0].wait()
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    if skipped:
        print(f"transcripts: {skipped} commands that need a pretalx skipped (give --pretalx URL SLUG TOKEN)")
    if failures:
        print(f"transcripts: {failures} of {count} commands print something else than their transcript shows")
        return 1
    print(f"transcripts: {count} commands print what their transcripts show")
    return 0


if __name__ == "__main__":
    sys.exit(main())
