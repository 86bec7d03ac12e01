"""One recorded act or fact of a state under a treaty: the plain, frozen record every layer reads.

The data files are validated once (``schema``) and compiled into these records; the rules,
the index, the results and the explanations all read the same objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .dates import DateRange, Day, edtf
from .kinds import EventKind

__all__ = ["Event", "StateInfo", "Source"]


@dataclass(frozen=True, slots=True)
class Event:
    """One dated record for one state and one treaty, as written on one data line."""

    treaty: str
    state: str
    kind: EventKind
    #: the day the depositary received the instrument (or the day of the announcement): a
    #: date where the source gives the day, else a :class:`~treatystatus.dates.DateRange`
    date: Day
    source: str
    #: further sources, for facts on the line that the main source does not give
    also: tuple[str, ...] = ()
    #: for a succession, the day it takes effect; for a withdrawal, the day the depositary
    #: gives for its effect
    effective: date | None = None
    #: the day the treaty entered into force for the state, where a source gives it
    in_force: date | None = None
    #: the depositary notification (C.N.) number or another reference within the source
    ref: str | None = None
    #: where the instrument was deposited, for a treaty with several depositaries
    at: str | None = None
    #: a withdrawal whose legal effect is disputed
    disputed: bool = False
    #: the instrument took immediate effect under the treaty's clause for parties to a
    #: conflict, as the source says (Geneva Conventions, Arts. 62/61/141/157)
    immediate: bool = False
    note: str | None = None
    #: where the record was read: ``file:line``
    origin: str = field(default="", compare=False, repr=False)

    @property
    def precision(self) -> str:
        """``day``, ``month``, ``year``, ``by`` (only a latest day) or ``range``."""
        return self.date.precision if isinstance(self.date, DateRange) else "day"

    @property
    def earliest(self) -> date | None:
        return self.date.earliest if isinstance(self.date, DateRange) else self.date

    @property
    def latest(self) -> date:
        return self.date.latest if isinstance(self.date, DateRange) else self.date

    def to_dict(self) -> dict:
        """The record as plain JSON-ready values; an uncertain date as its bounds and EDTF form."""
        d = self.date
        return {
            "treaty": self.treaty, "state": self.state, "kind": self.kind.value,
            "date": d.isoformat() if not isinstance(d, DateRange) else d.to_json(),
            "precision": self.precision, "edtf": edtf(d), "source": self.source, "also": list(self.also),
            "effective": self.effective.isoformat() if self.effective else None,
            "in_force": self.in_force.isoformat() if self.in_force else None,
            "ref": self.ref, "at": self.at, "disputed": self.disputed, "immediate": self.immediate,
            "note": self.note, "origin": self.origin,
        }


@dataclass(frozen=True, slots=True)
class StateInfo:
    """A state (or other entity) that can take part in treaties."""

    code: str
    name: str
    #: un-member, observer, non-member (Cook Islands, Niue), other (Kosovo: resolves, not in
    #: the list of current states), historical
    kind: str
    #: UN admission date for members; for others the date given in the states file
    since: date | None = None
    #: the first day it no longer existed
    until: date | None = None
    #: the state that continues it (the same legal person), whose records stand for it
    continued_by: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Where facts come from: a status page, a notification, a database page, an article."""

    id: str
    kind: str
    title: str
    publisher: str
    url: str | None = None
    #: the date the source describes ("status as at"), or its publication date
    date: date | None = None
    retrieved: date | None = None
    note: str | None = None

    @classmethod
    def from_plain(cls, d: dict) -> "Source":
        def day(x):
            return None if x is None else date.fromisoformat(x)

        return cls(d["id"], d["kind"], d["title"], d["publisher"], d.get("url"), day(d.get("date")),
                   day(d.get("retrieved")), d.get("note"))

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "title": self.title, "publisher": self.publisher, "url": self.url,
                "date": self.date.isoformat() if self.date else None,
                "retrieved": self.retrieved.isoformat() if self.retrieved else None, "note": self.note}
