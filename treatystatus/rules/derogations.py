"""Derogations: which notified measures stand on a day, from a state's notifications.

A state that derogates from a treaty in an emergency (ICCPR Art. 4(3), ECHR Art. 15(3))
notifies the measure, often with the articles, the territory and a period, then notifies
extensions, changes and its end. The records are :class:`~treatystatus.records.Notification`
objects in the depositary's order; this module groups them into *spells*, one a measure, and
decides, for a day, whether each spell stands then:

- a ``derogation`` opens a spell; an ``extension`` or a ``change`` continues the latest spell
  of the same measure (and, where both name one, the same territory); an ``information``
  notice adds its record, and the articles where it names them, to that spell;
- a link's first day is the day it states (``start``); for an extension that states none, the
  day after the previous link's last day when that day is known; otherwise, for a derogation,
  it is known only to be on or before the day of the note (a derogation is notified once made,
  and "immediately": "the provisions from which it has derogated", Art. 4(3)), and, where the
  notice states a period, not earlier than the period that ends on the day of the note
  allows (the period includes the day of the note); for an extension, it is not known;
- its last day is the day it states (``end``), or its first day plus its period (``length``,
  the first day counted); with a first day known only as a latest day, the last day is known
  only as at most that day plus the period; with no end and no period, none is notified;
- the links of a spell are one measure without a break: an extension continues what it
  extends (the extension of a lapsed measure would be a new one), so a spell stands from the
  first day of its first link to the last day of its last link;
- an extension with no spell to extend (its measure's notification is not on record) opens one,
  whose first day is on or before the day of its note and after the end of any earlier spell of
  the same measure;
- a ``termination`` that names articles and no measure ends the derogation from those
  articles only; any other ``termination`` ends the running spells it names (same measure where it names one; the
  territory where it names one, else all); it takes effect on the day it states (``end``:
  the first day the measure no longer stands), else on a day between the spell's last record
  and the notice; a later ``derogation`` of the same measure and territory ends a spell that
  had no end notified.

No English here: :mod:`treatystatus.explain` words the answers.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..dates import add_months, bounds

__all__ = ["Spell", "spells", "stands_on", "period_end"]

_ONE = timedelta(days=1)
Bounds = tuple  # (earliest or None, latest or None)


def period_end(first: date, length: tuple[int, str]) -> date:
    """The last day of a period of ``length`` (n, "d" or "m") that begins on ``first``, the first
    day counted: 30 days from 24 February 2022 end on 25 March 2022; four months from 5 June
    1991, on 4 October 1991."""
    n, unit = length
    if unit == "d":
        return first + timedelta(days=n - 1)
    return add_months(first, n) - _ONE


class Link:
    """One notification that opens or continues a spell, with its first and last day."""

    __slots__ = ("n", "first", "last", "first_how", "last_how")

    def __init__(self, n, first: Bounds, last: Bounds | None, first_how: str, last_how: str | None):
        #: the notification; its first day (bounds) and how it is known: stated, after-previous,
        #: by-note (on or before the note's day), unknown; its last day (bounds, None: no end
        #: notified) and how: stated, period, by-period (at most the latest first day + period)
        self.n, self.first, self.last, self.first_how, self.last_how = n, first, last, first_how, last_how


class Spell:
    """One measure as notified: its links, the records that inform it, and what ended it."""

    __slots__ = ("measure", "territory", "links", "records", "ended", "ended_by", "ended_how")

    def __init__(self, link: Link):
        self.measure = link.n.measure
        self.territory = link.n.territory
        self.links: list[Link] = [link]
        #: every notification of the spell, in order (links, information notices, its end)
        self.records: list = [link.n]
        #: bounds of the first day the measure no longer stands, once a record ends it
        self.ended: Bounds | None = None
        self.ended_by = None
        #: termination, superseded (by a later derogation of the same measure), or None
        self.ended_how: str | None = None

    @property
    def first(self) -> Bounds:
        return self.links[0].first

    @property
    def last(self) -> Bounds | None:
        """Bounds of the last day of the last notified period; None: no end notified."""
        return self.links[-1].last

    def until(self) -> Bounds | None:
        """Bounds of the last day the measure stands (None: no end on record)."""
        if self.ended is not None:
            lo, hi = self.ended
            end = (None if lo is None else lo - _ONE, None if hi is None else hi - _ONE)
            last = self.last
            if last is not None and last[1] is not None and (end[0] is None or last[1] < end[0]):
                return last  # its period had run out before the termination
            return end
        return self.last

    def at(self, d: date, what: str):
        """The latest value of ``what`` (articles, territory) notified on or before ``d``."""
        v = None
        for n in self.records:
            day = n.noted or n.received
            if n.kind == "termination":  # a partial one: the articles it names are no longer derogated from
                if what == "articles" and v and n.articles and (day is None or bounds(day)[1] <= d):
                    v = tuple(a for a in v if a not in n.articles) or v
                continue
            if getattr(n, what) is not None and (day is None or bounds(day)[1] <= d or n is self.records[0]):
                v = getattr(n, what)
        return v


def _key(t: str | None) -> str:
    return "" if t is None else " ".join(t.casefold().split())


def _noted(n) -> date | None:
    x = n.noted or n.received
    return None if x is None else bounds(x)[1]


def _bounds(x) -> Bounds:
    return bounds(x)


def _link(n, previous: Link | None) -> Link:
    if n.start is not None:
        first, how = _bounds(n.start), "stated"
    elif previous is not None and previous.last is not None and previous.last[0] is not None \
            and previous.last[0] == previous.last[1]:
        first, how = (previous.last[0] + _ONE,) * 2, "after-previous"
    elif n.kind == "derogation" and _noted(n) is not None:
        d = _noted(n)
        # notified "immediately" (Art. 4(3)): a stated period includes the day of the note
        first = (None if n.length is None else d - (period_end(d, n.length) - d), d)
        how = "by-note"
    else:
        first, how = (None, None), "unknown"
    if n.end is not None:
        last, lhow = _bounds(n.end), "stated"
    elif n.length is not None and first[1] is not None:
        if first[0] == first[1]:
            last, lhow = (period_end(first[0], n.length),) * 2, "period"
        else:
            last, lhow = (None, period_end(first[1], n.length)), "by-period"
    elif n.length is not None:
        last, lhow = (None, None), "by-period"
    else:
        last, lhow = None, None
    return Link(n, first, last, how, lhow)


def _running(s: Spell) -> bool:
    return s.ended is None


def spells(notifications) -> list[Spell]:
    """The state's notifications (in the depositary's order) grouped into spells."""
    out: list[Spell] = []
    for n in notifications:
        k = n.kind
        same = [s for s in out if _running(s) and (n.measure is None or s.measure is None
                                                    or _key(s.measure) == _key(n.measure))]
        if n.territory is not None and n.territory != "whole":
            exact = [s for s in same if _key(s.territory) == _key(n.territory)]
        else:
            exact = []
        if k == "derogation":
            for s in same:  # a new derogation of the same measure ends one that had no end notified
                if s.last is None and _key(s.territory) == _key(n.territory):
                    lk = _link(n, None)
                    s.ended, s.ended_by, s.ended_how = (None, lk.first[1]), n, "superseded"
                    s.records.append(n)
            out.append(Spell(_link(n, None)))
        elif k in ("extension", "change"):
            target = (exact or same or [s for s in out if _running(s)] or [None])[-1]
            if target is None:  # extends a measure whose notification is not on record
                lk = _link(n, None)
                if lk.first == (None, None) and _noted(n) is not None:
                    ended = [s.until() for s in out if s.until() is not None and s.until()[1] is not None
                             and (n.measure is None or _key(s.measure) == _key(n.measure))]
                    lo = max(u[1] for u in ended) + _ONE if ended else None
                    lk.first, lk.first_how = (lo, _noted(n)), "by-note"
                out.append(Spell(lk))
                continue
            lk = _link(n, target.links[-1])
            if k == "change" and lk.last is None and n.length is None:
                lk.last, lk.last_how = target.links[-1].last, target.links[-1].last_how
            target.links.append(lk)
            target.records.append(n)
            if n.territory is not None and k == "change":
                target.territory = n.territory
        elif k == "information":
            target = (exact or same or [s for s in out if _running(s)] or [None])[-1]
            if target is not None:
                target.records.append(n)
        elif k == "termination" and n.articles is not None and (n.measure is None or not same):
            # the end of the derogation from some articles only: the spell goes on without them
            target = (same or [s for s in out if _running(s)] or [None])[-1]
            if target is not None:
                target.records.append(n)
        elif k == "termination":
            if n.territory is None or n.territory == "whole":
                ended = same
            else:
                ended = exact or same[-1:]
            for s in ended:
                s.ended, s.ended_by, s.ended_how = _ended(n, s), n, "termination"
                s.records.append(n)
    return out


def _ended(n, s: Spell) -> Bounds:
    """Bounds of the first day a terminated spell no longer stands."""
    if n.end is not None:
        return _bounds(n.end)
    hi = _noted(n)
    lo = None
    for r in s.records:  # the spell stood when its last record before the termination was made
        d = _noted(r)
        if d is not None and (lo is None or d > lo):
            lo = d
    if s.links[-1].first[0] is not None and (lo is None or s.links[-1].first[0] > lo):
        lo = s.links[-1].first[0]
    if lo is not None and hi is not None and lo + _ONE > hi:
        return (hi, hi)
    return (None if lo is None else lo + _ONE, hi)


def stands_on(s: Spell, d: date) -> bool | None:
    """True if the spell stands on ``d``, False if not, None where a day the record does not
    give decides it."""
    lo, hi = s.first
    u = s.until()
    if (lo is not None and d < lo) or (u is not None and u[1] is not None and d > u[1]):
        return False
    if hi is None or d < hi:
        return None
    if u is None or (u[0] is not None and d <= u[0]):
        return True
    return None
