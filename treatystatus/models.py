"""The data model: pydantic models that describe the data files once.

The same models validate what is read from ``data/`` and are returned to
callers, so a result can always be turned into JSON (``model_dump_json``)
and never changes under the caller's feet (every model is frozen).
"""

from datetime import date, timedelta

#: the type of every date field (a name that field names such as ``date`` cannot shadow)
Day = date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "EventKind", "Status", "PeriodRule", "Frozen", "Source", "Event", "Period", "Signature",
    "EntryIntoForce", "ConflictClause", "Withdrawal", "Reservations", "ProvisionalApplication",
    "Checkpoint", "Treaty", "StateInfo", "StatusResult", "WithdrawalResult", "Timeline",
    "CONSENT_KINDS", "Results",
]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EventKind(StrEnum):
    """Every kind of act or record the data hold for a state and a treaty."""

    SIGNATURE = "signature"
    RATIFICATION = "ratification"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    ACCESSION = "accession"
    SUCCESSION = "succession"
    #: consent to be bound notified without a named instrument (UNTC suffix "P")
    CONSENT = "consent"
    #: an instrument of consent whose kind (ratification, accession, succession) the source
    #: does not give
    INSTRUMENT = "instrument"
    PROVISIONAL_APPLICATION = "provisional-application"
    #: a signatory's notice that it does not intend to become a party
    NON_INTENTION = "non-intention"
    #: a notice of withdrawal (or denunciation) received by the depositary
    WITHDRAWAL = "withdrawal"
    #: a notice of withdrawal itself withdrawn before it took effect
    WITHDRAWAL_REVOKED = "withdrawal-revoked"
    #: an instrument of consent revoked, the signature standing
    CONSENT_REVOKED = "consent-revoked"
    #: a notice that a state suspends the operation of the treaty (not a withdrawal;
    #: it changes no status under the treaty's own terms)
    SUSPENSION = "suspension"
    #: a deposited communication that changes no status (kept for the record)
    COMMUNICATION = "communication"
    #: a government's announcement or decision: not an act deposited with the depositary
    ANNOUNCEMENT = "announcement"
    #: a fact known to be missing from the data: the status cannot be told
    GAP = "gap"


CONSENT_KINDS = frozenset({
    EventKind.RATIFICATION, EventKind.ACCEPTANCE, EventKind.APPROVAL,
    EventKind.ACCESSION, EventKind.SUCCESSION, EventKind.CONSENT, EventKind.INSTRUMENT,
})


class Status(StrEnum):
    """A state's standing under a treaty on one day. See ``docs/data-model.md``."""

    NOT_SIGNED = "not-signed"
    #: no instrument of consent on record, for a treaty whose signatures the data do not
    #: record completely: not a party, and whether it signed is not known
    NOT_PARTY = "not-party"
    SIGNATORY = "signatory"
    #: signed, then notified that it does not intend to become a party
    NOT_INTENDING = "signatory-not-intending"
    #: consent to be bound deposited, not (yet) in force for the state
    CONSENTED = "consented"
    PARTY = "party"
    WITHDRAWAL_PENDING = "withdrawal-pending"
    WITHDRAWN = "withdrawn"
    #: a withdrawal whose legal effect is disputed (is_party is None)
    WITHDRAWAL_DISPUTED = "withdrawal-disputed"
    #: consent revoked before the treaty bound the state; the signature stands
    CONSENT_REVOKED = "consent-revoked"
    #: the data record a gap: not known
    UNKNOWN = "unknown"
    #: the state no longer existed on that day (its treaty relations ended or passed on)
    CEASED = "state-ceased"


class Source(Frozen):
    """Where facts come from: a status page, a notification, a database page, an article."""

    id: str
    kind: Literal[
        "status-page", "depositary-notification", "treaty-text", "database",
        "treaty-body", "government", "press", "campaign", "reference-work",
    ]
    title: str
    publisher: str
    url: str | None = None
    #: the date the source describes ("status as at"), or its publication date; None if it prints none
    date: Day | None = None
    retrieved: Day | None = None
    note: str | None = None


class Event(Frozen):
    """One dated record for one state and one treaty, as written on one data line."""

    treaty: str
    state: str
    kind: EventKind
    #: the date the depositary received the instrument (or the date of the announcement); where
    #: only the month or year is known, the last day of it (the act had happened by then)
    date: Day
    #: how much of ``date`` the sources give: the day; only the month or the year (``date`` is
    #: then the last day of it); or only a latest possible day ("by", e.g. a notification
    #: known only from the day its withdrawal takes effect)
    precision: Literal["day", "month", "year", "by"] = "day"
    source: str
    #: further sources, for facts on the line that the main source does not give
    #: (e.g. the date a succession takes effect)
    also: tuple[str, ...] = ()
    #: for a succession, the date it takes effect; for a withdrawal, the date the
    #: depositary gives for its effect
    effective: Day | None = None
    #: the date the treaty entered into force for the state, where a source gives it
    in_force: Day | None = None
    #: the depositary notification (C.N.) number or another reference within the source
    ref: str | None = None
    #: where the instrument was deposited, for a treaty with several depositaries
    #: (e.g. London, Moscow, Washington); one record per deposit
    at: str | None = None
    #: a withdrawal whose legal effect is disputed: the status says so rather than choose
    disputed: bool = False
    note: str | None = None
    #: where the record was read: ``file:line``
    origin: str = Field(default="", repr=False)

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> "Event":
        k = self.kind
        if self.effective is not None and k not in (EventKind.SUCCESSION, EventKind.WITHDRAWAL,
                                                    EventKind.PROVISIONAL_APPLICATION):
            raise ValueError(f"'effective' does not apply to a {k} record")
        if self.in_force is not None and k not in CONSENT_KINDS:
            raise ValueError(f"'in_force' applies to an instrument of consent, not to a {k} record")
        if self.effective is not None and k == EventKind.WITHDRAWAL and self.effective <= self.date:
            raise ValueError("a withdrawal cannot take effect on or before the day it was notified")
        if self.disputed and (k is not EventKind.WITHDRAWAL or not self.note):
            raise ValueError("'disputed' applies to a withdrawal, with a note saying who disputes what")
        if k in (EventKind.GAP, EventKind.ANNOUNCEMENT) and not self.note:
            raise ValueError(f"a {k} record needs a note saying what it is")
        return self


class PeriodRule(StrEnum):
    ON_DATE = "on-date"
    DAYS_AFTER = "days-after"
    MONTHS_AFTER = "months-after"
    FIRST_DAY_OF_NTH_MONTH_AFTER = "first-day-of-nth-month-after"
    FIRST_DAY_OF_MONTH_AFTER_DAYS = "first-day-of-month-after-days"


def add_months(d: Day, n: int) -> Day:
    """The same day ``n`` months later; the last day of the month where that day does not exist."""
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, _month_length(y, m)))


def _month_length(y: int, m: int) -> int:
    if m == 2:
        return 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28
    return 30 if m in (4, 6, 9, 11) else 31


class Period(Frozen):
    """A rule that turns one date into another, e.g. "six months after receipt"."""

    rule: PeriodRule
    n: int = Field(default=0, ge=0)

    def apply(self, d: Day) -> Day:
        try:
            return self._apply(d)
        except (OverflowError, ValueError):
            from .errors import InvalidDateError

            raise InvalidDateError(d, f"{self.describe()} {d} is out of range (after 31 December 9999)") from None

    def _apply(self, d: Day) -> Day:
        r, n = self.rule, self.n
        if r is PeriodRule.ON_DATE:
            return d
        if r is PeriodRule.DAYS_AFTER:
            return d + timedelta(days=n)
        if r is PeriodRule.MONTHS_AFTER:
            return add_months(d, n)
        if r is PeriodRule.FIRST_DAY_OF_NTH_MONTH_AFTER:
            return add_months(d.replace(day=1), n)
        # FIRST_DAY_OF_MONTH_AFTER_DAYS
        later = d + timedelta(days=n)
        return add_months(later.replace(day=1), 1)

    def describe(self) -> str:
        r, n = self.rule, self.n
        if r is PeriodRule.ON_DATE:
            return "on the same day"
        if r is PeriodRule.DAYS_AFTER:
            return f"{n} days after"
        if r is PeriodRule.MONTHS_AFTER:
            return f"{n} months after" if n % 12 else (f"{n // 12} year after" if n == 12 else f"{n // 12} years after")
        if r is PeriodRule.FIRST_DAY_OF_NTH_MONTH_AFTER:
            return f"on the first day of the {_ordinal(n)} month after the month of"
        return f"on the first day of the month after the {_ordinal(n)} day following"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Quoted(Frozen):
    """An article of the treaty, with its text quoted from ``source`` (None where no text was read)."""

    article: str
    text: str | None = None
    source: str
    #: the language of the quoted authentic text
    language: Literal["en", "fr", "es", "ru", "ar", "zh"] = "en"
    note: str | None = None


class Signature(Quoted):
    opened: Day
    #: the day signature closed, if it did (None: still open)
    closed: Day | None = None


class EntryIntoForce(Quoted):
    #: the day the treaty entered into force (None: not in force)
    date: Day | None = None
    #: the number of instruments that bring the treaty into force
    threshold: int | None = None
    #: the day the threshold instrument was deposited
    threshold_date: Day | None = None
    #: from the threshold date to the treaty's entry into force
    treaty_rule: Period
    #: for a state consenting later (see ``state_rule_after``)
    state_rule: Period
    #: from when the state rule applies: to instruments deposited after the threshold
    #: instrument ("threshold"), or only to those deposited after the treaty's entry into
    #: force ("entry-into-force"; earlier ones take the treaty's date)
    state_rule_after: Literal["threshold", "entry-into-force"] = "threshold"
    #: the paragraphs that give the treaty's and a later state's entry into force
    treaty_article: str
    state_article: str
    #: conditions besides the count (e.g. named states that must ratify)
    condition: str | None = None


class ConflictClause(Frozen):
    """A clause that keeps a withdrawing state bound while it is in an armed conflict."""

    #: when the condition is tested: when notice is given, or when the notice period expires
    tested_at: Literal["notification", "expiry"]
    #: the situation, in the treaty's terms
    condition: str
    #: what then happens to the withdrawal, in the treaty's terms (follows "the withdrawal ...")
    until: str
    #: the event that ends the hold, as a noun phrase ("the end of the armed conflict")
    ends: str
    paragraph: str


class Withdrawal(Quoted):
    text: str  # the withdrawal clause is always quoted
    #: the treaty's word: withdrawal or denunciation
    term: Literal["withdrawal", "denunciation"] = "withdrawal"
    notice: Period
    later_date_allowed: bool = False
    #: the ground on which a party may withdraw, where the treaty names one (e.g. "extraordinary
    #: events ... have jeopardized its supreme interests")
    grounds: str | None = None
    armed_conflict: ConflictClause | None = None


class Reservations(Quoted):
    allowed: Literal["none", "some", "all"]


class ProvisionalApplication(Quoted):
    scope: str


class Checkpoint(Frozen):
    """A count the depositary or a treaty body published, checked against the data."""

    on: Day
    #: states for which the treaty is in force that day
    parties: int | None = None
    #: states whose instrument of consent stands (the depositary's "Parties" headline)
    consenting: int | None = None
    signatories: int | None = None
    source: str
    note: str | None = None


class Treaty(Frozen):
    id: str
    title: str
    short_title: str
    aliases: tuple[str, ...] = ()
    untc: str | None = None
    #: for a protocol or amendment: the treaty a state must be party to for it to bind
    parent: str | None = None
    depositary: str
    adopted: Day
    adopted_at: str
    #: the date up to which this treaty's facts were checked
    as_of: Day
    signature: Signature | None = None
    entry_into_force: EntryIntoForce
    #: for a treaty with a parent, left out to take the parent's
    withdrawal: Withdrawal | None = None
    reservations: Reservations | None = None
    provisional_application: ProvisionalApplication | None = None
    #: False where the data do not record every signature (then a State with no record is
    #: "not-party", not "not-signed")
    signatures_complete: bool = True
    checkpoints: tuple[Checkpoint, ...] = ()
    note: str | None = None

    @model_validator(mode="after")
    def _rules_or_parent(self) -> "Treaty":
        if self.parent is None and (self.withdrawal is None or self.reservations is None):
            raise ValueError("a treaty without a parent needs [withdrawal] and [reservations]")
        return self

    @property
    def in_force(self) -> bool:
        return self.entry_into_force.date is not None

    def quoted_articles(self) -> tuple[Quoted, ...]:
        parts = (self.signature, self.entry_into_force, self.provisional_application,
                 self.reservations, self.withdrawal)
        return tuple(p for p in parts if p is not None)


class StateInfo(Frozen):
    """A state (or other entity) that can take part in treaties."""

    code: str
    name: str
    #: un-member, observer, non-member (Cook Islands, Niue), other (resolves, but is not in the
    #: list of states that non_parties uses: Kosovo), historical
    kind: Literal["un-member", "observer", "non-member", "other", "historical"]
    #: UN admission date for members; for others the date given in the states file
    since: Day | None = None
    until: Day | None = None
    #: the state that continues it, whose records stand for it
    continued_by: str | None = None


def _html_table(rows: list[tuple[str, object]]) -> str:
    from html import escape

    cells = "".join(f"<tr><th style='text-align:left'>{escape(k)}</th><td style='text-align:left'>{escape(str(v))}</td></tr>"
                    for k, v in rows)
    return f"<table>{cells}</table>"


class _Result(Frozen):
    #: the date up to which the facts used were checked
    data_as_of: Day
    #: True when the question is about a day after ``data_as_of``
    after_data_as_of: bool = False

    def __str__(self) -> str:  # the terminal form
        return getattr(self, "explanation", "") or repr(self)

    def _repr_html_(self) -> str:
        """A compact table for Jupyter: the fields that have a value, the explanation, the sources."""
        from html import escape

        skip = {"explanation", "sources", "announcements", "events", "references", "clause"}
        rows = [(k, v.value if isinstance(v, StrEnum) else v) for k, v in self if k not in skip
                and v not in (None, (), False)]
        out = [_html_table(rows)]
        if getattr(self, "explanation", None):
            out.append(f"<p>{escape(self.explanation)}</p>")
        srcs = getattr(self, "sources", ())
        if srcs:
            items = "".join(f"<li>{escape(s.publisher)}: {escape(s.title)}"
                            + (f" ({s.date})" if s.date else "") + "</li>" for s in srcs)
            out.append(f"<details><summary>Sources ({len(srcs)})</summary><ul>{items}</ul></details>")
        return "".join(out)

    def to_dict(self) -> dict:
        """The result as plain JSON-ready values (dates as ISO strings)."""
        return self.model_dump(mode="json")


class StatusResult(_Result):
    """Where a state stands under a treaty on one day. ``to_frame()`` needs the pandas extra."""

    def to_frame(self):
        from .frames import results_frame

        return results_frame([self])

    state: str
    state_name: str
    treaty: str
    on: Day
    status: Status
    is_party: bool | None
    signature: Day | None = None
    consent: Day | None = None
    consent_type: EventKind | None = None
    entry_into_force: Day | None = None
    provisional_application: Day | None = None
    non_intention: Day | None = None
    consent_revoked: Day | None = None
    withdrawal_notified: Day | None = None
    withdrawal_effective: Day | None = None
    withdrawal_revoked: Day | None = None
    #: a notice of suspension, if one was given (it does not change the status)
    suspension: Day | None = None
    announcements: tuple[Event, ...] = ()
    #: fields whose date the source gives only to the month or year: the date shown is the
    #: last day of that month or year
    imprecise_dates: tuple[str, ...] = ()
    #: where user data replaced shipped data for this answer: which record won, and why
    overrides: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    references: tuple[str, ...] = ()
    explanation: str


class WithdrawalResult(_Result):
    state: str
    state_name: str
    treaty: str
    #: True when the withdrawal is on record with the depositary
    recorded: bool
    #: whether the state could give notice on that day (a party, or bound and not yet in force)
    possible: bool
    notified_on: Day
    #: notice plus the period in the treaty
    earliest_effective: Day | None
    #: the day it takes effect, if it can be told (None: held back by a clause with no end date given)
    effective: Day | None
    #: True/False when an armed-conflict clause does/does not hold the withdrawal back; None when not known
    deferred: bool | None
    deferred_until: str | None = None
    article: str
    clause: str
    sources: tuple[Source, ...] = ()
    references: tuple[str, ...] = ()
    explanation: str


class Timeline(_Result):
    """Every recorded event of a state under a treaty. ``to_frame()`` needs the pandas extra."""

    state: str
    state_name: str
    treaty: str
    events: tuple[Event, ...]
    sources: tuple[Source, ...] = ()

    def to_frame(self):
        from .frames import timeline_frame

        return timeline_frame(self)

    def _repr_html_(self) -> str:
        from html import escape

        head = "<tr>" + "".join(f"<th>{h}</th>" for h in ("date", "kind", "effective", "in force", "ref", "source",
                                                          "note")) + "</tr>"
        body = "".join("<tr>" + "".join(f"<td style='text-align:left'>{escape(str(x or ''))}</td>" for x in (
            e.date if e.precision == "day" else f"{e.date} ({e.precision})", e.kind.value, e.effective, e.in_force,
            e.ref, e.source, e.note)) + "</tr>" for e in self.events)
        return (f"<p><b>{escape(self.state_name)} ({self.state}) — {escape(self.treaty)}</b>"
                f" (data as of {self.data_as_of})</p><table>{head}{body}</table>")

    def __str__(self) -> str:
        lines = [f"{self.state_name} ({self.state}) — {self.treaty}"]
        for e in self.events:
            when = {"day": str(e.date), "month": f"{e.date:%Y-%m}   ", "year": f"{e.date:%Y}      ",
                    "by": f"<={e.date}"}[e.precision]
            extra = []
            if e.effective:
                extra.append(f"effective {e.effective}")
            if e.in_force:
                extra.append(f"in force {e.in_force}")
            if e.ref:
                extra.append(e.ref)
            tail = f" ({'; '.join(extra)})" if extra else ""
            lines.append(f"  {when}  {e.kind.value}{tail}  [{e.source}]")
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
            since = f" since {r.entry_into_force}" if r.is_party else ""
            lines.append(f"  {r.state:<4}{r.treaty:<28}{r.status.value}{since}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from html import escape

        cols = ("state", "treaty", "on", "status", "is_party", "entry_into_force", "withdrawal_effective")
        head = "<tr>" + "".join(f"<th>{c}</th>" for c in cols) + "</tr>"
        body = "".join("<tr>" + "".join(
            f"<td style='text-align:left'>{escape(str(getattr(r, c).value if isinstance(getattr(r, c), StrEnum) else (getattr(r, c) if getattr(r, c) is not None else '')))}</td>"
            for c in cols) + "</tr>" for r in self)
        return f"<table>{head}{body}</table>"
