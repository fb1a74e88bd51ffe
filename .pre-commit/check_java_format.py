#!/usr/bin/env python3
"""Formatting of Java sources: LF line endings, no tabs, no trailing whitespace, a final newline, lines of at most
MAX_LINE characters. Usage: check_java_format.py FILE...; prints every violation as FILE:LINE: problem."""
import sys

import findings

MAX_LINE = 180


def problems(path):
    data = open(path, "rb").read()
    if data and not data.endswith(b"\n"):
        yield 0, "no newline at end of file"
    for number, raw in enumerate(data.split(b"\n"), start=1):
        line = raw.decode("utf-8", errors="replace")
        if line.endswith("\r"):
            yield number, "CRLF line ending (use LF)"
            line = line[:-1]
        if "\t" in line:
            yield number, "tab character (indent with spaces)"
        if line != line.rstrip():
            yield number, "trailing whitespace"
        if len(line) > MAX_LINE:
            yield number, f"line of {len(line)} characters (max {MAX_LINE})"


if __name__ == "__main__":
    sys.exit(findings.report(problems))
