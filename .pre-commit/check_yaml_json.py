#!/usr/bin/env python3
"""YAML (.yaml/.yml, multi-document allowed) and JSON (.json, .ipynb) files parse.
Usage: check_yaml_json.py FILE...; prints FILE: error for each file that does not."""
import json
import sys

import yaml


def main(paths):
    failed = False
    for path in paths:
        try:
            with open(path, encoding="utf-8") as file:
                if path.endswith((".yaml", ".yml")):
                    list(yaml.safe_load_all(file))
                else:
                    json.load(file)
        except (ValueError, yaml.YAMLError) as error:
            print(f"{path}: {error}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
