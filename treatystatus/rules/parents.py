"""Composing histories: a protocol binds a state only while its parent treaty binds it.

Applied once per level, so a protocol to a protocol is composed with its parent, which was
itself composed with its own: any depth. A parent whose status is undecided, disputed or
unknown leaves a protocol that would bind undecided, never "no".
"""

from __future__ import annotations

from ..dates import Day, bounds, iso_or_range
from ..kinds import BOUND, Status
from .history import _segments
from .model import History, Parent

__all__ = ["compose", "combine"]


def combine(own: Status, parent: Status) -> tuple[Status, ...]:
    """The protocol's possible statuses, given its own status and its parent's."""
    if own not in BOUND or parent in BOUND:
        return (own,)
    if parent is Status.CEASED:
        return (Status.CEASED,)
    if parent is Status.WITHDRAWN:
        return (Status.WITHDRAWN,)
    if parent is Status.TERMINATED:
        return (Status.TERMINATED,)
    if parent in (Status.UNKNOWN, Status.WITHDRAWAL_DISPUTED, Status.UNDECIDED):
        return (own, Status.CONSENTED)  # bound if the parent binds, else not
    return (Status.CONSENTED,)  # consent stands; not in force while the parent does not bind


def _later(a: Day | None, b: Day | None) -> Day | None:
    if a is None or b is None:
        return a
    alo, ahi = bounds(a)
    blo, bhi = bounds(b)
    lo = max(x for x in (alo, blo) if x is not None) if alo and blo else (alo or blo)
    return iso_or_range(lo, max(ahi, bhi))


def compose(child: History, parent: History) -> History:
    """The child's history, read together with the parent's for the same state."""
    days = sorted({s.start for s in child.segments} | {s.start for s in parent.segments})
    raw = []
    for b in days:
        c = child.at(b)
        p = parent.at(b)
        p_statuses = p.possible or (p.status,)
        outcomes = frozenset((s, sig) for own, sig in c.outcomes for ps in p_statuses for s in combine(own, ps))
        facts = c.facts._replace(parent=Parent(parent.treaty, p.status, p.possible, p.facts.entry_into_force))
        own, theirs = c.facts.entry_into_force, p.facts.entry_into_force
        both = _later(own, theirs)
        if own is not None and theirs is not None and both != own:
            # in force for the state only from the day the parent is: that day, and the parent's rule
            facts = facts._replace(entry_into_force=both, entry_basis="parent", entry_article=p.facts.entry_article)
        unc: tuple = ()
        if len({o[0] for o in outcomes}) > 1:  # what decides it: the child's unknown days, or the parent's
            unc = c.uncertain + (p.uncertain or (("parent", None, None, None),))
        raw.append((b, outcomes, facts, unc))
    return History(child.state, child.treaty, _segments(raw), child.events)
