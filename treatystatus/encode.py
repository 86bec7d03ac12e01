"""Encoding the built index into the plain values the cache holds (see ``index``).

Run only when the index is built. Every value is a builtin (ints for dates and codes,
tuples, strings, dicts), so the cached files can be read with ``marshal`` and decoded by
``index`` without the schema.
"""

from __future__ import annotations

import marshal
from datetime import date

from .dates import DateRange
from .kinds import FACT_EVENTS as _FACT_EVENTS
from .kinds import KIND_VALUES, STATUS_VALUES

__all__ = ["encode"]

_S = {v: i for i, v in enumerate(STATUS_VALUES)}
_K = {v: i for i, v in enumerate(KIND_VALUES)}
#: the lists kept as change points per treaty
LISTS = ("party", "consenting", "signatory")


def _d(x: date | None) -> int | None:
    return None if x is None else x.toordinal()


def _day(x: object) -> object:
    if x is None:
        return None
    if isinstance(x, DateRange):
        return (_d(x.earliest), _d(x.latest), x.precision)
    return x.toordinal()  # type: ignore[attr-defined]


def _enc_event(e) -> tuple:
    return (e.state, _K[e.kind.value], _day(e.date), e.source, tuple(e.also), _d(e.effective), _d(e.in_force),
            e.ref, e.at, e.disputed, e.immediate, e.note, e.origin, e.article, e.value, e.ceased)


def _history_payload(h) -> tuple:
    """One state's history, self-contained: its events, the facts of its segments, the segments."""
    events: list = []
    event_no: dict[int, int] = {}
    facts: list = []
    facts_no: dict = {}

    def ev(e) -> int | None:
        if e is None:
            return None
        n = event_no.get(id(e))
        if n is None:
            n = event_no[id(e)] = len(events)
            events.append(_enc_event(e))
        return n

    for e in h.events:
        ev(e)

    def fact(f) -> int:
        n = facts_no.get(f)
        if n is not None:
            return n
        p = f.parent
        row = tuple(ev(getattr(f, k)) for k in _FACT_EVENTS) + (
            tuple(ev(e) for e in f.other_deposits), _day(f.entry_into_force), f.entry_basis, f.entry_article,
            f.in_force, _day(f.withdrawal_effective), f.withdrawal_basis, tuple(ev(e) for e in f.communications),
            tuple(ev(e) for e in f.announcements), _d(f.ceased), _d(f.terminated),
            None if p is None else (p.treaty, _S[p.status.value], tuple(_S[s.value] for s in p.possible),
                                    _day(p.entry_into_force)))
        n = facts_no[f] = len(facts)
        facts.append(row)
        return n

    segs = tuple((s.start.toordinal(), _S[s.status.value], tuple(_S[x.value] for x in s.possible), fact(s.facts),
                  tuple((w, ev(e), _d(lo), _d(hi)) for w, e, lo, hi in s.uncertain),
                  tuple(sorted((_S[st.value], sig) for st, sig in s.outcomes))) for s in h.segments)
    return (tuple(events), tuple(facts), segs)


def _compact(h) -> tuple:
    """What a yes/no answer needs: each segment's first day, status code and is_party."""
    return (tuple(s.start.toordinal() for s in h.segments), tuple(_S[s.status.value] for s in h.segments),
            tuple(s.is_party for s in h.segments))


def _lists(ct) -> dict[str, tuple]:
    """For each list, the days its members change: (day, joined, left, undecided that day)."""
    from .rules.model import on_list as member

    out: dict[str, tuple] = {}
    for name in LISTS:
        changes: dict[int, list] = {}
        for code in ct.events:
            last: object = False
            for seg in ct.histories[code].segments:
                v = member(name, seg)
                if v is not last:
                    changes.setdefault(seg.start.toordinal(), []).append((code, v))
                    last = v
        rows = []
        yes: set[str] = set()
        maybe: set[str] = set()
        for day in sorted(changes):
            joined, left = [], []
            for code, v in changes[day]:
                was = code in yes
                maybe.discard(code)
                if v:
                    yes.add(code)
                    if not was:
                        joined.append(code)
                else:
                    yes.discard(code)
                    if was:
                        left.append(code)
                    if v is None:
                        maybe.add(code)
            rows.append((day, tuple(sorted(joined)), tuple(sorted(left)), tuple(sorted(maybe))))
        out[name] = tuple(rows)
    return out


def _enc_rules(r) -> dict:
    def per(p):
        return None if p is None else (p.kind, p.n)

    e = r.entry
    w = r.withdrawal
    wd = None
    if w is not None:
        c = w.conflict
        wd = {"article": w.article, "term": w.term, "notice": per(w.notice), "later": w.later_date_allowed,
              "named": w.named_date_required, "grounds": w.grounds,
              "conflict": None if c is None else (c.tested_at, c.paragraph, c.condition, c.until, c.ends,
                                                  tuple(c.events)),
              "windows": None if w.windows is None else (per(w.windows.first), per(w.windows.then),
                                                          per(w.windows.notice)),
              "minimum": None if w.minimum is None else (per(w.minimum.period), w.minimum.article),
              "none": None if w.none is None else (w.none.vclt_article, per(w.none.notice), w.none.position,
                                                    w.none.position_source, w.none.position_text, w.none.also_source,
                                                    w.none.also_text)}
    return {"id": r.id, "adopted": _d(r.adopted), "signatures_complete": r.signatures_complete, "parent": r.parent,
            "entry": (_d(e.treaty_date), _d(e.threshold_date), per(e.treaty_rule), per(e.state_rule),
                      e.state_rule_after, e.treaty_article, e.state_article,
                      None if e.immediate is None else e.immediate.article),
            "withdrawal": wd,
            "expiry": None if r.expiry is None else (_d(r.expiry.on), r.expiry.article, r.expiry.how)}


def _meta(m: object) -> object:
    if isinstance(m, date):
        return {"__date__": m.toordinal()}
    if isinstance(m, dict):
        return {k: _meta(v) for k, v in m.items()}
    if isinstance(m, (list, tuple)):
        return [_meta(x) for x in m]
    return m


def encode(compiled, key: str, fmt: int) -> dict[str, dict]:
    """The files of the index: core, names, aliases, sources, and t-<treaty> for each treaty."""
    files: dict[str, dict] = {}
    treaties = {}
    for tid, ct in compiled.treaties.items():
        raw = ct.raw
        treaties[tid] = {
            "short_title": raw["short_title"], "title": raw["title"], "untc": raw.get("untc"),
            "in_force": raw["entry_into_force"].get("date"), "searched_to": raw["searched_to"], "complete_to": raw["complete_to"],
            "complete_record": raw["complete_record"], "searched": raw["searched"],
            "aliases": tuple(raw.get("aliases", ())), "parent": raw.get("parent"), "depositary": raw["depositary"],
            "file": ct.file, "replaced": ct.replaced, "records": sum(len(v) for v in ct.events.values()),
            "sources": len({s for v in ct.events.values() for e in v for s in (e.source, *e.also)}),
            "signatures_complete": raw.get("signatures_complete", True),
            "consents_incomplete": raw.get("consents_incomplete"),
            "withdrawal_from": ct.withdrawal_from,
            "notifications": len(ct.notifications),
            "withdrawal_convention": (raw.get("withdrawal") or {}).get("note")
            if (raw.get("withdrawal") or {}).get("convention") else None,
        }
        # what a yes/no answer needs, in a small file; the histories' details in a second one
        files[f"t-{tid}"] = {
            "key": key, "order": tuple(sorted(ct.events)),
            "compact": {code: _compact(h) for code, h in ct.histories.items()},
            "default_compact": _compact(ct.default),
            "overrides": {c: tuple(v) for c, v in ct.overrides.items()},
        }
        files[f"r-{tid}"] = {
            "key": key, "raw": marshal.dumps(raw), "rules": marshal.dumps(_enc_rules(ct.rules)),
            "states": {code: marshal.dumps(_history_payload(h)) for code, h in ct.histories.items()},
            "default": marshal.dumps(_history_payload(ct.default)),
            "lists": marshal.dumps(_lists(ct)),
        }
        if ct.notifications:
            files[f"d-{tid}"] = {"key": key, "notifications": marshal.dumps(tuple(
                (n.state, n.kind, _day(n.received), _d(n.noted), n.measure, n.articles, n.territory, _day(n.start),
                 _day(n.end), n.length, n.ref, n.quote, n.source, tuple(n.also), n.note, n.origin)
                for n in ct.notifications))}
    depositary = tuple(sorted(i for i, src in compiled.sources.items()
                              if src["kind"] in ("status-page", "depositary-notification")))
    files["core"] = {
        "format": fmt, "key": key, "meta": _meta(compiled.meta),
        "states": {c: (s.name, s.kind, _d(s.since), _d(s.until), s.continued_by, s.un, _d(s.un_since), _d(s.un_until))
                   for c, s in compiled.states.items()},
        "iso2": compiled.iso2, "isonum": compiled.isonum, "treaties": treaties,
        #: the sources that are the depositaries' own records
        "depositary_sources": depositary,
    }
    files["names"] = {"key": key, "names": compiled.names, "ambiguous": compiled.ambiguous}
    files["aliases"] = {"key": key, "aliases": compiled.aliases}
    files["sources"] = {"key": key, "sources": compiled.sources}
    files["groups"] = {"key": key, "groups": compiled.groups}
    return files
