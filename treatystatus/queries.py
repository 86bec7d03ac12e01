"""The public queries: a few lines each, over the indexed histories.

Every answer is read from one history per state and treaty (``rules.replay``, compiled into
the index); lists are the same histories' change points; explanations are written by
``explain`` from the segment or decision the answer holds.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from . import index as _index
from . import kinds
from .dates import DateRange, to_date
from .errors import StatusUnknownError, TreatyStatusError
from .index import Index, TreatyIndex, current
from .names import names_of

# explain, results, records and the rules are imported where they are used, so that a yes/no
# answer in a new process reads the compact index alone.

__all__ = [
    "status", "is_party", "parties", "consenting", "signatories", "non_parties", "timeline", "treaty", "treaties",
    "withdrawal", "treaties_of", "resolve_state", "resolve_treaty", "state_name", "history", "status_changes",
    "to_date", "treaty_ids", "states_on", "state_info", "list_changes", "treaty_summary", "records", "standing",
    "data_as_of", "history_arrays", "declarations", "accepting", "derogations", "derogating", "derogable",
    "notifications",
]


# -- lookups --------------------------------------------------------------------------------------

def _idx() -> Index:
    return current()


def resolve_state(state: str) -> str:
    """The code treatystatus uses for ``state`` (ISO alpha-3 where one exists)."""
    return names_of(_idx()).state(state)


def state_name(code: str) -> str:
    idx = _idx()
    return idx.state_rows[names_of(idx).state(code)][0]


def resolve_treaty(treaty: str) -> str:
    """The id of the treaty named ``treaty`` (an id, a title, a UNTC number or an alias)."""
    return names_of(_idx()).treaty(treaty)


def treaty_ids() -> list[str]:
    """The ids of every treaty in the data, sorted."""
    return sorted(_idx().treaty_info)


def states_on(on: object = None) -> list[str]:
    """The codes of the states that existed on ``on`` (default: today), sorted: the independent
    states as the data's list of states gives them, and the other treaty participants (Cook
    Islands, Niue, the State of Palestine). Lists and panels count these (``docs/states.md``)."""
    return names_of(_idx()).existing_on(to_date(on))


def state_info(state: str) -> dict:
    """What the data say of a state itself: its code and name, ``kind`` (state, participant or
    other), ``since`` and ``until`` (the days it began and ceased to exist as such; None: before
    the list begins, or still exists), ``continued_by`` (the state that continues it), and, as a
    separate fact, its standing at the United Nations (``un``: member or observer, ``un_since``,
    ``un_until``)."""
    idx = _idx()
    code = names_of(idx).state(state)
    s = idx.states[code]
    return {"code": code, "name": s.name, "kind": s.kind, "since": s.since, "until": s.until,
            "continued_by": s.continued_by, "un": s.un, "un_since": s.un_since, "un_until": s.un_until}


def _pair(state: str, treaty: str) -> tuple[Index, str, TreatyIndex]:
    idx = _idx()
    n = names_of(idx)
    code = n.state(state)
    return idx, code, idx.treaty(n.treaty(treaty))


def history(state: str, treaty: str, *, known_on: object = None):
    """The state's whole history under the treaty: ordered segments, each with its status and facts.

    ``known_on``: the history the records known on that day give (default: as known today).
    """
    idx, code, ti = _pair(state, treaty)
    if known_on is None:
        return ti.history(code)
    return _history_known_on(idx, ti, code, to_date(known_on))


def _history_known_on(idx: Index, ti: TreatyIndex, code: str, k: date):
    from .rules.parents import compose
    from .rules.history import replay

    owner = ti.record_owner(code)
    info = idx.states[code]
    h = replay(ti.rules, ti.events(owner) if owner else (), state=code, until=info.until, known_on=k,
               since=info.since, born=info.counted_from if info.kind != "other" else None)
    if ti.rules.parent is not None and owner is not None:
        h = compose(h, _history_known_on(idx, idx.treaty(ti.rules.parent), code, k))
    return h


def _view(idx: Index, ti: TreatyIndex):
    hit = idx.memo.get(("view", ti.id))
    if hit is None:
        from .explain import TreatyView

        r = ti.rules
        info = idx.treaty_info[ti.id]
        parent = idx.treaty_info.get(r.parent) if r.parent else None
        wfrom = idx.treaty_info.get(info.get("withdrawal_from") or "")
        hit = idx.memo[("view", ti.id)] = TreatyView(
            ti.id, info["short_title"], r.adopted, r.entry.treaty_date, r.signatures_complete,
            r.withdrawal, r.entry.treaty_article, r.entry.state_article, r.parent,
            parent["short_title"] if parent else None, r.expiry.on if r.expiry else None,
            wfrom["short_title"] if wfrom else None, info.get("withdrawal_convention"), idx.depositary_sources)
    return hit


def _as_of(idx: Index, tid: str) -> date:
    """The day up to which later acts under a treaty were searched for ("searched to"); user data may
    carry a later one."""
    hit = idx.memo.get(("as_of", tid))
    if hit is None:
        d = date.fromisoformat(idx.treaty_info[tid]["searched_to"])
        user = idx.meta.get("user")
        if user:
            d = max([d] + [u["as_of"] for u in user if "as_of" in u])
        hit = idx.memo[("as_of", tid)] = d
    return hit


# -- single answers --------------------------------------------------------------------------------

_fast: dict = {}
_fast_owner: list = [None]


def _compact(state: object, treaty: object) -> tuple:
    """``(code, treaty id, starts, status codes, is_party values)``, cached per argument pair."""
    idx = _index._current or current()
    if _fast_owner[0] is not idx:
        _fast.clear()
        _fast_owner[0] = idx
    try:
        hit = _fast.get((state, treaty))
    except TypeError:  # an unhashable argument: let the name look-up say what is wrong
        hit = None
    if hit is None:
        n = names_of(idx)
        code, tid = n.state(state), n.treaty(treaty)
        hit = (code, tid, *idx.treaty(tid).compact(code))
        if len(_fast) < 100_000:
            _fast[(state, treaty)] = hit
    return hit


def is_party(state: str, treaty: str, on: object = None) -> bool:
    """True when the treaty is in force for ``state`` on the day ``on`` (default: today).

    Raises :class:`~treatystatus.errors.StatusUnknownError` where the answer is not settled
    (the status is undecided, disputed or unknown): lists leave such states out too.
    """
    code, tid, starts, _, party = _compact(state, treaty)
    o = on.toordinal() if type(on) is date else (to_date(on).toordinal() if on is not None
                                                 else date.today().toordinal())
    v = party[bisect_right(starts, o) - 1]
    if v is None:
        _unsettled(code, tid, date.fromordinal(o))
    return v  # type: ignore[return-value]


def _unsettled(code: str, tid: str, d: date) -> None:
    from .explain import unsettled_reason

    idx = _idx()
    ti = idx.treaty(tid)
    seg = ti.history(code).at(d)
    raise StatusUnknownError(f"the status of {code} under {tid} on {d} is not settled: "
                             + unsettled_reason(_view(idx, ti), idx.state_rows[code][0], seg))


def standing(state: str, treaty: str, on: object = None) -> tuple[str, str, str, date, str, bool | None]:
    """``(state code, state name, treaty id, day, status value, is_party)``: a yes/no answer's
    fields, read from the compact index alone (what ``treatystatus party`` prints)."""
    code, tid, starts, codes, party = _compact(state, treaty)
    d = to_date(on)
    i = bisect_right(starts, d.toordinal()) - 1
    return code, _idx().state_rows[code][0], tid, d, kinds.STATUS_VALUES[codes[i]], party[i]


def history_arrays(state: str, treaty: str) -> tuple[tuple[int, ...], tuple, tuple]:
    """A history in its compact form: each segment's first day (as an ordinal), its status and
    ``is_party``; what panels read, by bisection on the first tuple."""
    code, tid, starts, codes, party = _compact(state, treaty)
    statuses = list(kinds.Status)
    return starts, tuple(statuses[c] for c in codes), party


def data_as_of(treaty: str) -> date:
    """The day up to which later acts under a treaty were searched for ("searched to"; user data may
    extend it)."""
    idx = _idx()
    return _as_of(idx, names_of(idx).treaty(treaty))


def _complete_to(idx: Index, tid: str) -> date:
    """The day of the last complete record of the treaty's participants read ("complete to")."""
    hit = idx.memo.get(("complete_to", tid))
    if hit is None:
        hit = idx.memo[("complete_to", tid)] = date.fromisoformat(idx.treaty_info[tid]["complete_to"])
    return hit


def _fields(seg) -> dict:
    f = seg.facts

    def dt(e):
        return None if e is None else e.date

    w = f.withdrawal
    return {
        "signature": dt(f.signature), "consent": dt(f.consent), "consent_type": f.consent.kind if f.consent else None,
        "entry_into_force": f.entry_into_force, "entry_basis": f.entry_basis,
        "provisional_application": dt(f.provisional), "non_intention": dt(f.non_intention),
        "consent_revoked": dt(f.consent_revoked),
        "withdrawal_notified": dt(w) if w is not None and not w.ceased else None,
        "cessation": dt(w) if w is not None and w.ceased else None,
        "withdrawal_effective": f.withdrawal_effective if w is not None and f.withdrawal_revoked is None else None,
        "withdrawal_revoked": dt(f.withdrawal_revoked), "suspension": dt(f.suspension),
    }


def _used(seg) -> list:
    f = seg.facts
    out = [e for e in (f.signature, f.consent, *f.other_deposits, f.provisional, f.non_intention, f.revoked_consent,
                       f.consent_revoked,
                       f.withdrawal, f.withdrawal_revoked, f.suspension, *f.communications, *f.announcements, f.gap)
           if e is not None]
    return out


def _source(idx: Index, sid: str):
    hit = idx.memo.get(("source", sid))
    if hit is None:
        from .records import Source

        hit = idx.memo[("source", sid)] = Source.from_plain(idx.sources[sid])
    return hit


def _sources(idx: Index, events: list) -> tuple[tuple, tuple[str, ...]]:
    ids = list(dict.fromkeys(s for e in events for s in (e.source, *e.also)))
    refs = tuple(dict.fromkeys(e.ref for e in events if e.ref))
    return tuple(_source(idx, i) for i in ids), refs


#: what status() needs from the layers above the index, imported on its first call
_late: dict = {}


def _late_words() -> dict:
    hit = _late.get("words")
    if hit is None:
        from .explain import consents_gap_caution, not_counted_note

        hit = _late["words"] = {"other": not_counted_note, "caution": consents_gap_caution}
    return hit


def _late_status() -> tuple:
    from .explain import status_text
    from .results import StatusResult

    _late["status"] = (status_text, StatusResult)
    return _late["status"]


def status(state: str, treaty: str, on: object = None, *, known_on: object = None):
    """Where ``state`` stands under ``treaty`` on the day ``on`` (default: today), with dates, sources and an explanation.

    The answer tells the position on that day as known today (a succession notified later
    with effect from independence counts from independence); ``known_on`` gives instead the
    answer the records known on that day give.
    """
    status_text, StatusResult = _late.get("status") or _late_status()
    d = to_date(on)
    idx, code, ti = _pair(state, treaty)
    k = to_date(known_on) if known_on is not None else None
    h = ti.history(code) if k is None else _history_known_on(idx, ti, code, k)
    seg = h.at(d)
    memo = idx.memo.get(("segment", id(seg))) if k is None else None
    if memo is None or memo[0] is not seg:  # the records behind the segment, in order, and their sources
        order = {id(e): i for i, e in enumerate(h.events)}
        used = sorted(_used(seg), key=lambda e: order.get(id(e), 0))
        memo = (seg, {id(e) for e in used}, *_sources(idx, used))
        if k is None:  # a cached history's segments live as long as the index
            idx.memo[("segment", id(seg))] = memo
    _, seen, sources, refs = memo
    if seg.status in (kinds.Status.NOT_YET, kinds.Status.CEASED):  # the list of states says when it existed
        sources = (*sources, _source(idx, "states-list"))
    elif not sources:  # no record of the state: the complete record it is absent from is the source
        sources = (_source(idx, idx.treaty_info[ti.id]["complete_record"]),)
    later = tuple(e for e in h.events if id(e) not in seen and e.latest > d)
    row = idx.state_rows[code]
    overrides = tuple(ti.overrides.get(ti.record_owner(code) or code, ())) + tuple(
        n for n in (idx.treaty_info[ti.id].get("replaced"),) if n)
    as_of = _as_of(idx, ti.id)
    complete = _complete_to(idx, ti.id)
    fields = _fields(seg)
    text = status_text(_view(idx, ti), row[0], seg, d, later=later, overrides=overrides, data_as_of=as_of,
                       complete_to=complete, ceased_on=date.fromordinal(row[3]) if row[3] else None, known_on=k,
                       born_on=idx.states[code].counted_from)
    missing = _consents_gap(idx, ti.id)
    info = idx.states[code]
    if info.kind == "other":
        text += _late_words()["other"](row[0], ti.raw["short_title"], len(h.events))
    elif (missing and seg.is_party is False and seg.facts.consent is None and d > complete
          and seg.status not in (kinds.Status.NOT_YET, kinds.Status.CEASED)
          and not any(e.kind in kinds.CONSENT_KINDS for e in h.events)):  # its consent on record is later
        text += _late_words()["caution"](missing)
    derogating: tuple = ()
    if idx.treaty_info[ti.id].get("notifications"):
        derogating, note = _derogation_note(idx, ti, code, d)
        text += note
    return StatusResult(
        state=code, state_name=row[0], treaty=ti.id, on=d, status=seg.status, is_party=seg.is_party,
        possible=seg.possible, **fields,
        announcements=seg.facts.announcements,
        imprecise_dates=tuple(n for n, v in fields.items() if isinstance(v, DateRange)),
        uncertain=tuple((w, e.kind.value if e is not None else "", f"{_edtf(lo, hi)}") for w, e, lo, hi in seg.uncertain),
        overrides=overrides, sources=sources, references=refs, explanation=text, data_as_of=as_of,
        after_data_as_of=d > as_of, complete_to=complete, after_complete_to=d > complete, known_on=k,
        derogations=derogating,
    )


def _edtf(lo: date | None, hi: date | None) -> str:
    if lo is None or hi is None:
        return ""
    return lo.isoformat() if lo == hi else f"[{lo.isoformat()}..{hi.isoformat()}]"


def status_changes(state: str, treaty: str) -> tuple:
    """The days on which ``state``'s status under ``treaty`` changes, with the new status."""
    _, code, ti = _pair(state, treaty)
    return ti.history(code).change_points()


def timeline(state: str, treaty: str):
    """Every recorded event for ``state`` and ``treaty``, in order, with its source."""
    from .results import Timeline

    idx, code, ti = _pair(state, treaty)
    events = ti.history(code).events
    sources, _ = _sources(idx, list(events))
    return Timeline(state=code, state_name=idx.state_rows[code][0], treaty=ti.id, events=events, sources=sources,
                    data_as_of=_as_of(idx, ti.id))


def records(treaty: str) -> tuple:
    """Every record of every state under ``treaty``, state by state, each in order."""
    idx = _idx()
    ti = idx.treaty(names_of(idx).treaty(treaty))
    return tuple(e for code in ti.order for e in ti.events(code))


def treaties_of(state: str, on: object = None):
    """The status of ``state`` under every treaty in the data on ``on`` (default: today), as a list."""
    from .results import Results

    d = to_date(on)
    return Results(status(state, tid, d) for tid in sorted(_idx().treaty_info))


def status_many(rows, on: object = None, *, known_on: object = None) -> list:
    """:func:`status` for many questions in one call: ``rows`` of ``(state, treaty)`` or
    ``(state, treaty, day)`` (or dicts with those keys); ``on`` is the day for rows that give
    none. Returns one item per row, in order: a :class:`~treatystatus.results.StatusResult`, or
    the :class:`~treatystatus.errors.TreatyStatusError` that row raised (a bad row does not stop
    the others)."""
    out: list = []
    for row in rows:
        try:
            if isinstance(row, dict):
                state, treaty, day_ = row.get("state"), row.get("treaty"), row.get("date") or row.get("on")
            else:
                if isinstance(row, str) or len(row) not in (2, 3):
                    raise TreatyStatusError(f"a row is (state, treaty) or (state, treaty, date), not {row!r}")
                state, treaty, day_ = (*row, None)[:3]
            if not state or not treaty:
                raise TreatyStatusError("a row needs a state and a treaty")
            out.append(status(state, treaty, day_ if day_ else on, known_on=known_on))
        except TreatyStatusError as exc:
            out.append(exc)
    return out


# -- what changed ---------------------------------------------------------------------------------

#: status changes that tell nothing happened: a state coming to exist, a treaty being adopted
_QUIET = {("state-not-yet", "not-signed"), ("state-not-yet", "not-party"), ("not-signed", "not-party")}


def _in_window(d: object, lo: date, hi: date) -> bool:
    if isinstance(d, DateRange):
        return (d.earliest is None or d.earliest <= hi) and d.latest >= lo
    return lo <= d <= hi


def _cause(seg, prev):
    """The record a new status follows from: one that came into the facts with it, else the consent
    (an entry into force) or the notice (a withdrawal's effect)."""
    before = {id(e) for e in _used(prev)} if prev is not None else set()
    fresh = [e for e in _used(seg) if id(e) not in before and e.earliest is not None and e.earliest <= seg.start]
    if fresh:
        return max(fresh, key=lambda e: e.latest)
    f = seg.facts
    if seg.status in (kinds.Status.WITHDRAWN, kinds.Status.WITHDRAWAL_DISPUTED) and f.withdrawal is not None:
        return f.withdrawal
    return f.consent or f.withdrawal or f.signature


def changes(since: object, until: object = None, treaties: object = None, states: object = None):
    """Every act on record between ``since`` and ``until`` (both included; default: today), and every
    change of status, across treaties (all, or those named), for all states or those named, in
    date order, each with its source: a :class:`~treatystatus.results.Changes` list.

    An act whose day is not known exactly is listed where its range meets the window, marked
    ``uncertain``. A status that becomes undecided is listed with the statuses it could be.
    """
    from .results import Change, Changes

    lo = to_date(since, default_today=False)
    hi = to_date(until)
    if hi < lo:
        raise TreatyStatusError(f"the window ends ({hi}) before it starts ({lo})")
    lo_o, hi_o = lo.toordinal(), hi.toordinal()
    idx = _idx()
    n = names_of(idx)
    tids = sorted(idx.treaty_info) if treaties is None else list(dict.fromkeys(
        n.treaty(t) for t in ([treaties] if isinstance(treaties, str) else treaties)))
    wanted = None if states is None else {n.state(x) for x in ([states] if isinstance(states, str) else states)}
    out = []
    for tid in tids:
        ti = idx.treaty(tid)
        for code in ti.order:
            if wanted is not None and code not in wanted:
                continue
            evs, outline = ti.outline(code)  # cheap: skip a state with nothing in the window
            if not any(_in_window(e.date, lo, hi) for e in evs) and not any(
                    lo_o <= s[0] <= hi_o and (s[1], s[2]) != (p[1], p[2]) for p, s in zip(outline, outline[1:])):
                continue
            name = idx.state_rows[code][0]
            h = ti.history(code)
            for e in h.events:
                if _in_window(e.date, lo, hi):
                    src, _ = _sources(idx, [e])
                    out.append(Change(day=e.date, state=code, state_name=name, treaty=tid, what="act",
                                      kind=e.kind.value, source=e.source, ref=e.ref, note=e.note,
                                      uncertain=isinstance(e.date, DateRange), sources=src))
            segs = h.segments
            for i in range(1, len(segs)):
                seg, prev = segs[i], segs[i - 1]
                if not lo <= seg.start <= hi or (seg.status, seg.possible) == (prev.status, prev.possible):
                    continue
                if (prev.status.value, seg.status.value) in _QUIET:
                    continue
                cause = _cause(seg, prev)
                src, _ = _sources(idx, [cause]) if cause is not None else ((), ())
                out.append(Change(day=seg.start, state=code, state_name=name, treaty=tid, what="status",
                                  kind=seg.status.value, before=prev.status.value,
                                  possible=tuple(p.value for p in seg.possible), is_party=seg.is_party, cause=cause,
                                  source=cause.source if cause is not None else None,
                                  ref=cause.ref if cause is not None else None, sources=src))
    out.sort(key=lambda c: (c.day.earliest or c.day.latest if isinstance(c.day, DateRange) else c.day,
                            c.what != "act", c.treaty, c.state))
    as_of = min((_as_of(idx, t) for t in tids), default=None)
    partial = tuple(t for t in tids if hi > _complete_to(idx, t))
    return Changes(out, since=lo, until=hi, treaties=tuple(tids), data_as_of=as_of, incomplete=partial)


# -- lists ----------------------------------------------------------------------------------------

def _consents_gap(idx: Index, tid: str) -> str | None:
    """What acts of consent the treaty's data are known to miss (None: none known)."""
    return idx.treaty_info[tid].get("consents_incomplete")


def _missing_consents(idx: Index, tid: str) -> str | None:
    gap = _consents_gap(idx, tid)
    return None if not gap else f"the data of {tid} are known to miss acts of consent ({gap}): the list may be wrong"


def _list(name: str, treaty: str, on: object):
    from .results import StateList

    d = to_date(on)
    idx = _idx()
    ti = idx.treaty(names_of(idx).treaty(treaty))
    yes, maybe = ti.members(name, d)
    incomplete = _missing_consents(idx, ti.id)
    if name == "signatory" and not idx.treaty_info[ti.id]["signatures_complete"]:
        incomplete = (f"the data do not record every signature of {ti.id}: states that signed may be missing "
                      "from this list")
    return StateList(yes, treaty=ti.id, on=d, kind=name, undecided=maybe, incomplete=incomplete,
                     data_as_of=_as_of(idx, ti.id))


def parties(treaty: str, on: object = None, *, among: object = None):
    """Sorted codes of the states for which the treaty is in force on ``on`` (default: today).

    ``among``: only the members of a group that day (``"nato"``, ``"eu"``, ``"ctbt-annex2"``:
    :func:`groups` lists them), or of a list of states.

    States whose status that day is undecided, disputed or unknown are left out and listed in
    ``.undecided``. A state that another continues (the USSR, Serbia and Montenegro) is listed
    under the continuing state's code, which holds its acts.
    """
    return _among(_list("party", treaty, on), among)


def consenting(treaty: str, on: object = None, *, among: object = None):
    """Sorted codes of the states whose consent to be bound stands on ``on``, in force for them or not.

    This is what the depositary counts as "Parties" in its headline: a state counts from the
    day it deposits its instrument until its withdrawal takes effect. For a treaty not in
    force (the CTBT) it lists the ratifiers.
    """
    return _among(_list("consenting", treaty, on), among)


def signatories(treaty: str, on: object = None, *, among: object = None):
    """Sorted codes of the states whose signature stands on ``on``: signed by then, and not withdrawn.

    ``.incomplete`` says so where the data do not record every signature of the treaty.
    """
    return _among(_list("signatory", treaty, on), among)


def list_changes(treaty: str, kind: str = "party") -> list:
    """Each day the list ``kind`` (party, consenting, signatory) changes, with the list from that day.

    The charts and snapshots read these; they are the same lists :func:`parties`,
    :func:`consenting` and :func:`signatories` return.
    """
    idx = _idx()
    tid = names_of(idx).treaty(treaty)
    ti = idx.treaty(tid)
    name = {"parties": "party", "signatories": "signatory"}.get(kind, kind)
    return [(d, _list(name, tid, d)) for d in ti.change_days(name)]


def non_parties(treaty: str, on: object = None, *, among: object = None):
    """Sorted codes of the states in the list of current states (existing on ``on``) that are
    certainly not parties then; undecided ones are in ``.undecided``."""
    from .results import StateList

    d = to_date(on)
    idx = _idx()
    ti = idx.treaty(names_of(idx).treaty(treaty))
    yes, maybe = ti.members("party", d)
    inside, unsure = set(yes), set(maybe)
    existing = names_of(idx).existing_on(d)
    return _among(StateList([c for c in existing if c not in inside and c not in unsure], treaty=ti.id, on=d,
                            kind="non-party", undecided=tuple(c for c in existing if c in unsure),
                            incomplete=_missing_consents(idx, ti.id), data_as_of=_as_of(idx, ti.id)), among)


# -- groups of states -------------------------------------------------------------------------------

def _group_id(idx: Index, query: object) -> str:
    from .formats import normalise

    gs = idx.groups
    if isinstance(query, str):
        if query in gs:
            return query
        key = normalise(query)
        for gid, g in gs.items():
            if key == normalise(gid) or key in {normalise(a) for a in g["aliases"]} or key == normalise(g["name"]):
                return gid
    near = sorted(gs, key=lambda g: (not str(query).lower()[:2] in g, g))[:4]
    raise TreatyStatusError(f"unknown group {query!r}; groups: {', '.join(sorted(gs))}" if not near else
                            f"unknown group {query!r}; did you mean {', '.join(near)}? (groups: {', '.join(sorted(gs))})")


def _member_on(row: list, as_of: date, d: date) -> bool | None:
    """Whether a membership row holds on ``d``: True, False, or None where a day the source does not
    give decides (a member with no date given is known to be one from the group's as-of day)."""
    from .dates import parse_data_date

    _, lo, hi = row[:3]
    if lo == "-":
        began: bool | None = True if d >= as_of else None
    else:
        a0, a1, _ = parse_data_date(lo)
        began = True if d >= a1 else False if d < a0 else None
    if hi == "-":
        ended: bool | None = False
    else:
        b0, b1, _ = parse_data_date(hi)  # the last day as a member
        ended = False if d <= (b0 or b1) else True if d > b1 else None
    if began is False or ended is True:
        return False
    if began is True and ended is False:
        return True
    return None


def groups() -> list[dict]:
    """The groups of states in the data: id, name, aliases, source, as-of day, note, count today."""
    idx = _idx()
    out = []
    for gid, g in sorted(idx.groups.items()):
        out.append({"id": gid, "name": g["name"], "aliases": list(g["aliases"]), "source": g["source"],
                    "as_of": g["as_of"], "note": g["note"], "members": len(group(gid))})
    return out


def group(name: object, on: object = None):
    """Sorted codes of the members of a group of states on ``on`` (default: today): NATO, the EU,
    the Council of Europe, the African Union, the permanent members of the Security Council, the
    CTBT's Annex 2 states, the UN regional groups. Members whose membership that day depends on a
    day the source does not give are in ``.undecided``."""
    from .dates import parse_data_date
    from .results import StateList

    idx = _idx()
    gid = _group_id(idx, name)
    g = idx.groups[gid]
    d = to_date(on)
    as_of = parse_data_date(g["as_of"])[1]
    yes, maybe = set(), set()
    for row in g["members"]:
        m = _member_on(row, as_of, d)
        (yes if m else maybe if m is None else set()).add(row[0])
    maybe -= yes
    incomplete = (f"membership before {as_of} is not dated in the source: members from then are shown as "
                  "undecided" if d < as_of and any(r[1] == "-" for r in g["members"]) else None)
    return StateList(sorted(yes), treaty="", on=d, kind=f"member of {gid}", undecided=tuple(sorted(maybe)),
                     incomplete=incomplete, data_as_of=as_of)


def group_rows() -> list[tuple]:
    """Every membership row of every group: (group, state, from, to, source, note); the export's table."""
    return [(gid, r[0], "" if r[1] == "-" else r[1], "" if r[2] == "-" else r[2], r[3], r[4])
            for gid, g in sorted(_idx().groups.items()) for r in g["members"]]


def _among(lst, among: object):
    """A list narrowed to the members of a group (or a list of states) on the list's day; a state
    whose membership that day is undecided goes to ``.undecided`` if it would be on the list."""
    if among is None:
        return lst
    idx = _idx()
    if isinstance(among, str):
        try:
            members = group(among, lst.on)
        except TreatyStatusError:
            members = None
            n = names_of(idx)
            try:
                members = [n.state(among)]
            except TreatyStatusError:
                raise TreatyStatusError(f"unknown group {among!r}; groups: {', '.join(sorted(idx.groups))}") from None
        label = among
    else:
        n = names_of(idx)
        members = [n.state(x) for x in among]
        label = "the states given"
    inside = set(members)
    unsure = set(getattr(members, "undecided", ()))
    kept = [c for c in lst if c in inside]
    undecided = tuple(sorted({c for c in lst.undecided if c in inside or c in unsure} | {c for c in lst if c in unsure}))
    out = type(lst)(kept, treaty=lst.treaty, on=lst.on, kind=f"{lst.kind} among {label}", undecided=undecided,
                    incomplete=" ".join(x for x in (lst.incomplete, getattr(members, "incomplete", None)) if x) or None,
                    data_as_of=lst.data_as_of)
    out.among = label
    return out


# -- declarations -----------------------------------------------------------------------------------

def _declaration_articles(ti, article: str | None) -> tuple[dict, list[str]]:
    """The treaty's declaration articles by number, and those asked about (one, or all)."""
    arts = {str(a["article"]): a for a in ti.raw.get("declarations", ())}
    if article is None:
        return arts, list(arts)
    key = str(article).removeprefix("Art.").removeprefix("art.").strip()
    if key not in arts:
        from .errors import TreatyStatusError

        known = ", ".join(arts) or "none"
        raise TreatyStatusError(f"{ti.id} has no declarations recorded under article {article!r} "
                                f"(articles with declarations: {known})")
    return arts, [key]


def declarations(treaty: str, article: str | None = None, *, state: str | None = None, on: object = None):
    """The declarations recorded under ``treaty`` (under one ``article``, by one ``state``), in order.

    With ``on``, only those standing on that day (or that an unknown day decides), each with
    ``stands`` and ``is_party`` for that day. Examples: which states accept the Committee against
    Torture's competence for individual complaints (``declarations("cat", "22", on=...)``); the
    minimum age of voluntary recruitment the United Kingdom declared
    (``declarations("crc-opac", "3(2)", state="GBR")``).
    """
    from .results import Declaration, Declarations
    from .rules.declarations import spells, stands_on

    idx = _idx()
    n = names_of(idx)
    ti = idx.treaty(n.treaty(treaty))
    arts, chosen = _declaration_articles(ti, article)
    d = to_date(on) if on is not None else None
    codes = [n.state(state)] if state is not None else list(ti.order)
    out = Declarations()
    gaps = [arts[a]["incomplete"] for a in chosen if arts[a].get("incomplete")]
    out.incomplete = " ".join(gaps) or None
    for code in codes:
        evs = [e for e in ti.events(code) if e.article is not None]
        for art in chosen:
            for sp in spells(evs, art):
                stands = stands_on(sp, d) if d is not None else None
                if d is not None and stands is False:
                    continue
                ended = sp.ended
                party = ti.history(code).at(d).is_party if d is not None else None
                src, _ = _sources(idx, [sp.made] + ([ended] if ended is not None else []))
                out.append(Declaration(
                    state=code, state_name=idx.state_rows[code][0], treaty=ti.id, article=art,
                    subject=arts[art]["subject"], made=sp.made.date, ended=None if ended is None else ended.date,
                    ended_how=sp.ended_how, value=sp.made.value, on=d, stands=stands, is_party=party,
                    source=sp.made.source, ref=sp.made.ref, note=sp.made.note, sources=src))
    return out


def accepting(treaty: str, article: str, on: object = None, *, among: object = None):
    """Sorted codes of the states whose declaration under ``article`` stands on ``on`` (default:
    today) while the treaty binds them; where an unknown day or an undecided status decides,
    the state is in ``.undecided``."""
    from .results import StateList

    d = to_date(on)
    idx = _idx()
    tid = names_of(idx).treaty(treaty)
    yes, maybe = [], []
    ds = declarations(tid, article, on=d)
    for r in ds:
        if r.stands is True and r.is_party is True:
            yes.append(r.state)
        elif r.is_party is not False:
            maybe.append(r.state)
    return _among(StateList(sorted(set(yes)), treaty=tid, on=d, kind=f"declaration under Art. {article}",
                            undecided=tuple(sorted(set(maybe) - set(yes))), incomplete=ds.incomplete,
                            data_as_of=_as_of(idx, tid)), among)


# -- derogations ------------------------------------------------------------------------------------

def _derogation_treaty(idx, treaty: str, follow: bool = True):
    from .errors import TreatyStatusError

    ti = idx.treaty(names_of(idx).treaty(treaty))
    clause = ti.raw.get("derogation")
    if follow and clause is not None and clause.get("under"):  # a protocol's derogations are notified under its treaty
        return _derogation_treaty(idx, clause["under"])
    if clause is None:
        with_one = [t for t in idx.treaty_info if idx.treaty_info[t].get("notifications")]
        raise TreatyStatusError(f"{ti.id} has no derogation clause in the data (treaties with derogations "
                                f"recorded: {', '.join(with_one) or 'none'})")
    return ti, clause


def _as_day(b) -> object:
    if b is None or b[1] is None:
        return None if b is None or b[0] is None else b[0]
    lo, hi = b
    if lo == hi:
        return lo
    return DateRange(lo, hi, "by" if lo is None else "range")


def _derogation_results(idx, ti, clause, code: str, d: date | None) -> tuple[list, str | None]:
    """The state's derogations (those standing or undecided on ``d``; all where ``d`` is None),
    and, where none stands on ``d``, the last one on record before it, in words."""
    from .explain import derogation_sentence
    from .results import Derogation
    from .rules.derogations import spells, stands_on

    key = ("derogation-spells", ti.id, code)
    sp = idx.memo.get(key)
    if sp is None:
        sp = idx.memo[key] = spells([n for n in ti.notifications() if n.state == code]) \
            if idx.treaty_info[ti.id].get("notifications") else []
    name = idx.state_rows[code][0]
    out, last = [], None
    for s in sp:
        stands = stands_on(s, d) if d is not None else None
        when_ = d if d is not None else date.max
        since, until = _as_day(s.first), _as_day(s.until())
        refs = tuple(dict.fromkeys(n.ref for n in s.records if n.ref))
        territory, articles = s.at(when_, "territory"), s.at(when_, "articles")
        ended_note = None if s.ended_by is None else (s.ended_by.noted or s.ended_by.received)
        until_how = s.ended_how or ("period" if s.last is not None and s.links[-1].last_how in ("period", "by-period")
                                    else ("stated" if s.last is not None else None))
        text = derogation_sentence(s.measure, territory, articles, since, s.links[0].first_how, until, until_how,
                                   refs, d, stands, ended_note if s.ended_how == "superseded" else _as_day(s.ended))
        r = Derogation(state=code, state_name=name, treaty=ti.id, measure=s.measure, territory=territory,
                       articles=articles, since=since, since_how=s.links[0].first_how, until=until,
                       until_how=until_how, no_end_notified=until is None, on=d, stands=stands,
                       notifications=tuple(s.records), references=refs,
                       sources=tuple(_source(idx, x) for x in dict.fromkeys(
                           y for n in s.records for y in (n.source, *n.also))),
                       explanation=text)
        if d is None or stands is not False:
            out.append(r)
        elif s.first[1] is not None and s.first[1] <= d:
            u = s.until()
            end = (u[1] or u[0]) if u is not None else None
            if end is not None and end < d and (last is None or end >= last[0]):
                last = (end, text)
    return out, None if last is None else last[1]


def _derogation_note(idx, ti, code: str, d: date) -> tuple[tuple, str]:
    """For a status answer: the derogations standing on ``d`` (True or undecided), and a sentence."""
    from .explain import derogation_note

    clause = ti.raw["derogation"]
    items, _ = _derogation_results(idx, ti, clause, code, d)
    if not items:
        return (), ""
    sure = [r for r in items if r.stands is True]
    summaries = [f"{r.measure or 'a derogation'}" + (f", {r.territory}" if r.territory and r.territory != "whole"
                                                     else "") + (f", {r.references[0]}" if r.references else "")
                 for r in sure]
    text = derogation_note(idx.state_rows[code][0], f"Art. {clause['notice_paragraph']}", d, summaries,
                           len(items) - len(sure))
    return tuple(items), text + f" See derogations({code!r}, {ti.id!r}, on=...)."


def derogations(state: str, treaty: str = "iccpr", on: object = None, *, history: bool = False):
    """The derogations ``state`` has notified under ``treaty`` that stand on ``on`` (default:
    today), each with its measure, territory, articles, first and last day and sources; with
    ``history=True``, every derogation on record, whatever the day.

    Those a day the record does not give decides are included with ``stands=None``. Where none
    stands, the answer's explanation names the last one on record and how it ended. A
    derogation suspends obligations; it changes no party status (see :func:`status`).
    """
    from .explain import derogations_text
    from .results import Derogations

    idx = _idx()
    code = names_of(idx).state(state)
    ti, clause = _derogation_treaty(idx, treaty)
    d = None if history else to_date(on)
    if clause.get("complete_record") is None:
        from .explain import no_derogation_record

        return Derogations([], state=code, state_name=idx.state_rows[code][0], treaty=ti.id, on=d,
                           explanation=no_derogation_record(idx.state_rows[code][0], ti.raw["short_title"],
                                                            f"Art. {clause['notice_paragraph']}"),
                           incomplete="no record of the notifications is in the data")
    items, last = _derogation_results(idx, ti, clause, code, d)
    complete = clause.get("complete_to")
    complete = date.fromisoformat(complete) if isinstance(complete, str) else complete
    concerns = clause.get("incomplete_states") or ()
    incomplete = clause.get("incomplete") if not concerns or code in concerns else None
    text = derogations_text(idx.state_rows[code][0], ti.raw["short_title"], f"Art. {clause['notice_paragraph']}", d,
                            [r.explanation for r in items], sum(1 for r in items if r.stands is None), last,
                            complete, incomplete)
    return Derogations(items, state=code, state_name=idx.state_rows[code][0], treaty=ti.id, on=d,
                       explanation=text, complete_to=complete, incomplete=incomplete)


def derogating(treaty: str = "iccpr", on: object = None):
    """Sorted codes of the states with a derogation under ``treaty`` standing on ``on`` (default:
    today); those a day the record does not give decides are in ``.undecided``; those whose
    derogation stands only because no end is on record are also in ``.no_end_notified``."""
    from .results import DerogatingList

    d = to_date(on)
    idx = _idx()
    ti, clause = _derogation_treaty(idx, treaty)
    if clause.get("complete_record") is None:
        raise StatusUnknownError(f"the data hold no record of the notifications under Art. {clause['notice_paragraph']} "
                                 f"of {ti.id}: which States derogate is not known here (docs/derogations.md)")
    yes, maybe, open_ = [], [], []
    states = sorted({n.state for n in ti.notifications()}) if idx.treaty_info[ti.id].get("notifications") else []
    for code in states:
        items, _ = _derogation_results(idx, ti, clause, code, d)
        if any(r.stands is True for r in items):
            yes.append(code)
            if all(r.no_end_notified for r in items if r.stands is True):
                open_.append(code)
        elif items:
            maybe.append(code)
    complete = clause.get("complete_to")
    complete = date.fromisoformat(complete) if isinstance(complete, str) else complete
    return DerogatingList(yes, treaty=ti.id, on=d, kind="derogating", undecided=tuple(maybe),
                          incomplete=clause.get("incomplete"), data_as_of=complete, no_end_notified=tuple(open_))


def derogable(treaty: str, article: object):
    """Whether ``treaty`` allows a derogation from ``article`` (``"12"``, ``"8(1)"``, ``"Art. 7"``):
    False where its derogation clause names the article among those that admit none."""
    from .errors import TreatyStatusError
    from .explain import derogability_text
    from .results import Derogability

    idx = _idx()
    ti, clause = _derogation_treaty(idx, treaty, follow=False)
    a = str(article).strip()
    for p in ("Article", "article", "Art.", "art."):
        a = a.removeprefix(p).strip()
    a = a.replace(" ", "")
    import re

    if not re.fullmatch(r"\d+(\(\d+\))*", a):
        raise TreatyStatusError(f"{article!r} is not an article number (write 12, 8(1) or 'Art. 7')")
    listed = tuple(clause["non_derogable"])
    base = a.split("(")[0]
    exact = a in listed or base in listed
    # "8(1)" listed and "8" asked: part of the article admits no derogation; the rest does
    partial = not exact and a == base and any(x.split("(")[0] == base for x in listed)
    derog = not exact
    text = derogability_text(ti.raw["short_title"], a, derog, f"Art. {clause['notice_paragraph'] or clause['article']}",
                             f"Art. {clause['non_derogable_paragraph']}", listed)
    if partial:
        parts = [x for x in listed if x.split("(")[0] == base]
        text = (f"Article {a} of the {ti.raw['short_title']} admits derogation only in part: no derogation may be "
                f"made from {', '.join(parts)} (Art. {clause['non_derogable_paragraph']}); the rest may be "
                "derogated from.")
    return Derogability(treaty=ti.id, article=a, derogable=derog, clause_article=clause["article"],
                        non_derogable=listed, clause_text=clause.get("text"), source=clause["source"],
                        explanation=text)


def notifications(treaty: str = "iccpr", state: str | None = None) -> tuple:
    """The notifications of derogations recorded under ``treaty`` (by one ``state``), as the
    depositary prints them, in its order (:class:`~treatystatus.records.Notification`)."""
    idx = _idx()
    ti, _ = _derogation_treaty(idx, treaty)
    if not idx.treaty_info[ti.id].get("notifications"):
        return ()
    code = names_of(idx).state(state) if state is not None else None
    return tuple(n for n in ti.notifications() if code is None or n.state == code)


# -- treaties ---------------------------------------------------------------------------------------

def treaty(id_or_alias: str):
    """The treaty with its rules, by id (``"apmbc"``) or any alias (``"Ottawa Convention"``, ``"XXVI-5"``).

    Returns the validated treaty model (``treatystatus.schema.Treaty``), with its articles quoted.
    """
    from .schema import Treaty

    idx = _idx()
    ti = idx.treaty(names_of(idx).treaty(id_or_alias))
    return Treaty.model_validate(ti.raw)


def treaties():
    """Every treaty in the data, sorted by id."""
    return [treaty(t) for t in sorted(_idx().treaty_info)]


def treaty_summary(treaty: str | None = None) -> dict | list[dict]:
    """Plain facts about one treaty (or, with no argument, every treaty): id, titles, UNTC number,
    depositary, entry into force, how current the data are ("complete_to": the day of the last complete
    record of participants read, "complete_record" its source; "searched_to": the day up to which later
    acts were searched for, "searched" what was searched), aliases, counts of records and sources."""
    idx = _idx()
    if treaty is None:
        return [treaty_summary(t) for t in sorted(idx.treaty_info)]
    tid = names_of(idx).treaty(treaty)
    i = idx.treaty_info[tid]
    return {"id": tid, "short_title": i["short_title"], "title": i["title"], "untc": i["untc"],
            "depositary": i["depositary"], "in_force": i["in_force"],
            "complete_to": i["complete_to"], "complete_record": i["complete_record"],
            "searched_to": i["searched_to"], "searched": i["searched"],
            "aliases": list(i["aliases"]), "parent": i["parent"], "records": i["records"],
            "sources": i["sources"], "file": i["file"]}


# -- withdrawal --------------------------------------------------------------------------------------

def withdrawal(state: str, treaty: str, notified_on: object = None, armed_conflict_until: object = None,
               in_armed_conflict: bool | None = None, *, named_date: object = None, on: object = None):
    """When a withdrawal by ``state`` would take effect, and whether an armed-conflict clause holds it back.

    For a withdrawal already on record (and ``notified_on`` not given), the recorded notice
    is answered: with the depositary's date where it gives one, else by the same rules as a
    hypothetical notice. Otherwise the notice is taken as received on ``notified_on``
    (default: today). ``in_armed_conflict=True``: the state is in an armed conflict with no
    known end; ``armed_conflict_until``: the day that conflict (and what the clause waits for)
    ends. ``named_date``: a later day the notice names, where the treaty allows one. ``on``:
    the day the question is asked about (tense follows it; default today).
    """
    from .explain import withdrawal_text
    from .records import Source  # noqa: F401
    from .results import WithdrawalResult
    from .rules.withdrawal import plan, standing_of

    idx, code, ti = _pair(state, treaty)
    rule = ti.rules.withdrawal
    if rule is None:  # pragma: no cover - every treaty has one, inherited or its own
        raise TreatyStatusError(f"{ti.id} has no withdrawal rules in the data")
    conflict_end = to_date(armed_conflict_until, default_today=False) if armed_conflict_until is not None else None
    if conflict_end is not None and in_armed_conflict is False:
        raise TreatyStatusError("armed_conflict_until contradicts in_armed_conflict=False")
    in_conflict = True if conflict_end is not None else in_armed_conflict
    named = to_date(named_date, default_today=False) if named_date is not None else None
    on_d = to_date(on)
    h = ti.history(code)
    view = _view(idx, ti)
    name = idx.state_rows[code][0]
    t_in_force = ti.rules.entry.treaty_date
    recorded = revoked = None
    if notified_on is None:
        for e in reversed(h.events):
            if e.kind in kinds.CONSENT_KINDS:
                break  # consent given again after any earlier withdrawal: no notice on record to answer
            if e.kind is kinds.EventKind.WITHDRAWAL:
                recorded = e
                break
        if recorded is not None:
            revoked = next((e for e in h.events if e.kind is kinds.EventKind.WITHDRAWAL_REVOKED
                            and e.latest >= recorded.latest), None)
    seg_notice = None
    if recorded is not None:
        dec = _recorded_decision(ti, recorded, revoked, in_conflict, conflict_end, named)
        if dec.reason not in ("revoked", "no-effect"):  # a notice stands on record: no other can be given
            dec = dec._replace(possible=None if dec.reason == "disputed" else False)
        notice = recorded.date
        facts = h.at(min(on_d, recorded.latest)).facts
    else:
        notice = to_date(notified_on)
        seg_notice = h.at(notice)
        facts = seg_notice.facts
        eif = facts.entry_into_force
        dec = plan(rule, notice, in_conflict=in_conflict, conflict_end=conflict_end, named=named,
                   treaty_in_force=t_in_force, state_in_force=eif if isinstance(eif, date) else None,
                   standing=standing_of(seg_notice.status.value), expiry=ti.rules.expiry)
    text = withdrawal_text(view, name, dec, on=on_d, recorded=recorded, revoked=revoked, facts=facts,
                           in_conflict=in_conflict, conflict_end=conflict_end)
    srcs = [recorded] + ([revoked] if revoked else []) if recorded else []
    sources, refs = _sources(idx, srcs)
    article_source = ti.raw.get("withdrawal", {}).get("source")
    if article_source and article_source in idx.sources:
        sources = tuple(dict.fromkeys(sources + (_source(idx, article_source),)))
    wraw = ti.raw.get("withdrawal") or {}
    quote = f"Art. {rule.article}: \u201c{wraw['text'].strip()}\u201d" if wraw.get("text") else (
        f"The {view.short_title} has no withdrawal clause.")
    as_of = _as_of(idx, ti.id)
    last = dec.notice.latest if isinstance(dec.notice, DateRange) else dec.notice
    return WithdrawalResult(
        state=code, state_name=name, treaty=ti.id, on=on_d, recorded=recorded is not None, possible=dec.possible,
        reason=dec.reason, notified_on=notice, earliest_effective=dec.earliest, effective=dec.effective,
        deferred=dec.deferred, deferred_until=_until(dec, conflict_end), notice_not_before=dec.notice_not_before,
        article=rule.article, clause=quote, sources=sources, references=refs, explanation=text, data_as_of=as_of,
        after_data_as_of=last > as_of,
    )


def _until(dec, conflict_end: date | None) -> str | None:
    if dec.deferred and dec.until:
        return f"{dec.until} ({conflict_end})" if conflict_end is not None else dec.until
    return None


def _recorded_decision(ti: TreatyIndex, w, revoked, in_conflict: bool | None,
                       conflict_end: date | None, named: date | None):
    """The decision for a notice on record: the depositary's date where given, else the rules."""
    from .rules.withdrawal import Decision, plan

    rule = ti.rules.withdrawal
    assert rule is not None
    t = ti.rules.entry.treaty_date
    lo = w.earliest or w.latest

    def earliest_of(day_: date) -> object:
        return rule.earliest(day_, treaty_in_force=t) if rule.effect is not None else None

    e_lo, e_hi = earliest_of(lo), earliest_of(w.latest)
    # a notice known only as "on or before" a day: the rule alone gives "on or before" too
    earliest = _range(e_lo, e_hi) if w.earliest is not None else (
        DateRange(None, e_hi, "by") if isinstance(e_hi, date) else None)
    if rule.none is not None:
        return Decision(w.date, None, "no-effect", earliest=earliest)
    if revoked is not None:
        return Decision(w.date, True, "revoked", earliest=earliest, effective=None, deferred=False)
    if w.disputed:
        return Decision(w.date, True, "disputed", earliest=earliest, effective=None, deferred=None)
    hypothesis = rule.can_defer and (in_conflict is not None or conflict_end is not None)
    if w.effective is not None and not hypothesis:
        deferred = (isinstance(e_hi, date) and w.effective > e_hi) if rule.can_defer else False
        return Decision(w.date, True, "recorded", earliest=earliest, effective=w.effective, deferred=deferred,
                        until=rule.conflict.ends if deferred and rule.conflict else None)
    # no date from the depositary, or a question about an armed conflict the depositary's date does not
    # weigh: the same rules as a notice not yet given
    decs = [plan(rule, x, in_conflict=in_conflict, conflict_end=conflict_end, named=named, treaty_in_force=t)
            for x in (lo, w.latest)]
    a, b = decs
    eff = _range(a.effective, b.effective) if a.effective is not None and b.effective is not None else None
    return Decision(w.date, True, "recorded-rule", earliest=earliest, effective=eff, deferred=b.deferred,
                    until=b.until, test_day=b.test_day, condition_holds=b.condition_holds, trace=b.trace)


def _range(a: object, b: object) -> object:
    if not isinstance(a, date) or not isinstance(b, date):
        return b if isinstance(b, date) else None
    return a if a == b else DateRange(a, b, "range")

