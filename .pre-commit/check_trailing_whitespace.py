#!/usr/bin/env python3
"""No trailing spaces or tabs at the end of a line in text files (a CRLF ending is not trailing whitespace).
Usage: check_trailing_whitespace.py FILE...; prints FILE:LINE for each offending line."""
import sys


def main(paths):
    failed = False
    for path in paths:
        data = open(path, "rb").read()
        if b"\0" in data:
            continue  # binary
        for number, line in enumerate(data.split(b"\n"), start=1):
            line = line[:-1] if line.endswith(b"\r") else line
            if line != line.rstrip(b" \t"):
                print(f"{path}:{number}: trailing whitespace")
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
