"""Entry into force for a state: which day, and which rule decided it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..kinds import EventKind
from ..records import Event
from .clauses import ImmediateInConflict, Period

__all__ = ["EntryRule", "Entry", "entry_into_force"]


@dataclass(frozen=True)
class EntryRule:
    """A treaty's entry-into-force clauses, as data."""

    #: the day the treaty entered into force (None: not in force)
    treaty_date: date | None
    #: the day the instrument that brought it into force was deposited
    threshold_date: date | None
    treaty_rule: Period
    state_rule: Period
    #: the state rule applies to instruments deposited after the threshold instrument
    #: ("threshold"), or only after the treaty's entry into force ("entry-into-force")
    state_rule_after: str
    treaty_article: str
    state_article: str
    immediate: ImmediateInConflict | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """The day (or the bounds of the day) a treaty enters into force for a state, and why."""

    earliest: date
    latest: date
    #: treaty (the treaty's own date), state-rule, succession, source (a date a source gives),
    #: immediate (a party to a conflict), assumed-rule (an instrument of unknown kind, given
    #: the rule for ratifications)
    basis: str
    article: str


def entry_into_force(rule: EntryRule, consent: Event, lo: date, hi: date) -> Entry | None:
    """When the treaty enters into force for the state that deposited ``consent``.

    ``lo`` and ``hi`` bound the day of the deposit. None while the treaty is not in force.
    """
    t = rule.treaty_date
    if t is None:
        return None
    if consent.immediate and rule.immediate is not None:
        return Entry(lo, hi, "immediate", rule.immediate.article)
    if consent.in_force is not None:
        return Entry(consent.in_force, consent.in_force, "source", rule.state_article)
    if consent.kind is EventKind.SUCCESSION and consent.effective is not None:
        d = max(consent.effective, t)
        return Entry(d, d, "succession" if d == consent.effective else "treaty",
                     rule.state_article if d == consent.effective else rule.treaty_article)
    a, b = _state_day(rule, lo), _state_day(rule, hi)
    early = _early(rule, hi)
    basis = "treaty" if early else "state-rule"
    if consent.kind is EventKind.INSTRUMENT:
        basis = "assumed-rule" if not early else "treaty"
    return Entry(a, b, basis, rule.treaty_article if early else rule.state_article)


def _early(rule: EntryRule, d: date) -> bool:
    """An instrument deposited on ``d`` takes the treaty's own date."""
    if rule.state_rule_after == "entry-into-force":
        return d <= rule.treaty_date  # type: ignore[operator]
    return rule.threshold_date is not None and d <= rule.threshold_date


def _state_day(rule: EntryRule, d: date) -> date:
    t = rule.treaty_date
    assert t is not None
    if _early(rule, d):
        return t
    return max(rule.state_rule.apply(d), t)
