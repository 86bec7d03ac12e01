"""The public queries. Each is a thin layer over the indexed data in :mod:`treatystatus.store`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .store import Record, TreatyData, _another_deposit, dataset, entry_into_force, withdrawal_effective
from .errors import InvalidDateError, StatusUnknownError
from .models import (CONSENT_KINDS, Event, EventKind, Results, Source, Status, StatusResult, Timeline, Treaty,
                     WithdrawalResult)

__all__ = [
    "status", "is_party", "parties", "consenting", "signatories", "non_parties", "timeline", "treaty", "treaties",
    "withdrawal", "treaties_of", "resolve_state", "state_name",
]


# -- input ----------------------------------------------------------------------------------

def to_date(value: object, *, default_today: bool = True) -> date:
    """A ``date``, ``datetime`` or ISO 8601 ``YYYY-MM-DD`` string as a date; ``None`` is today."""
    if value is None and default_today:
        return date.today()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        s = value.strip()
        if len(s) == 10 and s[4] == "-" and s[7] == "-":
            try:
                return date.fromisoformat(s)
            except ValueError:
                pass
    raise InvalidDateError(value)


def resolve_state(state: str) -> str:
    """The code treatystatus uses for ``state`` (ISO alpha-3 where one exists)."""
    return dataset().states.resolve(state)


def state_name(code: str) -> str:
    return dataset().states.name(resolve_state(code))


def treaty(id_or_alias: str) -> Treaty:
    """The treaty with its rules, by id (``"apmbc"``) or any alias (``"Ottawa Convention"``, ``"XXVI-5"``)."""
    ds = dataset()
    return ds.treaty_def(ds.resolve_treaty(id_or_alias))


def treaties() -> list[Treaty]:
    """Every treaty in the data, sorted by id."""
    ds = dataset()
    return [ds.treaties[t] for t in sorted(ds.treaties)]


# -- the fast path ----------------------------------------------------------------------------

def _lookup(state: str, treaty_: str) -> tuple[str, TreatyData, Record | None]:
    ds = dataset()
    code = ds.states.resolve(state)
    td = ds.treaty_data(ds.resolve_treaty(treaty_))
    return code, td, _record(td, code)


def _record(td: TreatyData, code: str) -> Record | None:
    rec = td.records.get(code)
    if rec is None:
        successor = dataset().states.states[code].continued_by
        if successor is not None:
            rec = td.records.get(successor)
    return rec


def _status_only(code: str, tid: str, d: date) -> Status:
    """The status alone (no explanation), by the same rules as :func:`status`."""
    td = dataset().treaty_data(tid)
    st = _replay(td.treaty, _record(td, code), d)
    if td.treaty.parent is not None:
        _apply_parent(td.treaty, code, code, st, d)
    return st.status


def _party_on(rec: Record, d: date) -> bool:
    for start, end in rec.intervals:
        if start <= d and (end is None or d < end):
            return True
    return False


def is_party(state: str, treaty: str, on: object = None) -> bool:
    """True when the treaty is in force for ``state`` on the day ``on`` (default: today).

    A state is a party on day D when the treaty's entry into force for it is on
    or before D and D is before the day its withdrawal takes effect. Raises
    :class:`~treatystatus.errors.StatusUnknownError` where the data record a gap.
    """
    d = to_date(on)
    code, td, rec = _lookup(state, treaty)
    if rec is None:
        return False
    if rec.unknown_from is not None and d >= rec.unknown_from:
        raise StatusUnknownError(f"the status of {code} under {td.treaty.id} on {d} is not settled: "
                                 + "; ".join(e.note or "" for e in rec.events
                                             if e.kind is EventKind.GAP or e.disputed))
    return _party_on(rec, d)


def parties(treaty: str, on: object = None) -> list[str]:
    """Sorted codes of the states for which the treaty is in force on ``on`` (default: today)."""
    d = to_date(on)
    ds = dataset()
    td = ds.treaty_data(ds.resolve_treaty(treaty))
    recs = td.records
    return [c for c in td.order if _party_on(recs[c], d)]


def consenting(treaty: str, on: object = None) -> list[str]:
    """Sorted codes of the states whose consent to be bound stands on ``on``, in force for them or not.

    This is what the depositary counts as "Parties" in its headline: a state
    counts from the day it deposits its instrument until its withdrawal takes
    effect. For a treaty not in force (the CTBT) it lists the ratifiers.
    """
    d = to_date(on)
    ds = dataset()
    td = ds.treaty_data(ds.resolve_treaty(treaty))
    keep = (Status.CONSENTED, Status.PARTY, Status.WITHDRAWAL_PENDING)
    return [c for c in td.order if _replay(td.treaty, td.records[c], d).status in keep]


def signatories(treaty: str, on: object = None) -> list[str]:
    """Sorted codes of the states whose signature stands on ``on``: signed by then, and not withdrawn.

    This is what the depositary counts as signatories: it includes signatories
    that have since ratified, and leaves out those whose withdrawal took effect.
    """
    d = to_date(on)
    ds = dataset()
    td = ds.treaty_data(ds.resolve_treaty(treaty))
    out = []
    for code in td.order:
        st = _replay(td.treaty, td.records[code], d)
        if st.signature is not None and st.status not in (Status.WITHDRAWN,):
            out.append(code)
    return out


def non_parties(treaty: str, on: object = None) -> list[str]:
    """Sorted codes of the states in the curated list (existing on ``on``) that are not parties then."""
    d = to_date(on)
    ds = dataset()
    inside = set(parties(treaty, d))
    return [c for c in ds.states.existing_on(d) if c not in inside]


# -- replaying one state's record up to a day ----------------------------------------------------

@dataclass(slots=True)
class _State:
    status: Status = Status.NOT_SIGNED
    signature: Event | None = None
    consent: Event | None = None
    entry_into_force: date | None = None
    provisional: Event | None = None
    non_intention: Event | None = None
    consent_revoked: Event | None = None
    withdrawal: Event | None = None
    withdrawal_effective: date | None = None
    withdrawal_revoked: Event | None = None
    suspension: Event | None = None
    gap: Event | None = None


def _replay(tr: Treaty, rec: Record | None, d: date) -> _State:
    st = _State()
    if rec is not None:
        until = dataset().states.states[rec.state].until
        if until is not None and d >= until:
            st.status = Status.CEASED
            return st
    for ev in (rec.events if rec is not None else ()):
        if ev.date > d:
            break
        k = ev.kind
        if k is EventKind.SIGNATURE:
            st.signature = st.signature or ev
        elif k in CONSENT_KINDS:
            if st.consent is not None and _another_deposit(st.consent, ev):
                continue
            st.consent, st.consent_revoked = ev, None
            st.entry_into_force = entry_into_force(tr, ev)
            st.withdrawal = st.withdrawal_effective = st.withdrawal_revoked = None
        elif k is EventKind.PROVISIONAL_APPLICATION:
            st.provisional = ev
        elif k is EventKind.NON_INTENTION:
            st.non_intention = ev
        elif k is EventKind.CONSENT_REVOKED:
            st.consent_revoked, st.consent, st.entry_into_force = ev, None, None
        elif k is EventKind.WITHDRAWAL:
            st.withdrawal, st.withdrawal_revoked = ev, None
            st.withdrawal_effective = withdrawal_effective(tr, ev)
        elif k is EventKind.WITHDRAWAL_REVOKED:
            st.withdrawal_revoked = ev
        elif k is EventKind.SUSPENSION:
            st.suspension = ev
        elif k is EventKind.GAP:
            st.gap = ev
    pending = st.withdrawal is not None and st.withdrawal_revoked is None
    if st.gap is not None:
        st.status = Status.UNKNOWN
    elif pending and st.withdrawal_effective is not None and st.withdrawal_effective <= d:
        st.status = Status.WITHDRAWAL_DISPUTED if st.withdrawal.disputed else Status.WITHDRAWN
    elif st.consent is not None:
        in_force = st.entry_into_force is not None and st.entry_into_force <= d
        if in_force:
            st.status = Status.WITHDRAWAL_PENDING if pending else Status.PARTY
        else:
            st.status = Status.CONSENTED
    elif st.consent_revoked is not None:
        st.status = Status.CONSENT_REVOKED
    elif st.non_intention is not None:
        st.status = Status.NOT_INTENDING
    elif st.signature is not None:
        st.status = Status.SIGNATORY
    elif not tr.signatures_complete and d >= tr.adopted:
        st.status = Status.NOT_PARTY
    return st


def _as_of(tr: Treaty) -> date:
    """The day up to which a treaty's facts were checked; user data may carry a later one."""
    user = dataset().meta.get("user")
    if user:
        return max([tr.as_of] + [u["as_of"] for u in user if "as_of" in u])
    return tr.as_of


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def _when(e: Event) -> str:
    """The date of a record as precisely as the source gives it."""
    if e.precision == "month":
        return f"in {e.date:%B %Y} (the day is not known)"
    if e.precision == "year":
        return f"in {e.date.year} (the day is not known)"
    if e.precision == "by":
        return f"on or before {_day(e.date)} (the day is not known)"
    return f"on {_day(e.date)}"


_CONSENT_WORDS = {
    EventKind.RATIFICATION: "deposited its instrument of ratification",
    EventKind.ACCEPTANCE: "deposited its instrument of acceptance",
    EventKind.APPROVAL: "deposited its instrument of approval",
    EventKind.ACCESSION: "acceded",
    EventKind.SUCCESSION: "notified its succession",
    EventKind.CONSENT: "notified its consent to be bound",
    EventKind.INSTRUMENT: "deposited an instrument of consent (the source does not say of which kind)",
}


def _sources_of(events: list[Event]) -> tuple[tuple[Source, ...], tuple[str, ...]]:
    ds = dataset()
    ids = list(dict.fromkeys(s for e in events for s in (e.source, *e.also)))
    refs = tuple(dict.fromkeys(e.ref for e in events if e.ref))
    return tuple(ds.sources[i] for i in ids), refs


def status(state: str, treaty: str, on: object = None) -> StatusResult:
    """Where ``state`` stands under ``treaty`` on the day ``on`` (default: today), with dates, sources and an explanation."""
    d = to_date(on)
    code, td, rec = _lookup(state, treaty)
    tr = td.treaty
    ds = dataset()
    st = _replay(tr, rec, d)
    used = [e for e in (rec.events if rec else []) if e.date <= d]
    sources, refs = _sources_of(used)
    name = ds.states.name(code)
    extra = _apply_parent(tr, code, name, st, d) if tr.parent is not None else ""
    text = _explain(tr, code, name, st, d, used, ds.as_of) + (" " + extra if extra else "")
    later = [e for e in (rec.events if rec else []) if e.date > d and e.kind in _LATER]
    if later:
        text += " Later: " + "; ".join(f"{_when(e)} {_LATER[e.kind]}" for e in later[:4]) + "."
    overrides = tuple(rec.overrides if rec else ()) + tuple(
        n for n in (ds.replaced_treaties.get(tr.id),) if n)
    if overrides:
        text += " User data: " + "; ".join(overrides) + "."
    return StatusResult(
        state=code, state_name=name, treaty=tr.id, on=d, status=st.status,
        is_party=None if st.status in (Status.UNKNOWN, Status.WITHDRAWAL_DISPUTED) else st.status in _BOUND,
        signature=st.signature.date if st.signature else None,
        consent=st.consent.date if st.consent else None,
        consent_type=st.consent.kind if st.consent else None,
        entry_into_force=st.entry_into_force,
        provisional_application=st.provisional.date if st.provisional else None,
        non_intention=st.non_intention.date if st.non_intention else None,
        consent_revoked=st.consent_revoked.date if st.consent_revoked else None,
        withdrawal_notified=st.withdrawal.date if st.withdrawal else None,
        withdrawal_effective=st.withdrawal_effective if st.withdrawal and not st.withdrawal_revoked else None,
        withdrawal_revoked=st.withdrawal_revoked.date if st.withdrawal_revoked else None,
        suspension=st.suspension.date if st.suspension else None,
        announcements=tuple(e for e in used if e.kind is EventKind.ANNOUNCEMENT),
        imprecise_dates=tuple(f for f, e in (("signature", st.signature), ("consent", st.consent),
                                             ("provisional_application", st.provisional),
                                             ("non_intention", st.non_intention),
                                             ("consent_revoked", st.consent_revoked),
                                             ("withdrawal_notified", st.withdrawal),
                                             ("withdrawal_revoked", st.withdrawal_revoked),
                                             ("suspension", st.suspension))
                              if e is not None and e.precision != "day"),
        overrides=overrides, sources=sources, references=refs, explanation=text,
        data_as_of=_as_of(tr), after_data_as_of=d > _as_of(tr),
    )


_BOUND = (Status.PARTY, Status.WITHDRAWAL_PENDING)

#: events after the day asked about that change the story, and how to say them
_LATER = {
    EventKind.SIGNATURE: "it signed",
    EventKind.RATIFICATION: "it ratified", EventKind.ACCEPTANCE: "it accepted", EventKind.APPROVAL: "it approved",
    EventKind.ACCESSION: "it acceded", EventKind.SUCCESSION: "it notified its succession",
    EventKind.CONSENT: "it notified its consent to be bound",
    EventKind.INSTRUMENT: "it deposited an instrument of consent",
    EventKind.NON_INTENTION: "it notified that it does not intend to become a party",
    EventKind.WITHDRAWAL: "the depositary received its notification of withdrawal",
    EventKind.WITHDRAWAL_REVOKED: "its notification of withdrawal was withdrawn, before it took effect",
    EventKind.CONSENT_REVOKED: "it revoked its instrument of consent",
    EventKind.SUSPENSION: "it notified a suspension",
}


def _apply_parent(tr: Treaty, code: str, name: str, st: _State, d: date) -> str:
    """A protocol binds only while its parent treaty binds: adjust ``st`` and say so."""
    ds = dataset()
    ptd = ds.treaty_data(tr.parent)
    pst = _replay(ptd.treaty, _record(ptd, code), d)
    if st.entry_into_force is not None and pst.entry_into_force is not None:
        st.entry_into_force = max(st.entry_into_force, pst.entry_into_force)
    if st.status in _BOUND and pst.status not in _BOUND:
        st.status = Status.WITHDRAWN if pst.status is Status.WITHDRAWN else Status.CONSENTED
        return (f"It binds a state only while the {ptd.treaty.short_title} binds it, and on {_day(d)} that "
                f"treaty does not bind {name} ({pst.status.value}): so it is not in force for {name}.")
    return f"It binds a state only while the {ptd.treaty.short_title} ({ptd.treaty.id}) binds it."


def _explain(tr: Treaty, code: str, name: str, st: _State, d: date, used: list[Event], as_of: date) -> str:
    t = tr.short_title
    parts: list[str] = []
    if d < tr.adopted:
        parts.append(f"On {_day(d)} the {t} did not exist yet: it was adopted on {_day(tr.adopted)}.")
    if st.signature:
        parts.append(f"{name} signed the {t} on {_day(st.signature.date)}.")
    if st.non_intention:
        parts.append(f"It notified the depositary {_when(st.non_intention)} that it does not intend "
                     "to become a party, so its signature creates no obligation.")
    consent_events = [e for e in used if e.kind in CONSENT_KINDS]
    for ev in consent_events:
        if consent_events and ev is not consent_events[0] and _another_deposit(consent_events[0], ev):
            parts.append(f"It deposited the same instrument with the depositary at {ev.at} {_when(ev)}.")
            continue
        eif = entry_into_force(tr, ev)
        line = f"{name} {_CONSENT_WORDS[ev.kind]} {_when(ev)}" + (f" (at {ev.at})" if ev.at else "")
        if ev.kind is EventKind.SUCCESSION and ev.effective:
            line += f", with effect from {_day(ev.effective)}"
        if eif is not None:
            verb = "entered" if eif <= d else "enters"
            line += f"; the {t} {verb} into force for it on {_day(eif)}"
            if ev.kind is EventKind.INSTRUMENT and ev.in_force is None:
                line += (" (by the rule for a ratification or accession; had it been a succession, or had it taken "
                         "immediate effect in a conflict, the treaty would have applied earlier)")
            elif ev.kind is not EventKind.SUCCESSION:
                e = tr.entry_into_force
                early = (e.date is not None and ev.date <= e.date) if e.state_rule_after == "entry-into-force" else (
                    e.threshold_date is not None and ev.date <= e.threshold_date)
                line += f" (Art. {e.treaty_article if early else e.state_article})"
        elif not tr.in_force:
            line += f"; the {t} itself is not in force"
        parts.append(line + ".")
    if st.provisional:
        parts.append(f"It declared on {_day(st.provisional.date)} that it applies the treaty provisionally"
                     + (f" ({st.provisional.note})" if st.provisional.note else "") + ".")
    if st.consent_revoked:
        parts.append(f"On {_day(st.consent_revoked.date)} it revoked its instrument of consent; its signature stands.")
    if st.withdrawal:
        w = st.withdrawal
        ref = f" ({w.ref})" if w.ref else ""
        line = f"The depositary received its notification of {tr.withdrawal.term} {_when(w)}{ref}"
        if st.withdrawal_revoked:
            line += f"; that notification was itself withdrawn on {_day(st.withdrawal_revoked.date)}, so it never took effect"
        elif w.disputed:
            line = (f"It gave notice of {tr.withdrawal.term} {_when(w)}{ref}, claiming effect from "
                    f"{_day(st.withdrawal_effective)}; that effect is disputed (see below)")
        else:
            eff = st.withdrawal_effective
            verb = "took" if eff <= d else "takes"
            line += f"; it {verb} effect on {_day(eff)} (Art. {tr.withdrawal.article})"
        parts.append(line + ".")
    if st.suspension:
        s = st.suspension
        parts.append(f"On {_day(s.date)} it notified the depositary that it suspends the operation of the {t}"
                     + (f" ({s.note})" if s.note else "") + f". A suspension is not an instrument of "
                     f"{tr.withdrawal.term}: the status below follows the treaty's own terms.")
    for ev in used:
        if ev.kind is EventKind.ANNOUNCEMENT:
            parts.append(f"Announced on {_day(ev.date)}, not deposited with the depositary: {ev.note}.")
    status_words = {
        Status.NOT_SIGNED: f"{name} has neither signed nor consented to be bound by the {t}",
        Status.NOT_PARTY: (f"{name} has no instrument of consent on record and is not a party; whether it signed "
                           f"is not known (the data do not record every signature of the {t})"),
        Status.SIGNATORY: f"{name} is a signatory, not a party",
        Status.NOT_INTENDING: f"{name} is a signatory that has said it will not become a party; it is not a party",
        Status.CONSENTED: f"{name} has consented to be bound, but the {t} is not yet in force for it",
        Status.PARTY: f"{name} is a party",
        Status.WITHDRAWAL_PENDING: f"{name} is a party, with a withdrawal pending",
        Status.WITHDRAWN: f"{name} is no longer a party",
        Status.CONSENT_REVOKED: f"{name} is a signatory whose instrument of consent was revoked; it is not a party",
        Status.UNKNOWN: f"the status of {name} is not known: {st.gap.note if st.gap else ''}",
        Status.CEASED: (f"{name} no longer existed (it ceased to exist on "
                        f"{_day(dataset().states.states[code].until)})" if dataset().states.states[code].until
                        else f"{name} no longer existed"),
        Status.WITHDRAWAL_DISPUTED: (f"whether {name} is still a party is disputed: "
                                     f"{st.withdrawal.note if st.withdrawal else ''}; the library does not choose"),
    }
    if st.status is Status.NOT_SIGNED and d >= tr.adopted:
        status_words[Status.NOT_SIGNED] += " (no act on record)"
    parts.append(f"On {_day(d)} {status_words[st.status]}.")
    if d > _as_of(tr):
        parts.append(f"Note: {_day(d)} is after the date these data were checked ({_day(_as_of(tr))}); "
                     "events after that date are not included.")
    return " ".join(parts)


def timeline(state: str, treaty: str) -> Timeline:
    """Every recorded event for ``state`` and ``treaty``, in order, with its source."""
    code, td, rec = _lookup(state, treaty)
    events = tuple(rec.events) if rec else ()
    sources, _ = _sources_of(list(events))
    ds = dataset()
    return Timeline(state=code, state_name=ds.states.name(code), treaty=td.treaty.id, events=events,
                    sources=sources, data_as_of=_as_of(td.treaty))


def treaties_of(state: str, on: object = None) -> Results:
    """The status of ``state`` under every treaty in the data on ``on`` (default: today), as a list."""
    d = to_date(on)
    return Results(status(state, t.id, d) for t in treaties())


# -- withdrawal --------------------------------------------------------------------------------

def withdrawal(state: str, treaty: str, notified_on: object = None, armed_conflict_until: object = None,
               in_armed_conflict: bool | None = None) -> WithdrawalResult:
    """When a withdrawal by ``state`` would take effect, and whether an armed-conflict clause holds it back.

    For a withdrawal already on record, the recorded dates are reported. Otherwise
    the withdrawal is taken as notified on ``notified_on`` (default: today).
    ``in_armed_conflict=True`` says the state is in an armed conflict with no
    known end; ``armed_conflict_until`` gives the day the conflict ends.
    """
    code, td, rec = _lookup(state, treaty)
    tr = td.treaty
    ds = dataset()
    name = ds.states.name(code)
    rule = tr.withdrawal
    clause = rule.armed_conflict
    conflict_end = to_date(armed_conflict_until, default_today=False) if armed_conflict_until is not None else None
    if conflict_end is not None and in_armed_conflict is False:
        from .errors import TreatyStatusError
        raise TreatyStatusError("armed_conflict_until contradicts in_armed_conflict=False")
    recorded = None
    if rec is not None and notified_on is None:
        recorded = next((e for e in reversed(rec.events) if e.kind is EventKind.WITHDRAWAL), None)
    d = recorded.date if recorded else to_date(notified_on)
    st = _replay(tr, rec, d)
    possible = st.consent is not None or recorded is not None
    earliest = rule.notice.apply(d)
    quote = f"Art. {rule.article}: \u201c{rule.text.strip()}\u201d"
    sources = [ds.sources[rule.source]]
    refs: tuple[str, ...] = ()
    parts: list[str] = []
    term = rule.term
    revoked = None
    if recorded is not None:
        eff = withdrawal_effective(tr, recorded)
        revoked = next((e for e in rec.events if e.kind is EventKind.WITHDRAWAL_REVOKED and e.date >= recorded.date), None)
        src, refs = _sources_of([recorded] + ([revoked] if revoked else []))
        sources = list(src) + sources
        parts.append(f"The depositary received {name}'s notification of {term} from the {tr.short_title} "
                     f"{_when(recorded)}" + (f" ({recorded.ref})" if recorded.ref else "") + ".")
        if revoked:
            parts.append(f"The notification was withdrawn on {_day(revoked.date)}, before it took effect; "
                         f"{name} remains bound.")
            effective, deferred = None, False
        elif recorded.disputed:
            parts.append(f"Its effect is disputed: {recorded.note}. The library does not choose: {name}'s claimed "
                         f"date is {_day(eff)}; the rule alone gives {_day(earliest)}.")
            effective, deferred = None, None
        else:
            verb = "took" if eff <= date.today() else "takes"
            same = "as the rule gives" if eff == earliest else f"the rule alone gives {_day(earliest)}"
            parts.append(f"By the depositary's record the {term} {verb} effect on {_day(eff)} ({same}).")
            effective, deferred = eff, (eff > earliest) if clause else False
    elif not possible:
        parts.append(f"On {_day(d)} {name} has not consented to be bound by the {tr.short_title}, "
                     f"so it has nothing to withdraw from.")
        effective, deferred = None, False
        earliest = None
    else:
        if rule.grounds:
            parts.append(f"Under Art. {rule.article} of the {tr.short_title} a party may withdraw if it decides that "
                         f"{rule.grounds}, and must say so in its notice.")
        parts.append(f"Under Art. {rule.article} of the {tr.short_title}, a notification of {term} received on "
                     f"{_day(d)} would take effect {rule.notice.describe()} receipt, on {_day(earliest)}"
                     + (" (or on a later date the notification names)" if rule.later_date_allowed else "") + ".")
        effective, deferred = earliest, False
    deferred_until = None
    if clause and recorded is None and possible:
        when = "when the notice period expires" if clause.tested_at == "expiry" else "when it gives notice"
        parts.append(f"Art. {clause.paragraph}: if, {when}, {name} is {clause.condition}, the {term} "
                     f"{clause.until}.")
        if conflict_end is not None:
            test_day = earliest if clause.tested_at == "expiry" else d
            if conflict_end > test_day:
                effective, deferred, deferred_until = conflict_end, True, f"{clause.ends} ({conflict_end})"
                parts.append(f"With the conflict ending on {_day(conflict_end)}, the {term} would take effect "
                             f"then, on {_day(conflict_end)}, not on {_day(earliest)}.")
            else:
                parts.append(f"With the conflict over by {_day(conflict_end)}, the clause does not hold it back.")
        elif in_armed_conflict:
            effective, deferred, deferred_until = None, True, clause.ends
            parts.append(f"As {name} is taken to be in an armed conflict with no end date, the {term} would not "
                         f"take effect before {clause.ends}: no date can be given.")
        elif in_armed_conflict is None:
            deferred = None
            parts.append("Whether the clause applies depends on facts the data do not hold; "
                         "pass in_armed_conflict or armed_conflict_until to decide it.")
    elif clause is None and (in_armed_conflict or conflict_end):
        parts.append(f"The {tr.short_title} has no armed-conflict clause: a conflict does not delay the {term}.")
    elif clause and recorded is not None and revoked is None:
        parts.append(f"Art. {clause.paragraph}: if, when the notice period expires, {name} is {clause.condition}, "
                     f"the {term} {clause.until}.")
    if st.suspension:
        parts.append(f"{name} notified a suspension of the {tr.short_title} on {_day(st.suspension.date)}; "
                     f"it is not a notification of {term} and starts no notice period.")
    return WithdrawalResult(
        state=code, state_name=name, treaty=tr.id, recorded=recorded is not None, possible=possible,
        notified_on=d, earliest_effective=earliest, effective=effective, deferred=deferred,
        deferred_until=deferred_until, article=rule.article, clause=quote, sources=tuple(dict.fromkeys(sources)),
        references=refs, explanation=" ".join(parts), data_as_of=_as_of(tr), after_data_as_of=d > _as_of(tr),
    )
