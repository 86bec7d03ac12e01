"""All the English the library writes, and only from the engine's results.

Every sentence here states a date or a status that a field of the result holds: the
explanation of a status is written from the history's segment for the day asked about, the
explanation of a withdrawal from the planner's decision. Tense follows the day asked about,
never the clock.
"""

from __future__ import annotations

from datetime import date

from .dates import DateRange, Day, bounds
from .frozen import Frozen
from .kinds import BOUND, EventKind, Status
from .records import Event
from .rules import Decision, Segment, WithdrawalRule, is_party_of
from .rules.clauses import OPEN, UNKNOWN

__all__ = ["TreatyView", "day", "when", "status_text", "withdrawal_text", "unsettled_reason", "period_words",
           "STATUS_WORDS", "derogation_sentence", "derogations_text", "derogability_text", "derogation_note",
           "no_derogation_record", "not_counted_note", "consents_gap_caution"]


class TreatyView(Frozen):
    """What the sentences need to know about a treaty."""

    __slots__ = ("id", "short_title", "adopted", "in_force", "signatures_complete", "withdrawal", "treaty_article",
                 "state_article", "parent_id", "parent_title", "expiry", "withdrawal_title", "withdrawal_convention",
                 "depositary_sources")
    _defaults = {"parent_id": None, "parent_title": None, "expiry": None, "withdrawal_title": None,
                 "withdrawal_convention": None, "depositary_sources": frozenset()}

    @property
    def wtitle(self) -> str:
        """The treaty whose withdrawal clause applies (a protocol may take its parent's)."""
        return self.withdrawal_title or self.short_title

    def by_depositary(self, e: Event | None) -> bool:
        """Whether a record is read from the depositary's own record (not a secondary source)."""
        return e is not None and e.source in self.depositary_sources


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def day(d: date) -> str:
    """``24 February 1999``."""
    return f"{d.day} {_MONTH_NAMES[d.month - 1]} {d.year}"


def when(d: Day | None) -> str:
    """A date as precisely as it is known: "on 3 May 2001", "in 2025 (the day is not known)"."""
    if d is None:
        return "on a day not recorded"
    if not isinstance(d, DateRange):
        return f"on {day(d)}"
    lo, hi = d.earliest, d.latest
    if lo is not None and lo.day == 1 and lo.replace(day=1) == hi.replace(day=1) and _last_of_month(hi):
        return f"in {_MONTH_NAMES[hi.month - 1]} {hi.year} (the day is not known)"
    if lo is not None and lo == date(hi.year, 1, 1) and hi == date(hi.year, 12, 31):
        return f"in {hi.year} (the day is not known)"
    if lo is None or d.precision == "by":
        return f"on or before {day(hi)} (the day is not known)"
    return f"between {day(lo)} and {day(hi)} (the day is not known)"


#: names that take the definite article in running English ("the Russian Federation")
_THE = ("Russian Federation", "United ", "Netherlands", "Philippines", "Democratic ", "Republic of ",
        "Czech Republic", "Dominican Republic", "Central African Republic", "Bahamas", "Gambia", "Comoros",
        "Maldives", "Marshall Islands", "Solomon Islands", "Holy See", "State of Palestine", "Lao People",
        "Syrian Arab Republic", "Federal Republic", "German Democratic Republic", "Union of ",
        "Socialist Federal", "Kingdom of ", "People's Republic", "Former Yugoslav", "Cook Islands")


def the(name: str) -> str:
    """A state's name as it reads inside a sentence: "the Russian Federation", "France"."""
    return f"the {name}" if name.startswith(_THE) else name


def _cap(text: str) -> str:
    """The sentence's first letter in capitals, the rest as it is ("On 3 November 2023")."""
    return text[:1].upper() + text[1:]


def _last_of_month(d: date) -> bool:
    from .dates import month_length

    return d.day == month_length(d.year, d.month)


def _is_past(x: Day, d: date) -> bool | None:
    """Whether the day ``x`` is on or before ``d``: True, False, or None when the range straddles it."""
    lo, hi = bounds(x)
    if hi <= d:
        return True
    if lo is not None and lo > d:
        return False
    return None


def period_words(p: dict) -> str:
    """A period, as in "6 months after", "one year after", "on the first day of the 6th month after"."""
    k, n = p["kind"], p.get("n", 0)
    if k == "on-date":
        return "on the same day as"
    if k == "days-after":
        return f"{n} days after"
    if k == "months-after":
        if n % 12 == 0:
            return "one year after" if n == 12 else f"{n // 12} years after"
        return f"{n} months after"
    if k == "years-after":
        return "one year after" if n == 1 else f"{n} years after"
    if k == "first-day-of-nth-month-after":
        return f"on the first day of the {_ordinal(n)} month after the month of"
    return f"on the first day of the month after the {_ordinal(n)} day following"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_CONSENT_WORDS = {
    EventKind.RATIFICATION: "deposited its instrument of ratification",
    EventKind.ACCEPTANCE: "deposited its instrument of acceptance",
    EventKind.APPROVAL: "deposited its instrument of approval",
    EventKind.ACCESSION: "acceded",
    EventKind.SUCCESSION: "notified its succession",
    EventKind.CONSENT: "notified its consent to be bound",
    EventKind.INSTRUMENT: "deposited an instrument of consent (the source does not say of which kind)",
}

#: events after the day asked about that change the story, and how to say them
_LATER = {
    EventKind.SIGNATURE: "it signed",
    EventKind.RATIFICATION: "it ratified", EventKind.ACCEPTANCE: "it accepted", EventKind.APPROVAL: "it approved",
    EventKind.ACCESSION: "it acceded", EventKind.SUCCESSION: "it notified its succession",
    EventKind.CONSENT: "it notified its consent to be bound",
    EventKind.INSTRUMENT: "it deposited an instrument of consent",
    EventKind.NON_INTENTION: "it notified that it does not intend to become a party",
    EventKind.WITHDRAWAL: "it gave notice of withdrawal",
    EventKind.WITHDRAWAL_REVOKED: "its notification of withdrawal was withdrawn, before it took effect",
    EventKind.CONSENT_REVOKED: "it revoked its instrument of consent",
    EventKind.SUSPENSION: "it notified a suspension",
}

#: a record as a noun phrase, for "depending on the day of ..."
_NOUNS = {
    EventKind.SIGNATURE: "its signature", EventKind.RATIFICATION: "its ratification",
    EventKind.ACCEPTANCE: "its acceptance", EventKind.APPROVAL: "its approval", EventKind.ACCESSION: "its accession",
    EventKind.SUCCESSION: "its notification of succession", EventKind.CONSENT: "its consent to be bound",
    EventKind.INSTRUMENT: "its instrument of consent",
    EventKind.PROVISIONAL_APPLICATION: "its declaration of provisional application",
    EventKind.NON_INTENTION: "its notice that it does not intend to become a party",
    EventKind.WITHDRAWAL: "its notification of withdrawal",
    EventKind.WITHDRAWAL_REVOKED: "the withdrawal of its notification of withdrawal",
    EventKind.CONSENT_REVOKED: "the revocation of its consent", EventKind.SUSPENSION: "its notice of suspension",
    EventKind.COMMUNICATION: "its communication", EventKind.ANNOUNCEMENT: "the announcement",
    EventKind.GAP: "the missing record", EventKind.DECLARATION: "its declaration",
    EventKind.DECLARATION_WITHDRAWN: "the withdrawal of its declaration",
}

STATUS_WORDS = {
    Status.NOT_SIGNED: "has neither signed nor consented to be bound by the {t}",
    Status.NOT_PARTY: ("has no instrument of consent on record and is not a party; whether it signed is not known "
                       "(the data do not record every signature of the {t})"),
    Status.SIGNATORY: "is a signatory, not a party",
    Status.NOT_INTENDING: "is a signatory that has said it will not become a party; it is not a party",
    Status.CONSENTED: "has consented to be bound, but the {t} is not in force for it",
    Status.PARTY: "is a party",
    Status.WITHDRAWAL_PENDING: "is a party, with a withdrawal pending",
    Status.WITHDRAWN: "is no longer a party",
    Status.CONSENT_REVOKED: "is a signatory whose instrument of consent was revoked; it is not a party",
    Status.TERMINATED: "is not bound: the {t} is no longer in force",
}


def _entry_clause(t: TreatyView, f, d: date) -> str:
    eif = f.entry_into_force
    if eif is None:
        return f"; the {t.short_title} itself is not in force" if t.in_force is None else ""
    past = _is_past(eif, d)
    verb = {True: "entered", False: "enters", None: "entered (or enters)"}[past]
    when_ = when(eif)
    basis = f.entry_basis
    art = f.entry_article
    if basis == "immediate":
        tail = f" (with immediate effect under Art. {art}, as a party to a conflict)"
    elif basis == "source":
        tail = " (the date the source gives)"
    elif basis == "assumed-rule":
        tail = (f" (Art. {art}, the rule for a ratification or accession; had it been a succession, or had it taken "
                "immediate effect in a conflict, the treaty would have applied earlier)")
    elif basis == "succession":
        tail = " (from the date its succession takes effect)"
    elif basis == "succession-undated":
        tail = (f" (no source gives the day its succession takes effect: it may date from its independence, as "
                f"depositaries often date successions, or follow Art. {art} from the notification; "
                "between the two the status cannot be told)")
    elif basis == "parent":
        tail = f" (the day the {t.parent_title or t.parent_id} entered into force for it)"
    else:
        tail = f" (Art. {art})" if art else ""
    return f"; the {t.short_title} {verb} into force for it {when_}{tail}"


def status_text(t: TreatyView, name: str, seg: Segment, d: date, *, later: tuple[Event, ...] = (),
                overrides: tuple[str, ...] = (), data_as_of: date | None = None, ceased_on: date | None = None,
                born_on: date | None = None,
                known_on: date | None = None, complete_to: date | None = None) -> str:
    """The explanation of a state's status on ``d``, from the segment that holds ``d``."""
    name = the(name)
    f = seg.facts
    title = t.short_title
    parts: list[str] = []
    unsure = {id(e) for w_, e, _, _ in seg.uncertain if w_ == "act" and e is not None}

    def w(e: Event) -> str:
        """When ``e`` happened; and, where its unknown day decides the answer, that it may be after ``d``."""
        text = when(e.date)
        if id(e) in unsure and text.endswith("(the day is not known)"):
            text = text[:-1] + f", nor whether it was by {day(d)})"
        return text

    if d < t.adopted:
        parts.append(f"On {day(d)} the {title} did not exist yet: it was adopted on {day(t.adopted)}.")
    if known_on is not None:
        parts.append(f"As the records known on {day(known_on)} gave it:")
    if f.signature:
        parts.append(f"{_cap(name)} signed the {title} {w(f.signature)}.")
    if f.non_intention:
        parts.append(f"It notified the depositary {w(f.non_intention)} that it does not intend to become a "
                     "party, so its signature creates no obligation.")
    c = f.consent
    if c is not None:
        retro = _is_past(c.date, d) is False
        if retro:
            line = (f"By a notification received {when(c.date)}" + (f" at {c.at}" if c.at else "")
                    + f", {name} {'is bound' if seg.status in BOUND else 'consented'}"
                    + (f" with effect from {day(c.effective)}" if c.effective else
                       (f" with effect from {day(c.in_force)}" if c.in_force else "")))
            line += _entry_clause(t, f, d)
        else:
            line = f"{_cap(name)} {_CONSENT_WORDS[c.kind]} {w(c)}" + (f" (at {c.at})" if c.at else "")
            if c.kind is EventKind.SUCCESSION and c.effective:
                line += f", with effect from {day(c.effective)}"
            line += _entry_clause(t, f, d)
        parts.append(line + ".")
        for other in f.other_deposits:
            if other.at:
                parts.append(f"It deposited the same instrument with the depositary at {other.at} {when(other.date)}.")
    if f.provisional:
        parts.append(f"It declared {when(f.provisional.date)} that it applies the treaty provisionally"
                     + (f" ({f.provisional.note})" if f.provisional.note else "") + ".")
    if f.consent_revoked:
        rc = f.revoked_consent
        what = (f"its instrument of {rc.kind.value} (deposited {when(rc.date)})"
                if rc is not None and rc.kind.value in ("ratification", "acceptance", "approval", "accession")
                else "its instrument of consent")
        parts.append(f"{_cap(w(f.consent_revoked))} it revoked {what}; its signature stands.")
    wd = f.withdrawal
    rule = t.withdrawal
    term = rule.term if rule else "withdrawal"
    if wd is not None:
        ref = f" ({wd.ref})" if wd.ref else ""
        eff = f.withdrawal_effective
        basis = f.withdrawal_basis
        line = (f"The depositary received its notification of {term} {w(wd)}{ref}" if t.by_depositary(wd)
                else f"It gave notice of {term} {w(wd)}{ref}")
        if wd.ceased:
            line = f"Its participation ends without a notice of its own ({wd.note}){ref}"
        if f.withdrawal_revoked:
            rv = f.withdrawal_revoked
            line += (f"; that notification was itself withdrawn {w(rv)}" + (f" ({rv.note})" if rv.note else "")
                     + ", before it took effect")
        elif basis == "disputed":
            line = (f"It gave notice of {term} {w(wd)}{ref}, claiming effect from "
                    f"{day(eff) if isinstance(eff, date) else when(eff)}; that effect is disputed (see below)")
        elif basis == "no-effect":
            nc = rule.none if rule is not None else None
            why = (f" ({nc.position_source}: {_quoted(nc.position_text)})" if nc is not None and nc.position_text else "")
            line += (f"; the {title} has no withdrawal clause, and the depositary's or treaty body's position is that "
                     f"no {term} is possible{why}, so it has no effect")
        elif eff is not None:
            past = _is_past(eff, d)
            verb = {True: "took", False: "takes", None: "took (or takes)"}[past]
            art = (rule.article if rule else "") + (f" of the {t.withdrawal_title}" if t.withdrawal_title else "")
            if basis == "depositary":
                line += f"; it {verb} effect {when(eff)} (Art. {art})"
            elif basis == "rule" and t.withdrawal_convention and rule is not None and rule.notice is not None:
                line += (f"; the {t.wtitle} sets no rule for when that takes effect, and the library counts it "
                         f"{period_words(rule.notice.describe())} receipt: it {verb} effect {when(eff)}")
            elif basis == "deferral-unknown":
                c_ = rule.conflict if rule else None
                line += (f"; by Art. {art} it {verb} effect {when(eff)}, unless Art. {c_.paragraph if c_ else art} "
                         f"held it back (if {name} was {c_.condition if c_ else 'in an armed conflict'} then): the data "
                         "do not say, and the depositary gives no date")
            elif basis == "no-clause":
                line += (f"; the {title} has no withdrawal clause, and whether it could take effect (under Art. 56 of "
                         "the Vienna Convention, twelve months after notice at the earliest) is not settled")
            else:
                line += f"; by Art. {art} it {verb} effect {when(eff)}"
        parts.append(line + ".")
    if f.suspension:
        s = f.suspension
        how = ("it notified the depositary that it suspends" if t.by_depositary(s) else
               "it suspended (as a source other than the depositary's record reports)")
        parts.append(f"{_cap(w(s))} {how} the operation of the "
                     f"{title}" + (f" ({s.note})" if s.note else "") + f". A suspension is not an instrument of {term}: "
                     "the status below follows the treaty's own terms.")
    for a in f.announcements:
        parts.append(f"Announced {when(a.date)}, not deposited with the depositary: {a.note}.")
    if t.parent_id is not None:
        p = f.parent
        ptitle = t.parent_title or t.parent_id
        binds = None if p is None else is_party_of(p.status, p.possible)
        if p is None or binds or c is None:
            parts.append(f"It binds a state only while the {ptitle} ({t.parent_id}) binds it.")
        elif binds is None:
            parts.append(f"It binds a state only while the {ptitle} binds it, and on {day(d)} whether that treaty "
                         f"binds {name} is not settled ({_status_name(p.status, p.possible)}).")
        elif seg.status not in BOUND and f.in_force:
            parts.append(f"It binds a state only while the {ptitle} binds it, and on {day(d)} that treaty does not "
                         f"bind {name} ({_status_name(p.status, p.possible)}): so it is not in force for {name}.")
        else:
            parts.append(f"It binds a state only while the {ptitle} ({t.parent_id}) binds it.")
    parts.append(f"On {day(d)} {_status_sentence(t, name, seg, ceased_on, born_on)}.")
    if data_as_of is not None and d > data_as_of:
        parts.append(f"Note: {day(d)} is after the date these data were checked ({day(data_as_of)}); events after "
                     "that date are not included.")
    elif complete_to is not None and d > complete_to:
        searched = f"; later acts were searched for up to {day(data_as_of)}" if data_as_of is not None else ""
        if t.adopted is not None and complete_to <= t.adopted:  # no complete record: each State from its own sources
            parts.append(f"Note: no complete record of the participants in the {title} was read: each State's acts "
                         f"come from separate sources" + (f", searched up to {day(data_as_of)}" if data_as_of is not None else "")
                         + ", and an act that the search missed would not be known.")
        else:
            parts.append(f"Note: the last complete record read of the participants in the {title} is of "
                         f"{day(complete_to)}{searched}, and an act that the search missed would not be known.")
    text = " ".join(parts)
    shown = [e for e in later if e.kind in _LATER][:4]
    if shown:
        text += " Later: " + "; ".join(
            f"{when(e.date)} " + ("its participation was to end without a notice of its own" if e.ceased
                                  else _LATER[e.kind]) for e in shown) + "."
    if overrides:
        text += " User data: " + "; ".join(overrides) + "."
    return text


def not_counted_note(name: str, title: str, records: int) -> str:
    """What an answer about an entity lists do not count (Kosovo, Taiwan) adds."""
    held = (f" The {records} record(s) under its name are communications the depositary lists, not acts "
            "counted as its own." if records else "")
    return (f" Note: {name} is not among the states the lists count: the depositaries of the treaties here do "
            f"not accept its instruments, so this answer says only that no act of its own under the {title} "
            f"is recorded (docs/states.md).{held}")


def consents_gap_caution(missing: str) -> str:
    """The caution on a 'no' under a treaty whose data are known to miss acts of consent."""
    return f" Caution: the data are known to miss acts of consent ({missing}); this State may be among them."


def _status_name(s: Status, possible: tuple[Status, ...]) -> str:
    if s is Status.UNDECIDED:
        return "undecided: " + " or ".join(p.value for p in possible)
    return s.value


def _status_sentence(t: TreatyView, name: str, seg: Segment, ceased_on: date | None,
                     born_on: date | None = None) -> str:
    f = seg.facts
    s = seg.status
    title = t.short_title
    if s is Status.UNKNOWN:
        return f"the status of {name} is not known: {f.gap.note if f.gap else 'the data do not settle it'}"
    if s is Status.CEASED:
        return (f"{name} no longer existed (it ceased to exist on {day(ceased_on)})" if ceased_on
                else f"{name} no longer existed")
    if s is Status.NOT_YET:
        return (f"{name} did not exist yet as a state (the list of states counts it from {day(born_on)})"
                if born_on else f"{name} did not exist yet as a state")
    if s is Status.WITHDRAWAL_DISPUTED:
        return (f"whether {name} is still a party is disputed: {f.withdrawal.note if f.withdrawal else ''}; the "
                "library does not choose")
    if s is Status.UNDECIDED:
        return f"the status of {name} cannot be told from the data: {unsettled_reason(t, name, seg)}"
    words = STATUS_WORDS[s].format(t=title)
    if s is Status.NOT_SIGNED and f.signature is None and not f.communications:
        words += " (no act on record)"
    return f"{name} {words}"


def unsettled_reason(t: TreatyView, name: str, seg: Segment) -> str:
    """Why a segment's status is undecided, disputed or unknown, in one clause."""
    f = seg.facts
    if seg.status is Status.UNKNOWN:
        return f.gap.note if f.gap else "the data do not settle it"
    if seg.status is Status.WITHDRAWAL_DISPUTED:
        return f"its withdrawal is disputed: {f.withdrawal.note if f.withdrawal else ''}"
    options = " or ".join(s.value for s in seg.possible)
    causes = []
    for what, e, lo, hi in seg.uncertain:
        if what == "act" and e is not None:
            causes.append(f"the day of {_NOUNS[e.kind]} ({_plain_when(e.date)})")
        elif what == "in-force":
            causes.append(f"the day the {t.short_title} entered into force for it ({_span(lo, hi)})")
        elif what == "effect":
            causes.append(f"the day its {t.withdrawal.term if t.withdrawal else 'withdrawal'} took effect "
                          f"({_span(lo, hi)})")
        elif what == "parent":
            p = f.parent
            causes.append(f"whether the {t.parent_title or t.parent_id} binds it"
                          + (f" ({_status_name(p.status, p.possible)})" if p else ""))
    if f.withdrawal_basis == "deferral-unknown" and not causes:
        causes.append("whether an armed-conflict clause held its withdrawal back")
    ip = is_party_of(seg.status, seg.possible)
    either = "" if ip is None else (" Either way it is a party." if ip else " Either way it is not a party.")
    reason = f"it is {options}, depending on {' and '.join(causes) if causes else 'facts the data do not hold'}"
    return reason + ("; " + either.strip().rstrip(".").lower() if either else "")


def _plain_when(d: Day) -> str:
    return when(d).replace(" (the day is not known)", "")


def _span(lo: date | None, hi: date | None) -> str:
    if lo is None or hi is None:
        return "the day is not known"
    return f"between {day(lo)} and {day(hi)}"


# -- withdrawal -------------------------------------------------------------------------------------

def _val(v: object) -> str:
    if v is OPEN:
        return "no date (the event has no known end)"
    if v is UNKNOWN or v is None:
        return "a day that cannot be told"
    return day(v) if isinstance(v, date) else when(v)  # type: ignore[arg-type]


def withdrawal_text(t: TreatyView, name: str, dec: Decision, *, on: date, recorded: Event | None = None,
                    revoked: Event | None = None, facts=None, in_conflict: bool | None = None,
                    conflict_end: date | None = None) -> str:
    """The explanation of a withdrawal decision."""
    name = the(name)
    rule = t.withdrawal
    title = t.short_title
    term = rule.term if rule else "withdrawal"
    parts: list[str] = []
    r = dec.reason
    if recorded is not None:
        verb_ = "The depositary received" if t.by_depositary(recorded) else "The record shows"
        if recorded.ceased:
            parts.append(f"{_cap(name)} gave no notice of {term} from the {title}: its participation ends by the "
                         f"operation of the treaty ({recorded.note}).")
        else:
            parts.append(f"{verb_} {name}'s notification of {term} from the {title} {when(recorded.date)}"
                         + (f" ({recorded.ref})" if recorded.ref else "") + ".")
        if r == "revoked":
            parts.append(f"The notification was withdrawn {when(revoked.date) if revoked else ''}, before it took "
                         f"effect; {name} remains bound.")
            return " ".join(parts)
        if r == "disputed":
            claimed = recorded.effective
            parts.append(f"Its effect is disputed: {recorded.note}. The library does not choose"
                         + (f": {name}'s claimed date is {day(claimed)}" if claimed else "")
                         + (f"; the rule alone gives {_val(dec.earliest)}." if dec.earliest is not None else "."))
            return " ".join(parts)
        if r == "recorded":
            past = _is_past(dec.effective, on) if dec.effective is not None else None
            verb = {True: "took", False: "takes", None: "took (or takes)"}[past]
            e = dec.earliest
            if e == dec.effective:
                same = "as the rule gives"
            elif isinstance(e, DateRange) and e.earliest is None:
                same = f"the day of the notice is not known: by the rule alone, on or before {day(e.latest)}"
            elif rule is not None and (rule.named_date_required or rule.later_date_allowed) and e is not None:
                same = f"the day its notice named: the earliest the rule allows is {_val(e)}"
            else:
                same = f"the rule alone gives {_val(e)}"
            whose = "the depositary's record" if t.by_depositary(recorded) else "the record (not the depositary's own)"
            parts.append(f"By {whose} the {term} {verb} effect {when(dec.effective)} ({same}).")
            if past:
                parts.append(f"{_cap(name)} is no longer bound by the {title}, so it has nothing left to withdraw from.")
            return " ".join(parts)
        if r == "no-effect":
            parts.append(_no_clause_text(t, name, dec, rule))
            return " ".join(parts)
        if r == "recorded-rule" and recorded.effective is not None:
            whose = "The depositary's record" if t.by_depositary(recorded) else "The record"
            parts.append(f"{whose} gives {day(recorded.effective)} for its effect; what follows applies the "
                         "armed-conflict clause to the situation asked about.")
    else:
        if r == "not-bound":
            parts.append(f"On {day(dec.notice)} {name} has not consented to be bound by the {title}, so it has nothing "
                         "to withdraw from.")
            return " ".join(parts)
        if r == "already-withdrawn":
            eff = facts.withdrawal_effective if facts is not None else None
            parts.append(f"On {day(dec.notice)} {name} is no longer bound by the {title}"
                         + (f": its {term} took effect {when(eff)}" if eff is not None else "")
                         + ", so it has nothing to withdraw from.")
            return " ".join(parts)
        if r == "pending":
            eff = facts.withdrawal_effective if facts is not None else None
            w = facts.withdrawal if facts is not None else None
            parts.append(f"On {day(dec.notice)} {name} has already given notice of {term}"
                         + (f" ({when(w.date)})" if w is not None else "")
                         + (f", taking effect {when(eff)}" if eff is not None else "") + ".")
            return " ".join(parts)
        if r == "ceased":
            parts.append(f"On {day(dec.notice)} {name} no longer existed, so it could give no notice.")
            return " ".join(parts)
        if r == "terminated":
            parts.append(f"On {day(dec.notice)} the {title} was no longer in force"
                         + (f" (it ended on {day(dec.treaty_ends)})" if dec.treaty_ends else "")
                         + ", so there is nothing to withdraw from.")
            return " ".join(parts)
        if r == "unsettled":
            parts.append(f"On {day(dec.notice)} the status of {name} under the {title} is not settled, so whether it "
                         "could give notice is not settled either.")
            return " ".join(parts)
        if r in ("no-clause", "no-clause-not-permitted"):
            parts.append(_no_clause_text(t, name, dec, rule))
            return " ".join(parts)
        if r == "too-early":
            m = rule.minimum if rule else None
            parts.append(f"Under Art. {m.article if m else ''} of the {t.wtitle}, notice may be given only "
                         f"{period_words(m.period.describe()).replace(' after', '') if m else ''} after the "
                         f"{title} entered into force for the state: for {name}, not before "
                         f"{day(dec.notice_not_before)}." if dec.notice_not_before else "")
            return " ".join(parts)
    assert rule is not None
    if rule.grounds:
        parts.append(f"Under Art. {rule.article} of the {t.wtitle} a party may withdraw if it decides that "
                     f"{rule.grounds}, and must say so in its notice.")
    parts.extend(_base_sentences(t, name, dec, rule))
    c = rule.conflict
    if c is not None:
        tested = "when the notice period expires" if c.tested_at == "expiry" else "when it gives notice"
        parts.append(f"Art. {c.paragraph}: if, {tested}, {name} is {c.condition}, the {term} {c.until}.")
        if conflict_end is not None:
            if dec.condition_holds:
                if dec.deferred:
                    parts.append(f"With the conflict ending on {day(conflict_end)}, the {term} would take effect then, "
                                 f"on {day(conflict_end)}, not on {_val(dec.earliest)}.")
                else:
                    parts.append(f"The conflict ends on {day(conflict_end)}, before the notice period runs out: the "
                                 f"{term} takes effect when the period ends, on {_val(dec.effective)}; a deferral "
                                 "can only postpone.")
            else:
                parts.append(f"With the conflict over by {day(conflict_end)}, the clause does not hold it back.")
        elif in_conflict:
            parts.append(f"As {name} is taken to be in an armed conflict with no end date, the {term} would not take "
                         f"effect before {c.ends}: no date can be given.")
        elif in_conflict is None:
            parts.append("Whether the clause applies depends on facts the data do not hold; say whether the state "
                         "is in an armed conflict (in_armed_conflict= or armed_conflict_until= in Python, "
                         "--in-armed-conflict or --armed-conflict-until on the command line) to decide it.")
    elif in_conflict or conflict_end:
        parts.append(f"The {title} has no armed-conflict clause: a conflict does not delay the {term}.")
    if dec.treaty_ends is not None:
        parts.append(f"The {title} itself ends on {day(dec.treaty_ends)}.")
    if facts is not None and facts.suspension is not None:
        parts.append(f"{_cap(name)} notified a suspension of the {title} {when(facts.suspension.date)}; it is not a "
                     f"notification of {term} and starts no notice period.")
    return " ".join(parts)


def _base_sentences(t: TreatyView, name: str, dec: Decision, rule: WithdrawalRule) -> list[str]:
    term = rule.term
    n = dec.notice
    notice = day(n) if isinstance(n, date) else when(n)
    out = []
    if rule.windows is not None:
        wdesc = rule.windows
        out.append(f"Under Art. {rule.article} of the {t.wtitle}, the treaty runs for fixed periods "
                   f"({period_words(wdesc.first.describe()).replace(' after', '')} from its entry into force, then "
                   f"{period_words(wdesc.then.describe()).replace(' after', '')} at a time); a {term} received at "
                   f"least {period_words(wdesc.notice.describe()).replace(' after', '')} before a period ends takes "
                   f"effect when it ends. A notification received on {notice} would take effect on "
                   f"{_val(dec.earliest)}" + (f" (the last day to give notice for that period is "
                                                f"{day(dec.window_deadline)})" if dec.window_deadline else "") + ".")
        return out
    assert rule.notice is not None
    desc = period_words(rule.notice.describe())
    line = (f"Under Art. {rule.article} of the {t.wtitle}, a notification of {term} received on {notice} would take "
            f"effect {desc} receipt, on {_val(_base_value(dec))}")
    if rule.named_date_required:
        line += " (the notification names the day, at least that far ahead)"
    elif rule.later_date_allowed:
        line += " (or on a later date the notification names)"
    named = next((s for s in dec.trace if s.get("step") == "named-day" and s.get("named")), None)
    out.append(line + ".")
    if named is not None:
        if named["named_too_early"]:
            out.append(f"The day the notification names, {day(named['named'])}, is too early: the period governs.")
        else:
            out.append(f"The notification names {day(named['named'])}.")
    return out


def _base_value(dec: Decision) -> object:
    for s in dec.trace:
        if s.get("step") == "after-notice":
            return s["gives"]
        if s.get("step") == "named-day":
            return s["not_before"]
    return dec.earliest


def _quoted(text: str | None) -> str | None:
    """A quotation from a source, marked as one."""
    return None if not text else "\u201c" + text.strip().rstrip(".") + ".\u201d"


def _no_clause_text(t: TreatyView, name: str, dec: Decision, rule: WithdrawalRule | None) -> str:
    nc = rule.none if rule else None
    art = nc.vclt_article if nc else "56"
    text = (f"The {t.short_title} has no clause on withdrawal or denunciation. Under Art. {art} of the Vienna "
            "Convention on the Law of Treaties, a party may withdraw from such a treaty only if it is established "
            "that the parties intended to admit the possibility, or if a right of withdrawal is implied by the "
            "nature of the treaty; it must then give at least twelve months' notice")
    if dec.reason == "no-clause-not-permitted" or (nc and nc.position == "not-permitted"):
        text += (f". {_quoted(nc.position_text) or 'The treaty body holds that no withdrawal is possible'}"
                 f" ({nc.position_source})" if nc else ".")
        if nc and nc.also_text:
            text += f"; and: {_quoted(nc.also_text)} ({nc.also_source})"
        if nc:
            text += f". A notice by {name} would have no effect."
    elif dec.earliest is not None:
        text += f": if {name} may withdraw at all, not before {_val(dec.earliest)}."
    else:
        text += "."
    return text


# -- derogations -------------------------------------------------------------------------------------

def _articles(arts: tuple | None) -> str:
    if not arts:
        return "the articles are not named in the depositary's text"
    named = [f"{a}" for a in arts]
    return ("article " if len(named) == 1 else "articles ") + (", ".join(named[:-1]) + " and " + named[-1]
                                                              if len(named) > 1 else named[0])


def _where(territory: str | None) -> str:
    if territory is None:
        return "territory not stated"
    return "the whole territory" if territory == "whole" else territory


def _since_words(since: Day | None, how: str | None) -> str:
    if since is None:
        return "from a day the record does not give"
    if how == "after-previous":
        return f"from {day(since)} (the day after the period it extends)" if not isinstance(since, DateRange) \
            else f"from {when(since)[3:]}"
    if how == "by-note":
        return f"from a day not stated, on or before {day(bounds(since)[1])} (the date of its notification)"
    return f"from {when(since)[3:]}" if not isinstance(since, DateRange) else f"from a day {when(since)}"


def derogation_sentence(measure: str | None, territory: str | None, articles: tuple | None, since: Day | None,
                        since_how: str | None, until: Day | None, until_how: str | None, refs: tuple,
                        on: date | None, stands: bool | None, ended_note: Day | None = None) -> str:
    """One derogation in words: the measure, where, since when, how it ended (or that nothing
    on record ends it), the articles, the references; and whether it stands on ``on``."""
    what = _cap(measure) if measure else "A derogation (the measure is not named)"
    parts = [f"{what} ({_where(territory)}), {_since_words(since, since_how)}"]
    if until_how == "termination":
        parts.append(f"terminated with effect {when(ended_note)} (the first day it no longer stood)"
                     if ended_note is not None else "terminated on a day the record does not give")
    elif until_how == "superseded":
        parts.append(f"replaced by a later derogation of the same measure notified {when(ended_note)}")
    elif until is None:
        parts.append("no end has been notified and no termination is on record")
    elif until_how == "period" and on is not None and _is_past(until, on):
        parts.append(f"its last notified period ended {when(until)}; no extension or termination is on record")
    else:
        parts.append(f"notified for a period ending {when(until)}")
    text = "; ".join(parts) + f"; {_articles(articles)}"
    if refs:
        text += f" ({', '.join(refs)})"
    text += "."
    if on is not None:
        if stands is True:
            text += f" It stands on {day(on)}" + (" as notified (nothing on record ends it)." if until is None
                                                  else ".")
        elif stands is False:
            text += f" It does not stand on {day(on)}."
        else:
            text += f" Whether it stands on {day(on)} cannot be told: a day the record does not give decides it."
    return text


def derogations_text(name: str, treaty: str, clause: str, on: date | None, items: list[str], undecided: int,
                     last: str | None, complete_to: date | None, incomplete: str | None) -> str:
    """A state's derogations on a day (or all of them, ``on`` None), in words."""
    who = the(name)
    head_on = f"On {day(on)}, " if on is not None else ""
    tail = ""
    if on is not None and complete_to is not None and on > complete_to:
        tail = (f" The depositary's record read is of {day(complete_to)}; a notification after that day would "
                "not be known.")
    if incomplete:
        tail += f" Caution: the record is known to be incomplete ({incomplete})."
    if not items:
        if last is None:
            return (f"{_cap(head_on)}{who} has notified no derogation under {clause} of the {treaty}, as far as "
                    f"the depositary's record shows.{tail}")
        return (f"{head_on}no derogation by {who} under {clause} of the {treaty} stands by the record. The most "
                f"recent to end before that day: {last}{tail}")
    n = len(items)
    if on is None:
        head = f"{_cap(who)} has notified {n} derogation{'s' if n != 1 else ''} under {clause} of the {treaty}:"
    else:
        sure = n - undecided
        if sure:
            head = (f"{head_on}{who} has {sure} derogation{'s' if sure != 1 else ''} in force under {clause} of the "
                    f"{treaty}" + (f", and {undecided} that may stand" if undecided else "") + ":")
        else:
            head = (f"{head_on}no derogation by {who} under {clause} of the {treaty} certainly stands; "
                    f"{undecided} may stand:")
    ended = f" The most recent to end before that day: {last}" if last else ""
    return head + " " + " ".join(items) + ended + " A derogation suspends obligations; it changes no party status." \
        + tail


def no_derogation_record(name: str, treaty: str, clause: str) -> str:
    """The answer where the data hold no record of a treaty's notifications of derogation."""
    return (f"The data hold no record of the notifications under {clause} of the {treaty}: whether {the(name)} "
            "derogates is not known here (docs/derogations.md says which sources were read).")


def derogability_text(treaty: str, article: str, derogable: bool, clause: str, paragraph: str,
                      non_derogable: tuple) -> str:
    """Whether an article admits derogation, and the clause that says so."""
    listed = ", ".join(non_derogable)
    if not derogable:
        return (f"No derogation may be made from article {article} of the {treaty}: {paragraph} names it among "
                f"the provisions that admit none ({listed}).")
    return (f"Article {article} of the {treaty} is not among the provisions from which {paragraph} allows no "
            f"derogation ({listed}): a State may derogate from it under {clause}, in the conditions that article "
            "sets.")


def derogation_note(name: str, clause: str, on: date, summaries: list[str], undecided: int) -> str:
    """The sentence a status answer adds where a derogation stands on the day asked about."""
    if not summaries and undecided:
        return (f" A derogation by {the(name)} under {clause} may stand on {day(on)} (a day the record does not "
                "give decides it); a derogation changes no party status.")
    return (f" On {day(on)} {the(name)} derogates under {clause} ({'; '.join(summaries)}); a derogation suspends "
            "obligations and changes no party status.")
