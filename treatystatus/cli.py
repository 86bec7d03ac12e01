"""The ``treatystatus`` command: a thin layer over the Python API.

Answers go to standard output; errors and coverage warnings to standard error.
Exit status: 0 yes / success, 1 no (``party``) or problems found (``validate``),
2 bad input or usage, 3 the answer is not known (``party`` on a gap in the data).
"""

from __future__ import annotations

import sys

from . import queries as api
from .dates import DateRange, edtf
from .jsontext import dumps
from .errors import TreatyStatusError

EXIT_YES, EXIT_NO, EXIT_ERROR, EXIT_UNKNOWN = 0, 1, 2, 3


class _UsageError(Exception):
    pass


class _Args:
    """Parsed arguments (what argparse's namespace holds), for the commands parsed by hand."""

    def __init__(self, **kw: object):
        self.__dict__.update(kw)


_ON = ("--on", dict(metavar="DATE", help="ISO date (default: today)"))
_JSON = ("--json", dict(action="store_true"))
_FORMAT = ("--format", dict(choices=("table", "csv", "json"), default="table"))
_AMONG = ("--among", dict(metavar="GROUP", help="only the members of a group (nato, eu, ctbt-annex2 ...: "
                                                 "`treatystatus groups` lists them)"))
_LIST = [("treaty", {}), _ON, _AMONG, _FORMAT]
_ST = [("state", {}), ("treaty", {})]

#: every command: its help, and its arguments as (name or flag, argparse keywords)
COMMANDS: dict[str, tuple[str, list]] = {
    "status": ("a state's status under a treaty on a day, with dates, sources and an explanation; with "
               "--batch, one answer per row of a file", [
        ("state", dict(nargs="?")), ("treaty", dict(nargs="?")), _ON,
        ("--known-on", dict(metavar="DATE", help="answer from the records known on DATE (default: as known today)")),
        _JSON, ("--batch", dict(metavar="FILE", help="rows of state,treaty[,date] (- for standard input); one answer "
                                                     "per row, bad rows reported on standard error by line number")),
        ("--format", dict(choices=("csv", "jsonl"), default="csv", help="with --batch: the output (default: csv)"))]),
    "changes": ("every act on record and every change of status in a window of days, across treaties", [
        ("--since", dict(metavar="DATE", required=True, help="the first day (included)")),
        ("--until", dict(metavar="DATE", help="the last day (included; default: today)")),
        ("--treaty", dict(action="append", metavar="TREATY", help="a treaty (repeatable; default: all)")),
        ("--state", dict(action="append", metavar="STATE", help="a state (repeatable; default: all)")),
        ("--format", dict(choices=("table", "csv", "json"), default="table")), _JSON]),
    "party": ("is the state a party on that day? exit 0 yes, 1 no, 3 not known", [*_ST, _ON, _JSON]),
    "parties": ("states for which the treaty is in force on the day", _LIST),
    "consenting": ("states whose consent to be bound stands on the day (the depositary's 'Parties')", _LIST),
    "signatories": ("states whose signature stands on the day", _LIST),
    "non-parties": ("states in the list of current states that are not parties on the day", _LIST),
    "withdraw": ("when a withdrawal would take (or took) effect, and whether an armed conflict holds it back", [
        *_ST, ("--notified", dict(metavar="DATE", help="the day notice is received (default: the one on record, "
                                                        "else today)")),
        ("conflict", [("--in-armed-conflict", dict(action="store_true", help="in an armed conflict with no known end")),
                      ("--not-in-armed-conflict", dict(action="store_true", help="in no armed conflict")),
                      ("--armed-conflict-until", dict(metavar="DATE", help="the day its armed conflict ends"))]),
        ("--named-date", dict(metavar="DATE", help="a later day the notice names, where the treaty allows one")),
        ("--on", dict(metavar="DATE", help="the day the question is asked about (default: today)")), _JSON]),
    "timeline": ("every recorded act of a state under a treaty, with sources", [*_ST, _FORMAT]),
    "history": ("a state's status under a treaty, segment by segment, as the rules compute it", [*_ST, _JSON]),
    "treaties": ("the treaties in the data", [_JSON]),
    "treaty": ("one treaty's rules, with its articles quoted", [("treaty", {}), _JSON]),
    "treaties-of": ("a state's status under every treaty in the data", [("state", {}), _ON, _FORMAT]),
    "panel": ("the long panel (state, treaty, date, status, is_party) as CSV or JSON lines", [
        ("treaty", dict(nargs="*", help="treaties (default: all)")),
        ("--start", dict(metavar="DATE", default="1945-01-01")), ("--end", dict(metavar="DATE", help="default: today")),
        ("--freq", dict(choices=("year", "month", "day"), default="year")),
        ("--state", dict(action="append", metavar="STATE", help="a state (repeatable; default: all)")),
        ("--format", dict(choices=("csv", "json"), default="csv"))]),
    "plot": ("chart of a treaty's parties over time (needs treatystatus[plot])", [
        ("treaty", {}), ("--out", dict(metavar="FILE", help="a .png or .svg file (default: TREATY.png)")),
        ("--start", dict(metavar="DATE")), ("--end", dict(metavar="DATE"))]),
    "plot-state": ("chart of one state's status under each treaty (needs treatystatus[plot])", [
        ("state", {}), ("--treaty", dict(action="append", metavar="TREATY", help="a treaty (repeatable; default: all)")),
        ("--out", dict(metavar="FILE", help="a .png or .svg file (default: STATE.png)")),
        ("--start", dict(metavar="DATE")), ("--end", dict(metavar="DATE"))]),
    "declarations": ("declarations under an article of a treaty (a committee's competence, a minimum age), "
                     "with dates and sources", [
        ("treaty", {}), ("--article", dict(metavar="ARTICLE", help="one article (e.g. 22, 3(2))")),
        ("--state", dict(metavar="STATE", help="one state")),
        ("--on", dict(metavar="DATE", help="only those standing on DATE")), _FORMAT]),
    "derogations": ("derogations a state notified in an emergency (ICCPR Art. 4(3)) standing on a day, with "
                    "articles, territory and sources; without STATE, the states derogating that day", [
        ("state", dict(nargs="?", help="a state (default: list the states derogating on the day)")),
        ("--treaty", dict(metavar="TREATY", default="iccpr", help="default: iccpr")), _ON,
        ("--history", dict(action="store_true", help="every derogation on record, whatever the day")), _FORMAT]),
    "derogable": ("whether a treaty allows derogation from an article (ICCPR Art. 4(2))", [
        ("article", dict(help="an article: 12, 8(1), 'Art. 7'")),
        ("--treaty", dict(metavar="TREATY", default="iccpr", help="default: iccpr")), _JSON]),
    "export": ("write the whole dataset as a Frictionless Data Package (CSV tables with their schemas)", [
        ("directory", dict(help="the folder to write (created if needed)"))]),
    "map": ("world map of every state's status under a treaty on a day (needs treatystatus[plot])", [
        ("treaty", {}), _ON, ("--out", dict(metavar="FILE", help="a .png or .svg file (default: TREATY-map.png)"))]),
    "groups": ("the groups of states in the data (NATO, the EU, the CTBT's Annex 2 ...), with their sources",
               [_JSON]),
    "group": ("the members of a group of states on a day", [("group", {}), _ON, _FORMAT]),
    "info": ("data version, as-of dates, counts of records and sources", []),
    "validate": ("check a data directory; print every problem as FILE:LINE: message; exit 1 if any", [("path", {})]),
}


def _parser(argv=()):
    """The parser; only the command named in ``argv`` gets its arguments (the others are not needed)."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> None:  # one line, exit 2, no usage dump
            raise _UsageError(f"{message} (see `{self.prog} --help`)")

    p = _Parser(prog="treatystatus", description="Who is bound by which treaty, since when, on what source.")
    p.add_argument("--version", action="store_true", help="print the library and data versions")
    sub = p.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    chosen = next((a for a in argv if not a.startswith("-")), None)
    for name, (help_, args) in COMMANDS.items():
        s = sub.add_parser(name, help=help_, description=help_)
        if name != chosen:
            continue
        for flag, kw in args:
            if flag == "conflict":  # mutually exclusive options
                g = s.add_mutually_exclusive_group()
                for f, k in kw:
                    g.add_argument(f, **k)
            else:
                s.add_argument(flag, **kw)
    return p


_BATCH_COLUMNS = ["line", "state", "name", "treaty", "on", "status", "possible", "is_party", "signature", "consent",
                  "entry_into_force", "withdrawal_notified", "withdrawal_effective", "sources", "references", "error"]


def _batch(args) -> int:
    """``status --batch FILE``: one answer per row, in one process; bad rows go to stderr with their line."""
    import csv

    if args.state or args.treaty:
        raise _UsageError("--batch reads its states and treaties from the file: give no STATE or TREATY")
    try:
        fh = sys.stdin if args.batch == "-" else open(args.batch, encoding="utf-8", newline="")
    except OSError as exc:
        raise _UsageError(f"cannot read {args.batch}: {exc.strerror}") from None
    out = csv.writer(sys.stdout, lineterminator="\n") if args.format == "csv" else None
    if out is not None:
        out.writerow(_BATCH_COLUMNS)
    bad = 0
    with fh:
        for lineno, row in enumerate(csv.reader(fh), 1):
            cells = [x.strip() for x in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if lineno == 1 and [x.lower() for x in cells[:2]] == ["state", "treaty"]:
                continue  # a header
            (r,) = api.status_many([cells[:3] if len(cells) >= 3 and cells[2] else cells[:2]], args.on,
                                   known_on=args.known_on) if len(cells) in (2, 3) else [
                TreatyStatusError(f"expected state,treaty[,date], got {len(cells)} field(s)")]
            if isinstance(r, TreatyStatusError):
                bad += 1
                print(f"treatystatus: line {lineno}: {r}", file=sys.stderr)
                if out is not None:
                    given = (cells + ["", "", ""])[:3]
                    out.writerow([lineno, given[0], "", given[1], given[2]] + [""] * 10 + [str(r)])
                else:
                    print(dumps({"line": lineno, "row": cells, "error": str(r)}, None))
                continue
            if out is not None:
                out.writerow([lineno, r.state, r.state_name, r.treaty, r.on, r.status.value,
                              " ".join(p.value for p in r.possible),
                              "" if r.is_party is None else r.is_party,
                              *("" if v is None else edtf(v) for v in (r.signature, r.consent, r.entry_into_force,
                                                                     r.withdrawal_notified, r.withdrawal_effective)),
                              " ".join(s.id for s in r.sources), " ".join(r.references), ""])
            else:
                d = r.to_dict()
                d["line"] = lineno
                print(dumps(d, None))
    if bad:
        print(f"treatystatus: {bad} row(s) not answered", file=sys.stderr)
    return EXIT_NO if bad else EXIT_YES


def _changes(args) -> int:
    ch = api.changes(args.since, args.until, treaties=args.treaty, states=args.state)
    fmt = "json" if args.json else args.format
    if fmt == "json":
        print(dumps(ch.to_dict()))
    elif fmt == "csv":
        import csv

        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["day", "day_earliest", "day_latest", "state", "name", "treaty", "what", "kind", "before",
                    "possible", "is_party", "source", "ref", "uncertain"])
        for x in ch:
            lo = x.day.earliest if isinstance(x.day, DateRange) else x.day
            hi = x.day.latest if isinstance(x.day, DateRange) else x.day
            w.writerow([edtf(x.day), lo or "", hi, x.state, x.state_name, x.treaty, x.what, x.kind, x.before or "",
                        " ".join(x.possible), "" if x.is_party is None else x.is_party, x.source or "", x.ref or "",
                        x.uncertain])
    else:
        for x in ch:
            print(x.summary())
        if not ch:
            print(f"no acts or changes of status recorded from {ch.since} to {ch.until}", file=sys.stderr)
    if ch.data_as_of is not None and ch.until > ch.data_as_of:
        print(f"treatystatus: note: the data were checked up to {ch.data_as_of}; later events are not included",
              file=sys.stderr)
    if ch.incomplete:
        print(f"treatystatus: note: for {len(ch.incomplete)} treaty(ies) the window runs past the last complete "
              "depositary record read; acts a search missed would not be listed", file=sys.stderr)
    return EXIT_YES


def _warn_after(result) -> None:
    if getattr(result, "after_data_as_of", False):
        print(f"treatystatus: note: the data were checked up to {result.data_as_of}; later events are not included",
              file=sys.stderr)


def _codes_out(codes, fmt: str, header: str, key: str, treaty: str, on) -> None:
    names = [(c, api.state_name(c)) for c in codes]
    undecided = list(getattr(codes, "undecided", ()))
    incomplete = getattr(codes, "incomplete", None)
    if fmt == "json":
        print(dumps({"treaty": treaty, "on": on.isoformat(), "count": len(codes), key: [
            {"state": c, "name": n} for c, n in names], "undecided": [
            {"state": c, "name": api.state_name(c)} for c in undecided], "incomplete": incomplete,
            **({"among": codes.among} if getattr(codes, "among", None) else {})}))
    elif fmt == "csv":
        print("state,name")
        for c, n in names:
            print(f'{c},"{n}"' if "," in n else f"{c},{n}")
    else:
        print(header)
        for c, n in names:
            print(f"  {c}  {n}")
    if undecided:
        print(f"treatystatus: note: {len(undecided)} state(s) left out, their status that day undecided, disputed "
              f"or unknown: {' '.join(undecided)}", file=sys.stderr)
    if incomplete:
        print(f"treatystatus: note: this list may be incomplete: {incomplete}", file=sys.stderr)


def _fast_args(argv: list[str]) -> _Args | None:
    """``party STATE TREATY [--on DATE]`` and ``status STATE TREATY [--on DATE] [--known-on DATE] [--json]``,
    read without argparse (the commands people run in loops start faster); anything else, or
    anything unusual, returns None and goes to argparse."""
    if len(argv) < 3 or argv[0] not in ("party", "status"):
        return None
    command, state, treaty, *rest = argv
    if state.startswith("-") or treaty.startswith("-"):
        return None
    args = {"command": command, "state": state, "treaty": treaty, "on": None, "known_on": None, "json": False,
            "version": False}
    i = 0
    while i < len(rest):
        a = rest[i]
        key = {"--on": "on", "--known-on": "known_on"}.get(a.split("=", 1)[0])
        if key is not None and (command == "status" or key == "on"):
            if "=" in a:
                args[key] = a.split("=", 1)[1]
                i += 1
            elif i + 1 < len(rest) and not rest[i + 1].startswith("-"):
                args[key] = rest[i + 1]
                i += 2
            else:
                return None
        elif a == "--json":
            args["json"] = True
            i += 1
        else:
            return None
    return _Args(**args)


def _run(args) -> int:
    c = args.command
    if c == "party":
        code, name, tid, d, status, is_party = api.standing(args.state, args.treaty, args.on)
        as_of = api.data_as_of(tid)
        if d > as_of:
            print(f"treatystatus: note: the data were checked up to {as_of}; later events are not included",
                  file=sys.stderr)
        code_ = EXIT_UNKNOWN if is_party is None else EXIT_YES if is_party else EXIT_NO
        if args.json:
            print(dumps({"state": code, "name": name, "treaty": tid, "on": d.isoformat(), "status": status,
                         "is_party": is_party}))
            return code_
        if is_party is None:
            r = api.status(code, tid, d)
            shown = status + (f" ({' or '.join(s.value for s in r.possible)})" if r.possible else "")
            print(f"unknown: whether {name} ({code}) is a party to {tid} on {d} is not settled ({shown}); "
                  f"`treatystatus status {code} {tid} --on {d}` says why")
            return code_
        eif = api.treaty_summary(tid)["in_force"]
        dormant = eif is None or str(eif) > d.isoformat()
        why = f"; the treaty is not in force" + ("" if eif is None else f" until {eif}") if dormant else ""
        word = "is a party" if is_party else f"is not a party ({status}{why})"
        print(f"{'yes' if is_party else 'no'}: {name} ({code}) {word} to {tid} on {d}")
        return code_

    if c == "status" and getattr(args, "batch", None):
        return _batch(args)
    if c == "changes":
        return _changes(args)
    if c == "groups":
        gs = api.groups()
        if args.json:
            print(dumps(gs))
        else:
            for g in gs:
                print(f"{g['id']:<20}{g['members']:>4}  {g['name']} (as of {g['as_of']}; {g['source']})")
        return EXIT_YES
    if c == "group":
        on = api.to_date(args.on)
        codes = api.group(args.group, on)
        _codes_out(codes, args.format, f"{len(codes)} members of {args.group} on {on}:", "members", "", on)
        return EXIT_YES
    if c == "export":
        from .export import export

        try:
            path = export(args.directory)
        except OSError as exc:
            raise _UsageError(f"cannot write to {args.directory}: {exc.strerror}") from None
        print(f"wrote {path}")
        return EXIT_YES
    if c == "status":
        if not args.state or not args.treaty:
            raise _UsageError("status needs a STATE and a TREATY, or --batch FILE")
        r = api.status(args.state, args.treaty, args.on, known_on=args.known_on)
        print(r.to_json() if args.json else _status_text(r))
        _warn_after(r)
        return EXIT_YES
    if c in ("parties", "consenting", "signatories", "non-parties"):
        fn = {"parties": api.parties, "consenting": api.consenting, "signatories": api.signatories,
              "non-parties": api.non_parties}[c]
        on = api.to_date(args.on)
        tid = api.resolve_treaty(args.treaty)
        codes = fn(tid, on, among=args.among)
        among = f" among {args.among}" if args.among else ""
        _codes_out(codes, args.format, f"{len(codes)} {c} of {tid}{among} on {on}:", c.replace("-", "_"), tid, on)
        if c == "parties":
            eif = api.treaty_summary(tid)["in_force"]
            if eif is None or str(eif) > on.isoformat():
                n = len(api.consenting(tid, on))
                print(f"treatystatus: note: {tid} is not in force on {on}" + ("" if eif is None else f" (in force from {eif})")
                      + f", so no State is a party; {n} have consented to be bound (`treatystatus consenting {tid}`)",
                      file=sys.stderr)
        return EXIT_YES
    if c == "withdraw":
        r = api.withdrawal(args.state, args.treaty, notified_on=args.notified,
                           armed_conflict_until=args.armed_conflict_until,
                           in_armed_conflict=True if args.in_armed_conflict else
                           (False if args.not_in_armed_conflict else None), named_date=args.named_date, on=args.on)
        if args.json:
            print(r.to_json())
        else:
            print(r.explanation)
            print()
            print(r.clause)
        return EXIT_YES
    if c == "declarations":
        ds = api.declarations(args.treaty, args.article, state=args.state, on=args.on)
        if args.format == "json":
            print(dumps(ds.to_dicts()))
        elif args.format == "csv":
            import csv

            w = csv.writer(sys.stdout, lineterminator="\n")
            w.writerow(["state", "treaty", "article", "made", "ended", "ended_how", "value", "on", "stands", "is_party",
                        "source", "ref"])
            for r in ds:
                w.writerow([r.state, r.treaty, r.article, edtf(r.made), edtf(r.ended) if r.ended else "",
                            r.ended_how or "", r.value or "", r.on or "", "" if r.stands is None else r.stands,
                            "" if r.is_party is None else r.is_party, r.source, r.ref or ""])
        else:
            for r in ds:
                flag = "" if r.on is None else ("" if r.stands and r.is_party else
                                                 "  (not bound that day)" if r.is_party is False else "  (not settled)")
                print(f"{r.state:<4} {r.state_name[:34]:<35} {r.summary()}{flag}")
            if not ds:
                print("no declarations on record" + (f" standing on {args.on}" if args.on else ""), file=sys.stderr)
        if ds.incomplete:
            print(f"treatystatus: note: the record is incomplete: {ds.incomplete}", file=sys.stderr)
        return EXIT_YES
    if c == "derogations":
        return _derogations(args)
    if c == "derogable":
        r = api.derogable(args.treaty, args.article)
        print(r.to_json() if args.json else r.explanation)
        return EXIT_YES
    if c == "timeline":
        t = api.timeline(args.state, args.treaty)
        if args.format == "json":
            print(t.to_json())
        elif args.format == "csv":
            import csv

            w = csv.writer(sys.stdout, lineterminator="\n")
            w.writerow(["state", "treaty", "date", "earliest", "latest", "precision", "kind", "effective", "in_force",
                        "ref", "source", "note"])
            for e in t.events:
                w.writerow([e.state, e.treaty, edtf(e.date), e.earliest or "", e.latest, e.precision, e.kind.value,
                            e.effective or "", e.in_force or "", e.ref or "", e.source, e.note or ""])
        else:
            print(t)
        return EXIT_YES
    if c == "history":
        h = api.history(args.state, args.treaty)
        if args.json:
            print(dumps(_history_json(h)))
        else:
            print(_history_text(h))
        return EXIT_YES
    if c == "treaties":
        ts = api.treaty_summary()
        if args.json:
            print(dumps(ts))
        else:
            for t in ts:
                print(f"{t['id']:<28}{t['short_title']}" + (f" (UNTC {t['untc']})" if t["untc"] else ""))
        return EXIT_YES
    if c == "treaty":
        t = api.treaty(args.treaty)
        print(t.model_dump_json(indent=2) if args.json else _treaty_text(t))
        return EXIT_YES
    if c == "treaties-of":
        rs = api.treaties_of(args.state, args.on)
        if args.format == "json":
            print(dumps(rs.to_dicts()))
        elif args.format == "csv":
            print("state,treaty,on,status,is_party,entry_into_force,withdrawal_effective")
            for r in rs:
                ip = "" if r.is_party is None else r.is_party
                print(f"{r.state},{r.treaty},{r.on},{r.status.value},{ip},{edtf(r.entry_into_force)},"
                      f"{edtf(r.withdrawal_effective)}")
        else:
            if rs:
                print(f"{rs[0].state_name} ({rs[0].state}) on {rs[0].on}:")
            for r in rs:
                print(f"  {r.treaty:<28}{r.summary()}")
        if rs:
            _warn_after(rs[0])
        return EXIT_YES
    if c == "panel":
        from .panels import panel_rows

        rows = panel_rows(args.treaty or None, args.start, args.end, args.freq, args.state)
        if args.format == "csv":
            print("state,treaty,date,status,is_party")
            for r in rows:
                print(f"{r.state},{r.treaty},{r.date},{r.status.value},{'' if r.is_party is None else r.is_party}")
        else:
            for r in rows:
                print(dumps({"state": r.state, "treaty": r.treaty, "date": r.date.isoformat(),
                             "status": r.status.value, "is_party": r.is_party}, None))
        return EXIT_YES
    if c in ("plot", "plot-state", "map"):
        from . import plotting

        if c == "map":
            tid = api.resolve_treaty(args.treaty)
            fig = plotting.plot_map(tid, args.on)
            out = args.out or f"{tid}-map.png"
        elif c == "plot":
            tid = api.resolve_treaty(args.treaty)
            fig = plotting.plot_treaty(tid, args.start, args.end)
            out = args.out or f"{tid}.png"
        else:
            code = api.resolve_state(args.state)
            fig = plotting.plot_state(code, args.treaty, args.start, args.end)
            out = args.out or f"{code}.png"
        if not out.lower().endswith((".png", ".svg")):
            raise _UsageError(f"--out {out!r}: give a .png or .svg file")
        try:
            fig.savefig(out)
        except OSError as exc:
            raise _UsageError(f"cannot write {out}: {exc.strerror or exc}") from None
        print(out)
        return EXIT_YES
    if c == "info":
        from . import __version__
        from .index import current

        idx = current()
        print(f"treatystatus {__version__}")
        print(f"data version {idx.meta['data_version']}, later acts searched for up to {idx.as_of}")
        print(f"{len(idx.sources)} sources, {len(idx.states)} states")
        if idx.meta.get("user"):
            for u in idx.meta["user"]:
                print(f"user data: {u['path']}" + (f", checked up to {u['as_of']}" if "as_of" in u else ""))
        print("complete to: the day of the last complete record of participants read; searched to: the day up "
              "to which later acts were searched for")
        print(f"{'treaty':<26}{'complete to':<13}{'searched to':<13}{'records':>8}{'sources':>9}  record read")
        for t in api.treaty_summary():
            print(f"{t['id']:<26}{t['complete_to']:<13}{t['searched_to']:<13}{t['records']:>8}{t['sources']:>9}  "
                  f"{t['complete_record']}")
        return EXIT_YES
    if c == "validate":
        from pathlib import Path

        from .index import validate

        if not Path(args.path).is_dir():
            raise _UsageError(f"{args.path!r} is not a directory; give the data directory to check "
                              "(for example `treatystatus validate data`)")
        problems = validate(args.path)
        for f, line, msg in problems:
            print(f"{f}:{line}: {msg}")
        print(f"{len(problems)} problem(s)" if problems else "no problems", file=sys.stderr)
        return EXIT_NO if problems else EXIT_YES
    raise _UsageError("no command given (see `treatystatus --help`)")


def _derogations(args) -> int:
    if args.state is None:
        if args.history:
            raise _UsageError("--history needs a STATE")
        on = api.to_date(args.on)
        codes = api.derogating(args.treaty, on)
        _codes_out(codes, args.format, f"{len(codes)} state(s) with a derogation under {codes.treaty} standing on "
                   f"{on}:", "derogating", codes.treaty, on)
        if codes.no_end_notified:
            print(f"treatystatus: note: {len(codes.no_end_notified)} of them only because no end of their derogation "
                  f"is on record (no period, no termination notified): {' '.join(codes.no_end_notified)}",
                  file=sys.stderr)
        if codes.data_as_of is not None and on > codes.data_as_of:
            print(f"treatystatus: note: the depositary's record read is of {codes.data_as_of}; later notifications "
                  "are not in the data", file=sys.stderr)
        return EXIT_YES
    ds = api.derogations(args.state, args.treaty, args.on, history=args.history)
    if args.format == "json":
        print(ds.to_json())
    elif args.format == "csv":
        import csv

        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["state", "treaty", "on", "stands", "measure", "territory", "articles", "since", "since_how",
                    "until", "until_how", "references"])
        for r in ds:
            w.writerow([r.state, r.treaty, r.on or "", "" if r.stands is None else r.stands, r.measure or "",
                        r.territory or "", " ".join(r.articles or ()), edtf(r.since) if r.since else "", r.since_how,
                        edtf(r.until) if r.until else "", r.until_how or "", " ".join(r.references)])
    else:
        print(ds.explanation)
    return EXIT_YES


_CLAUSE_LABEL = {"EntryIntoForce": "entry into force", "ProvisionalApplication": "provisional application",
                 "Signature": "signature", "Reservations": "reservations", "Withdrawal": "withdrawal",
                 "Expiry": "expiry", "DerogationClause": "derogation"}


def _status_text(r) -> str:
    head = r.status.value + (f" ({' or '.join(s.value for s in r.possible)})" if r.possible else "")
    lines = [f"{r.state_name} ({r.state}) — {r.treaty} — {r.on}: {head}"]
    for label, value in (("signature", r.signature), ("consent", r.consent and f"{edtf(r.consent)} "
                                                                               f"({r.consent_type.value})"),
                         ("consent revoked", r.consent_revoked), ("non-intention", r.non_intention),
                         ("entry into force", r.entry_into_force), ("withdrawal notified", r.withdrawal_notified),
                         ("ceases, no notice", r.cessation),
                         ("withdrawal revoked", r.withdrawal_revoked),
                         ("withdrawal effective", r.withdrawal_effective), ("suspension notified", r.suspension)):
        if value:
            shown = value if isinstance(value, str) else edtf(value)
            if label == "withdrawal effective" and r.possible:
                shown += " (not settled: see below)"
            lines.append(f"  {label:<22}{shown}")
    lines.append("")
    lines.append(r.explanation)
    if r.sources:
        lines.append("")
        lines.append("Sources:")
        for s in r.sources:
            when = f", {s.date}" if s.date else ""
            lines.append(f"  [{s.id}] {s.publisher}: {s.title}{when}" + (f" <{s.url}>" if s.url else ""))
        for ref in r.references:
            lines.append(f"  depositary notification {ref}")
    return "\n".join(lines)


def _history_json(h) -> dict:
    from .results import plain

    return {"state": h.state, "treaty": h.treaty, "segments": [
        {"start": plain(s.start) if s.start.year > 1 else None, "end": plain(s.end), "status": s.status.value,
         "possible": [p.value for p in s.possible], "is_party": s.is_party,
         "uncertain": [{"what": w, "record": e.origin if e is not None else None, "earliest": plain(lo),
                        "latest": plain(hi)} for w, e, lo, hi in s.uncertain]} for s in h.segments]}


def _history_text(h) -> str:
    lines = [f"{api.state_name(h.state)} ({h.state}) — {h.treaty}"]
    for s in h.segments:
        start = "(start)   " if s.start.year == 1 else s.start.isoformat()
        end = s.end.isoformat() if s.end else "-"
        extra = f" ({' or '.join(p.value for p in s.possible)})" if s.possible else ""
        lines.append(f"  {start}  {end:<10}  {s.status.value}{extra}")
    return "\n".join(lines)


def _treaty_text(t) -> str:
    e = t.entry_into_force
    lines = [f"{t.short_title} ({t.id})", t.title, f"Adopted {t.adopted} at {t.adopted_at}; depositary: {t.depositary}"]
    if t.untc:
        lines.append(f"UN Treaty Collection {t.untc}")
    lines.append(f"In force since {e.date}" if e.date else "Not in force")
    lines.append(f"Aliases: {', '.join(t.aliases)}")
    for q in t.quoted_articles():
        lang = "" if q.language == "en" else f", authentic {q.language} text"
        what = getattr(q, "subject", None) or getattr(q, "term", None) or _CLAUSE_LABEL.get(type(q).__name__, type(q).__name__.lower())
        lines += ["", f"Article {q.article} ({what}{lang}):"]
        lines.append(f"\u201c{q.text.strip()}\u201d  [{q.source}]" if q.text else f"(text not quoted)  [{q.source}]")
        if q.note:
            lines.append(f"Note: {q.note}")
    return "\n".join(lines)


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _fast_args(argv) or _parser(argv).parse_args(argv)
        if args.version:
            from . import __version__, data_version

            print(f"treatystatus {__version__} (data {data_version})")
            return EXIT_YES
        return _run(args)
    except (_UsageError, TreatyStatusError) as exc:
        print(f"treatystatus: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_YES
