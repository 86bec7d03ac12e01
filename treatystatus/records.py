"""The plain, frozen records every layer reads: an act or fact of a state under a treaty, a
state, a source.

The data files are validated once (``schema``) and compiled into these records; the rules,
the index, the results and the explanations all read the same objects.
"""

from __future__ import annotations

from datetime import date

from .dates import DateRange, edtf
from .frozen import Frozen

__all__ = ["Event", "Notification", "StateInfo", "Source"]


class Event(Frozen):
    """One dated record for one state and one treaty, as written on one data line.

    Fields: ``treaty``, ``state``, ``kind`` (an :class:`~treatystatus.kinds.EventKind`);
    ``date``, the day the depositary received the instrument (or the day of the
    announcement): a date where the source gives the day, else a
    :class:`~treatystatus.dates.DateRange`; ``source``; ``also`` (further sources, for
    facts on the line the main source does not give); ``effective`` (for a succession, the
    day it takes effect; for a withdrawal, the day the depositary gives for its effect);
    ``in_force`` (the day the treaty entered into force for the state, where a source gives
    it); ``ref`` (the depositary notification number); ``at`` (where it was deposited, for a
    treaty with several depositaries); ``disputed`` (a withdrawal whose effect is disputed);
    ``immediate`` (it took immediate effect under the treaty's clause for parties to a
    conflict, as the source says); ``note``; ``origin`` (``file:line``); for a declaration,
    ``article`` (the article it is made under) and ``value`` (what it declares, where that is
    a value: a minimum age); for a withdrawal, ``ceased``: the state ceased to be a party by the
    operation of a clause (expulsion from an organisation), not by a notice of its own.
    """

    __slots__ = ("treaty", "state", "kind", "date", "source", "also", "effective", "in_force", "ref", "at",
                 "disputed", "immediate", "note", "origin", "article", "value", "ceased")
    _defaults = {"also": (), "effective": None, "in_force": None, "ref": None, "at": None, "disputed": False,
                 "immediate": False, "note": None, "origin": "", "article": None, "value": None, "ceased": False}

    def _values(self) -> tuple:  # where a record was read does not make it another record
        return (self.treaty, self.state, self.kind, self.date, self.source, self.also, self.effective, self.in_force,
                self.ref, self.at, self.disputed, self.immediate, self.note, self.article, self.value, self.ceased)

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
            "note": self.note, "origin": self.origin, "article": self.article, "value": self.value,
            "ceased": self.ceased,
        }


class Notification(Frozen):
    """One notification of a derogation (or of its extension, change, end, or information about
    it), as written on one line of ``derogations/<treaty>.txt``.

    ``kind``: ``derogation``, ``extension``, ``change``, ``termination``, ``information``;
    ``received``: the date of receipt the depositary gives (None where it gives none);
    ``noted``: the date of the note; ``measure`` (state of emergency, martial law ...);
    ``articles``: the treaty's articles named, as written ("9(3)", "12"), None where the text
    names none; ``territory``: ``"whole"`` or the words of the text, None where it names none;
    ``start`` and ``end``: the first and last day where the text states them (``end`` of a
    termination: the first day the measure no longer stood); ``length``: the period stated, as
    (n, "d" or "m"); ``ref`` (the depositary notification number); ``quote`` (the depositary's
    words); ``source``, ``also``, ``note``, ``origin`` (``file:line``).
    """

    __slots__ = ("treaty", "state", "kind", "received", "noted", "measure", "articles", "territory", "start",
                 "end", "length", "ref", "quote", "source", "also", "note", "origin")
    _defaults = {"received": None, "noted": None, "measure": None, "articles": None, "territory": None,
                 "start": None, "end": None, "length": None, "ref": None, "quote": None, "also": (), "note": None,
                 "origin": ""}

    def _values(self) -> tuple:
        return tuple(getattr(self, n) for n in self.__slots__ if n != "origin")

    def to_dict(self) -> dict:
        def day(x):
            if x is None:
                return None
            return x.isoformat() if not isinstance(x, DateRange) else x.to_json()

        return {"treaty": self.treaty, "state": self.state, "kind": self.kind, "received": day(self.received),
                "noted": day(self.noted), "measure": self.measure,
                "articles": None if self.articles is None else list(self.articles), "territory": self.territory,
                "start": day(self.start), "end": day(self.end),
                "length": None if self.length is None else f"{self.length[0]}{self.length[1]}", "ref": self.ref,
                "quote": self.quote, "source": self.source, "also": list(self.also), "note": self.note,
                "origin": self.origin}


class StateInfo(Frozen):
    """A state (or other entity) that can take part in treaties.

    ``kind``: ``state`` (in the list of independent states the data follow), ``participant``
    (not in that list, but takes part in treaties in its own right: Cook Islands, Niue, the
    State of Palestine), ``other`` (resolves, but is outside the set of states that lists and
    panels count: Kosovo, Taiwan). ``since`` and ``until``: the first day it existed as such
    and the first day it no longer did (None: before the list's start, or still exists).
    ``continued_by``: the state that continues it (the same legal person), whose records
    stand for it. ``un``: its standing at the United Nations, ``member`` or ``observer`` or
    None, from ``un_since`` until ``un_until``: a separate fact, which no answer depends on.
    """

    __slots__ = ("code", "name", "kind", "since", "until", "continued_by", "un", "un_since", "un_until")
    _defaults = {"since": None, "until": None, "continued_by": None, "un": None, "un_since": None, "un_until": None}

    @property
    def counted_from(self) -> date | None:
        """The first day lists count it: the day it came to exist, or the earlier day it was
        admitted to the United Nations (the Ukrainian SSR, India before 1947); None: always."""
        if self.since is None:
            return None
        if self.un == "member" and self.un_since is not None and self.un_since < self.since:
            return self.un_since
        return self.since


class Source(Frozen):
    """Where facts come from: a status page, a notification, a database page, an article.

    ``date`` is the date the source describes ("status as at"), or its publication date.
    """

    __slots__ = ("id", "kind", "title", "publisher", "url", "date", "retrieved", "note")
    _defaults = {"url": None, "date": None, "retrieved": None, "note": None}

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
