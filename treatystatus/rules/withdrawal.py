"""Withdrawal: the clause as a rule object, and the planner that returns a decision.

The planner never writes prose: it returns a :class:`Decision` (may the state give notice,
the earliest day the notice period alone gives, the day it takes effect if that can be told,
whether and until what it is deferred, and a trace of every rule applied). The explanation
module writes the sentences from it.
"""

from __future__ import annotations

from datetime import date

from ..frozen import Frozen
from .clauses import (OPEN, UNKNOWN, AfterNotice, Context, EventEnd, IfInConflict, Later, NamedDay, Node, Expiry)

__all__ = ["WithdrawalRule", "ConflictClause", "Decision", "plan", "build_effect", "standing_of"]


class ConflictClause(Frozen):
    """A clause that keeps a withdrawing state bound while it is in an armed conflict.

    ``condition``, ``until`` and ``ends`` are the treaty's own words; ``events`` what the hold
    waits for (the later of them, where there are several: the Hague Convention of 1954,
    Art. 37(2)).
    """

    __slots__ = ('tested_at', 'paragraph', 'condition', 'until', 'ends', 'events')
    _defaults = {'events': ()}


class WithdrawalRule(Frozen):
    """A treaty's withdrawal (or denunciation) clause, as data and rule objects."""

    __slots__ = ('article', 'term', 'notice', 'later_date_allowed', 'named_date_required', 'conflict', 'windows', 'minimum', 'none', 'grounds', 'effect')
    _defaults = {'term': "withdrawal", 'notice': None, 'later_date_allowed': False, 'named_date_required': False, 'conflict': None, 'windows': None, 'minimum': None, 'none': None, 'grounds': None, 'effect': None}

    def _post_init(self) -> None:
        if self.effect is None and self.none is None:
            object.__setattr__(self, "effect", build_effect(self))

    @property
    def has_clause(self) -> bool:
        return self.none is None

    @property
    def can_defer(self) -> bool:
        return self.conflict is not None

    def earliest(self, notice: date, named: date | None = None, treaty_in_force: date | None = None) -> object:
        """What the notice period alone gives for a notice on ``notice`` (no conflict)."""
        if self.effect is None:
            return None
        return self.effect.earliest(Context(notice, named, False, None, treaty_in_force))


def build_effect(rule: WithdrawalRule) -> Node:
    """The clause as one expression: the base period (or named day, or renewal period), and
    the armed-conflict deferral as the later of the base and the end of the conflict."""
    if rule.windows is not None:
        base: Node = rule.windows
    elif rule.notice is None:
        raise ValueError("a withdrawal clause needs a notice period, renewal periods, or none=")
    elif rule.later_date_allowed or rule.named_date_required:
        base = NamedDay(rule.notice, required=rule.named_date_required)
    else:
        base = AfterNotice(rule.notice)
    c = rule.conflict
    if c is None:
        return base
    events = tuple(EventEnd(e) for e in (c.events or (c.ends,)))
    return IfInConflict(c.tested_at, Later((base, *events)), base, c.paragraph, c.condition, c.until, c.ends)


class Decision(Frozen):
    """What the rules decide for a notice of withdrawal given on ``notice``."""

    __slots__ = ('notice', 'possible', 'reason', 'earliest', 'effective', 'deferred', 'until', 'test_day', 'condition_holds', 'notice_not_before', 'window_deadline', 'treaty_ends', 'trace')
    _defaults = {'earliest': None, 'effective': None, 'deferred': False, 'until': None, 'test_day': None, 'condition_holds': None, 'notice_not_before': None, 'window_deadline': None, 'treaty_ends': None, 'trace': ()}


#: a state's standing for giving notice, by its status that day (anything else: not bound)
_STANDING = {"party": "party", "withdrawal-pending": "pending", "consented": "consented",
             "withdrawn": "already-withdrawn", "state-ceased": "ceased", "treaty-terminated": "terminated",
             "undecided": "unsettled", "unknown": "unsettled", "withdrawal-disputed": "unsettled"}


def standing_of(status: str) -> str:
    """What a status (its value) means for giving notice: the ``standing`` :func:`plan` takes."""
    return _STANDING.get(status, "not-bound")


def plan(rule: WithdrawalRule, notice: date, *, in_conflict: bool | None = None, conflict_end: date | None = None,
         named: date | None = None, treaty_in_force: date | None = None, state_in_force: date | None = None,
         standing: str = "party", expiry: Expiry | None = None) -> Decision:
    """Decide a notice given on ``notice`` by a state whose standing that day is ``standing``.

    ``standing``: party, consented, not-bound, already-withdrawn, pending, ceased, terminated,
    unsettled (as the history gives it on the notice day).
    """
    if standing not in ("party", "consented"):
        return Decision(notice, False if standing != "unsettled" else None, standing)
    if expiry is not None and notice >= expiry.on:
        return Decision(notice, False, "terminated", treaty_ends=expiry.on)
    if rule.none is not None:
        nc = rule.none
        if nc.position == "not-permitted":
            return Decision(notice, False, "no-clause-not-permitted", trace=({"step": "no-clause", **nc.describe()},))
        earliest = nc.notice.apply(notice)
        return Decision(notice, None, "no-clause", earliest=earliest, effective=None, deferred=False,
                        trace=({"step": "no-clause", **nc.describe(), "gives": earliest},))
    if rule.minimum is not None and state_in_force is not None:
        first = rule.minimum.first_notice_day(state_in_force)
        if notice < first:
            return Decision(notice, False, "too-early", notice_not_before=first,
                            trace=({"step": "minimum-membership", "from": state_in_force, "first_notice": first},))
    ctx = Context(notice, named, in_conflict, conflict_end, treaty_in_force, state_in_force)
    trace: list = []
    assert rule.effect is not None
    earliest = rule.effect.earliest(ctx)
    value = rule.effect.evaluate(ctx, trace)
    c = rule.conflict
    node = rule.effect if isinstance(rule.effect, IfInConflict) else None
    test_day = holds = None
    if node is not None:
        test_day = node.test_day(ctx)
        holds = node.holds(ctx)
    if value is UNKNOWN:
        effective, deferred = None, None
    elif value is OPEN:
        effective, deferred = None, True
    else:
        effective = value
        deferred = bool(isinstance(earliest, date) and isinstance(value, date) and value > earliest)
    if earliest is UNKNOWN:
        earliest = None
    deadline = None
    if rule.windows is not None and isinstance(earliest, date):
        deadline = next((s["deadline"] for s in trace if s.get("step") == "windows"), None)
    ends = expiry.on if expiry is not None and (effective is None or effective > expiry.on) else None
    return Decision(notice, True, standing, earliest=earliest, effective=effective, deferred=deferred,
                    until=c.ends if c is not None and (deferred or deferred is None or holds) else None,
                    test_day=test_day, condition_holds=holds, window_deadline=deadline, treaty_ends=ends,
                    trace=tuple(trace))
