"""The law, in one place: pure functions and rule objects, no I/O and no English.

Handed a treaty's rules and a state's records, the engine returns that state's
:class:`History` (ordered segments with their status and the facts behind each) and, for a
notice of withdrawal, a :class:`Decision`. It imports only ``dates``, ``kinds``,
``records`` and ``errors``; it never looks anything up.
"""

from .clauses import (OPEN, UNKNOWN, AfterNotice, Context, DaysAfter, EventEnd, Expiry, FirstDayOfMonthAfterDays,
                      FirstDayOfNthMonthAfter, IfInConflict, ImmediateInConflict, Later, MinimumMembership,
                      MonthsAfter, NamedDay, NoWithdrawalClause, OnDate, Period, Windows, YearsAfter, period)
from .compose import combine, compose
from .consent import Entry, EntryRule, entry_into_force
from .history import Facts, History, Parent, Segment, TreatyRules, is_party_of, replay, sort_key
from .withdrawal import ConflictClause, Decision, WithdrawalRule, build_effect, plan

__all__ = [
    "Period", "OnDate", "DaysAfter", "MonthsAfter", "YearsAfter", "FirstDayOfNthMonthAfter",
    "FirstDayOfMonthAfterDays", "period", "Context", "OPEN", "UNKNOWN", "AfterNotice", "NamedDay", "Later",
    "EventEnd", "IfInConflict", "Windows", "MinimumMembership", "NoWithdrawalClause", "Expiry",
    "ImmediateInConflict", "EntryRule", "Entry", "entry_into_force", "TreatyRules", "Facts", "Parent", "Segment",
    "History", "replay", "is_party_of", "sort_key", "compose", "combine", "WithdrawalRule", "ConflictClause",
    "Decision", "plan", "build_effect",
]
