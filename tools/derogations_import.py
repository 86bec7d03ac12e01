"""Write data/derogations/iccpr.txt from a table of the ICCPR's Art. 4(3) notifications.

The table (CSV: state, iso3, received, note_date, what, measure, articles, territory, start,
end, end_basis, ref, quote) is read off the depositary's status page, section "Notifications
under Article 4 (3) of the Covenant (Derogations)"; this script turns it into data lines and
writes a period (``for=``) instead of an end wherever the end was only computed from one, so
that the library computes it. Run: python tools/derogations_import.py TABLE.csv PAGE.txt
"""

from __future__ import annotations

import csv
import re
import sys

WORDS = {"fifteen": 15, "thirty": 30, "sixty": 60, "ninety": 90, "forty-five": 45, "twelve": 12, "six": 6,
         "three": 3, "four": 4, "two": 2, "one": 1, "five": 5, "ten": 10, "twenty": 20}
KIND = {"derogation": "derogation", "extension": "extension", "change-of-scope": "change",
        "termination": "termination", "information": "information"}
PERIOD = re.compile(r"(?:for a (?:further )?period of|for a duration of|for|period of) (?:up to )?"
                    r"(\d+|[a-z-]+) (?:\(\d+\) )?(?:calendar |natural |more )?(days?|months?)\b", re.I)


def period(text: str) -> str | None:
    m = PERIOD.search(text)
    if not m:
        return None
    n = m.group(1).lower()
    n = int(n) if n.isdigit() else WORDS.get(n)
    if not n:
        return None
    return f"{n}{'d' if m.group(2).lower().startswith('day') else 'm'}"


def article_list(text: str) -> list[str]:
    """"9 (1) and (2), 12.1, 19(1-2)" -> 9(1), 9(2), 12(1), 19(1), 19(2)."""
    out = []
    for a in text.split(","):
        a = a.replace(" ", "")
        a = re.sub(r"^(\d+)\.(\d+)$", r"\1(\2)", a)
        m = re.fullmatch(r"(\d+)\((\d+)(?:\)and\(|and|-)(\d+)\)", a)
        if m:
            base, x, y = m.groups()
            out += [f"{base}({n})" for n in range(int(x), int(y) + 1)] if "-" in a else [f"{base}({x})", f"{base}({y})"]
            continue
        out.append(a)
    return out


def q(s: str) -> str:
    return '"' + s.replace('"', "'") + '"'


#: what the table leaves out and the page gives elsewhere: (iso3, received, measure) -> fields to
#: add or replace, each with a note saying where on the page it comes from
FIXES = {
    ("UKR", "2022-03-01", "martial law"): {
        "from": "2022-02-24", "territory": q("the territory of Ukraine"),
        "note": q("from=, territory=: the entry received on 25 March 2024 (C.N.111.2024) speaks of 'the martial law "
                  "imposed on the territory of Ukraine from 05:30 on 24 February 2022'")},
    ("DZA", "2011-02-25", "state of emergency"): {
        "to": "2011-02-23..2011-02-25", "territory": "whole",
        "note": q("to=: the ordinance lifting the state of emergency is dated 23 February 2011; the day it took "
                  "effect is not given; the notification was received on 25 February 2011")},
}
#: notifications the page reports inside another entry: (iso3, received, measure) of the entry
#: they precede -> the line
BEFORE = {
    ("DZA", "2011-02-25", "state of emergency"): (
        'DZA  extension    ?           measure="state of emergency"  territory=whole  note="known only from the '
        'notice received on 25 February 2011, which says that Legislative Decree No. 93-02 of 6 February 1993 '
        'extended the duration of the state of emergency of 9 February 1992; no period is given"  '
        'quote="repealed Legislative Decree No. 93-02 of 6 February 1993 extending the duration of the state of '
        'emergency established by Presidential Decree No. 92-44 of 9 February 1992"'),
}


def main(table: str, page: str) -> None:
    text = open(page, encoding="utf-8").read().splitlines()
    rows = list(csv.DictReader(open(table, encoding="utf-8")))
    out = []
    state = None
    for r in rows:
        if r["iso3"] != state:
            state = r["iso3"]
            out.append(f"\n# {r['state']}")
        key = (r["iso3"], r["received"], r["measure"])
        if key in BEFORE:
            out.append(BEFORE[key])
        f = [f"{r['iso3']:<4} {KIND[r['what']]:<12} {r['received'] or '?':<10}"]
        if r["note_date"]:
            f.append(f"noted={r['note_date']}")
        if r["measure"]:
            f.append(f"measure={q(r['measure'])}")
        if r["articles"]:
            arts = ",".join(article_list(r["articles"]))
            f.append(f"articles={arts}")
        if r["territory"]:
            f.append("territory=whole" if r["territory"] == "whole territory" else f"territory={q(r['territory'])}")
        basis = r["end_basis"]
        m = re.match(r"computed: (\d+) (days|months) from (\d{4}-\d\d-\d\d)", basis)
        if m:
            f.append(f"from={m.group(3)}")
            f.append(f"for={m.group(1)}{m.group(2)[0]}")
        else:
            if r["start"]:
                f.append(f"from={r['start']}")
            if r["end"]:
                f.append(f"to={r['end']}")
            elif r["what"] in ("derogation", "extension", "change-of-scope"):
                line = next((t for t in text if r["quote"] and r["quote"] in t), "")
                p = period(line)
                if p:
                    f.append(f"for={p}")
        if r["ref"]:
            f.append(f"ref={r['ref']}")
        if not r["received"] and not r["note_date"]:
            f.append('note="printed by the depositary within the entry above it; no date of receipt is given"')
        f.append(f"quote={q(r['quote'])}")
        for k, v in FIXES.get(key, {}).items():
            f = [x for x in f if not x.startswith(k + "=")]
            f.insert(-1, f"{k}={v}")
        out.append("  ".join(f))
    head = open(__file__.replace("derogations_import.py", "derogations_head.txt"), encoding="utf-8").read()
    sys.stdout.write(head + "\n".join(out).lstrip("\n") + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
