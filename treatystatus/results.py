"""What the queries return: frozen records with a plain-dict form, a terminal form and a notebook form.

Dates are ``datetime.date`` where the sources give the day, and
:class:`~treatystatus.dates.DateRange` where they do not; ``to_dict()`` writes a range as
its bounds, its precision and its EDTF form, so no export turns a year into a day.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from .dates import DateRange, edtf
from .frozen import Frozen
from .jsontext import dumps
from .records import Event, Notification, Source

__all__ = ["StatusResult", "WithdrawalResult", "Timeline", "Results", "StateList", "Declaration", "Declarations",
           "Derogation", "Derogations", "DerogatingList", "Derogability", "Change", "Changes", "plain", "dumps"]



def plain(v: object) -> object:
    """A value as JSON-ready data."""
    if v is None or isinstance(v, (bool, int, float, str)):
        return v.value if isinstance(v, Enum) else v
    if isinstance(v, Enum):
        return v.value
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, DateRange):
        return v.to_json()
    if isinstance(v, (Event, Source, Notification)):
        return v.to_dict()
    if isinstance(v, _Result):
        return v.to_dict()
    if isinstance(v, (list, tuple, frozenset, set)):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    return str(v)


class _Result(Frozen):
    __slots__ = ()

    def to_dict(self) -> dict:
        """The result as plain JSON-ready values (dates as ISO strings, ranges as their bounds)."""
        return {n: plain(getattr(self, n)) for n in self._fields}

    def to_json(self, indent: int | None = 2) -> str:
        return dumps(self.to_dict(), indent)

    def __str__(self) -> str:
        return getattr(self, "explanation", "") or repr(self)

    def _repr_html_(self) -> str:
        """A compact table for Jupyter: the fields that have a value, the explanation, the sources."""
        from html import escape

        skip = {"explanation", "sources", "announcements", "events", "references", "clause"}
        rows = []
        for name in self._fields:
            v = getattr(self, name)
            if name in skip or v is None or v == () or v is False:
                continue
            rows.append((name, v.value if isinstance(v, Enum) else (edtf(v) if isinstance(v, DateRange) else v)))
        cells = "".join(f"<tr><th style='text-align:left'>{escape(k)}</th><td style='text-align:left'>"
                        f"{escape(str(v))}</td></tr>" for k, v in rows)
        out = [f"<table>{cells}</table>"]
        if getattr(self, "explanation", None):
            out.append(f"<p>{escape(self.explanation)}</p>")  # type: ignore[attr-defined]
        srcs = getattr(self, "sources", ())
        if srcs:
            items = "".join(f"<li>{escape(s.publisher)}: {escape(s.title)}" + (f" ({s.date})" if s.date else "")
                            + "</li>" for s in srcs)
            out.append(f"<details><summary>Sources ({len(srcs)})</summary><ul>{items}</ul></details>")
        return "".join(out)


class StatusResult(_Result):
    """Where a state stands under a treaty on one day. ``to_frame()`` needs the pandas extra.

    ``state`` (alpha-3), ``state_name``, ``treaty`` (id), ``on``; ``status`` and ``is_party``
    (True/False; None when the status is undecided, disputed or unknown); ``possible`` (for
    an undecided status, every status the record allows that day); the dates:
    ``signature``, ``consent`` and ``consent_type``, ``entry_into_force`` (the day the
    treaty enters or entered into force for the state) and ``entry_basis`` (how that day was
    decided: treaty, state-rule, succession, source, immediate, assumed-rule — an
    instrument of unknown kind given the rule for ratifications —, parent),
    ``provisional_application``, ``non_intention``, ``consent_revoked``,
    ``withdrawal_notified``, ``cessation`` (instead of a notice, the day of the event by which
    the state ceases to be a party under the treaty's terms: leaving an organisation whose
    membership the treaty requires), ``withdrawal_effective``, ``withdrawal_revoked``,
    ``suspension`` (a notice of suspension, which changes no status); ``announcements``
    (acts that were not deposited); ``imprecise_dates`` (the fields whose date is a range);
    ``uncertain`` (for an undecided status, the records whose day decides it, as (what,
    kind, EDTF bounds)); ``overrides`` (where user data replaced shipped data, and why);
    ``sources`` and ``references`` (depositary notification numbers); ``explanation``;
    ``data_as_of`` (the day up to which later acts were searched for) and ``after_data_as_of``;
    ``complete_to`` (the day of the last complete record of the treaty's participants read) and
    ``after_complete_to`` (the day asked about is later: acts after ``complete_to`` that the search
    missed would not be known); ``known_on`` (the answer as the records known
    that day gave it; None: as known today); ``derogations``: the derogations
    (:class:`Derogation`) the state notified that stand on the day (or may: ``stands`` None),
    which change no status. Each date is a ``date``, or a ``DateRange`` where the sources give
    no day.
    """

    __slots__ = ('state', 'state_name', 'treaty', 'on', 'status', 'is_party', 'possible', 'signature', 'consent', 'consent_type', 'entry_into_force', 'entry_basis', 'provisional_application', 'non_intention', 'consent_revoked', 'withdrawal_notified', 'cessation', 'withdrawal_effective', 'withdrawal_revoked', 'suspension', 'announcements', 'imprecise_dates', 'uncertain', 'overrides', 'sources', 'references', 'explanation', 'data_as_of', 'after_data_as_of', 'complete_to', 'after_complete_to', 'known_on', 'derogations')
    _defaults = {'derogations': (), 'possible': (), 'signature': None, 'consent': None, 'consent_type': None, 'entry_into_force': None, 'entry_basis': None, 'provisional_application': None, 'non_intention': None, 'consent_revoked': None, 'withdrawal_notified': None, 'cessation': None, 'withdrawal_effective': None, 'withdrawal_revoked': None, 'suspension': None, 'announcements': (), 'imprecise_dates': (), 'uncertain': (), 'overrides': (), 'sources': (), 'references': (), 'explanation': "", 'data_as_of': None, 'after_data_as_of': False, 'complete_to': None, 'after_complete_to': False, 'known_on': None}

    def to_frame(self):
        from .frames import results_frame

        return results_frame([self])

    def summary(self) -> str:
        """The status in a few words: "party since 2006-06-01", "withdrawal-pending (party since
        2013-06-01; effective 2026-02-20)", "undecided (party or withdrawal-pending)"."""
        s = self.status.value
        if s == "party" and self.entry_into_force is not None:
            return f"party since {edtf(self.entry_into_force)}"
        if s == "withdrawal-pending":
            return (f"withdrawal-pending (party since {edtf(self.entry_into_force)}; effective "
                    f"{edtf(self.withdrawal_effective)})")
        if self.possible:
            return f"{s} ({' or '.join(p.value for p in self.possible)})"
        return s


class WithdrawalResult(_Result):
    """When a withdrawal would take (or took) effect, and why: the planner's decision, in fields and words.

    ``on``: the day the question is asked about (tense follows it); ``recorded``: the
    answer is about a notice on record with the depositary; ``possible``: whether the state
    could give notice that day (True, False, or None: not settled) and ``reason`` (party,
    consented, not-bound, already-withdrawn, pending, ceased, terminated, unsettled,
    too-early, no-clause, no-clause-not-permitted, recorded, recorded-rule, revoked,
    disputed, no-effect); ``notified_on``; ``earliest_effective`` (what the notice period
    alone gives); ``effective`` (the day it takes effect, if it can be told; None when
    deferred with no end, when that depends on facts not given, or when not possible);
    ``deferred`` (True/False when an armed-conflict clause does/does not hold it back; None
    when not known) and ``deferred_until``; ``notice_not_before`` (where the treaty sets a
    minimum time as a party); ``article`` and ``clause`` (quoted); ``sources``,
    ``references``, ``explanation``, ``data_as_of``, ``after_data_as_of``.
    """

    __slots__ = ('state', 'state_name', 'treaty', 'on', 'recorded', 'possible', 'reason', 'notified_on', 'earliest_effective', 'effective', 'deferred', 'deferred_until', 'notice_not_before', 'article', 'clause', 'sources', 'references', 'explanation', 'data_as_of', 'after_data_as_of')
    _defaults = {'deferred_until': None, 'notice_not_before': None, 'article': "", 'clause': "", 'sources': (), 'references': (), 'explanation': "", 'data_as_of': None, 'after_data_as_of': False}


class Timeline(_Result):
    """Every recorded event of a state under a treaty (``events``, in order, with their
    ``sources``). ``to_frame()`` needs the pandas extra."""

    __slots__ = ('state', 'state_name', 'treaty', 'events', 'sources', 'data_as_of')
    _defaults = {'sources': (), 'data_as_of': None}

    def to_frame(self):
        from .frames import timeline_frame

        return timeline_frame(self)

    def _repr_html_(self) -> str:
        from html import escape

        head = "<tr>" + "".join(f"<th>{h}</th>" for h in ("date", "kind", "effective", "in force", "ref", "source",
                                                          "note")) + "</tr>"
        body = "".join("<tr>" + "".join(f"<td style='text-align:left'>{escape(str(x or ''))}</td>" for x in (
            edtf(e.date), e.kind.value, e.effective, e.in_force, e.ref, e.source, e.note)) + "</tr>"
            for e in self.events)
        return (f"<p><b>{escape(self.state_name)} ({self.state}) — {escape(self.treaty)}</b>"
                f" (data as of {self.data_as_of})</p><table>{head}{body}</table>")

    def __str__(self) -> str:
        lines = [f"{self.state_name} ({self.state}) — {self.treaty}"]
        for e in self.events:
            when = edtf(e.date) if e.precision != "by" else f"<={e.latest}"
            extra = []
            if e.effective:
                extra.append(f"effective {e.effective}")
            if e.in_force:
                extra.append(f"in force {e.in_force}")
            if e.ref:
                extra.append(e.ref)
            tail = f" ({'; '.join(extra)})" if extra else ""
            lines.append(f"  {when:<10}  {e.kind.value}{tail}  [{e.source}]")
            if e.note:
                lines.append(f"              {e.note}")
        return "\n".join(lines)


class Results(list):
    """A list of status results that shows as a table in Jupyter and converts to a frame or dicts."""

    def to_dicts(self) -> list[dict]:
        return [r.to_dict() for r in self]

    def to_frame(self):
        from .frames import results_frame

        return results_frame(self)

    def __str__(self) -> str:
        if not self:
            return "(no results)"
        head = f"{self[0].state_name} ({self[0].state}) on {self[0].on}:" if len({r.state for r in self}) == 1 else ""
        lines = [head] if head else []
        for r in self:
            lines.append(f"  {r.state:<4}{r.treaty:<28}{r.summary()}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from html import escape

        cols = ("state", "treaty", "on", "status", "is_party", "entry_into_force", "withdrawal_effective")

        def cell(v: object) -> str:
            if isinstance(v, Enum):
                v = v.value
            return escape(edtf(v) if isinstance(v, (date, DateRange)) else ("" if v is None else str(v)))

        head = "<tr>" + "".join(f"<th>{c}</th>" for c in cols) + "</tr>"
        body = "".join("<tr>" + "".join(f"<td style='text-align:left'>{cell(getattr(r, c))}</td>" for c in cols)
                       + "</tr>" for r in self)
        return f"<table>{head}{body}</table>"


class StateList(list):
    """State codes (sorted), with what a plain list cannot say.

    ``undecided``: the states left off because their status that day is undecided, disputed
    or unknown (they are on neither side of any list). ``incomplete``: None, or why the list
    may miss states (the data do not record every signature of the treaty).
    """

    def __init__(self, codes: object = (), *, treaty: str = "", on: date | None = None, kind: str = "",
                 undecided: tuple[str, ...] = (), incomplete: str | None = None, data_as_of: date | None = None):
        super().__init__(codes)
        self.treaty = treaty
        self.on = on
        self.kind = kind
        self.undecided = tuple(undecided)
        self.incomplete = incomplete
        self.data_as_of = data_as_of
        self.among: str | None = None  # the group the list was narrowed to

    @property
    def after_data_as_of(self) -> bool:
        return self.on is not None and self.data_as_of is not None and self.on > self.data_as_of

    def to_dict(self) -> dict:
        return {"treaty": self.treaty, "on": plain(self.on), "list": self.kind, "count": len(self),
                "states": list(self), "undecided": list(self.undecided), "incomplete": self.incomplete,
                "data_as_of": plain(self.data_as_of), "among": self.among}


class Declaration(_Result):
    """A state's declaration under an article of a treaty, and what ended it.

    ``made``: the day the depositary gives (a date, or a range where the source gives no day);
    ``ended``: the day it was withdrawn, lapsed or was replaced by a later declaration under the
    same article (``ended_how``: ``withdrawn``, ``lapsed`` or ``replaced``), None while nothing ends it;
    ``value``: what it declares where that is a value (a minimum age). With a day asked about
    (``on``): ``stands`` (True, False, or None where an unknown day decides) and ``is_party``
    (the treaty binds the state that day; a declaration has effect only then).
    """

    __slots__ = ("state", "state_name", "treaty", "article", "subject", "made", "ended", "ended_how", "value",
                 "on", "stands", "is_party", "source", "ref", "note", "sources")
    _defaults = {"ended": None, "ended_how": None, "value": None, "on": None, "stands": None, "is_party": None,
                 "ref": None, "note": None, "sources": ()}

    def summary(self) -> str:
        what = f"{self.subject}" + (f" ({self.value})" if self.value else "")
        end = f", {self.ended_how} {edtf(self.ended)}" if self.ended is not None else ""
        under = f"declaration under Art. {self.article}" if self.article[:1].isdigit() else self.article
        return f"{under} {edtf(self.made)}{end}: {what}"

    def __str__(self) -> str:
        return f"{self.state_name} ({self.state}), {self.treaty}: {self.summary()}"


class Declarations(list):
    """Declarations (:class:`Declaration`), state by state, in order.

    ``incomplete``: None, or what the data are known to miss under the articles asked about (a
    state with nothing on record may then have made one: say "unknown", not "none").
    """

    incomplete: str | None = None

    def to_dicts(self) -> list[dict]:
        return [r.to_dict() for r in self]

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame([{k: v for k, v in r.to_dict().items() if k != "sources"} for r in self])

    def __str__(self) -> str:
        body = "\n".join(f"  {r.state:<4}{r.summary()}" for r in self) if self else "(no declarations on record)"
        return body + (f"\nIncomplete: {self.incomplete}" if self.incomplete else "")


class Derogation(_Result):
    """One derogation as notified: a measure (a state of emergency, martial law ...), from its
    first notification to what ended it.

    ``since``: its first day (a date; a range where the record gives only bounds; None where
    it gives none) and ``since_how`` (``stated``, ``after-previous`` — the day after the period
    it extends —, ``by-note`` — on or before the day of the note —, ``unknown``); ``until``:
    its last day (None: no end on record) and ``until_how``: ``termination`` (a notice ended
    it), ``superseded`` (a later derogation of the same measure), ``period`` (the last notified
    period ran out, with no termination or extension on record), ``stated`` (the last day the
    notice states), or None; ``no_end_notified``: no period, no termination on record;
    ``articles`` and ``territory``: as last notified on or before the day asked about (None:
    the depositary's text names none); ``stands`` on the day asked about (True, False, None
    where a day the record does not give decides); ``notifications``: its records, in order;
    ``references``: their depositary notification numbers.
    """

    __slots__ = ("state", "state_name", "treaty", "measure", "territory", "articles", "since", "since_how", "until",
                 "until_how", "no_end_notified", "on", "stands", "notifications", "references", "sources",
                 "explanation")
    _defaults = {"measure": None, "territory": None, "articles": None, "since": None, "since_how": None,
                 "until": None, "until_how": None, "no_end_notified": False, "on": None, "stands": None,
                 "notifications": (), "references": (), "sources": (), "explanation": ""}

    def summary(self) -> str:
        return self.explanation


class Derogations(list):
    """A state's derogations (:class:`Derogation`) standing on a day, or all of them, in order.

    ``state``, ``treaty``, ``on``; ``explanation``: the answer in words (what stands, what is
    undecided, and, where nothing stands, the last derogation on record and how it ended);
    ``complete_to``: the day of the depositary's record read; ``incomplete``: None, or what the
    record is known to miss.
    """

    def __init__(self, items=(), *, state: str = "", state_name: str = "", treaty: str = "", on: date | None = None,
                 explanation: str = "", complete_to: date | None = None, incomplete: str | None = None):
        super().__init__(items)
        self.state, self.state_name, self.treaty, self.on = state, state_name, treaty, on
        self.explanation, self.complete_to, self.incomplete = explanation, complete_to, incomplete

    @property
    def in_force(self) -> list:
        """Those that certainly stand on the day asked about."""
        return [d for d in self if d.stands is True]

    @property
    def undecided(self) -> list:
        return [d for d in self if d.stands is None]

    def to_dicts(self) -> list[dict]:
        return [r.to_dict() for r in self]

    def to_dict(self) -> dict:
        return {"state": self.state, "treaty": self.treaty, "on": plain(self.on), "derogations": self.to_dicts(),
                "explanation": self.explanation, "complete_to": plain(self.complete_to),
                "incomplete": self.incomplete}

    def to_json(self, indent: int | None = 2) -> str:
        return dumps(self.to_dict(), indent)

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame([{k: v for k, v in r.to_dict().items() if k not in ("notifications", "sources")}
                             for r in self])

    def __str__(self) -> str:
        return self.explanation


class DerogatingList(StateList):
    """The states with a derogation standing on a day (a :class:`StateList`); ``no_end_notified``:
    those among them whose derogation has no period and no termination on record (it stands as
    notified; the record does not show that it still does)."""

    def __init__(self, codes: object = (), *, no_end_notified: tuple[str, ...] = (), **kw):
        super().__init__(codes, **kw)
        self.no_end_notified = tuple(no_end_notified)

    def to_dict(self) -> dict:
        return {**super().to_dict(), "no_end_notified": list(self.no_end_notified)}


class Derogability(_Result):
    """Whether a treaty allows derogation from one of its articles: ``derogable`` (False: the
    treaty's clause names it among those from which no derogation may be made), the clause
    (``clause_article``, ``clause_text``, ``non_derogable``), ``source``, ``explanation``."""

    __slots__ = ("treaty", "article", "derogable", "clause_article", "non_derogable", "clause_text", "source",
                 "explanation")
    _defaults = {"clause_text": None}


class Change(_Result):
    """One thing that happened under a treaty in a window of days: an act on record, or a change of
    status it (or the rules applied to it) caused.

    ``what``: ``act`` or ``status``; ``day``: the act's date (a ``DateRange`` where the source
    gives no day) or the first day of the new status; ``kind``: the act's kind
    (``withdrawal``, ``ratification``, ``suspension`` ...) or, for a status change, the new
    status; ``before``: for a status change, the status the day before (``possible``: the
    statuses an undecided one could be); ``cause``: for a status change, the record it follows
    from (an entry into force follows a consent, a withdrawal's effect its notice); ``source``,
    ``ref`` (depositary notification), ``note``; ``uncertain``: the day is not known exactly,
    and may fall outside the window.
    """

    __slots__ = ("day", "state", "state_name", "treaty", "what", "kind", "before", "possible", "is_party",
                 "cause", "source", "ref", "note", "uncertain", "sources")
    _defaults = {"before": None, "possible": (), "is_party": None, "cause": None, "source": None, "ref": None,
                 "note": None, "uncertain": False, "sources": ()}

    def summary(self) -> str:
        if self.what == "act":
            return f"{edtf(self.day)}  {self.state:<4} {self.treaty:<22} {self.kind}" + (
                f" ({self.ref})" if self.ref else "")
        now = self.kind + (f" ({' or '.join(self.possible)})" if self.possible else "")
        return f"{edtf(self.day)}  {self.state:<4} {self.treaty:<22} status {self.before} -> {now}"

    def __str__(self) -> str:
        return self.summary()

    def to_dict(self) -> dict:
        d = super().to_dict()
        d["cause"] = None if self.cause is None else self.cause.to_dict()
        return d


class Changes(list):
    """What changed in a window (:class:`Change`), in date order: ``since``, ``until``,
    ``treaties``, ``data_as_of`` (the earliest "searched to" day of the treaties asked about: a
    later act would not be known) and ``incomplete`` (the treaties whose record after their last
    complete depositary record read rests on searches that may miss acts)."""

    def __init__(self, items: object = (), *, since: date | None = None, until: date | None = None,
                 treaties: tuple[str, ...] = (), data_as_of: date | None = None, incomplete: tuple[str, ...] = ()):
        super().__init__(items)
        self.since, self.until, self.treaties = since, until, tuple(treaties)
        self.data_as_of, self.incomplete = data_as_of, tuple(incomplete)

    def to_dicts(self) -> list[dict]:
        return [c.to_dict() for c in self]

    def to_dict(self) -> dict:
        return {"since": plain(self.since), "until": plain(self.until), "treaties": list(self.treaties),
                "data_as_of": plain(self.data_as_of), "incomplete": list(self.incomplete),
                "count": len(self), "changes": self.to_dicts()}

    def to_frame(self):
        import pandas as pd

        rows = []
        for c in self:
            d = c.day
            rows.append({"day": d if isinstance(d, date) else None,
                         "day_earliest": d.earliest if isinstance(d, DateRange) else d,
                         "day_latest": d.latest if isinstance(d, DateRange) else d, "edtf": edtf(d),
                         "state": c.state, "treaty": c.treaty, "what": c.what, "kind": c.kind, "before": c.before,
                         "possible": " ".join(c.possible), "is_party": c.is_party, "source": c.source,
                         "ref": c.ref, "uncertain": c.uncertain})
        return pd.DataFrame(rows)

    def __str__(self) -> str:
        return "\n".join(c.summary() for c in self) if self else "(no changes recorded)"
