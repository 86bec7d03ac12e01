"""The whole dataset as a Frictionless Data Package: CSV tables with a schema each, for R, Stata,
spreadsheets and anything else that reads CSV (``treatystatus export DIR``).

Tables: ``events`` (every record, with the precision of its date and its source), ``status``
(the status periods of every state under every treaty, read from the rules engine's
histories), ``treaties`` (each treaty, how current its data are, and its rules as JSON),
``states``, ``sources``, ``groups`` (the groups of states and their membership), and
``declarations`` and ``derogations`` (notifications of derogation). ``datapackage.json``
describes them: fields and types, keys, the licence, the data's version and dates.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

from . import queries
from .dates import DateRange, edtf
from .index import current

__all__ = ["export"]

_S, _D, _B, _I = "string", "date", "boolean", "integer"

#: each table: (name, description, [(field, type, description)], primary key, foreign keys)
TABLES: list[tuple] = [
    ("events", "Every record of a state's act under a treaty, as the data files hold it.", [
        ("treaty", _S, "treaty id (treaties.id)"), ("state", _S, "state code (states.code)"),
        ("kind", _S, "signature, ratification, accession, succession, withdrawal, withdrawal-revoked, suspension, "
                     "declaration ... (docs/data-model.md)"),
        ("date", _D, "the day, where the source gives it; empty where it gives only a month, a year or a latest day"),
        ("date_earliest", _D, "the earliest possible day (empty: not known)"),
        ("date_latest", _D, "the latest possible day"),
        ("precision", _S, "day, month, year, by (only a latest day) or range"),
        ("edtf", _S, "the date in the Extended Date/Time Format"),
        ("effective", _D, "for a succession, the day it takes effect; for a withdrawal, the day the depositary gives"),
        ("in_force", _D, "the day the treaty entered into force for the state, where a source gives it"),
        ("ref", _S, "the depositary notification number"), ("at", _S, "where deposited (several depositaries)"),
        ("article", _S, "for a declaration, the article"), ("value", _S, "for a declaration, what it declares"),
        ("disputed", _B, "a withdrawal whose effect is disputed"),
        ("immediate", _B, "took immediate effect under a clause for parties to a conflict"),
        ("ceased", _B, "participation ends by the operation of a clause, not by a notice"),
        ("source", _S, "the source (sources.id)"), ("also", _S, "further sources, space-separated"),
        ("note", _S, "the data's note")], None, [("treaty", "treaties", "id"), ("state", "states", "code"),
                                                  ("source", "sources", "id")]),
    ("status", "Status periods: each state's status under each treaty from one day to the next change, as the "
               "rules compute it from the events.", [
        ("state", _S, "state code (states.code)"), ("treaty", _S, "treaty id (treaties.id)"),
        ("start", _D, "the first day of the period (the first period starts on the day the treaty was adopted)"),
        ("end", _D, "the first day after the period (empty: still so)"),
        ("status", _S, "not-signed, signatory, consented, party, withdrawal-pending, withdrawn, undecided ..."),
        ("possible", _S, "for an undecided status, the statuses it could be, space-separated"),
        ("is_party", _B, "the treaty binds the state (empty: not settled)")],
     ["state", "treaty", "start"], [("treaty", "treaties", "id"), ("state", "states", "code")]),
    ("treaties", "The treaties, with how current their data are and their rules.", [
        ("id", _S, "treaty id"), ("short_title", _S, ""), ("title", _S, ""), ("untc", _S, "UN Treaty Collection no."),
        ("depositary", _S, ""), ("adopted", _D, ""), ("in_force", _D, "entry into force of the treaty itself"),
        ("complete_to", _D, "the day of the last complete record of participants read"),
        ("complete_record", _S, "that record's source (sources.id)"),
        ("searched_to", _D, "the day up to which later acts were searched for"),
        ("rules", _S, "the treaty's rules and quoted clauses, as JSON (docs/data-format.md)")], ["id"], []),
    ("states", "The states (and other participants) questions can be about.", [
        ("code", _S, "ISO 3166-1 alpha-3 (ISO 3166-3 for states that no longer exist; XKX for Kosovo)"),
        ("name", _S, ""), ("kind", _S, "state, participant or other (not counted in lists)"),
        ("since", _D, "the first day it existed as such (empty: before 1816, or not needed)"),
        ("until", _D, "the first day it no longer existed (empty: exists)"),
        ("continued_by", _S, "the state that continues it (the same legal person)"),
        ("un", _S, "member or observer at the United Nations"), ("un_since", _D, ""), ("un_until", _D, "")],
     ["code"], []),
    ("sources", "The sources the facts cite.", [
        ("id", _S, "source id"), ("kind", _S, "status-page, depositary-notification, treaty-text, database ..."),
        ("title", _S, ""), ("publisher", _S, ""), ("url", _S, ""), ("date", _D, "the status-as-at or publication day"),
        ("retrieved", _D, ""), ("note", _S, "")], ["id"], []),
    ("groups", "Groups of states (NATO, the EU, the CTBT's Annex 2 ...), with membership dates.", [
        ("group", _S, "group id"), ("state", _S, "state code (states.code)"),
        ("from", _S, "the first day of membership (a day, YYYY-MM or YYYY where only that is known; empty: "
                     "not given)"),
        ("to", _S, "the last day of membership (empty: still a member)"), ("source", _S, "sources.id"),
        ("note", _S, "")], None, [("state", "states", "code")]),
    ("declarations", "Declarations under an article of a treaty, and what ended them.", [
        ("treaty", _S, ""), ("state", _S, ""), ("article", _S, ""), ("made", _S, "EDTF"), ("ended", _S, "EDTF"),
        ("ended_how", _S, "withdrawn, lapsed or replaced"), ("value", _S, ""), ("source", _S, "sources.id"),
        ("ref", _S, "")], None, [("state", "states", "code"), ("treaty", "treaties", "id")]),
    ("derogations", "Notifications of derogation in an emergency (ICCPR Art. 4(3)), one a row.", [
        ("treaty", _S, ""), ("state", _S, ""), ("kind", _S, "derogation, extension, change, termination, information"),
        ("received", _D, ""), ("noted", _D, ""), ("measure", _S, ""), ("articles", _S, ""), ("territory", _S, ""),
        ("start", _S, "the first day the notice states (EDTF: a range where only bounds are known)"),
        ("end", _S, "the last day the notice states (EDTF)"), ("length", _S, "the period notified (30d, 3m)"),
        ("ref", _S, ""), ("source", _S, "sources.id")], None,
     [("state", "states", "code")]),
]


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, DateRange):
        return edtf(v)
    if isinstance(v, (list, tuple)):
        return " ".join(str(x) for x in v)
    return str(v)


def _rows_events():
    for tid in queries.treaty_ids():
        for e in queries.records(tid):
            d = e.date
            yield (e.treaty, e.state, e.kind.value, d if isinstance(d, date) else None, e.earliest, e.latest,
                   e.precision, edtf(d), e.effective, e.in_force, e.ref, e.at, e.article, e.value, e.disputed,
                   e.immediate, e.ceased, e.source, e.also, e.note)


def _rows_status(codes: list[str]):
    for tid in queries.treaty_ids():
        adopted = queries.treaty(tid).adopted
        for code in codes:
            for s in queries.history(code, tid).segments:  # from the treaty's adoption: before it, no treaty
                if s.end is not None and s.end <= adopted:
                    continue
                yield (code, tid, max(s.start, adopted), s.end, s.status.value, [p.value for p in s.possible],
                       s.is_party)


def _rows_treaties():
    for t in queries.treaties():
        d = t.model_dump(mode="json")
        i = queries.treaty_summary(t.id)
        yield (t.id, t.short_title, t.title, t.untc, t.depositary, t.adopted, i["in_force"], t.complete_to,
               t.complete_record, i["searched_to"], json.dumps(d, ensure_ascii=False, sort_keys=True))


def _rows_declarations():
    for tid in queries.treaty_ids():
        if not queries.treaty(tid).declarations:
            continue
        for r in queries.declarations(tid):
            yield (r.treaty, r.state, r.article, edtf(r.made), edtf(r.ended) if r.ended else None, r.ended_how,
                   r.value, r.source, r.ref)


def _rows_derogations():
    for tid in queries.treaty_ids():
        c = queries.treaty(tid).derogation
        if c is None or c.under:
            continue
        for n in queries.notifications(tid):
            yield (n.treaty, n.state, n.kind, n.received, n.noted, n.measure, n.articles, n.territory, n.start,
                   n.end, n.length, n.ref, n.source)


def export(directory: str | Path) -> Path:
    """Write the dataset to ``directory`` (created if needed) as a Frictionless Data Package;
    returns the path of its ``datapackage.json``."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    idx = current()
    codes = sorted(c for c, s in idx.states.items() if s.kind != "other")
    states = [(c, s.name, s.kind, s.since, s.until, s.continued_by, s.un, s.un_since, s.un_until)
              for c, s in sorted(idx.states.items())]
    sources = [(k, v.get("kind"), v.get("title"), v.get("publisher"), v.get("url"), v.get("date"),
                v.get("retrieved"), v.get("note")) for k, v in sorted(idx.sources.items())]
    rows = {"events": _rows_events(), "status": _rows_status(codes), "treaties": _rows_treaties(), "states": states,
            "sources": sources, "groups": queries.group_rows(), "declarations": _rows_declarations(),
            "derogations": _rows_derogations()}
    resources = []
    for name, desc, fields, pk, fks in TABLES:
        path = out / f"{name}.csv"
        n = 0
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow([f for f, _, _ in fields])
            for row in rows[name]:
                w.writerow([_cell(v) for v in row])
                n += 1
        schema: dict = {"fields": [{"name": f, "type": t, **({"description": d} if d else {})}
                                   for f, t, d in fields], "missingValues": [""]}
        if pk:
            schema["primaryKey"] = pk
        if fks:
            schema["foreignKeys"] = [{"fields": f, "reference": {"resource": r, "fields": k}} for f, r, k in fks]
        resources.append({"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "description": desc,
                          "dialect": {"delimiter": ",", "header": True}, "schema": schema,
                          "stats": {"rows": n}})
    from ._version import __version__

    meta = idx.meta
    package = {
        "profile": "tabular-data-package", "name": "treatystatus",
        "title": "treatystatus: status of multilateral treaties, with a source for every fact",
        "version": str(meta["data_version"]), "created": f"{date.today().isoformat()}T00:00:00Z",
        "description": ("Each state's acts under each treaty (signature, consent, withdrawal, suspension, "
                        "declaration) with the date's precision and its source, and the status periods the "
                        f"library's rules compute from them. Later acts searched for up to {meta['as_of']}; each "
                        "treaty's own 'complete_to' and 'searched_to' are in treaties.csv. Written by treatystatus "
                        f"{__version__}."),
        "licenses": [{"name": "MIT", "title": "MIT License", "path": "https://opensource.org/licenses/MIT"}],
        "sources": [{"title": v.get("title") or k, **({"path": v["url"]} if v.get("url") else {})}
                    for k, v in sorted(idx.sources.items())],
        "resources": resources,
    }
    target = out / "datapackage.json"
    target.write_text(json.dumps(package, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return target
