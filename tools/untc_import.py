"""Convert a UN Treaty Collection participant table into event lines for data/events/.

A maintainer's tool, run by hand; the package and its tests never run it. It
prints the lines for the table's signatures and instruments of consent, named
by state code, with the table's own names in comments, and (with --compare)
lists every difference from an older table of the same treaty.

    python tools/untc_import.py TABLE.csv [--compare OLDER.csv]

Withdrawals, end notes and later events are not in the table's cells alone:
add them by hand, each with its source, as data/events/*.txt describe.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import treatystatus as ts  # noqa: E402
from treatystatus.errors import TreatyStatusError  # noqa: E402

SUFFIX = {"": "ratification", "a": "accession", "A": "acceptance", "AA": "approval", "d": "succession",
          "P": "consent", "n": "provisional-application"}
CELL = re.compile(r"^\[?\s*(\d{1,2} [A-Z][a-z]{2} \d{4})\s*(AA|A|a|d|P|n)?\s*\]?$")
NOTE_MARK = re.compile(r"^(.*?)\s*\d+(?:\s*,\s*\d+)*$")
# The depositary's own names that are ambiguous in general use but not in its tables.
DEPOSITARY = {"Congo": "COG", "Guinea": "GIN"}
# Participants that are not States: the library's records are of States (docs/sources/).
NOT_STATES = {"European Union", "European Community"}


def participant(name: str) -> str:
    m = NOTE_MARK.match(name.strip())
    return (m.group(1) if m and not name.strip().isdigit() else name).strip()


def parse_table(path: Path) -> dict[str, list[tuple[str, str, str]]]:
    """code -> [(kind, iso date, table name)] for every dated cell of the table."""
    rows = list(csv.reader(path.open(encoding="utf-8")))
    header, out = rows[0], {}
    for row in rows[1:]:
        name = participant(row[0])
        if name in NOT_STATES:
            print(f"{path}: {name}: not a State, left out (docs/sources/)", file=sys.stderr)
            continue
        try:
            code = DEPOSITARY.get(name) or ts.resolve_state(name)
        except TreatyStatusError as exc:
            raise SystemExit(f"{path}: cannot resolve {name!r}: {exc}")
        for col, cell in zip(header[1:], row[1:]):
            cell = cell.strip()
            if not cell:
                continue
            m = CELL.match(cell)
            if not m:
                raise SystemExit(f"{path}: {name}: cannot read cell {cell!r}")
            day = datetime.strptime(m.group(1), "%d %b %Y").date().isoformat()
            if "provisional" in col.lower():
                kind = "provisional-application"
            elif col.lower().startswith("signature"):
                # a "d" here is a succession to a predecessor's signature: still a signature
                kind = "signature"
            else:
                kind = SUFFIX[m.group(2) or ""]
            out.setdefault(code, []).append((kind, day, name))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("table", type=Path)
    ap.add_argument("--compare", type=Path)
    args = ap.parse_args(argv)
    new = parse_table(args.table)
    if args.compare:
        old = parse_table(args.compare)
        for code in sorted(set(new) | set(old)):
            a = {(k, d) for k, d, _ in old.get(code, [])}
            b = {(k, d) for k, d, _ in new.get(code, [])}
            if a != b:
                print(f"{code}: older {sorted(a - b)} newer {sorted(b - a)}")
        return 0
    for code in sorted(new):
        for kind, day, _ in sorted(new[code], key=lambda x: x[1]):
            print(f"{code}  {kind:<13} {day}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
