#!/usr/bin/env python3
"""No committed secrets outside the root .env (the one place for the playground's credentials, excluded by the hook).

Flags, in every text file: private key blocks and well-known token formats (AWS, GitHub, GitLab, Slack, OpenAI-style).
In configuration files (.properties, .yaml/.yml, .json, .conf, .env-style, shell scripts, Dockerfiles): a key named
like password/secret/token/credential assigned a literal value; allowed are ${VAR} placeholders, Kafka config-provider
references such as ${env:VAR} (what the connector templates use), empty values and the mask ********. Test code may hold fixture secrets (it checks masking), so code files get only the first checks.
Usage: check_secrets.py FILE...; prints FILE:LINE: what was found (never the value itself)."""
import re
import sys

import findings

TOKENS = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY"),
    "AWS access key id": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})"),
    "GitLab token": re.compile(r"\bglpat-[A-Za-z0-9_-]{20,}"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "API secret key": re.compile(r"\bsk-[A-Za-z0-9]{32,}"),
}
CONFIG_SUFFIXES = (".properties", ".yaml", ".yml", ".json", ".conf", ".env", ".sh", ".cfg", ".ini", ".toml")
ASSIGNMENT = re.compile(
    r"""(?i)(?<![\w${.-])["']?(?P<key>[\w.-]*(?:password|passwd|secret|token|credential)[\w.-]*)["']?\s*[:=]\s*"""
    r"""(?P<value>"[^"]*"|'[^']*'|[^\s,;]*)""")
# A placeholder or a config-provider reference (whole value), nothing, or the mask.
ALLOWED_VALUE = re.compile(r"""^(["']?)(?:\$\{(?:[a-z]+:)?[A-Za-z_][A-Za-z0-9_]*\}|\*+|)\1$""")


def is_config(path):
    name = path.rsplit("/", 1)[-1]
    return name.endswith(CONFIG_SUFFIXES) or name.startswith("Dockerfile") or name == "mvnw"


def problems(path):
    try:
        text = open(path, encoding="utf-8").read()
    except (UnicodeDecodeError, OSError):
        return
    config = is_config(path)
    for number, line in enumerate(text.splitlines(), start=1):
        for name, pattern in TOKENS.items():
            if pattern.search(line):
                yield number, name
        stripped = line.strip()
        if config and not stripped.startswith("#"):
            match = ASSIGNMENT.search(stripped)
            if match and not ALLOWED_VALUE.match(match.group("value").strip()):
                yield number, f"literal value for {match.group('key')} (use a ${{VAR}} from .env)"


if __name__ == "__main__":
    sys.exit(findings.report(problems))
