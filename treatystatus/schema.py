"""The schema of the data files: pydantic models that validate them, and nothing else.

Used when the index is built (first use after a change of the data, the user directories or
the package version) and by ``treatystatus validate``; never on the query path. The
validated models are compiled into plain records (``records.Event``) and rule objects
(``rules``) by ``treatystatus.build``.
"""

from datetime import date as Date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .kinds import CONSENT_KINDS, EventKind

__all__ = ["Frozen", "Source", "EventLine", "PeriodRule", "Period", "Quoted", "Signature", "EntryIntoForce",
           "ConflictClause", "Windows", "NoClause", "Withdrawal", "Reservations", "ProvisionalApplication",
           "Expiry", "Checkpoint", "Treaty", "StateLine", "DerogationClause", "NotificationLine"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


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
    #: the date the source describes ("status as at"), or its publication date
    date: Date | None = None
    retrieved: Date | None = None
    note: str | None = None


class EventLine(Frozen):
    """One line of an events file, as read (dates already parsed into their bounds)."""

    treaty: str
    state: str
    kind: EventKind
    earliest: Date | None
    latest: Date
    precision: Literal["day", "month", "year", "by", "range"] = "day"
    source: str
    also: tuple[str, ...] = ()
    effective: Date | None = None
    in_force: Date | None = None
    ref: str | None = None
    at: str | None = None
    #: another deposit of the instrument already on record, with a depositary the source does not name
    further: bool = False
    disputed: bool = False
    immediate: bool = False
    note: str | None = None
    #: a declaration's article, and what it declares where that is a value (a minimum age)
    article: str | None = None
    value: str | None = None
    #: a withdrawal by operation of a clause (ceasing to be a member of an organisation), not a notice
    ceased: bool = False

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> "EventLine":
        k = self.kind
        declaring = k in (EventKind.DECLARATION, EventKind.DECLARATION_WITHDRAWN)
        if declaring and not self.article:
            raise ValueError(f"a {k} record needs article= (the article it is made under)")
        if self.ceased and (k is not EventKind.WITHDRAWAL or self.effective is None or not self.note):
            raise ValueError("'ceased' applies to a withdrawal, with effective= and a note saying what ended it")
        if not declaring and (self.article or self.value):
            raise ValueError(f"'article' and 'value' apply to a declaration, not to a {k} record")
        if self.further and (k not in CONSENT_KINDS or not self.note):
            raise ValueError("'further' applies to an instrument of consent, with a note saying where the deposit is recorded")
        if self.effective is not None and k not in (EventKind.SUCCESSION, EventKind.WITHDRAWAL,
                                                    EventKind.PROVISIONAL_APPLICATION):
            raise ValueError(f"'effective' does not apply to a {k} record")
        if self.in_force is not None and k not in CONSENT_KINDS:
            raise ValueError(f"'in_force' applies to an instrument of consent, not to a {k} record")
        if self.immediate and k not in CONSENT_KINDS:
            raise ValueError(f"'immediate' applies to an instrument of consent, not to a {k} record")
        if self.effective is not None and k == EventKind.WITHDRAWAL and self.effective <= self.latest:
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
    YEARS_AFTER = "years-after"
    FIRST_DAY_OF_NTH_MONTH_AFTER = "first-day-of-nth-month-after"
    FIRST_DAY_OF_MONTH_AFTER_DAYS = "first-day-of-month-after-days"


class Period(Frozen):
    """A rule that turns one date into another, e.g. "six months after receipt"."""

    rule: PeriodRule
    n: int = Field(default=0, ge=0, le=1000)

    def compiled(self):
        from .rules.clauses import period

        return period(self.rule.value, self.n)

    def apply(self, d: Date) -> Date:
        return self.compiled().apply(d)


class Quoted(Frozen):
    """An article of the treaty, with its text quoted from ``source`` (None where no text was read)."""

    article: str
    text: str | None = None
    source: str
    #: the language of the quoted authentic text
    language: Literal["en", "fr", "es", "ru", "ar", "zh"] = "en"
    note: str | None = None


class Signature(Quoted):
    opened: Date
    #: the first day signature was closed, if it closed (None: still open)
    closed: Date | None = None


class ImmediateEffect(Frozen):
    """Ratifications and accessions by parties to a conflict take immediate effect (quoted)."""

    article: str
    text: str
    source: str


class EntryIntoForce(Quoted):
    #: the day the treaty entered into force (None: not in force)
    date: Date | None = None
    #: the number of instruments that bring the treaty into force
    threshold: int | None = None
    #: the day the threshold instrument was deposited
    threshold_date: Date | None = None
    treaty_rule: Period
    state_rule: Period
    state_rule_after: Literal["threshold", "entry-into-force"] = "threshold"
    treaty_article: str
    state_article: str
    #: conditions besides the count (e.g. named states that must ratify)
    condition: str | None = None
    immediate_in_conflict: ImmediateEffect | None = None


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
    #: where the hold waits for the later of several events, each as a noun phrase
    events: tuple[str, ...] = ()
    paragraph: str


class Windows(Frozen):
    """Fixed periods from the treaty's entry into force (Genocide Convention, Art. XIV)."""

    first: Period
    then: Period
    #: how long before the end of a period a notice must be received
    notice_before_end: Period


class NoClause(Frozen):
    """The treaty has no withdrawal clause: the Vienna Convention, Art. 56, applies."""

    vclt_article: str = "56"
    #: "not-permitted" where a treaty body or the depositary has said so
    position: Literal["not-permitted"] | None = None
    position_source: str | None = None
    position_text: str | None = None
    #: a second body's statement of the same position (a treaty body's general comment), quoted
    also_source: str | None = None
    also_text: str | None = None

    @model_validator(mode="after")
    def _sourced(self) -> "NoClause":
        if self.position is not None and not self.position_source:
            raise ValueError("a position on withdrawal needs position_source")
        if bool(self.also_source) != bool(self.also_text):
            raise ValueError("also_text and also_source go together")
        return self


class Withdrawal(Frozen):
    article: str
    source: str
    #: the clause, quoted (None only for a treaty with no withdrawal clause)
    text: str | None = None
    language: Literal["en", "fr", "es", "ru", "ar", "zh"] = "en"
    note: str | None = None
    #: the treaty's word: withdrawal or denunciation
    term: Literal["withdrawal", "denunciation"] = "withdrawal"
    notice: Period | None = None
    #: the notice may name a later day for the effect
    later_date_allowed: bool = False
    #: the notice must name the day (at least the period ahead)
    named_date_required: bool = False
    grounds: str | None = None
    armed_conflict: ConflictClause | None = None
    windows: Windows | None = None
    #: notice may be given only once this period has run from entry into force for the state
    minimum_membership: Period | None = None
    none: NoClause | None = None
    #: the rule is the library's reading where the treaty sets none (the note says which): the
    #: explanations say so instead of citing the article for it
    convention: bool = False

    @model_validator(mode="after")
    def _one_rule(self) -> "Withdrawal":
        kinds = [x for x in (self.notice, self.windows, self.none) if x is not None]
        if len(kinds) != 1:
            raise ValueError("give exactly one of notice, windows or none")
        if self.none is None and not (self.text and self.text.strip()):
            raise ValueError("quote the withdrawal clause (text)")
        if self.convention and not self.note:
            raise ValueError("a rule that is the library's reading (convention) needs a note saying so")
        if self.none is not None and (self.armed_conflict or self.minimum_membership or self.later_date_allowed):
            raise ValueError("a treaty with no withdrawal clause has no conditions on withdrawal")
        return self


class Reservations(Quoted):
    allowed: Literal["none", "some", "all"]


class ProvisionalApplication(Quoted):
    scope: str


class Expiry(Quoted):
    """The treaty's own end: it ceases to be in force for every party on ``on``."""

    on: Date
    how: Literal["expiry", "termination"] = "expiry"


class DeclarationArticle(Quoted):
    """An article under which a state may make a declaration the data record with its date
    (accepting a committee's competence, declaring a minimum age): quoted, with what it is about."""

    #: what a declaration under the article does, as a noun phrase
    subject: str
    #: what ``value=`` holds on a declaration's line, where the declaration states one
    value: str | None = None
    #: where the data are known to miss declarations under the article: what is missing
    incomplete: str | None = None


class DerogationClause(Quoted):
    """The treaty's clause on derogation in an emergency, quoted: the articles that admit none,
    and, for a protocol, the treaty under whose clause derogations are notified."""

    #: the articles from which no derogation may be made, as the clause names them ("8(1)", "15")
    non_derogable: tuple[str, ...]
    #: the paragraph that names them, and the one on notifying derogations
    non_derogable_paragraph: str
    notice_paragraph: str | None = None
    #: the treaty whose clause a protocol's non-derogable rights are stated under
    under: str | None = None
    #: "complete to": the day of the last complete record of notifications read (None: the
    #: data hold no notifications for this treaty), and that record's source
    complete_to: Date | None = None
    complete_record: str | None = None
    #: where notifications are known to be missing from that record: what is missing, and the
    #: states it concerns (none listed: any state)
    incomplete: str | None = None
    incomplete_states: tuple[str, ...] = ()


_NOTIFICATION_KINDS = ("derogation", "extension", "change", "termination", "information")


class NotificationLine(Frozen):
    """One line of a derogations file, as read (dates already parsed into their bounds)."""

    treaty: str
    state: str
    kind: Literal["derogation", "extension", "change", "termination", "information"]
    received: tuple[Date | None, Date, str] | None = None
    noted: Date | None = None
    measure: str | None = None
    articles: tuple[str, ...] | None = None
    territory: str | None = None
    start: tuple[Date | None, Date, str] | None = None
    end: tuple[Date | None, Date, str] | None = None
    length: tuple[int, Literal["d", "m"]] | None = None
    ref: str | None = None
    quote: str | None = None
    source: str
    also: tuple[str, ...] = ()
    note: str | None = None

    @model_validator(mode="after")
    def _fit(self) -> "NotificationLine":
        if self.received is None and self.noted is None and self.note is None:
            raise ValueError("no date of receipt: give noted= or a note saying where the notification is printed")
        if self.kind == "termination" and self.length is not None:
            raise ValueError("a termination has no period (for=)")
        if self.start is not None and self.end is not None and self.end[1] < (self.start[0] or self.start[1]):
            raise ValueError("to= is before from=")
        if self.length is not None and self.end is not None:
            raise ValueError("give to= or for=, not both: the library computes the end from the period")
        if self.articles is not None:
            import re

            bad = [a for a in self.articles if not re.fullmatch(r"\d+(\(\d+\))*(\([a-z]\))?", a)]
            if bad:
                raise ValueError(f"articles: {bad[0]!r} is not an article (write 9(3), 12, 19(2))")
        if not self.quote and not self.note:
            raise ValueError("a notification needs quote= (the depositary's words) or a note")
        return self


class Checkpoint(Frozen):
    """A count the depositary or a treaty body published, checked against the data."""

    on: Date
    parties: int | None = None
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
    adopted: Date
    adopted_at: str
    #: "complete to": the day of the last complete record of the treaty's participants that was
    #: read (a depositary's status page as at that day, or the best complete list there is)
    complete_to: Date
    #: the source id of that record
    complete_record: str
    #: "searched to": the day up to which later acts were searched for, and what was searched
    searched_to: Date
    searched: str
    signature: Signature | None = None
    entry_into_force: EntryIntoForce
    #: for a treaty with a parent, left out to take the parent's
    withdrawal: Withdrawal | None = None
    reservations: Reservations | None = None
    provisional_application: ProvisionalApplication | None = None
    expiry: Expiry | None = None
    #: the articles under which the data record states' declarations
    declarations: tuple[DeclarationArticle, ...] = ()
    #: the clause on derogations in an emergency, where the treaty has one
    derogation: DerogationClause | None = None
    #: False where the data do not record every signature
    signatures_complete: bool = True
    #: where acts of consent are known to be missing: what is missing (every list of the treaty says so)
    consents_incomplete: str | None = None
    checkpoints: tuple[Checkpoint, ...] = ()
    note: str | None = None

    @model_validator(mode="after")
    def _rules_or_parent(self) -> "Treaty":
        if self.parent is None and (self.withdrawal is None or self.reservations is None):
            raise ValueError("a treaty without a parent needs [withdrawal] and [reservations]")
        if self.searched_to < self.complete_to:
            raise ValueError("searched_to is before complete_to: later acts are searched for after the record read")
        return self

    @property
    def in_force(self) -> bool:
        return self.entry_into_force.date is not None

    def quoted_articles(self) -> tuple:
        parts = (self.signature, self.entry_into_force, self.provisional_application,
                 self.reservations, self.withdrawal, self.expiry, *self.declarations, self.derogation)
        return tuple(p for p in parts if p is not None)


class StateLine(Frozen):
    """A state (or other entity) that can take part in treaties, as states.txt lists it."""

    code: str
    name: str
    kind: Literal["state", "participant", "other"]
    since: Date | None = None
    until: Date | None = None
    continued_by: str | None = None
    un: Literal["member", "observer"] | None = None
    un_since: Date | None = None
    un_until: Date | None = None

    @model_validator(mode="after")
    def _order(self) -> "StateLine":
        if self.since is not None and self.until is not None and self.until <= self.since:
            raise ValueError("UNTIL is not after SINCE")
        if self.un_since is not None and self.un_until is not None and self.un_until <= self.un_since:
            raise ValueError("the end of UN membership is not after its start")
        if self.continued_by is not None and self.until is None:
            raise ValueError("a state continued by another needs the day it ended (UNTIL)")
        return self
