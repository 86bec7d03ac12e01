"""Reading, validating and indexing the data files.

Nothing here runs at import. The first query calls :func:`dataset`, which
reads the files once (under a lock), validates every record with the
pydantic models, and builds plain indexes that later queries only look up.

File formats (see ``docs/data-format.md``):

- ``meta.toml``: the data version and as-of date;
- ``sources.toml``: one table per source, keyed by its id;
- ``states.txt``: ``CODE KIND SINCE UNTIL NAME``, one state a line;
- ``names.txt``: ``CODE NAME`` aliases, and ``ambiguous NAME: CODE CODE ...``;
- ``treaties/<id>.toml``: a treaty and its rules;
- ``events/<id>.txt``: ``STATE KIND DATE [key=value ...]`` records, with
  ``@source ID`` lines setting the source of the lines that follow.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from pydantic import ValidationError

from .errors import DataError
from .models import (CONSENT_KINDS, Event, EventKind, Source, StateInfo, Treaty)
from .states import StateRegistry, normalise

Problem = tuple[str, int, str]

_TOKEN = re.compile(r'(\w+)="([^"]*)"|(\S+)')
_EVENT_KEYS = {"src": "source", "also": "also", "effective": "effective", "in_force": "in_force", "ref": "ref",
               "at": "at", "disputed": "disputed", "note": "note"}


def _partial_date(s: str) -> tuple[str, str]:
    """``YYYY-MM-DD`` as it is; ``YYYY-MM`` or ``YYYY`` as the last day of that month or year;
    ``<=YYYY-MM-DD`` as that day, known only as the latest possible."""
    if s.startswith("<="):
        return s[2:], "by"
    if re.fullmatch(r"\d{4}-\d{2}", s):
        y, m = int(s[:4]), int(s[5:])
        if 1 <= m <= 12:
            import calendar

            return f"{s}-{calendar.monthrange(y, m)[1]:02d}", "month"
    if re.fullmatch(r"\d{4}", s):
        return f"{s}-12-31", "year"
    return s, "day"


@dataclass(slots=True)
class Record:
    """What the data say about one state and one treaty, with the derived dates."""

    state: str
    events: list[Event] = field(default_factory=list)
    #: periods during which the state is a party: [start, end) with end None = open
    intervals: list[tuple[date, date | None]] = field(default_factory=list)
    #: the first day from which the status is unknown (a gap record), if any
    unknown_from: date | None = None
    #: what user data replaced in this record, and why it won
    overrides: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TreatyData:
    treaty: Treaty
    records: dict[str, Record]
    #: state codes with a record, sorted
    order: list[str]


class Layer:
    """One data directory: the shipped data, or a user's directory laid over them."""

    def __init__(self, root: Any, label: str, user: bool):
        self.root, self.label, self.user = root, label, user

    def path(self, rel: str) -> Any:
        return self.root.joinpath(*rel.split("/"))

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def exists(self, rel: str) -> bool:
        return self.path(rel).is_file()

    def where(self, rel: str) -> str:
        return f"{self.label}/{rel}"


class Dataset:
    """The shipped data directory, and any user directories over it, validated and indexed.

    A user directory has the same layout as ``data/`` and may hold any of its files:
    new sources, states, names or treaties are added; a treaty file with a shipped id
    replaces the shipped rules; event lines are added to the shipped ones, and a line
    with the same state, kind and date as a shipped one (or with ``replaces=DATE``)
    replaces it. Every replacement is reported in the results it affects.
    """

    def __init__(self, root: Any, label: str = "data", overlays: Iterable[tuple[Any, str]] = ()):
        self.layers = [Layer(root, label, False)] + [Layer(r, lab, True) for r, lab in overlays]
        self.meta: dict[str, Any] = {}
        self.sources: dict[str, Source] = {}
        self.states: StateRegistry
        self._treaties: dict[str, Treaty] = {}
        #: treaty id -> the layers that have a file for it (listed at load, read on first use)
        self._treaty_layers: dict[str, list[Layer]] = {}
        self._all_treaties = False
        self.treaty_files: dict[str, str] = {}
        #: notes on what user data replaced, per treaty
        self.replaced_treaties: dict[str, str] = {}
        self._aliases: dict[str, str] = {}
        self._treaty_cache: dict[str, str] = {}
        self._events: dict[str, TreatyData] = {}
        self._lock = threading.RLock()
        problems: list[Problem] = []
        self._load_base(problems)
        if problems:
            raise DataError(problems)

    @property
    def root(self) -> Any:
        return self.layers[0].root

    def _load_base(self, problems: list[Problem]) -> None:
        for layer in self.layers:
            if not layer.exists("meta.toml"):
                if not layer.user:
                    problems.append((layer.where("meta.toml"), 1, "missing file"))
                continue
            before = len(problems)
            _, meta = _read_toml(layer, "meta.toml", problems)
            if len(problems) > before:
                continue
            if layer.user:
                self.meta.setdefault("user", []).append({"path": layer.label, **meta})
                if "as_of" in meta and "as_of" in self.meta:
                    self.meta["as_of"] = max(self.meta["as_of"], meta["as_of"])
            else:
                self.meta.update(meta)
                for key in ("data_version", "as_of"):
                    if key not in meta:
                        problems.append((layer.where("meta.toml"), 1, f"missing key {key!r}"))
        for layer in self.layers:
            self._load_sources(layer, problems)
        self.states = self._load_states(problems)
        for layer in self.layers:
            treaty_dir = layer.path("treaties")
            for entry in sorted(treaty_dir.iterdir(), key=lambda p: p.name) if treaty_dir.is_dir() else ():
                if entry.name.endswith(".toml"):
                    self._treaty_layers.setdefault(entry.name[:-5], []).append(layer)
        for layer in self.layers:  # events for treaties no layer defines
            events_dir = layer.path("events")
            for entry in sorted(events_dir.iterdir(), key=lambda p: p.name) if events_dir.is_dir() else ():
                if entry.name.endswith(".txt") and entry.name[:-4] not in self._treaty_layers:
                    problems.append((layer.where(f"events/{entry.name}"), 1,
                                     f"unknown treaty {entry.name[:-4]!r}: no treaties/{entry.name[:-4]}.toml"))

    def _load_sources(self, layer: Layer, problems: list[Problem]) -> None:
        rel = "sources.toml"
        if not layer.exists(rel):
            if not layer.user:
                problems.append((layer.where(rel), 1, "missing file"))
            return
        text, raw = _read_toml(layer, rel, problems)
        for sid, body in raw.items():
            if sid in self.sources:
                problems.append((layer.where(rel), _toml_line(text, (sid,), header=True),
                                 f"source {sid!r} is already defined; give a new source a new id"))
                continue
            try:
                self.sources[sid] = Source.model_validate({"id": sid, **body})
            except ValidationError as exc:
                for err in exc.errors():
                    problems.append((layer.where(rel), _toml_line(text, (sid, *err["loc"])), _msg(err)))
            except TypeError:
                problems.append((layer.where(rel), _toml_line(text, (sid,)), f"{sid}: expected a table"))

    def _load_states(self, problems: list[Problem]) -> StateRegistry:
        states: dict[str, StateInfo] = {}
        names: dict[str, set[str]] = {}
        ambiguous: dict[str, tuple[str, ...]] = {}
        for layer in self.layers:
            rel = "states.txt"
            if not layer.exists(rel):
                if not layer.user:
                    problems.append((layer.where(rel), 1, "missing file"))
                continue
            for lineno, parts in _lines(layer.read(rel)):
                if len(parts) < 5:
                    problems.append((layer.where(rel), lineno, "expected CODE KIND SINCE UNTIL NAME"))
                    continue
                code, kind, since, until = parts[:4]
                rest = parts[4:]
                continued_by = rest.pop(0)[2:] if rest[0].startswith("->") else None
                try:
                    info = StateInfo(code=code, kind=kind, name=" ".join(rest),
                                     since=None if since == "-" else since,
                                     until=None if until == "-" else until, continued_by=continued_by)
                except ValidationError as exc:
                    problems.extend((layer.where(rel), lineno, _msg(e)) for e in exc.errors())
                    continue
                if code in states:
                    problems.append((layer.where(rel), lineno, f"duplicate state {code}"))
                states[code] = info
        for code, info in states.items():
            if info.continued_by and info.continued_by not in states:
                problems.append((self.layers[0].where("states.txt"), 1,
                                 f"{code}: unknown continuing state {info.continued_by!r}"))
        for layer in self.layers:
            rel = "names.txt"
            if not layer.exists(rel):
                continue
            for lineno, parts in _lines(layer.read(rel)):
                if parts[0] == "ambiguous":
                    name, _, codes = " ".join(parts[1:]).partition(":")
                    cands = tuple(codes.split())
                    bad = [c for c in cands if c not in states]
                    if bad or len(cands) < 2:
                        problems.append((layer.where(rel), lineno,
                                         f"ambiguous name needs two or more known codes, got {codes.strip()!r}"))
                    ambiguous[normalise(name)] = cands
                    continue
                code = parts[0]
                if code not in states:
                    problems.append((layer.where(rel), lineno, f"unknown state {code!r}"))
                    continue
                names.setdefault(normalise(" ".join(parts[1:])), set()).add(code)
        return StateRegistry(states, names, ambiguous)

    # -- treaties, read on first use --------------------------------------------------------
    def treaty_def(self, tid: str) -> Treaty:
        """One treaty's rules, read and validated on first use."""
        t = self._treaties.get(tid)
        return t if t is not None else self._once(self._treaties, tid, self._read_treaty)

    def _read_treaty(self, tid: str, problems: list[Problem]) -> Treaty:
        for layer in self._treaty_layers[tid]:
            self._load_treaty(layer, tid, problems)
        return self._inherit(self._treaties.get(tid))  # type: ignore[return-value]

    def _inherit(self, t: Treaty | None) -> Treaty | None:
        """A protocol without its own withdrawal or reservations rules takes its parent's."""
        if t is None or t.parent is None or (t.withdrawal is not None and t.reservations is not None):
            return t
        parent = self.treaty_def(t.parent)
        t = t.model_copy(update={"withdrawal": t.withdrawal or parent.withdrawal,
                                 "reservations": t.reservations or parent.reservations})
        self._treaties[t.id] = t
        return t

    def _once(self, cache: dict, key: str, load: Any) -> Any:
        """``cache[key]``, loaded by ``load(key, problems)`` once, under the lock; problems raise."""
        with self._lock:
            hit = cache.get(key)
            if hit is None:
                problems: list[Problem] = []
                hit = load(key, problems)
                if problems:
                    raise DataError(problems)
                cache[key] = hit
        return hit

    @property
    def treaties(self) -> dict[str, Treaty]:
        """Every treaty, by id (reads and checks them all, with their aliases, the first time)."""
        if not self._all_treaties:
            with self._lock:
                if not self._all_treaties:
                    problems: list[Problem] = []
                    for tid, layers in self._treaty_layers.items():
                        if tid not in self._treaties:
                            for layer in layers:
                                self._load_treaty(layer, tid, problems)
                    if problems:
                        raise DataError(problems)
                    for tid in list(self._treaties):
                        self._inherit(self._treaties[tid])
                    self._check_aliases()
                    self._all_treaties = True
        return self._treaties

    def _check_aliases(self) -> None:
        problems: list[Problem] = []
        self._aliases = {}
        for tid in sorted(self._treaties):
            treaty = self._treaties[tid]
            for alias in (treaty.id, treaty.short_title, treaty.title, treaty.untc, *treaty.aliases):
                if not alias:
                    continue
                key = normalise(alias)
                other = self._aliases.get(key)
                if other and other != tid:
                    layer = self._treaty_layers[tid][-1]
                    line = _toml_line(layer.read(f"treaties/{tid}.toml"), ("aliases",))
                    problems.append((self.treaty_files[tid], line, f"alias {alias!r} already names treaty {other!r}"))
                self._aliases[key] = tid
        if problems:
            raise DataError(problems)

    def _load_treaty(self, layer: Layer, tid: str, problems: list[Problem]) -> None:
        rel = f"treaties/{tid}.toml"
        text, raw = _read_toml(layer, rel, problems)
        if not raw:
            return
        try:
            treaty = Treaty.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                problems.append((layer.where(rel), _toml_line(text, err["loc"]), _msg(err)))
            return
        if treaty.parent is not None and treaty.parent not in self._treaty_layers:
            problems.append((layer.where(rel), _toml_line(text, ("parent",)), f"unknown parent treaty {treaty.parent!r}"))
        if treaty.id != tid:
            problems.append((layer.where(rel), _toml_line(text, ("id",)), f"id {treaty.id!r} does not match the file name"))
        for q in treaty.quoted_articles():
            if q.source not in self.sources:
                problems.append((layer.where(rel), _toml_line(text, (q.source,), value=True), f"unknown source {q.source!r}"))
        for cp in treaty.checkpoints:
            if cp.source not in self.sources:
                problems.append((layer.where(rel), _toml_line(text, (cp.source,), value=True), f"unknown source {cp.source!r}"))
        if tid in self._treaties:
            self.replaced_treaties[tid] = (f"the rules of {tid} come from {layer.where(rel)}, which replaces "
                                           f"{self.treaty_files[tid]}: user data take precedence")
        self._treaties[tid] = treaty
        self.treaty_files[tid] = layer.where(rel)

    # -- events, per treaty, on first use ---------------------------------------------------
    def treaty_data(self, tid: str) -> TreatyData:
        td = self._events.get(tid)
        return td if td is not None else self._once(self._events, tid, self._load_events)

    def _load_events(self, tid: str, problems: list[Problem]) -> TreatyData:
        treaty = self.treaty_def(tid)
        rel = f"events/{tid}.txt"
        kept: dict[tuple, Event] = {}
        notes: dict[str, list[str]] = {}
        for layer in self.layers:
            if layer.exists(rel):
                self._read_events(layer, rel, treaty, kept, notes, problems)
        records: dict[str, Record] = {}
        for ev in kept.values():
            records.setdefault(ev.state, Record(ev.state)).events.append(ev)
        for code, rec in records.items():
            rec.events.sort(key=_event_order)
            rec.overrides = notes.get(code, [])
            _derive(treaty, rec, problems)
            until = self.states.states[code].until
            if until is not None:  # a state that ceased to exist is a party no longer
                rec.intervals = _intersect(rec.intervals, [(date.min, until)])
        if treaty.parent is not None:
            # a protocol binds a state only while the parent treaty binds it
            parent = self.treaty_data(treaty.parent).records
            for code, rec in records.items():
                outer = parent[code].intervals if code in parent else []
                rec.intervals = _intersect(rec.intervals, outer)
        return TreatyData(treaty, records, sorted(records))

    def _read_events(self, layer: Layer, rel: str, treaty: Treaty, kept: dict[tuple, Event],
                     notes: dict[str, list[str]], problems: list[Problem]) -> None:
        where = layer.where(rel)
        tid = treaty.id
        seen: dict[tuple, int] = {}
        default_source: str | None = None
        states = self.states.states
        for lineno, parts in _lines(layer.read(rel), keep_quotes=True):
            if parts[0] == "@source":
                if len(parts) != 2 or parts[1] not in self.sources:
                    problems.append((where, lineno, f"unknown source {' '.join(parts[1:])!r}"))
                default_source = parts[1] if len(parts) == 2 else None
                continue
            if len(parts) < 3:
                problems.append((where, lineno, "expected STATE KIND DATE [key=value ...]"))
                continue
            day, precision = _partial_date(parts[2])
            data: dict[str, Any] = {"treaty": tid, "state": parts[0], "kind": parts[1], "date": day,
                                    "precision": precision, "origin": f"{where}:{lineno}"}
            replaces = None
            bad = False
            for tok in parts[3:]:
                key, sep, value = tok.partition("=")
                if sep and key == "replaces" and layer.user:
                    replaces = value
                    continue
                if not sep or key not in _EVENT_KEYS:
                    known = ", ".join([*_EVENT_KEYS, "replaces (user data)"])
                    problems.append((where, lineno, f"unexpected field {tok!r} (known: {known})"))
                    bad = True
                    continue
                value = value.strip('"')
                data[_EVENT_KEYS[key]] = tuple(value.split(",")) if key == "also" else value
            if bad:
                continue
            data.setdefault("source", default_source)
            if data["source"] is None:
                problems.append((where, lineno, "no source: add src=ID or an @source line above"))
                continue
            try:
                ev = Event.model_validate(data)
            except ValidationError as exc:
                problems.extend((where, lineno, _msg(e)) for e in exc.errors())
                continue
            if ev.state not in states:
                problems.append((where, lineno, f"unknown state {ev.state!r} (not in states.txt)"))
                continue
            missing = [s for s in (ev.source, *ev.also) if s not in self.sources]
            if missing:
                problems.append((where, lineno, f"unknown source {missing[0]!r} (not in sources.toml)"))
                continue
            key = (ev.state, ev.kind, ev.date, ev.at)
            if key in seen:
                problems.append((where, lineno, f"duplicate record: {ev.state} {ev.kind} {ev.date}"
                                 + (f" at {ev.at}" if ev.at else "") + f" (also line {seen[key]})"))
                continue
            seen[key] = lineno
            if ev.date < treaty.adopted and ev.kind not in (EventKind.ANNOUNCEMENT, EventKind.GAP):
                problems.append((where, lineno, f"{ev.kind} on {ev.date} is before the treaty was adopted ({treaty.adopted})"))
                continue
            sig = treaty.signature
            if ev.kind is EventKind.SIGNATURE and sig is not None and (
                    ev.date < sig.opened or (sig.closed is not None and ev.date >= sig.closed)):
                problems.append((where, lineno, f"signature on {ev.date} while the treaty was not open for signature "
                                 f"({sig.opened} to {sig.closed or 'now'})"))
                continue
            if replaces is not None:
                old_key = (ev.state, ev.kind, _partial_date(replaces)[0], ev.at)
                try:
                    old_key = (ev.state, ev.kind, date.fromisoformat(old_key[2]), ev.at)
                except ValueError:
                    problems.append((where, lineno, f"replaces={replaces!r}: not a date"))
                    continue
                if old_key not in kept:
                    problems.append((where, lineno, f"replaces={replaces}: there is no {ev.state} {ev.kind} record "
                                     f"of that date to replace"))
                    continue
                key_to_drop = old_key
            else:
                key_to_drop = key if key in kept else None
            if key_to_drop is not None:
                old = kept.pop(key_to_drop)
                notes.setdefault(ev.state, []).append(
                    f"{ev.origin} (source {ev.source}) replaces {old.origin} (source {old.source}): "
                    f"user data take precedence over the data they are laid over")
            kept[key] = ev

    def resolve_treaty(self, query: object) -> str:
        from .errors import UnknownTreatyError

        if not isinstance(query, str):
            raise UnknownTreatyError(repr(query))
        hit = self._treaty_cache.get(query)
        if hit is not None:
            return hit
        if query in self._treaty_layers:  # an id: no need to read the other treaties
            self._treaty_cache[query] = query
            return query
        self.treaties  # read them all, with their aliases
        key = normalise(query)
        tid = self._aliases.get(key)
        if tid is None:
            import difflib

            near = difflib.get_close_matches(key, self._aliases, n=3, cutoff=0.6)
            near += [a for a in self._aliases if key and (key in a or a in key)]
            raise UnknownTreatyError(query, tuple(dict.fromkeys(self._aliases[n] for n in near))[:4])
        if len(self._treaty_cache) < 4096:
            self._treaty_cache[query] = tid
        return tid

    @property
    def as_of(self) -> date:
        return self.meta["as_of"]


# -- deriving dates from the rules ------------------------------------------------------------

_KIND_ORDER = {k: i for i, k in enumerate(EventKind)}


def _event_order(e: Event) -> tuple:
    return (e.date, _KIND_ORDER[e.kind])


def entry_into_force(treaty: Treaty, consent: Event) -> date | None:
    """The day the treaty enters into force for a state, computed from the treaty's rules."""
    eif = treaty.entry_into_force
    if eif.date is None:
        return None
    if consent.kind is EventKind.INSTRUMENT and consent.in_force is not None:
        # the kind is unknown, so the rule cannot be applied; the source's date stands
        return consent.in_force
    if consent.kind is EventKind.SUCCESSION and consent.effective is not None:
        # a succession takes effect on the date the depositary gives (usually independence)
        return max(consent.effective, eif.date)
    # any other instrument, and a succession for which no such date is recorded,
    # follows the treaty's rule for instruments deposited after the threshold
    if eif.state_rule_after == "entry-into-force":
        return eif.date if consent.date <= eif.date else eif.state_rule.apply(consent.date)
    if eif.threshold_date is not None and consent.date <= eif.threshold_date:
        return eif.date
    return max(eif.state_rule.apply(consent.date), eif.date)


def withdrawal_effective(treaty: Treaty, notice: Event) -> date:
    """The day a withdrawal takes effect: as recorded by the depositary, else notice plus the period."""
    return notice.effective or treaty.withdrawal.notice.apply(notice.date)


def _derive(treaty: Treaty, rec: Record, problems: list[Problem]) -> None:
    """Check the order of one state's acts and compute its periods as a party."""
    consent: Event | None = None
    start: date | None = None
    pending: Event | None = None
    for ev in rec.events:
        k = ev.kind
        where, _, line = ev.origin.rpartition(":")
        if k in CONSENT_KINDS:
            if consent is not None and _another_deposit(consent, ev):
                continue  # the same act deposited with another depositary: the first deposit counts
            if consent is not None:
                problems.append((where, int(line), f"{rec.state}: a second instrument of consent while the first ({consent.kind} {consent.date}) stands"))
                continue
            consent, pending = ev, None
            start = entry_into_force(treaty, ev)
        elif k is EventKind.WITHDRAWAL:
            if consent is None:
                problems.append((where, int(line), f"{rec.state}: withdrawal without an instrument of consent"))
                continue
            pending = ev
            end = withdrawal_effective(treaty, ev)
            if start is not None and start < end:
                rec.intervals.append((start, end))
            if ev.disputed:  # from the day it would take effect, the answer is not settled
                rec.unknown_from = end if rec.unknown_from is None else min(rec.unknown_from, end)
            consent, start = None, None
        elif k is EventKind.WITHDRAWAL_REVOKED:
            if pending is None:
                problems.append((where, int(line), f"{rec.state}: a withdrawal revoked that was never notified"))
                continue
            if ev.date >= withdrawal_effective(treaty, pending):
                problems.append((where, int(line), f"{rec.state}: withdrawal revoked after it took effect"))
                continue
            # the notice is void: the state stays a party from its earlier start
            s, _ = rec.intervals.pop() if rec.intervals and rec.intervals[-1][1] == withdrawal_effective(treaty, pending) else (None, None)
            consent = next(e for e in reversed(rec.events[: rec.events.index(pending)]) if e.kind in CONSENT_KINDS)
            start, pending = s, None
        elif k is EventKind.CONSENT_REVOKED:
            if consent is None:
                problems.append((where, int(line), f"{rec.state}: consent revoked that was never given"))
                continue
            if start is not None and start <= ev.date:
                problems.append((where, int(line), f"{rec.state}: consent revoked after the treaty entered into force for the state; record a withdrawal"))
            consent, start = None, None
        elif k is EventKind.GAP:
            rec.unknown_from = ev.date if rec.unknown_from is None else min(rec.unknown_from, ev.date)
    if consent is not None and start is not None:
        rec.intervals.append((start, None))


def _another_deposit(first: Event, ev: Event) -> bool:
    """``ev`` is ``first`` deposited again, with another of the treaty's depositaries."""
    return ev.kind is first.kind and ev.at != first.at


def _intersect(a: list[tuple[date, date | None]], b: list[tuple[date, date | None]]) -> list[tuple[date, date | None]]:
    out = []
    for s1, e1 in a:
        for s2, e2 in b:
            start = max(s1, s2)
            end = e2 if e1 is None else (e1 if e2 is None else min(e1, e2))
            if end is None or start < end:
                out.append((start, end))
    return out


# -- line-oriented text files -----------------------------------------------------------------

def _lines(text: str, keep_quotes: bool = False) -> Iterable[tuple[int, list[str]]]:
    for lineno, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if keep_quotes:
            parts = []
            for m in _TOKEN.finditer(s):
                tok = m.group(0)
                if tok.startswith("#"):
                    break
                parts.append(tok)
        else:
            s = s.split(" #", 1)[0]
            parts = s.split()
        if parts:
            yield lineno, parts


def _msg(err: dict) -> str:
    loc = ".".join(str(x) for x in err.get("loc", ()) if x != "__root__")
    text = err.get("msg", "invalid")
    if text.startswith("Value error, "):
        text = text[len("Value error, "):]
    value = err.get("input")
    shown = f" (got {value!r})" if isinstance(value, (str, int, float)) and loc else ""
    return f"{loc}: {text}{shown}" if loc else text


_SIMPLE_LINE = re.compile(r'^([A-Za-z0-9_-]+) = (?:"([^"\\]*)"|(\d{4}-\d{2}-\d{2}))$')
_SIMPLE_TABLE = re.compile(r"^\[([A-Za-z0-9_.-]+)\]$")


def _simple_toml(text: str) -> dict | None:
    """Tables of one-line string and date values (all that sources.toml uses), parsed fast.

    Anything else returns None, and the full TOML parser reads the file instead; the
    tests check that both give the same result for the shipped files.
    """
    out: dict = {}
    table: dict = out  # keys before the first [table] belong to the top level
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _SIMPLE_LINE.match(line)
        if m:
            key, string, day = m.groups()
            if key in table:
                return None
            table[key] = string if day is None else date.fromisoformat(day)
            continue
        t = _SIMPLE_TABLE.match(line)
        if t and "." not in t.group(1) and t.group(1) not in out:
            table = out[t.group(1)] = {}
            continue
        return None
    return out


def _read_toml(layer: Layer, rel: str, problems: list[Problem]) -> tuple[str, dict]:
    """The text of a TOML file and its contents ({} with a problem recorded if it does not parse)."""
    text = layer.read(rel)
    fast = _simple_toml(text)
    if fast is not None:
        return text, fast
    import tomllib

    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.append((layer.where(rel), _toml_err_line(exc), str(exc)))
        return text, {}


def _toml_err_line(exc: Exception) -> int:
    m = re.search(r"line (\d+)", str(exc))
    return int(m.group(1)) if m else 1


def _toml_line(text: str, loc: tuple, value: bool = False, header: bool = False) -> int:
    """Best line for a validation error at ``loc`` in a TOML text (1 if not found)."""
    lines = text.splitlines()
    if header:
        for i, line in enumerate(lines, 1):
            if line.strip() == f"[{loc[0]}]":
                return i
        return 1
    if value:
        for i, line in enumerate(lines, 1):
            if f'"{loc[0]}"' in line:
                return i
        return 1
    keys = [str(k) for k in loc if not isinstance(k, int)]
    best = 1
    section_start = 0
    for depth in range(len(keys), 0, -1):
        header = "[" + ".".join(keys[:depth]) + "]"
        for i, line in enumerate(lines):
            if line.strip() in (header, "[" + header + "]"):
                section_start, best = i, i + 1
                keys = keys[depth:]
                break
        else:
            continue
        break
    if keys:
        pat = re.compile(rf"^\s*{re.escape(keys[0])}\s*=")
        for i in range(section_start, len(lines)):
            if pat.match(lines[i]):
                return i + 1
    return best


# -- the data in use, loaded once ----------------------------------------------------------------

_lock = threading.Lock()
_current: Dataset | None = None
_overlays: list[Path] | None = None  # None: from TREATYSTATUS_DATA


def shipped_root() -> Any:
    """The installed data: the ``treatystatus/data`` package directory (or, from a zip, its resources)."""
    here = Path(__file__).resolve().parent
    for root in (here / "data", here.parent / "data"):  # installed; or run from a checkout
        if (root / "meta.toml").is_file():
            return root
    from importlib import resources

    return resources.files("treatystatus.data")


def _overlay_paths() -> list[Path]:
    if _overlays is not None:
        return _overlays
    import os

    env = os.environ.get("TREATYSTATUS_DATA", "")
    return [Path(p) for p in env.split(os.pathsep) if p]


def dataset() -> Dataset:
    global _current
    ds = _current
    if ds is None:
        with _lock:
            if _current is None:
                paths = _overlay_paths()
                for p in paths:
                    if not p.is_dir():
                        raise DataError([(str(p), 0, "not a directory (TREATYSTATUS_DATA or use_data())")])
                _current = Dataset(shipped_root(), overlays=[(p, str(p)) for p in paths])
            ds = _current
    return ds


def use_data(*paths: str | Path | None) -> None:
    """Lay the user data directories ``paths`` over the shipped data (none: the shipped data alone).

    The directories are read and validated now, so a broken one raises a
    :class:`DataError` here, and the data in use stay as they were.
    """
    global _current, _overlays
    dirs = [Path(p) for p in paths if p is not None]
    for p in dirs:
        if not p.is_dir():
            raise DataError([(str(p), 0, "not a directory")])
    ds = Dataset(shipped_root(), overlays=[(p, str(p)) for p in dirs])
    for tid in ds.treaties:
        ds.treaty_data(tid)
    with _lock:
        _overlays, _current = dirs, ds


def validate(path: str | Path) -> list[Problem]:
    """Every problem found in a data directory, as ``(file, line, message)``; empty if none.

    A directory with its own ``states.txt`` and ``meta.toml`` is checked as complete data;
    any other is checked as user data laid over the shipped data.
    """
    root = Path(path)
    if not root.is_dir():
        return [(str(root), 0, "not a directory")]
    try:
        if (root / "states.txt").is_file() and (root / "meta.toml").is_file():
            ds = Dataset(root, label=str(root))
        else:
            ds = Dataset(shipped_root(), overlays=[(root, str(root))])
    except DataError as exc:
        return list(exc.problems)
    problems: list[Problem] = []
    try:
        ds.treaties
    except DataError as exc:
        problems.extend(exc.problems)
    for tid in sorted(ds._treaties):
        try:
            ds.treaty_data(tid)
        except DataError as exc:
            problems.extend(exc.problems)
    return problems
