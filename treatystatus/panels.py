"""State x treaty x date panels, computed from each record's change points.

A state's status under a treaty changes only on a few days (a signature, a
deposit, an entry into force, a withdrawal taking effect). Those days are
computed once per state and treaty, with the same rules as
:func:`treatystatus.status`; a panel then looks each date up by bisection, so
even the daily panel since 1945 streams in bounded memory.
"""

from __future__ import annotations

import bisect
import threading
from datetime import date, timedelta
from typing import Iterable, Iterator, Literal, NamedTuple

from . import api
from .models import Status
from .store import dataset

__all__ = ["PanelRow", "panel_rows", "dates", "status_changes"]

Freq = Literal["year", "month", "day"]
_BOUND = (Status.PARTY, Status.WITHDRAWAL_PENDING)
_UNSETTLED = (Status.UNKNOWN, Status.WITHDRAWAL_DISPUTED)


class PanelRow(NamedTuple):
    state: str
    treaty: str
    date: date
    status: Status
    is_party: bool | None


_lock = threading.Lock()
_cache: dict[tuple[int, str, str], tuple[list[date], list[Status]]] = {}


def status_changes(state: str, treaty: str) -> tuple[tuple[date, Status], ...]:
    """The days on which ``state``'s status under ``treaty`` changes, with the new status."""
    days, statuses = _changes(api.resolve_state(state), api.treaty(treaty).id)
    return tuple(zip(days, statuses))


def _changes(code: str, tid: str) -> tuple[list[date], list[Status]]:
    ds = dataset()
    key = (id(ds), code, tid)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    candidates: set[date] = set()
    t = tid
    while t is not None:  # the treaty and its parents
        td = ds.treaty_data(t)
        candidates.add(td.treaty.adopted)  # where signatures are incomplete, "not-party" starts here
        rec = td.records.get(code)
        if rec is None and ds.states.states[code].continued_by:
            rec = td.records.get(ds.states.states[code].continued_by)
        if rec is not None:
            for e in rec.events:
                candidates.add(e.date)
                if e.effective:
                    candidates.add(e.effective)
            for start, end in rec.intervals:
                candidates.add(start)
                if end is not None:
                    candidates.add(end)
        t = td.treaty.parent
    days: list[date] = []
    statuses: list[Status] = []
    last = Status.NOT_SIGNED
    for d in sorted(candidates):
        st = api._status_only(code, tid, d)
        if st is not last:
            days.append(d)
            statuses.append(st)
            last = st
    with _lock:
        _cache[key] = (days, statuses)
    return days, statuses


def dates(start: date, end: date, freq: Freq) -> list[date]:
    """1 January of each year, the 1st of each month, or every day, from ``start`` to ``end``."""
    if freq == "day":
        return [start + timedelta(days=i) for i in range((end - start).days + 1)]
    out = []
    y, m = start.year, start.month
    if freq == "year":
        first = date(y, 1, 1) if start == date(y, 1, 1) else date(y + 1, 1, 1)
        return [date(yy, 1, 1) for yy in range(first.year, end.year + 1)]
    if freq != "month":
        from .errors import TreatyStatusError

        raise TreatyStatusError(f"unknown frequency {freq!r}: use 'year', 'month' or 'day'")
    d = date(y, m, 1) if start.day == 1 else (date(y + (m == 12), m % 12 + 1, 1))
    while d <= end:
        out.append(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


def panel_rows(treaties: Iterable[str] | str | None = None, start: object = "1945-01-01", end: object = None,
               freq: Freq = "year", states: Iterable[str] | None = None) -> Iterator[PanelRow]:
    """Stream the long panel: one row per state, treaty and date.

    ``treaties``: ids or aliases (default: every treaty). ``states``: codes or
    names (default: on each date, the current states that existed then, as
    :func:`treatystatus.non_parties` uses). Dates: 1 January of each year, the
    1st of each month, or every day, from ``start`` to ``end`` (default today).
    """
    ds = dataset()
    if treaties is None:
        tids = sorted(ds.treaties)
    else:
        tids = [api.treaty(t).id for t in ([treaties] if isinstance(treaties, str) else treaties)]
    d0, d1 = api.to_date(start), api.to_date(end)
    fixed = None if states is None else [api.resolve_state(s) for s in states]
    days = dates(d0, d1, freq)
    registry = ds.states
    for d in days:
        codes = fixed if fixed is not None else registry.existing_on(d)
        for tid in tids:
            for code in codes:
                ch_days, ch_status = _changes(code, tid)
                i = bisect.bisect_right(ch_days, d)
                st = ch_status[i - 1] if i else Status.NOT_SIGNED
                yield PanelRow(code, tid, d, st, None if st in _UNSETTLED else st in _BOUND)
