"""Dates: user input, dates known only roughly, and calendar arithmetic.

A date the sources give to the day is a plain :class:`datetime.date`. A date known only to
the month or the year, or only as a latest possible day, is a :class:`DateRange`: the
earliest and the latest day it can be, and how precisely the source gives it. Everything
derived from a range is a range (the rules are monotone: they are applied to both ends).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .errors import InvalidDateError

__all__ = ["DateRange", "Day", "to_date", "add_months", "month_length", "parse_data_date", "bounds", "edtf",
           "iso_or_range", "MIN", "MAX"]

MIN = date.min
MAX = date.max


class DateRange:
    """One unknown day between ``earliest`` and ``latest`` (both included).

    ``precision`` says what the source gave: ``"month"``, ``"year"``, ``"by"`` (only a latest
    day; ``earliest`` is then the earliest day other facts allow, or None) or ``"range"``
    (bounds derived by a rule, or given as such). ``str()`` writes it in the Extended Date/Time
    Format of the Library of Congress (EDTF): ``2025``, ``2008-08``, ``[..2026-06-01]``,
    ``[2025-07-01..2026-06-30]``.
    """

    __slots__ = ("earliest", "latest", "precision")

    def __init__(self, earliest: date | None, latest: date, precision: str = "range"):
        if earliest is not None and earliest > latest:
            raise ValueError(f"a range cannot end ({latest}) before it starts ({earliest})")
        object.__setattr__(self, "earliest", earliest)
        object.__setattr__(self, "latest", latest)
        object.__setattr__(self, "precision", precision)

    def __setattr__(self, name, value):  # frozen
        raise AttributeError("DateRange is immutable")

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, DateRange) and self.earliest == other.earliest and self.latest == other.latest
                and self.precision == other.precision)

    def __hash__(self) -> int:
        return hash((self.earliest, self.latest, self.precision))

    def __repr__(self) -> str:
        return f"DateRange({self.earliest!r}, {self.latest!r}, {self.precision!r})"

    def __str__(self) -> str:
        return edtf(self)

    def __reduce__(self):
        return (DateRange, (self.earliest, self.latest, self.precision))

    def contains(self, d: date) -> bool:
        return (self.earliest is None or self.earliest <= d) and d <= self.latest

    def to_json(self) -> dict:
        return {"earliest": self.earliest.isoformat() if self.earliest else None, "latest": self.latest.isoformat(),
                "precision": self.precision, "edtf": edtf(self)}


#: a day as precisely as it is known: an exact date, or a range
Day = date | DateRange


def bounds(d: Day) -> tuple[date | None, date]:
    """``(earliest, latest)`` of a date or a range."""
    if isinstance(d, DateRange):
        return d.earliest, d.latest
    return d, d


def iso_or_range(lo: date | None, hi: date, precision: str = "range") -> Day:
    """A plain date when the bounds are one day, else a range."""
    if lo == hi:
        return hi
    if precision == "range" and lo is not None:
        if lo.day == 1 and hi == date(lo.year, lo.month, month_length(lo.year, lo.month)):
            precision = "month"
        elif lo == date(lo.year, 1, 1) and hi == date(lo.year, 12, 31):
            precision = "year"
    return DateRange(lo, hi, precision)


def edtf(d: Day | None) -> str:
    """The date in EDTF: ``2025-12-27``, ``2025``, ``2008-08``, ``[..2026-06-01]``, ``[2025-07-01..2026-06-30]``."""
    if d is None:
        return ""
    if not isinstance(d, DateRange):
        return d.isoformat()
    lo, hi = d.earliest, d.latest
    if lo is not None and lo.day == 1 and hi == date(lo.year, lo.month, month_length(lo.year, lo.month)):
        return f"{lo:%Y-%m}"
    if lo is not None and lo == date(lo.year, 1, 1) and hi == date(lo.year, 12, 31):
        return f"{lo.year:04d}"
    return f"[{lo.isoformat() if lo else ''}..{hi.isoformat()}]"


def month_length(y: int, m: int) -> int:
    if m == 2:
        return 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28
    return 30 if m in (4, 6, 9, 11) else 31


def add_months(d: date, n: int) -> date:
    """The same day ``n`` months later; the last day of the month where that day does not exist."""
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, month_length(y, m)))


def add_days(d: date, n: int) -> date:
    return d + timedelta(days=n)


_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS.update({"sept": 9})

_FORMS = "2025-12-27, 20251227, 27 December 2025, 27 Dec 2025, December 27, 2025"


def to_date(value: object, *, default_today: bool = True) -> date:
    """A ``date``, ``datetime`` or a date string as a date; ``None`` is today.

    Strings: ISO 8601 ``2025-12-27`` or ``20251227``, ``27 December 2025``, ``27 Dec 2025``
    and ``December 27, 2025``. Refused, with the reason: forms whose order of day and month is
    ambiguous (``01/02/2025``), and a month or a year alone (``2025-06``, ``2025``) where a day
    is needed.
    """
    if value is None and default_today:
        return date.today()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            if len(s) == 10 and s[4] == "-" and s[7] == "-" and s[:4].isdigit():
                return date.fromisoformat(s)
            if len(s) == 8 and s.isdigit():
                return date(int(s[:4]), int(s[4:6]), int(s[6:]))
            parts = s.replace(",", " ").replace(".", " ").split()
            if len(parts) == 3:
                a, b, c = (p.casefold() for p in parts)
                if a.isdigit() and c.isdigit() and b in _MONTHS and len(c) == 4:
                    return date(int(c), _MONTHS[b], int(a))
                if b.isdigit() and c.isdigit() and a in _MONTHS and len(c) == 4:
                    return date(int(c), _MONTHS[a], int(b))
        except ValueError as exc:  # the form is right, the day is not (2025-02-30)
            raise InvalidDateError(value, f"{exc}; give a real day, such as 2025-12-27") from None
        for sep in "/.-":
            bits = s.split(sep)
            if len(bits) == 3 and all(b.isdigit() for b in bits) and len(bits[2]) == 4:
                raise InvalidDateError(value, "a date written with numbers only is read day-first in some countries "
                                              f"and month-first in others; accepted forms: {_FORMS}")
        if (len(s) == 4 and s.isdigit()) or (len(s) == 7 and s[4] == "-" and s[:4].isdigit() and s[5:].isdigit()):
            raise InvalidDateError(value, f"a {'year' if len(s) == 4 else 'month'} alone is not a day, and this "
                                          f"question needs one; accepted forms: {_FORMS}")
    raise InvalidDateError(value, f"accepted forms: {_FORMS}")


def parse_data_date(s: str) -> tuple[date | None, date, str]:
    """A date as the data files write it: ``(earliest, latest, precision)``.

    ``YYYY-MM-DD`` (a day), ``YYYY-MM`` (a month), ``YYYY`` (a year), ``<=YYYY-MM-DD`` (on or
    before that day), ``YYYY-MM-DD..YYYY-MM-DD`` (one day between the two, both included).
    Raises ValueError for anything else, or for a day the calendar does not have.
    """
    if s.startswith("<="):
        return None, date.fromisoformat(_day(s[2:])), "by"
    if ".." in s:
        a, _, b = s.partition("..")
        lo, hi = date.fromisoformat(_day(a)), date.fromisoformat(_day(b))
        if lo >= hi:
            raise ValueError(f"{s}: the first day of a range must be before the last")
        return lo, hi, "range"
    if len(s) == 7 and s[4] == "-" and s[:4].isdigit() and s[5:].isdigit():
        y, m = int(s[:4]), int(s[5:])
        if not 1 <= m <= 12:
            raise ValueError(f"{s}: no month {m}")
        return date(y, m, 1), date(y, m, month_length(y, m)), "month"
    if len(s) == 4 and s.isdigit():
        y = int(s)
        return date(y, 1, 1), date(y, 12, 31), "year"
    d = date.fromisoformat(_day(s))
    return d, d, "day"


def _day(s: str) -> str:
    if len(s) != 10 or s[4] != "-" or s[7] != "-":
        raise ValueError(f"{s!r} is not a date (YYYY-MM-DD)")
    return s
