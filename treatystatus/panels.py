"""State x treaty x date panels, read from the histories' segments.

A state's status under a treaty changes only on a few days; its history holds them. A panel
looks each date up by bisection in the same history every other answer reads, so the panel
agrees with ``status()`` and ``parties()`` by construction, and even the daily panel since
1945 streams in bounded memory.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from typing import Iterable, Iterator, Literal, NamedTuple

from . import queries
from .errors import TreatyStatusError
from .kinds import Status

__all__ = ["PanelRow", "panel_rows", "dates"]

Freq = Literal["year", "month", "day"]


class PanelRow(NamedTuple):
    state: str
    treaty: str
    date: date
    status: Status
    is_party: bool | None


def dates(start: date, end: date, freq: Freq) -> list[date]:
    """1 January of each year, the 1st of each month, or every day, from ``start`` to ``end``."""
    if freq == "day":
        return [start + timedelta(days=i) for i in range((end - start).days + 1)]
    y, m = start.year, start.month
    if freq == "year":
        first = y if start == date(y, 1, 1) else y + 1
        return [date(yy, 1, 1) for yy in range(first, end.year + 1)]
    if freq != "month":
        raise TreatyStatusError(f"unknown frequency {freq!r}: use 'year', 'month' or 'day'")
    out = []
    d = date(y, m, 1) if start.day == 1 else date(y + (m == 12), m % 12 + 1, 1)
    while d <= end:
        out.append(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


def panel_rows(treaties: Iterable[str] | str | None = None, start: object = "1945-01-01", end: object = None,
               freq: Freq = "year", states: Iterable[str] | None = None) -> Iterator[PanelRow]:
    """Stream the long panel: one row per state, treaty and date.

    ``treaties``: ids or aliases (default: every treaty). ``states``: codes or names (default:
    on each date, the current states that existed then, as :func:`treatystatus.non_parties`
    uses). Dates: 1 January of each year, the 1st of each month, or every day, from ``start``
    to ``end`` (default today). A row's status is undecided where the history's is (its
    ``is_party`` is then None unless every possibility agrees). The arguments are checked
    when this is called, before any row is made.
    """
    if treaties is None:
        tids = queries.treaty_ids()
    else:
        tids = [queries.resolve_treaty(t) for t in ([treaties] if isinstance(treaties, str) else treaties)]
    d0, d1 = queries.to_date(start), queries.to_date(end)
    if d0 > d1:
        raise TreatyStatusError(f"the panel starts ({d0}) after it ends ({d1})")
    fixed = None if states is None else [queries.resolve_state(s) for s in states]
    days = dates(d0, d1, freq)
    return _rows(tids, days, fixed)


_new_row = tuple.__new__


def _rows(tids: list[str], days: list[date], fixed: list[str] | None) -> Iterator[PanelRow]:
    arrays: dict[str, dict[str, tuple]] = {tid: {} for tid in tids}
    new, row = _new_row, PanelRow
    for d in days:
        o = d.toordinal()
        codes = fixed if fixed is not None else queries.states_on(d)
        for tid in tids:
            per = arrays[tid]
            for code in codes:
                a = per.get(code)
                if a is None:
                    a = per[code] = queries.history_arrays(code, tid)
                i = bisect_right(a[0], o) - 1
                yield new(row, (code, tid, d, a[1][i], a[2][i]))
