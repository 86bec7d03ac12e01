"""The compiled index: the validated data and every history, cached in a compact form.

The first use after a change of the data, the user directories or the package version
builds the index (``build``: pydantic validation, the rules engine) and writes it as JSON,
keyed by a hash of every data file and the version. Later processes read it back without
the schema, pydantic or pycountry, and decode only what a query needs (one treaty, one
state's history). A cache that is missing, stale, corrupt or unreadable is rebuilt, never
trusted; a cache directory that cannot be written falls back to the user's cache directory,
then to memory.

Where the cache lives: ``$TREATYSTATUS_CACHE`` (a directory, or ``none`` for memory only),
else ``_cache`` inside the installed package, else ``$XDG_CACHE_HOME/treatystatus``
(``~/.cache/treatystatus``).
"""

from __future__ import annotations

import bisect
import json
import os
import threading
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from ._version import __version__
from .dates import DateRange
from .errors import DataError
from .kinds import EventKind, Status
from .layers import Layer, fingerprint, overlay_paths_from_env, shipped_root, stack
from .records import Event, StateInfo
from .rules import (ConflictClause, EntryRule, Expiry, Facts, History, ImmediateInConflict, MinimumMembership,
                    NoWithdrawalClause, Parent, Segment, TreatyRules, Windows, WithdrawalRule, period)

__all__ = ["Index", "TreatyIndex", "current", "use_data", "validate", "LISTS", "FORMAT"]

#: bump when the layout of the cached files changes
FORMAT = 1
_STATUSES = list(Status)
_KINDS = list(EventKind)
#: the lists kept as change points per treaty: party (in force), consenting, signatory
LISTS = ("party", "consenting", "signatory")
_CONSENTING = frozenset({Status.CONSENTED, Status.PARTY, Status.WITHDRAWAL_PENDING})
_NOT_SIGNATORY = frozenset({Status.WITHDRAWN, Status.CEASED, Status.TERMINATED})


# -- encoding -------------------------------------------------------------------------------------

def _d(x: date | None) -> int | None:
    return None if x is None else x.toordinal()


def _day(x: Any) -> Any:
    if x is None:
        return None
    if isinstance(x, DateRange):
        return [_d(x.earliest), _d(x.latest), x.precision]
    return x.toordinal()


def _undate(x: int | None) -> date | None:
    return None if x is None else date.fromordinal(x)


def _unday(x: Any) -> Any:
    if x is None:
        return None
    if isinstance(x, list):
        return DateRange(_undate(x[0]), date.fromordinal(x[1]), x[2])
    return date.fromordinal(x)


def _enc_event(e: Event) -> list:
    return [e.state, _KINDS.index(e.kind), _day(e.date), e.source, list(e.also), _d(e.effective), _d(e.in_force),
            e.ref, e.at, e.disputed, e.immediate, e.note, e.origin]


def _dec_event(tid: str, r: list) -> Event:
    return Event(tid, r[0], _KINDS[r[1]], _unday(r[2]), r[3], tuple(r[4]), _undate(r[5]), _undate(r[6]), r[7],
                 r[8], r[9], r[10], r[11], r[12])


_FACT_EVENTS = ("signature", "consent", "provisional", "non_intention", "consent_revoked", "withdrawal",
                "withdrawal_revoked", "suspension", "gap")


class _Enc:
    """Encodes the histories of one treaty, sharing events and facts by number."""

    def __init__(self, events: dict[str, tuple[Event, ...]]):
        self.events: list[list] = []
        self.event_no: dict[int, int] = {}
        self.facts: list[list] = []
        self.facts_no: dict[Facts, int] = {}
        for evs in events.values():
            for e in evs:
                self.ev(e)

    def ev(self, e: Event | None) -> int | None:
        if e is None:
            return None
        n = self.event_no.get(id(e))
        if n is None:
            n = self.event_no[id(e)] = len(self.events)
            self.events.append(_enc_event(e))
        return n

    def fact(self, f: Facts) -> int:
        n = self.facts_no.get(f)
        if n is not None:
            return n
        p = f.parent
        row = [self.ev(getattr(f, k)) for k in _FACT_EVENTS] + [
            [self.ev(e) for e in f.other_deposits], _day(f.entry_into_force), f.entry_basis, f.entry_article,
            f.in_force, _day(f.withdrawal_effective), f.withdrawal_basis, [self.ev(e) for e in f.communications],
            [self.ev(e) for e in f.announcements], _d(f.ceased), _d(f.terminated),
            None if p is None else [p.treaty, _STATUSES.index(p.status), [_STATUSES.index(s) for s in p.possible],
                                    _day(p.entry_into_force)]]
        n = self.facts_no[f] = len(self.facts)
        self.facts.append(row)
        return n

    def history(self, h: History) -> list:
        return [[s.start.toordinal(), _STATUSES.index(s.status), [_STATUSES.index(x) for x in s.possible],
                 self.fact(s.facts), [[w, self.ev(e), _d(lo), _d(hi)] for w, e, lo, hi in s.uncertain],
                 sorted([_STATUSES.index(st), sig] for st, sig in s.outcomes)] for s in h.segments]


def _lists(ct: Any, states: dict[str, StateInfo]) -> dict[str, list]:
    """For each list, the days its members change: [day, [joined], [left], [undecided that day]]."""
    out: dict[str, list] = {}
    for name in LISTS:
        changes: dict[int, list[tuple[str, bool | None]]] = {}
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
            rows.append([day, sorted(joined), sorted(left), sorted(maybe)])
        out[name] = rows
    return out


def member(name: str, seg: Segment) -> bool | None:
    """Whether a segment puts its state on a list: True, False, or None (undecided)."""
    if name == "party":
        return seg.is_party
    outcomes = seg.outcomes or frozenset({(seg.status, seg.facts.signature is not None)})
    answers = {_member(name, s, sig) for s, sig in outcomes}
    return answers.pop() if len(answers) == 1 else None


def _member(name: str, s: Status, sig: bool) -> bool | None:
    if name == "consenting":  # the consent stands (in force or not)
        if s in _CONSENTING:
            return True
        return None if s in (Status.WITHDRAWAL_DISPUTED, Status.UNKNOWN) else False
    # signatory: signed by then, and the signature stands
    if not sig or s in _NOT_SIGNATORY:
        return False
    return None if s is Status.WITHDRAWAL_DISPUTED else True


def _enc_rules(r: TreatyRules) -> dict:
    def per(p: Any) -> Any:
        return None if p is None else [p.kind, p.n]

    e = r.entry
    w = r.withdrawal
    wd = None
    if w is not None:
        c = w.conflict
        wd = {"article": w.article, "term": w.term, "notice": per(w.notice), "later": w.later_date_allowed,
              "named": w.named_date_required, "grounds": w.grounds,
              "conflict": None if c is None else [c.tested_at, c.paragraph, c.condition, c.until, c.ends,
                                                  list(c.events)],
              "windows": None if w.windows is None else [per(w.windows.first), per(w.windows.then),
                                                          per(w.windows.notice)],
              "minimum": None if w.minimum is None else [per(w.minimum.period), w.minimum.article],
              "none": None if w.none is None else [w.none.vclt_article, per(w.none.notice), w.none.position,
                                                    w.none.position_source, w.none.position_text]}
    return {"id": r.id, "adopted": _d(r.adopted), "signatures_complete": r.signatures_complete, "parent": r.parent,
            "entry": [_d(e.treaty_date), _d(e.threshold_date), per(e.treaty_rule), per(e.state_rule),
                      e.state_rule_after, e.treaty_article, e.state_article,
                      None if e.immediate is None else e.immediate.article],
            "withdrawal": wd,
            "expiry": None if r.expiry is None else [_d(r.expiry.on), r.expiry.article, r.expiry.how]}


def _dec_rules(d: dict) -> TreatyRules:
    def per(p: Any) -> Any:
        return None if p is None else period(p[0], p[1])

    e = d["entry"]
    entry = EntryRule(_undate(e[0]), _undate(e[1]), per(e[2]), per(e[3]), e[4], e[5], e[6],
                      None if e[7] is None else ImmediateInConflict(e[7]))
    w = d["withdrawal"]
    rule = None
    if w is not None:
        c = w["conflict"]
        rule = WithdrawalRule(
            w["article"], w["term"], per(w["notice"]), w["later"], w["named"],
            None if c is None else ConflictClause(c[0], c[1], c[2], c[3], c[4], tuple(c[5])),
            None if w["windows"] is None else Windows(*(per(x) for x in w["windows"])),
            None if w["minimum"] is None else MinimumMembership(per(w["minimum"][0]), w["minimum"][1]),
            None if w["none"] is None else NoWithdrawalClause(w["none"][0], per(w["none"][1]), w["none"][2],
                                                              w["none"][3], w["none"][4]),
            w["grounds"])
    x = d["expiry"]
    return TreatyRules(d["id"], date.fromordinal(d["adopted"]), d["signatures_complete"], entry, rule, d["parent"],
                       None if x is None else Expiry(date.fromordinal(x[0]), x[1], x[2]))


def encode(compiled: Any, key: str) -> tuple[dict, dict[str, dict]]:
    """The JSON-ready main table and one table per treaty."""
    meta = _json_meta(compiled.meta)
    main = {
        "format": FORMAT, "key": key, "version": __version__, "meta": meta, "sources": compiled.sources,
        "states": {c: [s.name, s.kind, _d(s.since), _d(s.until), s.continued_by] for c, s in compiled.states.items()},
        "names": compiled.names, "ambiguous": compiled.ambiguous, "iso2": compiled.iso2, "isonum": compiled.isonum,
        "aliases": compiled.aliases, "treaties": {},
    }
    per: dict[str, dict] = {}
    for tid, ct in compiled.treaties.items():
        raw = ct.raw
        main["treaties"][tid] = {
            "short_title": raw["short_title"], "title": raw["title"], "untc": raw.get("untc"),
            "in_force": raw["entry_into_force"].get("date"), "as_of": raw["as_of"], "aliases": raw.get("aliases", []),
            "parent": raw.get("parent"), "depositary": raw["depositary"], "file": ct.file, "replaced": ct.replaced,
            "records": sum(len(v) for v in ct.events.values()),
            "sources": sorted({s for v in ct.events.values() for e in v for s in (e.source, *e.also)}),
        }
        enc = _Enc(ct.events)
        histories = {code: enc.history(h) for code, h in ct.histories.items()}
        per[tid] = {
            "format": FORMAT, "key": key, "raw": raw, "rules": _enc_rules(ct.rules),
            "records": {code: [enc.ev(e) for e in evs] for code, evs in ct.events.items()},
            "histories": histories, "default": enc.history(ct.default), "events": enc.events, "facts": enc.facts,
            "overrides": ct.overrides, "lists": _lists(ct, compiled.states),
        }
    return main, per


def _json_meta(meta: dict) -> dict:
    def conv(v: Any) -> Any:
        if isinstance(v, date):
            return {"date": v.isoformat()}
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, list):
            return [conv(x) for x in v]
        return v

    return conv(meta)


def _unjson_meta(meta: Any) -> Any:
    if isinstance(meta, dict):
        if set(meta) == {"date"}:
            return date.fromisoformat(meta["date"])
        return {k: _unjson_meta(v) for k, v in meta.items()}
    if isinstance(meta, list):
        return [_unjson_meta(x) for x in meta]
    return meta


# -- the index in use ----------------------------------------------------------------------------

class TreatyIndex:
    """One treaty's compiled data; histories and records are decoded on first use, per state."""

    def __init__(self, tid: str, data: dict, states: dict[str, StateInfo]):
        self.id = tid
        self._data = data
        self._states = states
        self.raw: dict = data["raw"]
        self.rules: TreatyRules = _dec_rules(data["rules"])
        self.overrides: dict[str, list[str]] = data["overrides"]
        #: codes of the states with records, sorted
        self.order: list[str] = sorted(data["records"])
        self._events: list[Event | None] = [None] * len(data["events"])
        self._facts: list[Facts | None] = [None] * len(data["facts"])
        self._histories: dict[str, History] = {}
        self._records: dict[str, tuple[Event, ...]] = {}
        self._lists: dict[str, tuple[list[int], list[tuple[str, ...]], list[tuple[str, ...]]]] = {}
        self.default = self._history("", data["default"], ())

    # decoding
    def _ev(self, n: int | None) -> Event | None:
        if n is None:
            return None
        e = self._events[n]
        if e is None:
            e = self._events[n] = _dec_event(self.id, self._data["events"][n])
        return e

    def _fact(self, n: int) -> Facts:
        f = self._facts[n]
        if f is not None:
            return f
        r = self._data["facts"][n]
        ev = self._ev
        k = len(_FACT_EVENTS)
        named = {name: ev(r[i]) for i, name in enumerate(_FACT_EVENTS)}
        p = r[k + 11]
        f = self._facts[n] = Facts(
            **named, other_deposits=tuple(ev(x) for x in r[k]), entry_into_force=_unday(r[k + 1]),
            entry_basis=r[k + 2], entry_article=r[k + 3], in_force=r[k + 4], withdrawal_effective=_unday(r[k + 5]),
            withdrawal_basis=r[k + 6], communications=tuple(ev(x) for x in r[k + 7]),
            announcements=tuple(ev(x) for x in r[k + 8]), ceased=_undate(r[k + 9]), terminated=_undate(r[k + 10]),
            parent=None if p is None else Parent(p[0], _STATUSES[p[1]], tuple(_STATUSES[x] for x in p[2]),
                                                 _unday(p[3])))
        return f

    def _history(self, code: str, rows: list, events: tuple[Event, ...]) -> History:
        segs = []
        for i, r in enumerate(rows):
            end = date.fromordinal(rows[i + 1][0]) if i + 1 < len(rows) else None
            segs.append(Segment(date.fromordinal(r[0]), end, _STATUSES[r[1]], self._fact(r[3]),
                                tuple(_STATUSES[x] for x in r[2]),
                                tuple((w, self._ev(e), _undate(lo), _undate(hi)) for w, e, lo, hi in r[4]),
                                frozenset((_STATUSES[s], sig) for s, sig in r[5])))
        return History(code, self.id, tuple(segs), events)

    # public
    def events(self, code: str) -> tuple[Event, ...]:
        """The records of ``code`` (its own; none for a state with no record)."""
        hit = self._records.get(code)
        if hit is None:
            nums = self._data["records"].get(code)
            hit = self._records[code] = tuple(self._ev(n) for n in nums) if nums else ()  # type: ignore[misc]
        return hit

    def record_owner(self, code: str) -> str | None:
        """Whose records stand for ``code``: its own, or those of the state that continues it."""
        if code in self._data["records"]:
            return code
        info = self._states.get(code)
        if info is not None and info.continued_by in self._data["records"]:
            return info.continued_by
        return None

    def history(self, code: str) -> History:
        h = self._histories.get(code)
        if h is None:
            rows = self._data["histories"].get(code)
            if rows is None:
                h = History(code, self.id, self.default.segments, ())
            else:
                owner = self.record_owner(code)
                h = self._history(code, rows, self.events(owner) if owner else ())
            self._histories[code] = h
        return h

    def members(self, name: str, d: date) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The states on the list ``name`` on ``d``, and those whose membership is undecided."""
        lst = self._lists.get(name)
        if lst is None:
            days: list[int] = []
            yes: list[tuple[str, ...]] = []
            maybe: list[tuple[str, ...]] = []
            cur: set[str] = set()
            for day, joined, left, undecided in self._data["lists"][name]:
                cur.update(joined)
                cur.difference_update(left)
                days.append(day)
                yes.append(tuple(sorted(cur)))
                maybe.append(tuple(undecided))
            lst = self._lists[name] = (days, yes, maybe)
        i = bisect.bisect_right(lst[0], d.toordinal()) - 1
        if i < 0:
            return (), ()
        return lst[1][i], lst[2][i]

    def change_days(self, name: str) -> list[date]:
        return [date.fromordinal(r[0]) for r in self._data["lists"][name]]


class Index:
    """Everything the queries read: states, names, sources, and the treaties' compiled data."""

    def __init__(self, main: dict, loader: Any):
        self.key: str = main["key"]
        self.meta: dict = _unjson_meta(main["meta"])
        self.sources: dict[str, dict] = main["sources"]
        self.states: dict[str, StateInfo] = {
            c: StateInfo(c, v[0], v[1], _undate(v[2]), _undate(v[3]), v[4]) for c, v in main["states"].items()}
        self.names: dict[str, list[str]] = main["names"]
        self.ambiguous: dict[str, list[str]] = main["ambiguous"]
        self.iso2: dict[str, str] = main["iso2"]
        self.isonum: dict[str, str] = main["isonum"]
        self.aliases: dict[str, str] = main["aliases"]
        self.treaty_info: dict[str, dict] = main["treaties"]
        self._loader = loader
        self._treaties: dict[str, TreatyIndex] = {}
        self._lock = threading.Lock()

    @property
    def as_of(self) -> date:
        return self.meta["as_of"]

    def treaty(self, tid: str) -> TreatyIndex:
        t = self._treaties.get(tid)
        if t is None:
            with self._lock:
                t = self._treaties.get(tid)
                if t is None:
                    t = self._treaties[tid] = TreatyIndex(tid, self._loader(tid), self.states)
        return t


# -- building, caching, loading ---------------------------------------------------------------------

def _cache_dirs() -> list[Path | None]:
    env = os.environ.get("TREATYSTATUS_CACHE")
    if env is not None:
        return [None] if env.strip().lower() in ("", "none", "off", "memory") else [Path(env)]
    out: list[Path | None] = [Path(__file__).resolve().parent / "_cache"]
    xdg = os.environ.get("XDG_CACHE_HOME")
    out.append(Path(xdg) / "treatystatus" if xdg else Path.home() / ".cache" / "treatystatus")
    out.append(None)
    return out


def _read_json(p: Path) -> Any:
    with open(p, "rb") as f:
        return json.loads(f.read())


def _try_load(layers: list[Layer], key: str) -> Index | None:
    for d in _cache_dirs():
        if d is None:
            continue
        folder = d / key
        try:
            main = _read_json(folder / "main.json")
        except (OSError, ValueError):
            continue
        if not isinstance(main, dict) or main.get("key") != key or main.get("format") != FORMAT:
            continue

        def loader(tid: str, folder: Path = folder) -> dict:
            try:
                data = _read_json(folder / f"t-{tid}.json")
            except (OSError, ValueError):
                data = None
            if not isinstance(data, dict) or data.get("key") != key:
                raise _Stale(tid)
            return data

        return Index(main, loader)
    return None


class _Stale(Exception):
    """A cached treaty file is missing or does not match its main file: rebuild."""


def _write(main: dict, per: dict[str, dict], key: str) -> None:
    """Write the cache into the first directory that takes it (atomically: a folder renamed into place)."""
    import tempfile

    for d in _cache_dirs():
        if d is None:
            return
        try:
            d.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=d))
            for tid, data in per.items():
                (tmp / f"t-{tid}.json").write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
            (tmp / "main.json").write_text(json.dumps(main, separators=(",", ":")), encoding="utf-8")
            target = d / key
            try:
                os.replace(tmp, target)
            except OSError:  # another process wrote it first
                import shutil

                shutil.rmtree(tmp, ignore_errors=True)
            _prune(d, keep=key)
            return
        except OSError:
            continue


def _prune(d: Path, keep: str, n: int = 4) -> None:
    """Remove all but the newest ``n`` cached indexes (and stray temporary folders)."""
    import shutil

    try:
        entries = [p for p in d.iterdir() if p.is_dir()]
    except OSError:
        return
    old = sorted((p for p in entries if p.name != keep and not p.name.startswith(".tmp-")),
                 key=lambda p: p.stat().st_mtime, reverse=True)[n - 1:]
    for p in old:
        shutil.rmtree(p, ignore_errors=True)


def load(layers: list[Layer]) -> Index:
    """The index of ``layers``: read from the cache, or built (and cached) if there is none."""
    key = fingerprint(layers, f"{__version__}/{FORMAT}")
    idx = _try_load(layers, key)
    if idx is not None:
        return _guarded(idx, layers, key)
    return _fresh(layers, key)


def _fresh(layers: list[Layer], key: str) -> Index:
    from .build import build

    main, per = encode(build(layers), key)
    main, per = json.loads(json.dumps(main)), json.loads(json.dumps(per))  # exactly what a reader gets
    _write(main, per, key)
    return Index(main, lambda tid: per[tid])


def _guarded(idx: Index, layers: list[Layer], key: str) -> Index:
    """An index whose treaty files, if found stale or corrupt when read, are rebuilt instead."""
    outer = idx._loader
    fallback: dict[str, Index] = {}

    def loader(tid: str) -> dict:
        try:
            return outer(tid)
        except _Stale:
            if "fresh" not in fallback:
                fallback["fresh"] = _fresh(layers, key)
            return fallback["fresh"]._loader(tid)

    idx._loader = loader
    return idx


# -- the data in use -------------------------------------------------------------------------------

_lock = threading.Lock()
_current: Index | None = None
_overlays: list[Path] | None = None  # None: from TREATYSTATUS_DATA


def _layers(paths: Iterable[Path]) -> list[Layer]:
    return stack(shipped_root(), [(p, str(p)) for p in paths])


def current() -> Index:
    """The index in use (built or read on first use, under a lock)."""
    idx = _current
    if idx is None:
        with _lock:
            if _current is None:
                paths = _overlays if _overlays is not None else overlay_paths_from_env()
                for p in paths:
                    if not p.is_dir():
                        raise DataError([(str(p), 0, "not a directory (TREATYSTATUS_DATA or use_data())")])
                _set(load(_layers(paths)))
            idx = _current
    assert idx is not None
    return idx


def _set(idx: Index | None) -> None:
    global _current
    _current = idx


def use_data(*paths: str | Path | None) -> None:
    """Lay the user data directories ``paths`` over the shipped data (none: the shipped data alone).

    The directories are read and validated now, so a broken one raises a :class:`DataError`
    here, and the data in use stay as they were.
    """
    global _overlays
    dirs = [Path(p) for p in paths if p is not None]
    for p in dirs:
        if not p.is_dir():
            raise DataError([(str(p), 0, "not a directory")])
    idx = load(_layers(dirs))
    for tid in idx.treaty_info:  # read now, so that a broken cache or file shows here
        idx.treaty(tid)
    with _lock:
        _overlays = dirs
        _set(idx)


def validate(path: str | Path) -> list[tuple[str, int, str]]:
    """Every problem found in a data directory, as ``(file, line, message)``; empty if none.

    A directory with its own ``states.txt`` and ``meta.toml`` is checked as complete data;
    any other is checked as user data laid over the shipped data.
    """
    from .build import problems_in

    root = Path(path)
    if not root.is_dir():
        return [(str(root), 0, "not a directory")]
    if (root / "states.txt").is_file() and (root / "meta.toml").is_file():
        layers = stack(root, label=str(root))
    else:
        layers = _layers([root])
    return problems_in(layers)
