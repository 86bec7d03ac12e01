"""Shared by the tools that write files generated from the data (treaty pages, snapshots)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable, Iterable


def write_or_check(doc: str, files: Callable[[], Iterable[tuple[Path, str]]], argv: list[str] | None,
                   hint: str) -> int:
    """Write each (path, text), or with --check report the paths whose text differs; 1 if any does."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    bad = []
    for path, text in files():
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                bad.append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for p in bad:
        print(f"{p}: out of date ({hint})")
    return 1 if bad else 0
