"""The engine's results as plain frozen records: a state's history under a treaty, its
segments, the facts behind each, and the treaty rules the engine was handed.

Nothing here computes a status (``history.replay`` does); these types are all a query needs
to read an answer, so a query imports this module alone.
"""

from __future__ import annotations

import bisect
from datetime import date

from ..frozen import Frozen
from ..kinds import BOUND, KIND_CODES, UNSETTLED, Status
from ..records import Event

__all__ = ["TreatyRules", "Parent", "Facts", "Segment", "History", "is_party_of", "sort_key", "on_list"]


class TreatyRules(Frozen):
    """Everything the engine needs to know about a treaty."""

    __slots__ = ('id', 'adopted', 'signatures_complete', 'entry', 'withdrawal', 'parent', 'expiry')
    _defaults = {'parent': None, 'expiry': None}


class Parent(Frozen):
    """The parent treaty's standing for the state, for a protocol or amendment."""

    __slots__ = ('treaty', 'status', 'possible', 'entry_into_force')
    _defaults = {'possible': (), 'entry_into_force': None}


class Facts(Frozen):
    """What had happened by a day (as known today), and what it implies.

    The acts (``signature``, ``consent``, ``revoked_consent`` (the instrument a
    ``consent_revoked`` record revoked), ``other_deposits``: the same instrument deposited
    with another depositary, ``provisional``, ``non_intention``, ``consent_revoked``,
    ``withdrawal``, ``withdrawal_revoked``, ``suspension``, ``communications``,
    ``announcements``, ``gap``); ``entry_into_force``, the day the treaty enters (or
    entered) into force for the state under its consent, with ``entry_basis`` (treaty,
    state-rule, succession, source, immediate, assumed-rule, parent) and ``entry_article``,
    and ``in_force`` whether that day had come; ``withdrawal_effective`` and
    ``withdrawal_basis`` (depositary, rule, disputed, deferral-unknown: a clause may defer it
    and the data do not say, no-effect: no withdrawal is possible, no-clause); ``ceased``,
    ``terminated`` (the state's and the treaty's end, once reached); ``parent``, the parent
    treaty's standing.
    """

    __slots__ = ('signature', 'consent', 'revoked_consent', 'other_deposits', 'entry_into_force', 'entry_basis', 'entry_article', 'in_force', 'provisional', 'non_intention', 'consent_revoked', 'withdrawal', 'withdrawal_effective', 'withdrawal_basis', 'withdrawal_revoked', 'suspension', 'communications', 'announcements', 'gap', 'ceased', 'terminated', 'parent')
    _defaults = {'signature': None, 'consent': None, 'revoked_consent': None, 'other_deposits': (), 'entry_into_force': None, 'entry_basis': None, 'entry_article': None, 'in_force': False, 'provisional': None, 'non_intention': None, 'consent_revoked': None, 'withdrawal': None, 'withdrawal_effective': None, 'withdrawal_basis': None, 'withdrawal_revoked': None, 'suspension': None, 'communications': (), 'announcements': (), 'gap': None, 'ceased': None, 'terminated': None, 'parent': None}


class Segment(Frozen):
    """From ``start`` (included) to ``end`` (excluded; None: open), one status and its facts.

    For an undecided segment, ``possible`` lists every status the record allows and
    ``uncertain`` what decides between them: (what, event, earliest, latest), what being
    act, in-force, effect or parent. ``outcomes`` holds every (status, signature standing)
    the record allows that day. ``is_party`` is True/False when every possibility agrees,
    else None.
    """

    __slots__ = ("start", "end", "status", "facts", "possible", "uncertain", "outcomes", "_party")
    _defaults = {"possible": (), "uncertain": (), "outcomes": frozenset(), "_party": None}

    def _post_init(self) -> None:
        object.__setattr__(self, "_party", is_party_of(self.status, self.possible))

    @property
    def is_party(self) -> bool | None:
        return self._party


def is_party_of(status: Status, possible: tuple[Status, ...] = ()) -> bool | None:
    """True/False when the treaty certainly is/is not in force for the state; None if not settled."""
    if status is Status.UNDECIDED:
        answers = {is_party_of(s) for s in possible}
        return answers.pop() if len(answers) == 1 else None
    if status in UNSETTLED:
        return None
    return status in BOUND


class History(Frozen):
    """A state's segments under a treaty, covering every day from the first possible one."""

    __slots__ = ('state', 'treaty', 'segments', 'events', '_starts')
    _defaults = {'events': (), '_starts': ()}

    def _post_init(self) -> None:
        if not self._starts:
            object.__setattr__(self, "_starts", tuple(s.start.toordinal() for s in self.segments))

    def at(self, d: date) -> Segment:
        """The segment that holds the day ``d``."""
        return self.segments[bisect.bisect_right(self._starts, d.toordinal()) - 1]

    def change_points(self) -> tuple[tuple[date, Status], ...]:
        """Each day the status changes, with the new status (the first segment left out)."""
        out = []
        last = self.segments[0].status, self.segments[0].possible
        for s in self.segments[1:]:
            if (s.status, s.possible) != last:
                out.append((s.start, s.status))
                last = s.status, s.possible
        return tuple(out)


_WITHDRAWAL_CODE = KIND_CODES[next(k for k in KIND_CODES if k.value == "withdrawal")]


def sort_key(e: Event) -> tuple:
    """The order of a state's records: by day (a range by its first day, an "on or before"
    by its last), then by kind; a withdrawal before an instrument of consent of the same day
    (a denunciation and re-accession on one day)."""
    lo = e.earliest
    day = lo if (e.precision in ("month", "year", "range") and lo is not None) else e.latest
    code = KIND_CODES[e.kind]
    return (day, -1 if code == _WITHDRAWAL_CODE else code)


def on_list(name: str, seg: Segment) -> bool | None:
    """Whether a segment puts its state on the list ``name`` that day: True, False, or None
    (undecided: the record allows both).

    ``party``: the treaty is in force for it. ``consenting``: its consent stands, in force or
    not (the depositary's "Parties" headline). ``signatory``: it had signed, and the
    signature stands (not withdrawn, the state and the treaty still existing).
    """
    if name == "party":
        return seg.is_party
    outcomes = seg.outcomes or frozenset({(seg.status, seg.facts.signature is not None)})
    answers = {_on_list(name, s.value, sig) for s, sig in outcomes}
    return answers.pop() if len(answers) == 1 else None


_CONSENTING = frozenset({"consented", "party", "withdrawal-pending"})
_NOT_SIGNATORY = frozenset({"withdrawn", "state-ceased", "treaty-terminated"})


def _on_list(name: str, s: str, sig: bool) -> bool | None:
    if name == "consenting":
        if s in _CONSENTING:
            return True
        return None if s in ("withdrawal-disputed", "unknown") else False
    if not sig or s in _NOT_SIGNATORY:
        return False
    return None if s == "withdrawal-disputed" else True
