"""Declarations under an article of a treaty: which stand on a day.

A declaration (accepting a committee's competence, declaring a minimum age) is made on a day
and stands until it is withdrawn or its stated period ends; the data record the end as a
``declaration-withdrawn`` record. A later declaration under the same article replaces the
earlier one (a renewal, or a new minimum age). It has effect only while the treaty binds the
state: the caller combines the answer with the state's status.
"""

from __future__ import annotations

from datetime import date

from ..dates import bounds
from ..kinds import EventKind
from ..records import Event

__all__ = ["DeclarationSpell", "spells", "stands_on"]


class DeclarationSpell:
    """One declaration and what ended it (None: nothing on record)."""

    __slots__ = ("made", "ended")

    def __init__(self, made: Event, ended: Event | None):
        self.made, self.ended = made, ended

    @property
    def ended_how(self) -> str | None:
        """``replaced`` (by a later declaration), ``lapsed`` (its stated period ran out: the
        record's note says so), ``withdrawn``, or None while nothing ends it."""
        e = self.ended
        if e is None:
            return None
        if e.kind is self.made.kind:
            return "replaced"
        return "lapsed" if "end of the period" in (e.note or "") else "withdrawn"


def spells(events: list[Event], article: str) -> list[DeclarationSpell]:
    """The state's declarations under ``article``, in order, each with the record that ended it
    (a withdrawal, or the next declaration under the same article)."""
    out: list[DeclarationSpell] = []
    for e in events:
        if e.article != article:
            continue
        if e.kind is EventKind.DECLARATION:
            if out and out[-1].ended is None:
                out[-1].ended = e
            out.append(DeclarationSpell(e, None))
        elif e.kind is EventKind.DECLARATION_WITHDRAWN and out and out[-1].ended is None:
            out[-1].ended = e
    return out


def stands_on(spell: DeclarationSpell, on: date) -> bool | None:
    """True if the declaration stands on ``on``, False if not, None where an unknown day decides."""
    lo, hi = bounds(spell.made.date)
    if hi > on:
        return False if lo is None or lo > on else None
    if spell.ended is None:
        return True
    elo, ehi = bounds(spell.ended.date)
    if ehi <= on:
        return False
    return True if elo is not None and elo > on else None
