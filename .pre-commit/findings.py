"""Shared by the line checks: print PATH:LINE: PROBLEM for every finding; exit code 1 if there was any."""
import sys


def report(problems):
    """Runs problems(path) -> (line number, text) over the files named on the command line; returns the exit code."""
    failed = False
    for path in sys.argv[1:]:
        for number, problem in problems(path):
            print(f"{path}:{number}: {problem}")
            failed = True
    return 1 if failed else 0
