"""Entry into force for a state: which day, and which rule decided it."""

from __future__ import annotations

from datetime import date

from ..frozen import Frozen
from ..kinds import EventKind
from ..records import Event

__all__ = ["EntryRule", "Entry", "entry_into_force"]


class EntryRule(Frozen):
    """A treaty's entry-into-force clauses, as data."""

    __slots__ = ('treaty_date', 'threshold_date', 'treaty_rule', 'state_rule', 'state_rule_after', 'treaty_article', 'state_article', 'immediate')
    _defaults = {'immediate': None}


class Entry(Frozen):
    """The day (or the bounds of the day) a treaty enters into force for a state, and why."""

    __slots__ = ('earliest', 'latest', 'basis', 'article')


def entry_into_force(rule: EntryRule, consent: Event, lo: date, hi: date, since: date | None = None) -> Entry | None:
    """When the treaty enters into force for the state that deposited ``consent``.

    ``lo`` and ``hi`` bound the day of the deposit. None while the treaty is not in force.
    ``since``: the day the state came to exist. A succession whose effective day no source
    gives is bound from a day the data cannot tell: the depositary may date it from the
    state's independence, or the state rule from the notification; the entry is the range
    between the two (undecided in between), never one of them chosen.
    """
    t = rule.treaty_date
    if t is None:
        return None
    if consent.immediate and rule.immediate is not None:
        return Entry(lo, hi, "immediate", rule.immediate.article)
    if consent.in_force is not None:
        if consent.kind is not EventKind.SUCCESSION and lo == hi:  # where the rule gives the same day, say the rule
            early = _early(rule, hi)
            if _state_day(rule, lo) == consent.in_force:
                return Entry(consent.in_force, consent.in_force, "treaty" if early else "state-rule",
                             rule.treaty_article if early else rule.state_article)
        return Entry(consent.in_force, consent.in_force, "source", rule.state_article)
    if consent.kind is EventKind.SUCCESSION and consent.effective is not None:
        d = max(consent.effective, t)
        return Entry(d, d, "succession" if d == consent.effective else "treaty",
                     rule.state_article if d == consent.effective else rule.treaty_article)
    a, b = _state_day(rule, lo), _state_day(rule, hi)
    if consent.kind is EventKind.SUCCESSION and since is not None and max(since, t) < a:
        return Entry(max(since, t), b, "succession-undated", rule.state_article)
    early = _early(rule, hi)
    basis = "treaty" if early else "state-rule"
    if consent.kind is EventKind.INSTRUMENT:
        basis = "assumed-rule" if not early else "treaty"
    return Entry(a, b, basis, rule.treaty_article if early else rule.state_article)


def _early(rule: EntryRule, d: date) -> bool:
    """An instrument deposited on ``d`` takes the treaty's own date."""
    if rule.state_rule_after == "entry-into-force":
        # "deposited subsequent to the entry into force": a treaty enters into force at the start of
        # its day, so an instrument deposited that day is subsequent (the OPCW dates Cuba's CWC
        # instrument of 29 April 1997 in force on 29 May 1997)
        return d < rule.treaty_date  # type: ignore[operator]
    return rule.threshold_date is not None and d <= rule.threshold_date


def _state_day(rule: EntryRule, d: date) -> date:
    t = rule.treaty_date
    assert t is not None
    if _early(rule, d):
        return t
    return max(rule.state_rule.apply(d), t)
