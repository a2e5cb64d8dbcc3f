#!/usr/bin/env python3
"""Prints the release notes of one version: its section of CHANGELOG.md (Keep a Changelog form).

Usage: release-notes.py CHANGELOG VERSION    (VERSION as in the tag, with or without its leading "v")

The section is everything under the heading "## [VERSION]" (or "## VERSION"), with or without " - date" after it, up to
the next "## " heading or the link references at the end. Exits 1 with a message on stderr when the changelog has
no such section or the section is empty: a release is never published without notes.
"""
import re
import sys


def section(changelog: str, version: str) -> str:
    version = version[1:] if version.startswith("v") else version
    heading = re.compile(r"^## \[?" + re.escape(version) + r"\]?(\s+-\s+.*)?$")
    lines = changelog.replace("\r\n", "\n").split("\n")
    start = next((i for i, line in enumerate(lines) if heading.match(line.rstrip())), None)
    if start is None:
        raise LookupError(f"CHANGELOG has no section '## [{version}]': add it before tagging v{version}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ") or re.match(r"^\[[^\]]+\]:\s", lines[i])), len(lines))
    body = "\n".join(lines[start + 1:end]).strip("\n")
    if not body.strip():
        raise LookupError(f"CHANGELOG's section '## [{version}]' is empty: say what changed before tagging v{version}")
    return body + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: release-notes.py CHANGELOG VERSION", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        text = f.read()
    try:
        sys.stdout.write(section(text, argv[2]))
    except LookupError as error:
        print(f"{argv[1]}: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
