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
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from pydantic import ValidationError

from .errors import DataError
from .models import (CONSENT_KINDS, Event, EventKind, Source, StateInfo, Treaty)
from .states import StateRegistry, normalise

Problem = tuple[str, int, str]

_TOKEN = re.compile(r'(\w+)="([^"]*)"|(\S+)')
_EVENT_KEYS = {"src": "source", "also": "also", "effective": "effective", "in_force": "in_force", "ref": "ref",
               "note": "note"}


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


@dataclass(slots=True)
class TreatyData:
    treaty: Treaty
    records: dict[str, Record]
    #: state codes with a record, sorted
    order: list[str]


class Dataset:
    """Every file of one data directory, validated and indexed."""

    def __init__(self, root: Any, label: str = "data"):
        self.root = root
        self.label = label
        self.meta: dict[str, Any] = {}
        self.sources: dict[str, Source] = {}
        self.states: StateRegistry
        self.treaties: dict[str, Treaty] = {}
        self._aliases: dict[str, str] = {}
        self._treaty_cache: dict[str, str] = {}
        self._events: dict[str, TreatyData] = {}
        self._lock = threading.RLock()
        problems: list[Problem] = []
        self._load_base(problems)
        if problems:
            raise DataError(problems)

    # -- files ----------------------------------------------------------------------------
    def _read(self, rel: str) -> str:
        return self.root.joinpath(*rel.split("/")).read_text(encoding="utf-8")

    def _exists(self, rel: str) -> bool:
        return self.root.joinpath(*rel.split("/")).is_file()

    def _where(self, rel: str) -> str:
        return f"{self.label}/{rel}"

    def _load_base(self, problems: list[Problem]) -> None:
        import tomllib

        for rel, target in (("meta.toml", "meta"),):
            try:
                self.meta = tomllib.loads(self._read(rel))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                problems.append((self._where(rel), _toml_err_line(exc), str(exc)))
        for key in ("data_version", "as_of"):
            if key not in self.meta:
                problems.append((self._where("meta.toml"), 1, f"missing key {key!r}"))
        self.sources = self._load_sources(problems)
        self.states = self._load_states(problems)
        treaty_dir = self.root.joinpath("treaties")
        for entry in sorted(treaty_dir.iterdir(), key=lambda p: p.name) if treaty_dir.is_dir() else ():
            if entry.name.endswith(".toml"):
                self._load_treaty(entry.name[:-5], problems)

    def _load_sources(self, problems: list[Problem]) -> dict[str, Source]:
        import tomllib

        rel = "sources.toml"
        text = self._read(rel)
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            problems.append((self._where(rel), _toml_err_line(exc), str(exc)))
            return {}
        out = {}
        for sid, body in raw.items():
            try:
                out[sid] = Source.model_validate({"id": sid, **body})
            except ValidationError as exc:
                for err in exc.errors():
                    problems.append((self._where(rel), _toml_line(text, (sid, *err["loc"])), _msg(err)))
        return out

    def _load_states(self, problems: list[Problem]) -> StateRegistry:
        states: dict[str, StateInfo] = {}
        rel = "states.txt"
        for lineno, parts in _lines(self._read(rel)):
            if len(parts) < 5:
                problems.append((self._where(rel), lineno, "expected CODE KIND SINCE UNTIL NAME"))
                continue
            code, kind, since, until = parts[:4]
            rest = parts[4:]
            continued_by = rest.pop(0)[2:] if rest[0].startswith("->") else None
            try:
                info = StateInfo(code=code, kind=kind, name=" ".join(rest),
                                 since=None if since == "-" else since,
                                 until=None if until == "-" else until, continued_by=continued_by)
            except ValidationError as exc:
                problems.extend((self._where(rel), lineno, _msg(e)) for e in exc.errors())
                continue
            if code in states:
                problems.append((self._where(rel), lineno, f"duplicate state {code}"))
            states[code] = info
        for code, info in states.items():
            if info.continued_by and info.continued_by not in states:
                problems.append((self._where(rel), 1, f"{code}: unknown continuing state {info.continued_by!r}"))
        names: dict[str, set[str]] = {}
        ambiguous: dict[str, tuple[str, ...]] = {}
        rel = "names.txt"
        for lineno, parts in _lines(self._read(rel)):
            if parts[0] == "ambiguous":
                name, _, codes = " ".join(parts[1:]).partition(":")
                cands = tuple(codes.split())
                bad = [c for c in cands if c not in states]
                if bad or len(cands) < 2:
                    problems.append((self._where(rel), lineno, f"ambiguous name needs two or more known codes, got {codes.strip()!r}"))
                ambiguous[normalise(name)] = cands
                continue
            code = parts[0]
            if code not in states:
                problems.append((self._where(rel), lineno, f"unknown state {code!r}"))
                continue
            names.setdefault(normalise(" ".join(parts[1:])), set()).add(code)
        return StateRegistry(states, names, ambiguous)

    def _load_treaty(self, tid: str, problems: list[Problem]) -> None:
        import tomllib

        rel = f"treaties/{tid}.toml"
        text = self._read(rel)
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            problems.append((self._where(rel), _toml_err_line(exc), str(exc)))
            return
        try:
            treaty = Treaty.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                problems.append((self._where(rel), _toml_line(text, err["loc"]), _msg(err)))
            return
        if treaty.parent is not None and not self._exists(f"treaties/{treaty.parent}.toml"):
            problems.append((self._where(rel), _toml_line(text, ("parent",)), f"unknown parent treaty {treaty.parent!r}"))
        if treaty.id != tid:
            problems.append((self._where(rel), _toml_line(text, ("id",)), f"id {treaty.id!r} does not match the file name"))
        for q in treaty.quoted_articles():
            if q.source not in self.sources:
                problems.append((self._where(rel), _toml_line(text, (q.source,), value=True), f"unknown source {q.source!r}"))
        for cp in treaty.checkpoints:
            if cp.source not in self.sources:
                problems.append((self._where(rel), _toml_line(text, (cp.source,), value=True), f"unknown source {cp.source!r}"))
        for alias in (treaty.id, treaty.short_title, treaty.title, treaty.untc, *treaty.aliases):
            if not alias:
                continue
            key = normalise(alias)
            other = self._aliases.get(key)
            if other and other != treaty.id:
                problems.append((self._where(rel), _toml_line(text, ("aliases",)),
                                 f"alias {alias!r} already names treaty {other!r}"))
            self._aliases[key] = treaty.id
        self.treaties[tid] = treaty
        self._treaty_cache[tid] = tid

    # -- events, per treaty, on first use ---------------------------------------------------
    def treaty_data(self, tid: str) -> TreatyData:
        td = self._events.get(tid)
        if td is None:
            with self._lock:
                td = self._events.get(tid)
                if td is None:
                    problems: list[Problem] = []
                    td = self._load_events(tid, problems)
                    if problems:
                        raise DataError(problems)
                    self._events[tid] = td
        return td

    def _load_events(self, tid: str, problems: list[Problem]) -> TreatyData:
        treaty = self.treaties[tid]
        rel = f"events/{tid}.txt"
        where = self._where(rel)
        records: dict[str, Record] = {}
        seen: dict[tuple, int] = {}
        default_source: str | None = None
        states = self.states.states
        text = self._read(rel) if self._exists(rel) else ""
        for lineno, parts in _lines(text, keep_quotes=True):
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
            bad = False
            for tok in parts[3:]:
                key, sep, value = tok.partition("=")
                if not sep or key not in _EVENT_KEYS:
                    problems.append((where, lineno, f"unexpected field {tok!r} (known: {', '.join(_EVENT_KEYS)})"))
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
            key = (ev.state, ev.kind, ev.date)
            if key in seen:
                problems.append((where, lineno, f"duplicate record: {ev.state} {ev.kind} {ev.date} (also line {seen[key]})"))
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
            records.setdefault(ev.state, Record(ev.state)).events.append(ev)
        for rec in records.values():
            rec.events.sort(key=_event_order)
            _derive(treaty, rec, problems)
        if treaty.parent is not None:
            # a protocol binds a state only while the parent treaty binds it
            parent = self.treaty_data(treaty.parent).records
            for code, rec in records.items():
                outer = parent[code].intervals if code in parent else []
                rec.intervals = _intersect(rec.intervals, outer)
        return TreatyData(treaty, records, sorted(records))

    def resolve_treaty(self, query: object) -> str:
        from .errors import UnknownTreatyError

        if not isinstance(query, str):
            raise UnknownTreatyError(repr(query))
        hit = self._treaty_cache.get(query)
        if hit is not None:
            return hit
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


def _toml_err_line(exc: Exception) -> int:
    m = re.search(r"line (\d+)", str(exc))
    return int(m.group(1)) if m else 1


def _toml_line(text: str, loc: tuple, value: bool = False) -> int:
    """Best line for a validation error at ``loc`` in a TOML text (1 if not found)."""
    lines = text.splitlines()
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


# -- the shipped data, loaded once ------------------------------------------------------------

_lock = threading.Lock()
_current: Dataset | None = None


def shipped_root() -> Any:
    return resources.files("treatystatus.data")


def dataset() -> Dataset:
    global _current
    ds = _current
    if ds is None:
        with _lock:
            if _current is None:
                _current = Dataset(shipped_root())
            ds = _current
    return ds


def validate(path: str | Path) -> list[Problem]:
    """Every problem found in a data directory, as ``(file, line, message)``; empty if none."""
    root = Path(path)
    try:
        ds = Dataset(root, label=str(root))
    except DataError as exc:
        return list(exc.problems)
    problems: list[Problem] = []
    for tid in ds.treaties:
        try:
            ds.treaty_data(tid)
        except DataError as exc:
            problems.extend(exc.problems)
    return problems
