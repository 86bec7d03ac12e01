"""One state's history under one treaty: ordered segments, each with its status and the facts behind it.

:func:`replay` is the only place where records become statuses. It is handed a treaty's rules
and a state's records (it looks nothing up), and returns a :class:`History`: segments that
cover every day, each with a status, the facts in force in it (which acts had happened,
the day the treaty entered into force for the state and the rule that gave it, the day a
withdrawal takes effect and on what basis), and, where a day the sources do not give
decides the status, every status the record allows and the records whose day is unknown.

Policy (``docs/engine.md``): a history tells the legal position on each day *as known
today*: a succession notified in November with effect from independence in July binds the
state from July. Dates known only to a month, a year or a latest day are ranges; a segment
inside a range is undecided unless every possibility gives the same answer.
"""

from __future__ import annotations

from datetime import date
from itertools import product

from ..dates import MIN, iso_or_range
from ..kinds import CONSENT_KINDS, STATUS_CODES, EventKind, Status
from ..records import Event
from .consent import entry_into_force
from .model import Facts, History, Segment, TreatyRules, sort_key

__all__ = ["replay", "MAX_UNCERTAIN"]

#: kinds that take part in the order of a state's acts (an announcement is not an act of the
#: treaty, and a gap is a fact about the data)
#: the "latest day" of a record that may never have been known by the day asked about
NEVER = date.max

_CHAIN = frozenset(EventKind) - {EventKind.ANNOUNCEMENT, EventKind.GAP, EventKind.DECLARATION,
                                 EventKind.DECLARATION_WITHDRAWN}
#: more undecided records than this on one day and the status is not computed (unknown)
MAX_UNCERTAIN = 10


# -- the replay -----------------------------------------------------------------------------------

class _Item:
    """One thing that happens on the calendar (mutable while the replay orders them): an act,
    or what follows from one (an entry into force, a withdrawal's effect), or the state's or
    the treaty's end. ``dep`` is the item it follows from; ``chain`` its place among the acts."""

    __slots__ = ("lo", "hi", "what", "event", "dep", "chain", "entry", "basis")

    def __init__(self, lo, hi, what, event=None, dep=None, chain=None, entry=None, basis=None):
        self.lo, self.hi, self.what, self.event, self.dep, self.chain, self.entry, self.basis = (
            lo, hi, what, event, dep, chain, entry, basis)


class _S:
    """The replay's state after some items have happened (mutable)."""

    __slots__ = ("sig", "consent", "consent_item", "deposits", "entry", "in_force", "prov", "nonint", "crev", "wd",
                 "wd_item", "wd_eff", "wd_applied", "wd_rev", "susp", "comms", "ann", "gap", "ceased", "terminated", "born",
                 "adopted", "crev_of", "queued")

    def __init__(self) -> None:
        self.sig = self.consent = self.consent_item = self.entry = self.prov = self.nonint = self.crev = None
        self.wd = self.wd_item = self.wd_eff = self.wd_rev = self.susp = self.gap = None
        self.ceased = self.terminated = self.crev_of = self.queued = None
        self.deposits = self.comms = self.ann = ()
        self.in_force = self.wd_applied = self.adopted = False
        self.born = True


def replay(rules: TreatyRules, events: list[Event] | tuple[Event, ...], *, state: str = "",
           until: date | None = None, known_on: date | None = None, since: date | None = None,
           born: date | None = None) -> History:
    """Build the history of one state under one treaty from its records.

    ``until``: the day the state ceased to exist (its treaty relations end). ``born``: the first
    day it counts as a state (before it, with no act on record, it did not exist yet). ``since``: the
    day it came to exist (a succession whose effective day no source gives takes effect on a
    day between then and the day the state rule gives). ``known_on``: only the records known
    by that day: those whose latest possible day is on or before it; one whose unknown day may
    fall either side of it may or may not have been known (every day from its earliest is
    undecided between the two).
    """
    evs = sorted(events, key=sort_key)
    unseen: set[int] = set()  # records that may not have happened by known_on
    if known_on is not None:
        kept = []
        for e in evs:
            if e.latest <= known_on:
                kept.append(e)
            elif e.earliest is None or e.earliest <= known_on:
                kept.append(e)
                unseen.add(id(e))
        evs = kept
    if until is not None:  # nothing a state did after it ceased to exist is its act (a continuing state's is its own)
        evs = [e for e in evs if (e.earliest or e.latest) < until]
    items = _items(rules, evs, until, since, born)
    if unseen:  # "maybe" on every day from the earliest: the record, and what follows from it, may never be known
        for it in items:
            if it.event is not None and id(it.event) in unseen:
                it.hi = NEVER
    order = sorted(range(len(items)), key=lambda i: (items[i].lo, items[i].hi, i))
    items = [items[i] for i in order]
    remap = {old: new for new, old in enumerate(order)}
    for it in items:
        if it.dep is not None:
            it.dep = remap[it.dep]
    days = sorted({MIN, *(it.lo for it in items), *(it.hi for it in items if it.hi != NEVER)})
    signatures_complete = rules.signatures_complete
    derived = {it.dep: it for it in items if it.dep is not None}
    raw: list[tuple] = []
    for b in days:
        certain = [it.hi <= b for it in items]
        maybe = [i for i, it in enumerate(items) if it.lo <= b < it.hi]
        if len(maybe) > MAX_UNCERTAIN:
            st = _run(items, certain, derived)
            raw.append((b, frozenset({(Status.UNKNOWN, st.sig is not None)}), _facts(st), _unc(items, maybe)))
            continue
        outcomes = set()
        top = None
        for world in _worlds(items, certain, maybe):
            st = _run(items, world, derived)
            sig = st.sig is not None
            for s in _statuses(st, signatures_complete):
                outcomes.add((s, sig))
            top = st  # the last world has every undecided record happened
        assert top is not None
        raw.append((b, frozenset(outcomes), _facts(top), _unc(items, maybe) if len({o[0] for o in outcomes}) > 1
                    or len({o[1] for o in outcomes}) > 1 else ()))
    segments = _segments(raw)
    return History(state, rules.id, segments, tuple(evs))


def _unc(items: list[_Item], maybe: list[int]) -> tuple:
    return tuple((items[i].what, items[i].event, items[i].lo, items[i].hi) for i in maybe)


def _segments(raw: list[tuple]) -> tuple[Segment, ...]:
    out: list[list] = []
    for b, outcomes, facts, unc in raw:
        if out and out[-1][1] == outcomes and out[-1][2] == facts and out[-1][3] == unc:
            continue
        out.append([b, outcomes, facts, unc])
    segs = []
    for i, (b, outcomes, facts, unc) in enumerate(out):
        end = out[i + 1][0] if i + 1 < len(out) else None
        statuses = sorted({o[0] for o in outcomes}, key=STATUS_CODES.__getitem__)
        if len(statuses) == 1:
            status, possible = statuses[0], ()
        else:
            status, possible = Status.UNDECIDED, tuple(statuses)
        segs.append(Segment(b, end, status, facts, possible, unc, outcomes))
    return tuple(segs)


def _worlds(items: list[_Item], certain: list[bool], maybe: list[int]):
    """Every assignment of the undecided records that the order of acts allows; the one with
    all of them happened comes last."""
    if not maybe:
        yield certain
        return
    for bits in product((False, True), repeat=len(maybe)):
        world = list(certain)
        for i, b in zip(maybe, bits):
            world[i] = b
        if _consistent(items, world):
            yield world


def _consistent(items: list[_Item], world: list[bool]) -> bool:
    chain = sorted((it.chain, i) for i, it in enumerate(items) if it.chain is not None)
    seen_missing = False
    for _, i in chain:  # acts happen in their order: a happened act has every earlier one behind it
        if not world[i]:
            seen_missing = True
        elif seen_missing:
            return False
    for i, it in enumerate(items):
        if world[i] and it.dep is not None and not world[it.dep]:
            return False
    return True


def _items(rules: TreatyRules, evs: list[Event], until: date | None, since: date | None = None,
           born: date | None = None) -> list[_Item]:
    """The acts, with their bounds narrowed by their order, and what follows from them."""
    chain = [e for e in evs if e.kind in _CHAIN]
    lo: list[date] = []
    hi: list[date] = []
    floor = rules.adopted
    for e in chain:
        a = e.earliest if e.earliest is not None else floor
        a = max(a, floor)
        lo.append(a)
        floor = a
    ceiling = None
    for e in reversed(chain):
        b = e.latest if ceiling is None else min(e.latest, ceiling)
        hi.append(b)
        ceiling = b
    hi.reverse()
    bounds = {id(e): (lo[k], max(hi[k], lo[k]), k) for k, e in enumerate(chain)}
    items: list[_Item] = []
    consent_item: int | None = None
    consent: Event | None = None
    wd_item: int | None = None
    withdrawn = False
    w = rules.withdrawal
    for e in evs:
        if id(e) in bounds:
            a, b, k = bounds[id(e)]
        else:
            a, b, k = (e.earliest or e.latest), e.latest, None
        kind = e.kind
        if kind in CONSENT_KINDS:
            if consent is not None and not withdrawn:
                items.append(_Item(a, b, "act", e, chain=k))  # another deposit, or a second instrument
                continue
            pos_lo, pos_hi, pos_k = a, b, k
            entry = entry_into_force(rules.entry, e, a, b, since)
            if entry is not None and entry.basis == "succession-undated":
                # bound from a day no source gives, perhaps before the notification: the act counts
                # from the first possible day, and the entry into force is undecided until the last
                pos_lo = pos_hi = entry.earliest
                pos_k = None
            elif kind is EventKind.SUCCESSION and e.effective is not None and e.effective <= b and (e.effective < a or a < b):
                pos_lo = pos_hi = e.effective  # in force from a day before (or on) the notification
                pos_k = None
            elif e.in_force is not None and e.in_force < a:
                pos_lo = pos_hi = e.in_force
                pos_k = None
            items.append(_Item(pos_lo, max(pos_hi, pos_lo), "act", e, chain=pos_k))
            consent_item, consent, withdrawn, wd_item = len(items) - 1, e, False, None
            if entry is not None:
                items.append(_Item(entry.earliest, entry.latest, "in-force", e, dep=consent_item, entry=entry))
            continue
        items.append(_Item(a, b, "act", e, chain=k))
        me = len(items) - 1
        if kind is EventKind.WITHDRAWAL and consent is not None and w is not None:
            wd_item = me
            eff = _effect(rules, e, a, b)
            if eff is not None:
                items.append(_Item(eff[0], eff[1], "effect", e, dep=me, basis=eff[2]))
                withdrawn = eff[2] in ("depositary", "rule", "disputed", "deferral-unknown")
        elif kind is EventKind.WITHDRAWAL_REVOKED and wd_item is not None:
            withdrawn = False
        elif kind is EventKind.CONSENT_REVOKED:
            consent, consent_item = None, None
    if until is not None:
        items.append(_Item(until, until, "ceased"))
    if born is not None and born > rules.adopted:  # from adoption to it, a state with no act did not yet exist
        items.append(_Item(born, born, "born"))
        if rules.signatures_complete:
            items.append(_Item(rules.adopted, rules.adopted, "adopted"))
    if rules.expiry is not None:
        items.append(_Item(rules.expiry.on, rules.expiry.on, "terminated"))
    if not rules.signatures_complete:
        items.append(_Item(rules.adopted, rules.adopted, "adopted"))
    return items


def _effect(rules: TreatyRules, e: Event, a: date, b: date) -> tuple[date, date, str] | None:
    """When a recorded withdrawal takes effect: (earliest, latest, basis)."""
    w = rules.withdrawal
    assert w is not None
    if w.none is not None:
        if w.none.position == "not-permitted":
            return None
        lo, hi = w.none.notice.apply(a), w.none.notice.apply(b)
        return lo, hi, "no-clause"
    if e.effective is not None:
        return e.effective, e.effective, "disputed" if e.disputed else "depositary"
    t = rules.entry.treaty_date
    lo, hi = w.earliest(a, treaty_in_force=t), w.earliest(b, treaty_in_force=t)
    basis = "disputed" if e.disputed else ("deferral-unknown" if w.can_defer else "rule")
    return lo, hi, basis  # type: ignore[return-value]


def _run(items: list[_Item], world: list[bool], derived: dict[int, _Item]) -> _S:
    st = _S()
    st.born = not any(it.what == "born" for it in items)
    for i, it in enumerate(items):
        if not world[i]:
            continue
        w = it.what
        e = it.event
        if w == "act":
            assert e is not None
            _act(st, e, i, derived.get(i))
        elif w == "in-force":
            if st.consent_item == it.dep and st.consent is not None:
                st.in_force = True
            elif st.queued is not None and st.queued[1] == it.dep:
                st.queued[3] = True
        elif w == "effect":
            if st.wd_item == it.dep and st.wd_rev is None:
                st.wd_applied = True
                if st.queued is not None:  # the instrument deposited while the withdrawal was pending
                    e2, i2, follows2, in_force2 = st.queued
                    st.queued = None
                    _take_consent(st, e2, i2, follows2)
                    st.in_force = in_force2
        elif w == "ceased":
            st.ceased = it.lo
        elif w == "terminated":
            st.terminated = it.lo
        elif w == "adopted":
            st.adopted = True
        elif w == "born":
            st.born = True
    return st


def _take_consent(st: _S, e: Event, i: int, follows: _Item | None) -> None:
    st.consent, st.consent_item, st.deposits = e, i, ()
    st.entry = follows.entry if follows is not None else None
    st.in_force = False
    st.crev = st.crev_of = st.wd = st.wd_rev = None
    st.wd_item, st.wd_eff, st.wd_applied = None, None, False


def _act(st: _S, e: Event, i: int, follows: _Item | None) -> None:
    k = e.kind
    if k is EventKind.SIGNATURE:
        st.sig = st.sig or e
    elif k in CONSENT_KINDS:
        if st.consent is not None and not st.wd_applied:
            if st.wd is not None and st.wd_rev is None and st.wd.latest <= e.latest:
                # deposited while its withdrawal is pending (a denunciation and re-accession, as Guyana's
                # of 5 January 1999): it takes over when the withdrawal takes effect
                st.queued = [e, i, follows, False]
                return
            if st.consent.kind is k and st.consent.at != e.at:
                st.deposits += (e,)
            return
        _take_consent(st, e, i, follows)
    elif k is EventKind.PROVISIONAL_APPLICATION:
        st.prov = e
    elif k is EventKind.NON_INTENTION:
        st.nonint = e
    elif k is EventKind.CONSENT_REVOKED:
        if st.consent is not None:
            st.crev, st.crev_of, st.consent, st.consent_item, st.in_force = e, st.consent, None, None, False
    elif k is EventKind.WITHDRAWAL:
        if st.consent is not None:
            st.wd, st.wd_item, st.wd_rev, st.wd_applied = e, i, None, False
            st.wd_eff = (follows.lo, follows.hi, follows.basis) if follows is not None else None
    elif k is EventKind.WITHDRAWAL_REVOKED:
        if st.wd is not None and not st.wd_applied:
            st.wd_rev = e
    elif k is EventKind.SUSPENSION:
        st.susp = e
    elif k is EventKind.COMMUNICATION:
        st.comms += (e,)
    elif k is EventKind.ANNOUNCEMENT:
        st.ann += (e,)
    elif k is EventKind.GAP:
        st.gap = e


def _statuses(st: _S, signatures_complete: bool) -> tuple[Status, ...]:
    if st.ceased is not None:
        return (Status.CEASED,)
    if st.gap is not None:
        return (Status.UNKNOWN,)
    if not st.born and st.adopted and st.sig is None and st.consent is None and st.crev is None and st.nonint is None:
        return (Status.NOT_YET,)
    if st.wd_applied:
        basis = st.wd_eff[2] if st.wd_eff else None
        if basis == "disputed":
            return (Status.WITHDRAWAL_DISPUTED,)
        if basis == "deferral-unknown":
            return (Status.WITHDRAWAL_PENDING, Status.WITHDRAWN)
        if basis == "no-clause":
            return (Status.PARTY, Status.WITHDRAWN)
        return (Status.WITHDRAWN,)
    if st.terminated is not None:
        return (Status.TERMINATED,)
    if st.consent is not None:
        if st.in_force:
            pending = st.wd is not None and st.wd_rev is None and st.wd_eff is not None and st.wd_eff[2] != "no-effect"
            return (Status.WITHDRAWAL_PENDING if pending else Status.PARTY,)
        return (Status.CONSENTED,)
    if st.crev is not None:
        return (Status.CONSENT_REVOKED,)
    if st.nonint is not None:
        return (Status.NOT_INTENDING,)
    if st.sig is not None:
        return (Status.SIGNATORY,)
    if not signatures_complete and st.adopted:
        return (Status.NOT_PARTY,)
    return (Status.NOT_SIGNED,)


def _facts(st: _S) -> Facts:
    entry = st.entry
    wd = st.wd_eff
    return Facts(
        signature=st.sig, consent=st.consent, revoked_consent=st.crev_of if st.crev is not None else None,
        other_deposits=st.deposits,
        entry_into_force=iso_or_range(entry.earliest, entry.latest) if entry else None,
        entry_basis=entry.basis if entry else None, entry_article=entry.article if entry else None,
        in_force=st.in_force, provisional=st.prov, non_intention=st.nonint, consent_revoked=st.crev,
        withdrawal=st.wd, withdrawal_effective=iso_or_range(wd[0], wd[1]) if wd else None,
        withdrawal_basis=wd[2] if wd else (None if st.wd is None else "no-effect"),
        withdrawal_revoked=st.wd_rev, suspension=st.susp, communications=st.comms, announcements=st.ann,
        gap=st.gap, ceased=st.ceased, terminated=st.terminated,
    )
